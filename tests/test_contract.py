"""Contract tests: schemathesis reads GET /api/v1/openapi.json and sends each operation bodies and
parameters drawn from it, those the schemas allow (positive) and those they forbid (negative), and
checks each answer against the description: never a server error, only documented status codes,
headers and bodies, every body the schemas forbid refused, and a body they allow refused only
for a check the description lists as beyond the schema, at that field.

Bounded for CI (EXAMPLES per operation and mode); TIRKEU_CONTRACT_EXAMPLES runs more by hand."""
from __future__ import annotations

import os
import re
from datetime import date

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from webapp import create_app
from webapp.api.documents import _answers_validator
from webapp.api.plan import _plan_validator
from webapp.api.schemas import PLAN_CHECKS_BEYOND_SCHEMA
from webapp.api.validation import schema_errors
from webapp.documents.schema import checks_beyond_schema

from .conftest import TODAY

EXAMPLES = int(os.environ.get("TIRKEU_CONTRACT_EXAMPLES", "60"))
APP = create_app({"TESTING": True, "TODAY": TODAY})
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
BEYOND = {"POST /api/v1/plan": set(PLAN_CHECKS_BEYOND_SCHEMA),
          "POST /api/v1/documents/{name}.pdf": {*checks_beyond_schema(), "person"}}


def any_row(field: str) -> str:
    """others[1].children[0].surname -> others[*].children[*].surname, as the description lists fields."""
    return re.sub(r"\[\d+\]", "[*]", field)


def forbidden(case) -> set[str]:
    """The fields the published schema forbids in the case's body, with every keyword it states:
    schemathesis does not know formatMinimum and formatMaximum (Ajv's), and so draws days outside
    them as allowed."""
    if not isinstance(case.body, dict):
        return set()
    check = _plan_validator() if case.operation.label == "POST /api/v1/plan" else _answers_validator(date.fromisoformat(TODAY))
    with APP.test_request_context():
        firm, fallback = schema_errors(check, case.body)
    return {*firm, *fallback}


@schemathesis.check
def refused_only_beyond_the_schema(ctx, response, case):
    """A body the schemas allow may be refused only at fields whose checks the description lists."""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 400:
        return None
    fields = set(response.json()["errors"]) - forbidden(case)
    outside = {field for field in fields if any_row(field) not in BEYOND.get(case.operation.label, set())}
    assert not outside, f"a body the schema allows was refused at {sorted(outside)}: {response.json()['errors']}"
    return True


@SCHEMA.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case):
    case.call_and_validate(headers={"Accept-Language": "en"}, additional_checks=[refused_only_beyond_the_schema],
                           excluded_checks=[positive_data_acceptance])

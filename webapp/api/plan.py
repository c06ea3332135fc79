"""POST /api/v1/plan: the deadlines for one person, as JSON."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from flask import Blueprint, current_app, jsonify, request

from ..deadlines.explain import plan_json
from ..messages import FIELD_ERRORS
from ..pwa.offline import INSTALL, keep
from ..rules import NotCovered, PlanInput, Stay, evaluate, inputs
from ..rules.export import rules_json
from ..rules.places import checkpoint as find_checkpoint
from ..web.headers import same_in_every_language
from ..web.i18n import country_codes
from ..web.limits import api_limit
from ..web.today import today as kazakhstan_today
from .bodies import error_response, json_request
from .schemas import plan_request
from .validation import merged, schema_errors, validator

bp = Blueprint("api", __name__, url_prefix="/api/v1")

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Reader:
    """Reads fields out of the JSON body, collecting one error code per field."""

    def __init__(self, body: dict):
        self.body = body
        self.errors: dict[str, str] = {}

    def fail(self, field: str, code: str) -> None:
        self.errors.setdefault(field, code)

    def text(self, value, field: str) -> str | None:
        if isinstance(value, str):
            return value.strip()
        self.fail(field, "not_a_string")
        return None

    def date(self, value, field: str, required: str | None = None) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, required)
            return None
        text = self.text(value, field)
        if text is None:
            return None
        if not ISO_DATE.fullmatch(text):
            self.fail(field, "invalid_iso_date")
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(field, "invalid_iso_date")
            return None


def read_plan_request(body: dict, default_today: date) -> tuple[PlanInput | None, dict[str, str]]:
    """The PlanInput in a JSON body, or the error code of each field that is wrong.
    Fields are read in this order, and a field keeps its first error. What the schema forbids
    besides (a field it does not know, a value of another type) is plan_errors' to say."""
    reader = _Reader(body)
    today = _read_today(reader, default_today)
    citizenship = _read_citizenship(reader)
    entry = reader.date(body.get("entry_date"), "entry_date", required="required_entry_date")
    if entry and (code := inputs.check_entry_date(entry, today)):
        reader.fail("entry_date", code)
    stays = _read_previous_stays(reader, today)
    exit_date = _read_exit_date(reader, entry, today)
    accommodation = body.get("accommodation")
    if accommodation is not None and accommodation not in inputs.ACCOMMODATIONS:
        reader.fail("accommodation", "invalid_accommodation")
    checkpoint = body.get("checkpoint")
    if checkpoint is not None and (not isinstance(checkpoint, str) or find_checkpoint(checkpoint) is None):
        reader.fail("checkpoint", "unknown_checkpoint")

    if reader.errors:
        return None, reader.errors
    return PlanInput(citizenship, entry, today, tuple(stays), accommodation, checkpoint, exit_date), {}


def _read_today(reader: _Reader, default_today: date) -> date:
    today = reader.date(reader.body.get("today"), "today") or default_today
    if code := inputs.check_today(today):
        reader.fail("today", code)
    if "today" in reader.errors:
        return default_today  # check the other dates against a real day
    return today


def _read_citizenship(reader: _Reader):
    """The ISO code in capitals; a value that is not a string is returned as it is (and failed)."""
    citizenship = reader.body.get("citizenship")
    if citizenship in (None, ""):
        reader.fail("citizenship", "required_citizenship")
    elif (text := reader.text(citizenship, "citizenship")) is not None:
        citizenship = text.upper()
        if code := inputs.check_citizenship(citizenship, country_codes()):
            reader.fail("citizenship", code)
    return citizenship


def _read_previous_stays(reader: _Reader, today: date) -> list[Stay]:
    raw_stays = reader.body.get("previous_stays")
    if raw_stays is None:
        return []
    if not isinstance(raw_stays, list):
        reader.fail("previous_stays", "not_a_list")
        return []
    if len(raw_stays) > inputs.MAX_PREVIOUS_STAYS:
        reader.fail("previous_stays", "too_many_stays")
        return []
    stays = (_read_stay(reader, raw, f"previous_stays[{i}]", today) for i, raw in enumerate(raw_stays))
    return [stay for stay in stays if stay is not None]


def _read_stay(reader: _Reader, raw, field: str, today: date) -> Stay | None:
    """One earlier stay, or None when a date is missing or it is not an object."""
    if not isinstance(raw, dict):
        reader.fail(field, "not_a_list")
        return None
    start = reader.date(raw.get("entry"), f"{field}.entry", required="required_stay_entry")
    end = reader.date(raw.get("exit"), f"{field}.exit", required="required_stay_exit")
    for day, name in ((start, "entry"), (end, "exit")):
        if day and (code := inputs.check_stay_date(day, today)):
            reader.fail(f"{field}.{name}", code)
    if not (start and end):
        return None
    stay = Stay(start, end)
    if code := inputs.check_stay(stay):
        reader.fail(f"{field}.exit", code)
    return stay


def _read_exit_date(reader: _Reader, entry: date | None, today: date) -> date | None:
    """The last day of this stay, when known: "Coming back" counts from it."""
    exit_date = reader.date(reader.body.get("exit_date"), "exit_date")
    if exit_date is None:
        return None
    # A day that is wrong by itself is not also compared with the entry.
    if code := inputs.check_stay_date(exit_date, today) or (entry and inputs.check_stay(Stay(entry, exit_date))):
        reader.fail("exit_date", code)
    return exit_date


def plan_errors(body: dict, default_today: date) -> tuple[PlanInput | None, dict[str, str]]:
    """read_plan_request's answer with its errors in words, and what the schema forbids besides:
    a field it does not know (a misspelt "exit" would otherwise be dropped and the plan made
    without it), a value of another type, one outside its list."""
    answers, codes = read_plan_request(body, default_today)
    errors = merged({field: str(FIELD_ERRORS[code]) for field, code in codes.items()},
                    *schema_errors(_plan_validator(), body))
    return (None if errors else answers), errors


@lru_cache(maxsize=1)
def _plan_validator():
    return validator(plan_request())


@bp.post("/plan")
@api_limit
def plan():
    body, refused = json_request()
    if refused:
        return refused
    answers, errors = plan_errors(body, kazakhstan_today())
    if errors:
        return error_response(errors)
    try:
        result = evaluate(answers)
    except NotCovered as error:
        return error_response({"entry_date": FIELD_ERRORS[error.code]})
    return jsonify(plan_json(result))


@bp.get("/rules")
@keep(INSTALL)
def rules():
    """The rule data for the browser's own evaluator (static/js/core/evaluator.js)."""
    return shared_json(rules_json(kazakhstan_today()))


def shared_json(body: str):
    """Data that is the same for everyone: cacheable, with an ETag (the service worker keeps it too)."""
    same_in_every_language()
    response = current_app.response_class(body, mimetype="application/json")
    response.add_etag()
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)

"""The JSON Schemas of the plan API's body and of the API's answers: POST /api/v1/plan validates
with plan_request() (api/validation.py), GET /api/v1/openapi.json publishes them all."""
from __future__ import annotations

from datetime import timedelta

from ..documents.schema import foreign_codes
from ..forms.json_schema import date_schema, or_empty
from ..rules import inputs
from ..rules.places import checkpoints
from ..rules.ruleset import rule_book

# The plan's days are counted from `today`, which the body may give: a bound that depends on it is
# checked by the code (PLAN_CHECKS_BEYOND_SCHEMA) and the schema states the widest one.
LATEST_DAY = inputs.LATEST_TODAY + timedelta(days=inputs.MAX_DAYS_AHEAD)


def _object(required: list[str], properties: dict, **extra) -> dict:
    return {"type": "object", "required": required, "properties": properties, "additionalProperties": False, **extra}


def _or_null(schema: dict) -> dict:
    """An optional field of the plan: null is the same as leaving it out (as clients often send)."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def plan_request() -> dict:
    """The body of POST /api/v1/plan; every field but citizenship and entry_date may be left out,
    null or (a date) ""."""
    trip_day = date_schema(inputs.EARLIEST_DATE, LATEST_DAY)
    return _object(["citizenship", "entry_date"], {
        "citizenship": {"enum": foreign_codes(), "description": "ISO 3166-1 alpha-2, in capitals"},
        "entry_date": date_schema(rule_book().first_entry_covered, LATEST_DAY,
                                  "The day of crossing the border; at most a year after today (a plan for a future entry)"),
        "today": _or_null(or_empty(date_schema(inputs.EARLIEST_DATE, inputs.LATEST_TODAY,
                                      "The day to count days left from; without it, today in Kazakhstan"))),
        "previous_stays": _or_null({"type": "array", "maxItems": inputs.MAX_PREVIOUS_STAYS,
                           "items": _object(["entry", "exit"], {"entry": trip_day, "exit": trip_day}),
                           "description": "Earlier stays in Kazakhstan, each counted in the 90 days in 180"}),
        "exit_date": _or_null(or_empty({**trip_day, "description": "The last day of this stay, when known: `next_entry` "
                                                                    "counts from it"})),
        "accommodation": _or_null({"enum": list(inputs.ACCOMMODATIONS), "description": "Where the person stays: who registers"}),
        "checkpoint": _or_null({"enum": [p["id"] for p in checkpoints()], "description": "Where the border was crossed"}),
    }, title="Tirkeu plan request")


# As documents/schema.py CHECKS_BEYOND_SCHEMA, for the plan.
PLAN_CHECKS_BEYOND_SCHEMA = {
    "entry_date": "at most 366 days after today (the body's `today`, or today in Kazakhstan)",
    "exit_date": "on or after entry_date, from 2000-01-01 to 366 days after today",
    "previous_stays[*].entry": "from 2000-01-01 to 366 days after today",
    "previous_stays[*].exit": "on or after that stay's entry, and at most 366 days after today",
}

_DAY = {"type": "string", "format": "date"}
_DAY_OR_NULL = {"type": ["string", "null"], "format": "date"}
SOURCE = _object(["id", "title", "url", "checked"], {
    "id": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string", "format": "uri"}, "checked": _DAY})
MESSAGE = _object(["code", "message"], {"code": {"type": "string"}, "message": {"type": "string"}})


def plan_response() -> dict:
    """What deadlines/explain.py plan_json gives."""
    obligation = _object(["kind", "who", "deadline", "days_left", "source", "status"], {
        "kind": {"type": "string"}, "who": {"type": "string"},
        "deadline": _DAY_OR_NULL, "days_left": {"type": ["integer", "null"]},
        "source": SOURCE, "working_days": {"type": "integer"}, "safe_by": _DAY, "status": {"type": "string"},
        "date": {**_DAY, "description": "The date the pages, documents and calendar give: safe_by if any, else deadline"},
        "days_left_to_date": {"type": "integer"},
        "steps": {"type": "array", "items": MESSAGE}, "confirmed_by": {"type": ["string", "null"]},
    })
    stay = _object(["leave_by", "days_left", "days_used_in_window", "max_days_in_window", "window_days",
                    "max_days_per_entry", "counted_to"], {
        "leave_by": _DAY_OR_NULL, "days_left": {"type": ["integer", "null"]},
        "days_used_in_window": {"type": "integer"}, "max_days_in_window": {"type": ["integer", "null"]},
        "window_days": {"type": ["integer", "null"]}, "max_days_per_entry": {"type": ["integer", "null"]},
        "counted_to": _DAY})
    next_entry = _object(["exit", "earliest", "days_available", "leave_by", "rule_set"], {
        "exit": _DAY_OR_NULL, "earliest": _DAY, "days_available": {"type": "integer"}, "leave_by": _DAY,
        "rule_set": {"type": "string"}})
    return _object(["rule_set", "group", "obligations", "stay", "warnings", "sources", "next_entry", "ended"], {
        "rule_set": {"type": "string"}, "group": {"type": ["string", "null"]},
        "obligations": {"type": "array", "items": obligation},
        "stay": {"anyOf": [stay, {"type": "null"}]},
        "warnings": {"type": "array", "items": MESSAGE},
        "sources": {"type": "array", "items": SOURCE},
        "next_entry": {"anyOf": [next_entry, {"type": "null"}]},
        "ended": _DAY_OR_NULL,
    }, title="Tirkeu plan")


ERRORS = _object(["errors"], {"errors": {
    "type": "object", "additionalProperties": {"type": "string"},
    "description": "A message in the reader's language for each field in error: `person.surname_latin`, "
                   "`children[0].date_of_birth`, `others[1].passport.number`; `body` for the body as a whole, "
                   "`request` for the request."}}, title="Errors")


def documents_list(answers: dict) -> dict:
    """GET /api/v1/documents: each document with the answers' schema and examples."""
    return {"type": "array", "items": _object(["name", "title", "summary", "schema", "example", "examples"], {
        "name": {"type": "string"}, "title": {"type": "string"}, "summary": {"type": "string"},
        "schema": {"type": "object", "description": "The answers' JSON Schema (components/schemas/DocumentAnswers)"},
        "example": answers, "examples": {"type": "object", "additionalProperties": answers}})}

"""The API refuses what its schemas forbid, each error at its field in the reader's language.

The schemas (documents/schema.py, api/schemas.py) are the ones GET /api/v1/openapi.json publishes.
The code's own checks speak first, with their specific messages; what the schema forbids and
they did not see gets one of the messages below."""
from __future__ import annotations

import re
from datetime import date

from flask_babel import ngettext
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from ..messages import FIELD_ERRORS

ASCII_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat also reads other forms and digits


def _pattern(validator, pattern: str, instance, schema):
    """The whole value must match: Python's $ would also match before a final newline."""
    if isinstance(instance, str) and not re.fullmatch(pattern.removeprefix("^").removesuffix("$"), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _bound(compare, word: str):
    """formatMinimum / formatMaximum of a date (Ajv's formats): only a real YYYY-MM-DD is compared
    (the format says the rest)."""
    def check(validator, bound: str, instance, schema):
        if schema.get("format") != "date" or not isinstance(instance, str):
            return
        try:
            day = date.fromisoformat(instance)
        except ValueError:
            return
        if ASCII_DATE.fullmatch(instance) and not compare(day, date.fromisoformat(bound)):
            yield ValidationError(f"{instance} is {word} {bound}")
    return check


Validator = validators.extend(Draft202012Validator, {
    "pattern": _pattern,
    "formatMinimum": _bound(lambda day, bound: day >= bound, "before"),
    "formatMaximum": _bound(lambda day, bound: day <= bound, "after"),
})


def validator(schema: dict) -> Draft202012Validator:
    return Validator(schema, format_checker=FormatChecker(["date"]))


def schema_errors(check: Draft202012Validator, body) -> tuple[dict[str, str], dict[str, str]]:
    """What the schema forbids in `body`, as ({field: message} the code's own checks do not see and
    that win over theirs, {field: message} for fields the code may have spoken about first)."""
    firm: dict[str, str] = {}
    fallback: dict[str, str] = {}
    for error in check.iter_errors(body):
        _add(error, firm, fallback)
    return firm, fallback


def _add(error: ValidationError, firm: dict[str, str], fallback: dict[str, str]) -> None:
    path = field_path(error.absolute_path)
    kind = error.validator
    if kind in ("allOf", "if", "then", "else", "anyOf") and error.context:
        # A branch's errors: the one for a value given (an optional "" branch says nothing useful).
        for inner in _useful(error):
            _add(inner, firm, fallback)
        return
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        for key in sorted(set(error.instance) - set(error.schema.get("properties", {}))):
            firm.setdefault(f"{path}.{key}" if path else str(key), str(FIELD_ERRORS["unknown_field"]))
    elif kind == "type":
        expected = error.validator_value
        message = FIELD_ERRORS["not_a_string"] if expected == "string" else FIELD_ERRORS["wrong_type"]
        firm.setdefault(path, str(message))
    elif kind == "required":
        # One error for each missing property, each holding the whole list: name every one missing.
        for key in (k for k in error.validator_value if isinstance(error.instance, dict) and k not in error.instance):
            fallback.setdefault(f"{path}.{key}" if path else key, str(FIELD_ERRORS["missing_field"]))
    else:
        fallback.setdefault(path, _message(error))


def _useful(error: ValidationError) -> list[ValidationError]:
    inner = list(error.context)
    if error.validator == "anyOf":
        given = [e for e in inner if e.validator != "const" or e.validator_value != ""]
        return given[:1] if given else inner[:1]
    return inner


def _message(error: ValidationError) -> str:
    kind, bound = error.validator, error.validator_value
    if kind in ("enum", "const"):
        return str(FIELD_ERRORS["not_in_list"])
    if kind == "maxLength":
        return ngettext("Enter at most %(num)d character", "Enter at most %(num)d characters", bound)
    if kind in ("formatMinimum", "formatMaximum"):
        schema = error.schema
        return str(FIELD_ERRORS["date_out_of_range"]) % {"first": schema.get("formatMinimum", "…"),
                                                         "last": schema.get("formatMaximum", "…")}
    if kind == "format":
        return str(FIELD_ERRORS["invalid_iso_date"])
    return str(FIELD_ERRORS["not_as_described"])


def merged(own: dict[str, str], firm: dict[str, str], fallback: dict[str, str]) -> dict[str, str]:
    """The code's own messages, the schema's firm ones over them, and its others where the code said nothing."""
    errors = {**own, **firm}
    for field, message in fallback.items():
        errors.setdefault(field, message)
    return errors


def field_path(parts) -> str:
    """["others", 0, "children", 1, "surname"] -> others[0].children[1].surname, as errors name fields."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

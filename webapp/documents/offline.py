"""The documents journey without a network: what static/js/core/checks.js needs to check the
answers on the phone as the server does (webapp/documents/answers.py), with the same messages."""
from __future__ import annotations

from datetime import timedelta

from wtforms import FieldList, FormField

from ..forms.fields import DatePartsField
from ..forms.trip import EarlierStayForm
from ..forms.validators import APOSTROPHES, KazakhIdentifier, MaxLength, Pattern, PersonName, PlainText, Required, letter_ranges
from ..messages import DATE_PARTS_ERRORS, FIELD_ERRORS
from ..rules import inputs, rule_book
from ..web.i18n import calendar_words
from .answers import (
    CHECKS,
    DOCUMENT_CITIZENSHIP,
    DOCUMENT_KINDS,
    FOREIGN_PASSPORT,
    MAX_CHILDREN,
    NOT_ASKED,
    STEPS,
    TRAVELLER_STEPS,
    VARIANTS,
    AnswersForm,
    ChildForm,
    Drawn,
    SeriesNumber,
)
from .fonts import printable_ranges
from .group import MAX_ADULTS, OTHERS

DATE_ERRORS = DATE_PARTS_ERRORS + ("entry_before_rules", "too_far_ahead")
# The day of leaving and the earlier stays (AnswersForm._validate_trip), asked on the entry step.
# (Not "invalid_earlier_stays": the phone's radio offers only yes and no.)
TRIP_ERRORS = ("too_early", "exit_before_entry", "earlier_stays_missing", "earlier_stays_given")
# Lists of rows, each row's fields named <prefix>-*-<name>, and the step that asks them.
ROWS = {"children": ("children", ChildForm, MAX_CHILDREN),
        "entry": ("previous_stays", EarlierStayForm, inputs.MAX_PREVIOUS_STAYS)}


def _check(check) -> dict | None:
    """One validator as the phone runs it (static/js/core/checks.js textError), or None."""
    if isinstance(check, MaxLength):
        return {"max_length": check.limit, "message": check.message()}
    if isinstance(check, PersonName):
        return {"scripts": list(check.scripts), "message": str(check.message)}
    if isinstance(check, PlainText):
        return {"plain": True, "message": str(check.message)}
    if isinstance(check, Pattern):
        return {"chars": check.allowed, "min": check.min, "max": check.max, "message": str(check.message)}
    if isinstance(check, KazakhIdentifier):
        return {"kazakh_identifier": True, "message": str(check.message)}
    if isinstance(check, SeriesNumber):
        return {"series_number": True, "message": str(check.message)}
    if isinstance(check, Drawn):  # the message names the character: "%(character)s" in it
        return {"drawn": True, "message": str(check.message)}
    return None


def field_checks(field) -> dict:
    """One field's checks, in the order the server runs them (the first failing one is shown);
    none and no `required` (optional) are left out: three pages carry them in the precache."""
    spec: dict = {"checks": []}
    if isinstance(field, DatePartsField):
        spec["date"] = True
        if field.required_message:
            spec["required"] = str(FIELD_ERRORS[field.required_message])
    for check in field.validators:
        if isinstance(check, Required):
            spec["required"] = str(check.message)
        elif (checked := _check(check)) is not None:
            spec["checks"].append(checked)
    return {key: value for key, value in spec.items() if value}


def letter_steps(ranges) -> list[int]:
    """[first, last] ranges as the steps between their ends, [gap, length, gap, length…]: a third
    as many bytes gzipped in each of the three pages (static/js/core/checks.js letterRanges)."""
    steps, at = [], 0
    for first, last in ranges:
        steps += [first - at, last - first]
        at = last
    return steps


def offline_checks(form: AnswersForm) -> dict:
    """Every field's checks by name (children's as children-*-<name>), the messages of the checks
    across fields, and the dates they depend on."""
    fields: dict[str, dict] = {}
    rows = {prefix: row_form for prefix, row_form, _max in ROWS.values()}
    for section in form:
        if section.name == OTHERS:  # the phone's documents page asks one adult (the group: the server's wizard)
            continue
        if isinstance(section, FormField):
            for field in section.form:
                fields[field.name] = field_checks(field)
        elif isinstance(section, FieldList):
            for field in rows[section.name]():
                fields[f"{section.name}-*-{field.name}"] = field_checks(field)
        else:
            fields[section.name] = field_checks(section)
    documents = {
        kind: {"fields": {f"{step}-{field.short_name}": field_checks(field)
                          for step, fields in VARIANTS.get(kind, {}).items() for field in fields()},
               "not_asked": list(NOT_ASKED.get(kind, ())),
               "citizenship": list(DOCUMENT_CITIZENSHIP[kind]) if kind in DOCUMENT_CITIZENSHIP else None}
        for kind in DOCUMENT_KINDS if kind != FOREIGN_PASSPORT
    }
    return {
        "steps": list(STEPS),
        # Each other adult travelling together answers these steps (others-<n>-…, group.py).
        "traveller_steps": list(TRAVELLER_STEPS),
        "max_adults": MAX_ADULTS,
        "rows": {step: {"prefix": prefix, "max": most} for step, (prefix, _form, most) in ROWS.items()},
        "step_fields": {"entry": [field.name for field in form.trip_fields()]},
        "fields": fields,
        # Each document other than the passport: its fields' own checks, and those not asked.
        "documents": documents,
        "document_labels": form.labels_by_document(),
        "messages": {**{key: str(text) for key, text in CHECKS.items()},
                     **{key: str(FIELD_ERRORS[key]) for key in DATE_ERRORS + TRIP_ERRORS}},
        "earliest_date": inputs.EARLIEST_DATE.isoformat(),
        "first_entry": rule_book().first_entry_covered.isoformat(),
        "max_days_ahead": inputs.MAX_DAYS_AHEAD,
        "name_punctuation": " -." + APOSTROPHES,
        "letters": {script: letter_steps(letter_ranges(script)) for script in ("LATIN", "CYRILLIC")},
        # What the documents' fonts print (fonts.printable_ranges), for the Drawn check.
        "printable": letter_steps(printable_ranges()),
        "passport_warning_days": (timedelta(days=180)).days,
    }


def offline_words(language: str) -> dict:
    """Dates in the summary, written as the server writes them (static/js/core/words.js)."""
    return {"language": language, "messages": {}, "plurals": {}, "warnings": {}, "calendar": calendar_words(language)}

"""GET /api/v1/documents and POST /api/v1/documents/<name>.pdf: the same documents as the journey."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache

from flask import abort, jsonify, request

from ..documents.answers import NOT_ASKED, AnswersForm, flatten_json
from ..documents.catalog import BY_NAME, DOCUMENTS
from ..documents.group import OTHERS
from ..documents.print_data import country_names, print_data
from ..documents.schema import EXAMPLE, EXAMPLE_AM_ID_CARD, EXAMPLE_RU_INTERNAL_PASSPORT, answers_schema
from ..documents.views import document_pdf, pdf_name, pdf_response
from ..messages import FIELD_ERRORS
from ..pwa.offline import INSTALL, NEVER, keep
from ..rules import inputs
from ..web.i18n import current_language
from ..web.limits import api_limit, pdf_limit
from ..web.today import today
from .bodies import error_response, json_request
from .plan import bp, shared_json
from .validation import merged, schema_errors, validator

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_PATHS = (("person", "date_of_birth"), ("passport", "issued"), ("passport", "expires"), ("entry", "date"))


@bp.get("/documents/print-data")
@keep(INSTALL)
def documents_print_data():
    """The names and words the phone needs to fill the blank documents (static/js/print-documents.js)."""
    return shared_json(json.dumps(print_data(), ensure_ascii=False, separators=(",", ":")))


@bp.get("/countries")
@keep(INSTALL)
def countries():
    """Every nationality's name in Russian, Kazakh and English, by ISO code."""
    return shared_json(json.dumps(country_names(), ensure_ascii=False, separators=(",", ":")))


@bp.get("/documents")
@keep(NEVER, reason="for other apps, not for the phone")
@api_limit  # for other apps: the API's budget, and its rate-limit headers
def list_documents():
    schema = answers_schema(today())
    return jsonify([
        {"name": d.name, "title": str(d.title), "summary": str(d.summary), "schema": schema, "example": EXAMPLE,
         "examples": {"foreign_passport": EXAMPLE, "ru_internal_passport": EXAMPLE_RU_INTERNAL_PASSPORT,
                      "am_id_card": EXAMPLE_AM_ID_CARD}}
        for d in DOCUMENTS
    ])


def _api_field(name: str) -> str:
    """person-surname_latin -> person.surname_latin; children-0-surname -> children[0].surname;
    previous_stays-0-exit -> previous_stays[0].exit (as the plan API names it); another adult's
    others-1-children-0-surname -> others[1].children[0].surname."""
    parts = name.split("-")
    if parts[0] == OTHERS and len(parts) >= 3:
        return f"{OTHERS}[{parts[1]}].{_api_field('-'.join(parts[2:]))}"
    if parts[0] in ("children", "previous_stays") and len(parts) >= 3:
        return f"{parts[0]}[{parts[1]}].{parts[2]}"
    return ".".join(parts)


def _is_iso_date(value) -> bool:
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _others(body: dict) -> list[tuple[str, dict]]:
    """Each adult's own answers in the body with the prefix of their paths: the first's, then the others'."""
    others = body.get(OTHERS)
    return [("", body)] + [(f"{OTHERS}[{i}].", other) for i, other in enumerate(others if isinstance(others, list) else [])
                           if isinstance(other, dict)]


def _date_format_errors(body: dict) -> dict[str, str]:
    """Dates must be YYYY-MM-DD; say so rather than report the day, month or year parts."""
    errors = {}
    for path, adult in _others(body):
        errors.update({path + name: message for name, message in _adult_date_errors(adult).items()})
    return errors


def _adult_date_errors(body: dict) -> dict[str, str]:
    passport = body.get("passport")
    kind = passport.get("document") if isinstance(passport, dict) else None
    not_asked = NOT_ASKED.get(kind, ()) if isinstance(kind, str) else ()
    found = [(f"{section}.{key}", body.get(section), key) for section, key in DATE_PATHS
             if f"{section}-{key}" not in not_asked]  # the document has not that date
    found.append(("exit_date", body, "exit_date"))
    for name, keys in (("children", ("date_of_birth",)), ("previous_stays", ("entry", "exit"))):
        if isinstance(body.get(name), list):
            found += [(f"{name}[{i}].{key}", item, key) for i, item in enumerate(body[name]) for key in keys]
    return {path: str(FIELD_ERRORS["invalid_iso_date"]) for path, container, key in found
            if isinstance(container, dict) and container.get(key) not in (None, "") and not _is_iso_date(container[key])}


@lru_cache(maxsize=2)
def _answers_validator(day: date):
    """Made once a day: the schema's bounds are counted from today (only its descriptions are words)."""
    return validator(answers_schema(day))


def _list_errors(body: dict, form: AnswersForm) -> dict[str, str]:
    """Lists too long, and earlier stays that are no list of objects (as the plan API says)."""
    errors = {}
    others = body.get(OTHERS)
    if others is not None and not (isinstance(others, list) and all(isinstance(other, dict) for other in others)):
        errors[OTHERS] = FIELD_ERRORS["others_not_a_list"]
    elif isinstance(others, list) and len(others) > form.others.max_entries:
        errors[OTHERS] = FIELD_ERRORS["too_many_adults"]
    for path, adult in _others(body):
        errors.update({path + name: message for name, message in _adult_list_errors(adult, form).items()})
    return errors


def _adult_list_errors(body: dict, form: AnswersForm) -> dict[str, str]:
    errors = {}
    if isinstance(body.get("children"), list) and len(body["children"]) > form.children.max_entries:
        errors["children"] = FIELD_ERRORS["too_many_children"]
    stays = body.get("previous_stays")
    if stays is not None and not (isinstance(stays, list) and all(isinstance(stay, dict) for stay in stays)):
        errors["previous_stays"] = FIELD_ERRORS["not_a_list"]
    elif isinstance(stays, list) and len(stays) > inputs.MAX_PREVIOUS_STAYS:
        errors["previous_stays"] = FIELD_ERRORS["too_many_stays"]
    return errors


@bp.post("/documents/<name>.pdf")
@api_limit
@pdf_limit
def document(name: str):
    """One adult's document (?person=2… for another adult travelling together; the host's sheet
    lists every one)."""
    if name not in BY_NAME:
        abort(404)
    body, refused = json_request()
    if refused:
        return refused
    day = today()
    form = AnswersForm(flatten_json(body), today=day)
    errors = {_api_field(field.name): field.errors[0] for field in form.invalid_fields()}
    errors.update(_list_errors(body, form))
    errors.update(_date_format_errors(body))
    errors = merged(errors, *schema_errors(_answers_validator(day), body))
    person = request.args.get("person", "1")
    if not (person.isascii() and person.isdigit() and 1 <= int(person) <= len(form.travellers())):
        errors["person"] = FIELD_ERRORS["no_such_person"]
    if errors:
        return error_response(errors)
    return pdf_response(document_pdf(name, form, current_language(), int(person)), pdf_name(name, int(person)))

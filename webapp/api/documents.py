"""GET /api/v1/documents and POST /api/v1/documents/<name>.pdf: the same documents as the journey."""
from __future__ import annotations

import json
import re
from datetime import date

from flask import abort, jsonify

from ..documents.answers import NOT_ASKED, AnswersForm, flatten_json
from ..documents.catalog import BY_NAME, DOCUMENTS
from ..documents.print_data import country_names, print_data
from ..documents.schema import EXAMPLE, EXAMPLE_AM_ID_CARD, EXAMPLE_RU_INTERNAL_PASSPORT, answers_schema
from ..documents.views import document_pdf, pdf_response
from ..messages import FIELD_ERRORS
from ..pwa.offline import INSTALL, NEVER, keep
from ..rules import inputs
from ..web.i18n import current_language
from ..web.limits import api_limit, pdf_limit
from ..web.today import today
from .plan import bp, error_response, json_body, shared_json

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
def list_documents():
    schema = answers_schema()
    return jsonify([
        {"name": d.name, "title": str(d.title), "summary": str(d.summary), "schema": schema, "example": EXAMPLE,
         "examples": {"foreign_passport": EXAMPLE, "ru_internal_passport": EXAMPLE_RU_INTERNAL_PASSPORT,
                      "am_id_card": EXAMPLE_AM_ID_CARD}}
        for d in DOCUMENTS
    ])


def _api_field(name: str) -> str:
    """person-surname_latin -> person.surname_latin; children-0-surname -> children[0].surname;
    previous_stays-0-exit -> previous_stays[0].exit (as the plan API names it)."""
    parts = name.split("-")
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


def _date_format_errors(body: dict) -> dict[str, str]:
    """Dates must be YYYY-MM-DD; say so rather than report the day, month or year parts."""
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


def _list_errors(body: dict, form: AnswersForm) -> dict[str, str]:
    """Lists too long, and earlier stays that are no list of objects (as the plan API says)."""
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
    if name not in BY_NAME:
        abort(404)
    body = json_body()
    if not isinstance(body, dict):
        return error_response({"body": FIELD_ERRORS["invalid_json"]})
    form = AnswersForm(flatten_json(body), today=today())
    errors = {_api_field(field.name): field.errors[0]
              for step in form.invalid_steps() for field in form.error_fields(step)}
    errors.update(_list_errors(body, form))
    errors.update(_date_format_errors(body))
    if errors:
        return error_response(errors)
    return pdf_response(document_pdf(name, form, current_language()), f"tirkeu-{name}.pdf")

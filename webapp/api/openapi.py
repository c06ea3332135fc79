"""GET /api/v1/openapi.json: the API described as OpenAPI 3.1, from the schemas the API validates
with (documents/schema.py, api/schemas.py): one source for the code and the description."""
from __future__ import annotations

import json
from datetime import date

from ..documents.catalog import DOCUMENTS
from ..documents.group import MAX_ADULTS
from ..documents.schema import EXAMPLE, EXAMPLE_AM_ID_CARD, EXAMPLE_RU_INTERNAL_PASSPORT, answers_schema, checks_beyond_schema
from ..pwa.offline import NEVER, keep
from ..web.today import today
from .plan import bp, shared_json
from .schemas import ERRORS, PLAN_CHECKS_BEYOND_SCHEMA, documents_list, plan_request, plan_response

PLAN_EXAMPLE = {"citizenship": "RU", "entry_date": "2026-09-01",
                "previous_stays": [{"entry": "2026-06-01", "exit": "2026-07-15"}],
                "accommodation": "private"}

DESCRIPTION = """\
Registration deadlines and stay limits for foreigners in Kazakhstan, and the prefilled documents,
as the pages give them.

- **Language.** Messages, titles and the documents' words follow `Accept-Language` (ru, kk, en;
  Russian by default); every answer says its language in `Content-Language` and, where it depends on it,
  `Vary: Accept-Language`.
- **Errors.** A body that is not what the schemas say is refused with 400 and a message at each
  field, in the reader's language: `{"errors": {"person.surname_latin": "…"}}`. What the schemas
  cannot state is checked too, at the field named below ("Checks beyond the schema"). A method an
  address does not take gets 405 with `Allow`; an unknown address 404; both as `{"errors": {"request": "…"}}`.
- **Dates** are YYYY-MM-DD. The documents' bounds (`formatMinimum`, `formatMaximum`, the keywords of
  Ajv's formats) are counted from today in Kazakhstan: fetch this description again on another day.
- **Limits.** At most 64 KB a request (413). Each client may send API requests at up to {api},
  and PDFs at up to {pdf}; beyond, 429 with `Retry-After`. `X-RateLimit-*` say what is left.
- **Privacy.** The answers are personal data: the server uses them for the answer, never keeps them
  and never logs them. No other site's page may call this API from a browser (no CORS): a bot or a
  help desk calls it from its own server.
"""


def _checks(checks: dict[str, str]) -> str:
    return "Checks beyond the schema, each refused at its field:\n" + "\n".join(
        f"- `{field}`: {text}" for field, text in checks.items())


def _json(schema_ref: str, example=None, examples: dict | None = None) -> dict:
    media = {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}
    if example is not None:
        media["example"] = example
    if examples:
        media["examples"] = {name: {"value": value} for name, value in examples.items()}
    return {"application/json": media}


def _error(description: str, *headers: str) -> dict:
    response = {"description": description, "content": _json("Errors")}
    if headers:
        response["headers"] = {name: {"$ref": f"#/components/headers/{name}"} for name in headers}
    return response


def _limited(response: dict) -> dict:
    """A response of a rate-limited operation: its headers say what is left."""
    return {**response, "headers": {**response.get("headers", {}), **{
        name: {"$ref": f"#/components/headers/{name}"} for name in RATE_LIMIT_HEADERS}}}


RATE_LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")
ERRORS_RESPONSES = {
    "400": _error("The body or a parameter is wrong: a message at each field"),
    "413": _error("The body is larger than 64 KB"),
    "415": _error("The body is not sent as application/json"),
    "429": _error("Too many requests from this client: wait the seconds Retry-After says", "Retry-After"),
}


def _shared(description: str, schema: dict) -> dict:
    """A GET of data that is the same for everyone (the phone keeps it: an ETag, cached for an hour)."""
    return {"get": {"summary": description, "responses": {
        "200": {"description": description, "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                "content": {"application/json": {"schema": schema}}},
        "304": {"description": "Not modified since the ETag in If-None-Match"}}}}


def openapi_document(day: date, limits: tuple[str, str]) -> dict:
    answers = {key: value for key, value in answers_schema(day).items() if key != "$schema"}
    names = [document.name for document in DOCUMENTS]
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {"title": "Tirkeu API", "version": "1",
                 "description": DESCRIPTION.replace("{api}", limits[0]).replace("{pdf}", limits[1]),
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "paths": {
            "/api/v1/plan": {"post": {
                "operationId": "plan", "summary": "The deadlines and the last day of stay for one person",
                "description": _checks(PLAN_CHECKS_BEYOND_SCHEMA),
                "requestBody": {"required": True, "content": _json("PlanRequest", PLAN_EXAMPLE)},
                "responses": {"200": _limited({"description": "The plan", "content": _json("Plan")}),
                              **ERRORS_RESPONSES},
            }},
            "/api/v1/documents": {"get": {
                "operationId": "listDocuments", "summary": "The documents, with the answers' schema and examples",
                "responses": {"200": _limited({"description": "Each document", "content": _json("DocumentsList")}),
                              "429": ERRORS_RESPONSES["429"]},
            }},
            "/api/v1/documents/{name}.pdf": {"post": {
                "operationId": "documentPdf", "summary": "One adult's document as a PDF, in the reader's language",
                "description": _checks({**checks_beyond_schema(), "person (query)": "at most the number of adults"}),
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "schema": {"enum": names}},
                    {"name": "person", "in": "query", "required": False, "description":
                        "Whose document: 1 is the first adult, 2 the first of `others`, and so on",
                     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ADULTS, "default": 1}}],
                "requestBody": {"required": True, "content": _json("DocumentAnswers", examples={
                    "foreign_passport": EXAMPLE, "ru_internal_passport": EXAMPLE_RU_INTERNAL_PASSPORT,
                    "am_id_card": EXAMPLE_AM_ID_CARD})},
                "responses": {
                    "200": _limited({"description": "The PDF", "content": {
                        "application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}}}}),
                    **ERRORS_RESPONSES,
                    "404": _error("No document of this name"),
                    "503": _error("Making the document took too long: try again after Retry-After seconds", "Retry-After"),
                },
            }},
            "/api/v1/rules": _shared("The rule data the phone's own evaluator counts with", {"type": "object"}),
            "/api/v1/countries": _shared("Every nationality's name in Russian, Kazakh and English, by ISO code",
                                         {"type": "object"}),
            "/api/v1/documents/print-data": _shared("The names and words the phone fills the blank documents with",
                                                    {"type": "object"}),
            "/api/v1/openapi.json": _shared("This description", {"type": "object"}),
        },
        "components": {
            "schemas": {"PlanRequest": plan_request(), "Plan": plan_response(), "DocumentAnswers": answers,
                        "DocumentsList": documents_list({"$ref": "#/components/schemas/DocumentAnswers"}),
                        "Errors": ERRORS},
            "headers": {
                "Retry-After": {"description": "Seconds to wait", "required": True, "schema": {"type": "integer", "minimum": 0}},
                "ETag": {"description": "The data's version", "schema": {"type": "string"}},
                "X-RateLimit-Limit": {"description": "Requests allowed in the window", "schema": {"type": "integer"}},
                "X-RateLimit-Remaining": {"description": "Requests left in the window", "schema": {"type": "integer"}},
                "X-RateLimit-Reset": {"description": "When the window ends, in seconds since 1970",
                                      "schema": {"type": "integer"}},
            },
        },
    }


@bp.get("/openapi.json")
@keep(NEVER, reason="for other apps, not for the phone")
def openapi():
    from flask import current_app

    limits = (current_app.config["RATELIMIT_API"], current_app.config["RATELIMIT_PDF"])
    return shared_json(json.dumps(openapi_document(today(), limits), ensure_ascii=False, separators=(",", ":")))

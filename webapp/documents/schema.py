"""JSON Schema of the answers the documents take (GET /api/v1/documents), and a complete example."""
from __future__ import annotations

from ..rules import inputs
from ..rules.places import checkpoints, regions
from .answers import (
    DOCUMENT_CITIZENSHIP,
    DOCUMENT_KINDS,
    FOREIGN_PASSPORT,
    HOST_KINDS,
    MAX_CHILDREN,
    PURPOSES,
    RU_INTERNAL_PASSPORT,
)
from .group import MAX_ADULTS, OTHERS


def _text(max_length: int, **extra) -> dict:
    return {"type": "string", "maxLength": max_length, **extra}


DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _object(required: list[str], properties: dict) -> dict:
    return {"type": "object", "required": required, "properties": properties, "additionalProperties": False}


def _adult() -> dict:
    """One adult's own answers: their person, document, entry, children and the rest of their trip."""
    child = _object(["surname", "given_names", "date_of_birth"], {
        "surname": _text(60), "given_names": _text(60), "date_of_birth": DATE})
    return {
        "person": _object(["date_of_birth", "sex", "citizenship"], {
            "surname_latin": _text(60), "given_names_latin": _text(60),
            "surname_cyrillic": _text(60), "given_names_cyrillic": _text(60), "patronymic": _text(60),
            "date_of_birth": DATE, "sex": {"enum": ["female", "male"]},
            "citizenship": {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"},
        }),
        "passport": _object(["number", "issued"], {
            "document": {"enum": list(DOCUMENT_KINDS), "default": FOREIGN_PASSPORT,
                         "description": "The document crossed with (the Russian internal passport: citizens of Russia; "
                                        "the identity card of Armenia: citizens of Armenia)"},
            "number": _text(20), "issued": DATE, "expires": DATE}),
        "entry": _object(["date", "checkpoint", "purpose"], {
            "date": DATE,
            "checkpoint": {"enum": [p["id"] for p in checkpoints()] + ["other"]},
            "purpose": {"enum": list(PURPOSES)},
        }),
        "children": {"type": "array", "maxItems": MAX_CHILDREN, "items": child},
        "exit_date": {**DATE, "description": "The day of leaving Kazakhstan, when known (as in POST /api/v1/plan)"},
        "previous_stays": {
            "type": "array", "maxItems": inputs.MAX_PREVIOUS_STAYS,
            "items": _object(["entry", "exit"], {"entry": DATE, "exit": DATE}),
            "description": "Earlier stays in Kazakhstan, as in POST /api/v1/plan. [] means none; without it the "
                           "earlier stays are not answered and no document prints a last day of stay.",
        },
    }


def answers_schema() -> dict:
    adult = _adult()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Tirkeu document answers",
        **_object(["person", "passport", "entry", "stay", "host"], {
            **{key: adult[key] for key in ("person", "passport", "entry")},
            "stay": _object(["region", "city", "street", "house"], {
                "region": {"enum": [r["id"] for r in regions()]},
                "city": _text(80), "street": _text(100), "house": _text(20), "flat": _text(20),
                "postcode": _text(10, pattern="^[A-Z0-9]{6,10}$"),
            }),
            "host": _object(["kind", "name"], {
                "kind": {"enum": list(HOST_KINDS)}, "name": _text(120),
                "iin": _text(12, pattern=r"^\d{12}$"), "bin": _text(12, pattern=r"^\d{12}$"),
                "phone": _text(20, pattern=r"^[0-9+ ()-]{7,20}$"),
            }),
            **{key: adult[key] for key in ("children", "exit_date", "previous_stays")},
            OTHERS: {
                "type": "array", "maxItems": MAX_ADULTS - 1,
                "items": {**_object(["person", "passport", "entry"], adult), **by_document()},
                "description": "The other adults travelling together, each with their own answers; they share the "
                               "place to stay and the host. ?person=2 makes the first one's document, and so on; the "
                               "host's sheet lists every adult.",
            },
        }),
        **by_document(),
    }


def by_document() -> dict:
    """What each document requires (answers.py VARIANTS): the passport a number as printed, a date
    of expiry and the name in Latin letters; the Russian internal passport a series and number
    ("45 12 345678", spaces optional), no date of expiry (one given is ignored), the name in
    Cyrillic (the Latin spelling optional: a transliteration is printed when none is given), and
    citizenship of Russia. The identity card of Armenia has the passport's fields, and citizenship of Armenia."""
    def crossed_with(kind: str) -> dict:
        return {"required": ["passport"], "properties": {"passport": {
            "required": ["document"], "properties": {"document": {"const": kind}}}}}

    internal = crossed_with(RU_INTERNAL_PASSPORT)
    return {
        "allOf": [{"if": crossed_with(kind), "then": {"properties": {"person": {"properties": {"citizenship": {"const": code}}}}}}
                  for kind, (code, _message) in DOCUMENT_CITIZENSHIP.items() if kind != RU_INTERNAL_PASSPORT],
        "if": internal,
        "then": {"properties": {
            "passport": {"properties": {"number": {"pattern": "^[0-9]{2} ?[0-9]{2} ?[0-9]{6}$"}}},
            "person": {"required": ["surname_cyrillic", "given_names_cyrillic"], "properties": {"citizenship": {"const": "RU"}}},
        }},
        "else": {"properties": {
            "passport": {"required": ["expires"], "properties": {"number": {"pattern": "^[A-Z0-9 ]{5,20}$"}}},
            "person": {"required": ["surname_latin", "given_names_latin"]},
        }},
    }


EXAMPLE = {
    "person": {"surname_latin": "IVANOV", "given_names_latin": "IVAN", "surname_cyrillic": "ИВАНОВ",
               "given_names_cyrillic": "ИВАН", "patronymic": "ИВАНОВИЧ", "date_of_birth": "1990-03-27",
               "sex": "male", "citizenship": "RU"},
    "passport": {"document": "foreign_passport", "number": "75 1234567", "issued": "2020-06-15", "expires": "2030-06-15"},
    "entry": {"date": "2026-09-01", "checkpoint": "kairak", "purpose": "private"},
    "stay": {"region": "west_kazakhstan", "city": "Уральск", "street": "ул. Әбілқайыр хана", "house": "12", "flat": "5"},
    "host": {"kind": "person", "name": "Қуанышбаева Әйгерім Ұлықпанқызы", "iin": "900101400003", "phone": "+7 701 123 45 67"},
    "children": [{"surname": "Иванова", "given_names": "Мария", "date_of_birth": "2018-01-01"}],
    "previous_stays": [],
}
# The same person entered on the Russian internal passport: no Latin name (the documents print the
# transliteration, marked as such), a series and number, no date of expiry.
EXAMPLE_RU_INTERNAL_PASSPORT = {
    **EXAMPLE,
    "person": {key: value for key, value in EXAMPLE["person"].items() if not key.endswith("_latin")},
    "passport": {"document": "ru_internal_passport", "number": "45 12 345678", "issued": "2020-06-15"},
}
# A citizen of Armenia entered on the identity card: the passport's fields.
EXAMPLE_AM_ID_CARD = {
    **EXAMPLE,
    "person": {"surname_latin": "PETROSYAN", "given_names_latin": "ANI", "date_of_birth": "1992-04-11", "sex": "female",
               "citizenship": "AM"},
    "passport": {"document": "am_id_card", "number": "123456789", "issued": "2021-03-10", "expires": "2031-03-10"},
    "children": [],
}

"""JSON Schema of the answers the documents take (GET /api/v1/documents), and a complete example."""
from __future__ import annotations

from datetime import date, timedelta

from ..forms.json_schema import date_schema, name_text, or_empty, plain_text, spaced
from ..rules import inputs
from ..rules.places import checkpoints, regions
from ..rules.ruleset import rule_book
from ..web.i18n import country_codes
from .answers import (
    DIGITS_CHARS,
    DOCUMENT_CITIZENSHIP,
    DOCUMENT_KINDS,
    FOREIGN_PASSPORT,
    HOST_KINDS,
    MAX_CHILDREN,
    PASSPORT_NUMBER_CHARS,
    PHONE_CHARS,
    POSTCODE_CHARS,
    PURPOSES,
    RU_INTERNAL_PASSPORT,
    years_before,
)
from .group import MAX_ADULTS, OTHERS

LATIN, CYRILLIC, BOTH = ("LATIN",), ("CYRILLIC",), ("LATIN", "CYRILLIC")


EARLIEST_BIRTH = date(1900, 1, 1)  # forms.fields.DatePartsField: a year from 1900 on
LATEST_DAY = date(9999, 12, 31)  # … of four digits


def _object(required: list[str], properties: dict) -> dict:
    return {"type": "object", "required": required, "properties": properties, "additionalProperties": False}


def _adult(today: date) -> dict:
    """One adult's own answers: their person, document, entry, children and the rest of their trip."""
    trip_day = date_schema(inputs.EARLIEST_DATE, today + timedelta(days=inputs.MAX_DAYS_AHEAD))
    child = _object(["surname", "given_names", "date_of_birth"], {
        "surname": name_text(60, BOTH, required=True), "given_names": name_text(60, BOTH, required=True),
        "date_of_birth": date_schema(years_before(today, 18) + timedelta(days=1), today,
                                     "Under 18 today: the children travelling with this adult")})
    return {
        "person": _object(["date_of_birth", "sex", "citizenship"], {
            "surname_latin": name_text(60, LATIN, required=False), "given_names_latin": name_text(60, LATIN, required=False),
            "surname_cyrillic": name_text(60, CYRILLIC, required=False),
            "given_names_cyrillic": name_text(60, CYRILLIC, required=False),
            "patronymic": name_text(60, BOTH, required=False),
            "date_of_birth": date_schema(EARLIEST_BIRTH, today), "sex": {"enum": ["female", "male"]},
            "citizenship": {"enum": foreign_codes(), "description": "ISO 3166-1 alpha-2, in capitals"},
        }),
        "passport": _object(["number", "issued"], {
            "document": {"enum": list(DOCUMENT_KINDS), "default": FOREIGN_PASSPORT,
                         "description": "The document crossed with (the Russian internal passport: citizens of Russia; "
                                        "the identity card of Armenia: citizens of Armenia)"},
            "number": {"type": "string", "maxLength": 20},
            "issued": date_schema(EARLIEST_BIRTH, today, "On or after the date of birth"),
            # Read for the documents that have one (by_document); the internal passport has none, and one given is not read.
            "expires": {"description": "The passport's or identity card's date of expiry: not before today, and after "
                                       "the date of issue"}}),
        "entry": _object(["date", "checkpoint", "purpose"], {
            "date": date_schema(rule_book().first_entry_covered, today + timedelta(days=inputs.MAX_DAYS_AHEAD)),
            "checkpoint": {"enum": [p["id"] for p in checkpoints()] + ["other"]},
            "purpose": {"enum": list(PURPOSES)},
        }),
        "children": {"type": "array", "maxItems": MAX_CHILDREN, "items": child},
        "exit_date": or_empty({**trip_day, "description": "The day of leaving Kazakhstan, when known (as in POST "
                                                           "/api/v1/plan): on or after the date of entry"}),
        "previous_stays": {
            "type": "array", "maxItems": inputs.MAX_PREVIOUS_STAYS,
            "items": _object(["entry", "exit"], {"entry": trip_day, "exit": {**trip_day, "description": "On or after entry"}}),
            "description": "Earlier stays in Kazakhstan, as in POST /api/v1/plan. [] means none; without it the "
                           "earlier stays are not answered and no document prints a last day of stay.",
        },
    }


def answers_schema(today: date) -> dict:
    """The answers the documents take on `today` (the dates' bounds are counted from it)."""
    adult = _adult(today)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Tirkeu document answers",
        **_object(["person", "passport", "entry", "stay", "host"], {
            **{key: adult[key] for key in ("person", "passport", "entry")},
            "stay": _object(["region", "city", "street", "house"], {
                "region": {"enum": [r["id"] for r in regions()]},
                "city": plain_text(80, required=True), "street": plain_text(100, required=True),
                "house": plain_text(20, required=True), "flat": plain_text(20, required=False),
                "postcode": or_empty(spaced(POSTCODE_CHARS, 6, 10)),
            }),
            "host": _object(["kind", "name"], {
                "kind": {"enum": list(HOST_KINDS)}, "name": plain_text(120, required=True),
                "iin": or_empty({**spaced(DIGITS_CHARS, 12, 12), "description": "With a right check digit"}),
                "bin": or_empty({**spaced(DIGITS_CHARS, 12, 12), "description": "With a right check digit"}),
                "phone": or_empty(spaced(PHONE_CHARS, 7, 20)),
            }),
            **{key: adult[key] for key in ("children", "exit_date", "previous_stays")},
            OTHERS: {
                "type": "array", "maxItems": MAX_ADULTS - 1,
                "items": {**_object(["person", "passport", "entry"], adult), **by_document(today)},
                "description": "The other adults travelling together, each with their own answers; they share the "
                               "place to stay and the host. ?person=2 makes the first one's document, and so on; the "
                               "host's sheet lists every adult.",
            },
        }),
        **by_document(today),
    }


# The checks the schema cannot state, each at the field whose message says it (`[*]`: any row):
# a day against another answer, and the check digit. The API's description lists them
# (api/openapi.py), and the contract tests let a body the schema allows be refused only for them.
CHECKS_BEYOND_SCHEMA = {
    "passport.issued": "on or after person.date_of_birth",
    "passport.expires": "after passport.issued",
    "exit_date": "on or after entry.date",
    "previous_stays[*].exit": "on or after that stay's entry",
    "host.iin": "a right check digit",
    "host.bin": "a right check digit",
}


def checks_beyond_schema() -> dict[str, str]:
    """CHECKS_BEYOND_SCHEMA, for the first adult and for each other adult (others[*].…)."""
    own = {path: text for path, text in CHECKS_BEYOND_SCHEMA.items() if not path.startswith(("stay.", "host."))}
    return {**CHECKS_BEYOND_SCHEMA, **{f"{OTHERS}[*].{path}": text for path, text in own.items()}}


def foreign_codes() -> list[str]:
    """Every country's ISO code but Kazakhstan's (its citizens are no foreigners)."""
    return sorted(country_codes() - rule_book().not_foreigners)


def by_document(today: date) -> dict:
    """What each document requires (answers.py VARIANTS): the passport a number as printed, a date
    of expiry not before today and the name in Latin letters; the Russian internal passport a series
    and number ("45 12 345678", spaces optional), no date of expiry (one given is ignored), the name
    in Cyrillic (the Latin spelling optional: a transliteration is printed when none is given), and
    citizenship of Russia. The identity card of Armenia has the passport's fields, and citizenship of Armenia."""
    def crossed_with(kind: str) -> dict:
        return {"required": ["passport"], "properties": {"passport": {
            "required": ["document"], "properties": {"document": {"const": kind}}}}}

    internal = crossed_with(RU_INTERNAL_PASSPORT)
    given = {"minLength": 1}
    return {
        "allOf": [{"if": crossed_with(kind), "then": {"properties": {"person": {"properties": {"citizenship": {"const": code}}}}}}
                  for kind, (code, _message) in DOCUMENT_CITIZENSHIP.items() if kind != RU_INTERNAL_PASSPORT],
        "if": internal,
        "then": {"properties": {
            "passport": {"properties": {"number": {"type": "string", "pattern": "^[0-9]{2} ?[0-9]{2} ?[0-9]{6}$"}}},
            "person": {"required": ["surname_cyrillic", "given_names_cyrillic"],
                       "properties": {"surname_cyrillic": given, "given_names_cyrillic": given, "citizenship": {"const": "RU"}}},
        }},
        "else": {"properties": {
            "passport": {"required": ["expires"], "properties": {
                "number": spaced(PASSPORT_NUMBER_CHARS, 5, 20), "expires": date_schema(today, LATEST_DAY)}},
            "person": {"required": ["surname_latin", "given_names_latin"],
                       "properties": {"surname_latin": given, "given_names_latin": given}},
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

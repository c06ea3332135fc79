"""What the phone needs to fill the blank documents itself (static/js/print-documents.js): every
name the documents print, in Russian, Kazakh and English, and the warnings' words in each."""
from __future__ import annotations

from functools import lru_cache

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..explain import source_view
from ..i18n import calendar_words, countries, country_codes, country_name
from ..messages import WARNINGS
from ..offline_data import catalog_messages
from ..rules import rule_book
from ..rules.places import checkpoints, regions
from .answers import HOST_KINDS, PURPOSES
from .catalog import DOCUMENTS
from .content import DOCUMENT_WARNINGS, LABELS, OTHER_CHECKPOINT, numeric_date, translated

LANGUAGES = ("ru", "kk", "en")
# The print page's own words, in the reader's language.
PAGE_WORDS = {
    "back": _l("Back to your answers"),
    "missing": _l("Some answers are missing or not valid. Change your answers."),
    "failed": _l("This document could not be made on this phone. Open Tirkeu again when you have a connection."),
    "print": _l("Print or save as PDF"),
    "hint": _l("In the print window choose “Save as PDF” to keep the file on this phone."),
}
# The warnings with a number (explain.warning_text, words.js): their plural forms travel too.
WARNING_PLURALS = ("On the day you entered you had", "You should have left")


def words(language: str) -> dict:
    """As offline_data gives the result page, for the warnings a document prints."""
    with force_locale(language):
        _, plurals = catalog_messages()
        return {
            "language": language,
            "messages": {},
            "plurals": {msgid: forms for msgid, forms in plurals.items() if msgid.startswith(WARNING_PLURALS)},
            "calendar": calendar_words(language),
            "warnings": {code: str(text) for code, text in WARNINGS.items() if code in DOCUMENT_WARNINGS},
            "page": {key: str(text) for key, text in PAGE_WORDS.items()},
            "titles": {d.name: str(d.title) for d in DOCUMENTS},
        }


@lru_cache(maxsize=1)
def country_names() -> dict:
    """Every nationality's name in Russian, Kazakh and English by code, and the codes in each
    language's alphabetical order, as the lists of countries show them (/api/v1/countries)."""
    return {
        "names": {code: {l: country_name(code, l) for l in LANGUAGES} for code in sorted(country_codes())},
        "order": {l: [code for code, _ in countries(l)] for l in LANGUAGES},
    }


@lru_cache(maxsize=1)
def print_data() -> dict:
    return {
        "regions": {r["id"]: r["name"] for r in regions()},
        "checkpoints": {p["id"]: p["name"] for p in checkpoints()},
        "other_checkpoint": translated(OTHER_CHECKPOINT),
        "purposes": {key: translated(text) for key, text in PURPOSES.items()},
        "host_kinds": {key: translated(text) for key, text in HOST_KINDS.items()},
        "sex": {key: translated(LABELS[key]) for key in ("female", "male")},
        "to_be_safe": translated(LABELS["to_be_safe"]),
        "child_labels": {key: translated(LABELS[key]) for key in ("full_name_latin", "full_name_cyrillic")},
        "words": {language: words(language) for language in LANGUAGES},
        "sources": {
            view.id: {"host": view.url.split("/")[2], "checked": numeric_date(view.checked)}
            for view in map(source_view, rule_book().sources)
        },
    }


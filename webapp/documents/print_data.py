"""What the phone needs to fill the blank documents itself (static/js/print-documents.js): every
name the documents print, in Russian, Kazakh and English, and the warnings' words in each."""
from __future__ import annotations

from functools import lru_cache

from flask_babel import lazy_gettext as _l

from ..case import accommodation
from ..deadlines.explain import source_view
from ..deadlines.offline_data import catalog_messages, keyed, plural_forms
from ..forms import country_match
from ..messages import WARNINGS
from ..rules import rule_book
from ..rules.places import checkpoints, regions
from ..web.i18n import calendar_words, countries, country_codes, country_name, force_language, languages, place_name
from .answers import HOST_KINDS, PURPOSES
from .catalog import DOCUMENTS
from .content import DOCUMENT_NAMES, DOCUMENT_WARNINGS, LABELS, OTHER_CHECKPOINT, STAY_WARNINGS, numeric_date, translated

# The print page's own words, in the reader's language.
PAGE_WORDS = {
    "back": _l("Back to your answers"),
    "missing": _l("Some answers are missing or not valid. Change your answers."),
    "failed": _l("This document could not be made on this phone. Open Tirkeu again when you have a connection."),
    "print": _l("Print or save as PDF"),
    "hint": _l("In the print window choose “Save as PDF” to keep the file on this phone."),
    "link_broken": _l("This link could not be read: it may have been cut short when it was sent. Ask your guest to send it again, or to send the sheet as a PDF."),
    "link_old_browser": _l("This browser cannot open this link. Open it in an up-to-date browser, or ask your guest to send the sheet as a PDF."),
    # The card, shown full screen in large type to an officer, in Kazakh or Russian first.
    "officer": _l("Show to an officer"),
    "officer_close": _l("Close"),
    "officer_language": _l("Officer's language:"),
    # Above the sheets a host's link prints: the host's page says what to do (webapp/host/).
    "host_page": _l("What to do as the host, step by step"),
}
# The warnings with a number (explain.warning_text, words.js): their plural forms travel too. The
# documents' golden test fails if a code of DOCUMENT_WARNINGS says a number these do not start.
WARNING_PLURALS = ("On the day you entered you had", "You should have left", "You plan to leave", "You left on")
RULE_WORD_PLURALS = ("%(num)d day", "%(num)d working day")  # a warning's numbers of days (messages.rule_words)


def words(language: str) -> dict:
    """As offline_data gives the result page, for the warnings a document prints."""
    with force_language(language):
        _, plurals = catalog_messages()
        return {
            "language": language,
            "messages": {},
            "plurals": keyed({msgid: forms for msgid, forms in plurals.items()
                              if msgid.startswith(WARNING_PLURALS) or msgid in RULE_WORD_PLURALS}),
            "plural_forms": plural_forms(),
            "calendar": calendar_words(language),
            "warnings": {code: str(text) for code, text in WARNINGS.items() if code in DOCUMENT_WARNINGS},
            "page": {key: str(text) for key, text in PAGE_WORDS.items()},
            "titles": {d.name: str(d.title) for d in DOCUMENTS},
        }


def country_names() -> dict:
    return _country_names(languages())


@lru_cache(maxsize=2)
def _country_names(codes: tuple[str, ...]) -> dict:
    """Every nationality's name in Russian, Kazakh and English by code, and the codes in each
    language's alphabetical order, as the lists of countries show them (/api/v1/countries)."""
    return {
        "names": {code: {lang: country_name(code, lang) for lang in codes} for code in sorted(country_codes())},
        "order": {lang: [code for code, _ in countries(lang)] for lang in codes},
        # For the list one types in (static/js/core/country-match.js): older and official names,
        # and the countries shown first.
        "aliases": country_match.aliases(),
        "common": country_match.common(),
    }


def cited(view) -> dict:
    """A source as a document's line cites it: its site and the date it was checked."""
    return {"host": view.host, "checked": numeric_date(view.checked)}


def print_data() -> dict:
    return _print_data(languages())


@lru_cache(maxsize=2)
def _print_data(codes: tuple[str, ...]) -> dict:
    """Cached per list of languages: the tests make an app with a pseudo-locale beside the others."""
    return {
        "languages": list(codes),  # the first is the page's when its address names none
        "document_warnings": sorted(DOCUMENT_WARNINGS),
        "stay_warnings": sorted(STAY_WARNINGS),
        "regions": {r["id"]: {lang: place_name(r, lang) for lang in codes} for r in regions()},
        "checkpoints": {p["id"]: {lang: place_name(p, lang) for lang in codes} for p in checkpoints()},
        "other_checkpoint": translated(OTHER_CHECKPOINT),
        "purposes": {key: translated(text) for key, text in PURPOSES.items()},
        "host_kinds": {key: translated(text) for key, text in HOST_KINDS.items()},
        # The deadlines' accommodation each kind of host gives the plan (webapp/case.py).
        "accommodations": {key: accommodation(key) for key in HOST_KINDS if accommodation(key)},
        "sex": {key: translated(LABELS[key]) for key in ("female", "male")},
        "to_be_safe": translated(LABELS["to_be_safe"]),
        "document_names": {kind: translated(name) for kind, name in DOCUMENT_NAMES.items()},
        "transliteration": translated(LABELS["transliteration"]),
        "child_labels": {key: translated(LABELS[key]) for key in ("full_name_latin", "full_name_cyrillic")},
        "words": {language: words(language) for language in codes},
        "sources": {view.id: cited(view) for view in map(source_view, rule_book().plan_sources)},
    }


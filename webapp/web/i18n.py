"""Languages, locale selection and locale-aware formatting (dates, country names, plurals)."""
from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, get_date_format, get_day_names, get_month_names
from flask import current_app, g, has_app_context, has_request_context, request
from flask_babel import force_locale, get_locale

# The one list of the languages Tirkeu speaks (the app's LANGUAGES setting may extend it: the tests
# add a pseudo-locale). URLs, the service worker, the offline precache and the phone's words all
# take it from languages(); a new language is an entry here, its name below and its catalog.
LANGUAGES = ("ru", "kk", "en")
DEFAULT_LANGUAGE = "ru"
# Each language's own name, for the switcher (a reader looks for their own language).
LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}


def languages() -> tuple[str, ...]:
    """The languages of this app: its LANGUAGES setting, or the default list outside an app."""
    return tuple(current_app.config["LANGUAGES"]) if has_app_context() else LANGUAGES


def language_name(code: str) -> str:
    """A language's name in itself: ours where we chose it, else CLDR's."""
    return LANGUAGE_NAMES.get(code) or cldr(code).get_display_name(cldr(code)) or code


@lru_cache(maxsize=16)
def cldr(code: str) -> Locale:
    """CLDR's data for a language code as URLs and `lang` attributes write it ("kk", "en-XA")."""
    return Locale.parse(code, sep="-")


def babel_id(code: str) -> str:
    """Babel's identifier for a code as URLs and `lang` attributes write it: "en-XA" -> "en_XA"."""
    return code.replace("-", "_")


def force_language(code: str):
    """Flask-Babel's force_locale, for a code as the URLs write it."""
    return force_locale(babel_id(code))


def place_name(place: dict, language: str) -> str:
    """A checkpoint's or region's name (rules/data) in `language`: a language the data does not
    name yet reads its base language's name ("en-XA" -> "en"), else Russian, the default."""
    names = place["name"]
    return names.get(language) or names.get(language.split("-")[0]) or names[DEFAULT_LANGUAGE]


# CLDR territories that are not nationalities a passport can state.
NOT_NATIONALITIES = frozenset(
    ["AC", "AQ", "BV", "CP", "CQ", "DG", "EA", "EU", "EZ", "HM", "IC", "QO", "TA", "TF", "UM", "UN", "XA", "XB", "ZZ"]
)

# Kazakh Cyrillic alphabet order; it contains the Russian one, so it sorts both.
_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_CYRILLIC_RANK = {letter: rank for rank, letter in enumerate(_CYRILLIC)}


def select_locale() -> str:
    """Flask-Babel's locale (Babel's identifier) for the language of the request."""
    return babel_id(_request_language())


def language_in_url() -> str | None:
    """The language the request's address names, if any (a page that does not exist under
    /kk/... still answers in Kazakh); None for the API and /, which follow the browser."""
    lang = g.get("lang")
    if lang:
        return lang
    first_segment = request.path.strip("/").split("/", 1)[0]
    return first_segment if first_segment in languages() else None


def _request_language() -> str:
    """The language in the URL; for URLs without one (the API, /), the browser's preference."""
    if g.get("lang"):
        return g.lang
    if has_request_context():
        return language_in_url() or request.accept_languages.best_match(languages()) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The page's language as URLs and `lang` attributes write it ("en-XA", where Babel says en_XA)."""
    return str(get_locale() or DEFAULT_LANGUAGE).replace("_", "-")


def sort_key(text: str) -> tuple:
    """Alphabetical order for Russian, Kazakh and Latin names without ICU."""
    key = []
    for char in text.casefold():
        if char in _CYRILLIC_RANK:
            key.append((1, _CYRILLIC_RANK[char]))
        else:
            base = unicodedata.normalize("NFKD", char)[0]
            key.append((0 if base.isalpha() else -1, ord(base)))
    return tuple(key)


@lru_cache(maxsize=8)
def countries(language: str) -> tuple[tuple[str, str], ...]:
    """(ISO code, name in `language`) for every nationality, in the language's alphabetical order."""
    names = cldr(language).territories
    pairs = [
        (code, name)
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_NATIONALITIES
    ]
    return tuple(sorted(pairs, key=lambda pair: sort_key(pair[1])))


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(code for code, _ in countries("en"))


def country_name(code: str, language: str | None = None) -> str:
    return cldr(language or current_language()).territories.get(code, code)


# Day, month name, year. Russian without CLDR's trailing "г." so a date can end a sentence;
# Kazakh in CLDR's long form ("2026 ж. 1 қазан").
_DATE_FORMATS = {"en": "d MMMM y", "ru": "d MMMM y", "kk": "long"}


SHORT_DAY_PATTERN = "EEE, d MMM"


def long_date_pattern(language: str) -> str:
    # A regional or pseudo variant ("en-XA") writes dates as its base language does.
    pattern = _DATE_FORMATS.get(language) or _DATE_FORMATS.get(language.split("-")[0], "long")
    return get_date_format(pattern, locale=cldr(language)).pattern if pattern == "long" else pattern


def long_date(day: date, language: str | None = None) -> str:
    language = language or current_language()
    return format_date(day, long_date_pattern(language), locale=cldr(language))


def short_day(day: date, language: str | None = None) -> str:
    """Weekday and date, for counting working days: "Thu, 1 Oct"."""
    language = language or current_language()
    return format_date(day, SHORT_DAY_PATTERN, locale=cldr(language))


def month_labels(language: str) -> list[str]:
    """Short month names standing alone (the browser's own are missing for Kazakh)."""
    names = get_month_names("abbreviated", context="stand-alone", locale=cldr(language))
    return [names[m] for m in range(1, 13)]


def calendar_words(language: str) -> dict:
    """What the browser needs to write dates exactly as long_date and short_day do."""
    return {
        "long_pattern": long_date_pattern(language),
        "short_pattern": SHORT_DAY_PATTERN,
        "months": [get_month_names("wide", context="format", locale=cldr(language))[m] for m in range(1, 13)],
        "months_short": [get_month_names("abbreviated", context="format", locale=cldr(language))[m] for m in range(1, 13)],
        # On their own, as labels ("май", not "мая"): the rows of the day-by-day grid.
        "months_label": month_labels(language),
        "weekdays_short": [get_day_names("abbreviated", context="format", locale=cldr(language))[d] for d in range(7)],
    }

"""The country a person typed, found among every country's names.

Without JavaScript the country of a passport is a text box, not a list: 245 names are most of a
page's bytes (about 2.8 KB of a 6.7 KB step, see bench/measure_pages.py). The name may be typed in
Russian, Kazakh or English, as CLDR writes it or as in country_names.json (official long names,
older names), or as its ISO code; case, accents, spaces and punctuation do not matter.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..rules.ruleset import load_data
from ..web.i18n import LANGUAGES, countries, country_codes

MIN_PREFIX = 3  # "Рос" is Russia; two letters would be a guess


def normal(text: str) -> str:
    """Lower case letters and digits only, without accents: "Côte d’Ivoire" -> "cotedivoire"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(c for c in decomposed if c.isalnum())


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    """Every normal name -> the codes it names (one, unless two countries share a name)."""
    aliases = load_data("country_names.json")
    index: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for code, name in countries(language):
            index.setdefault(normal(name), set()).add(code)
    for code, names in aliases["aliases"].items():
        for name in names:
            index.setdefault(normal(name), set()).add(code)
    return {name: frozenset(codes) for name, codes in index.items()}


def find_country(text: str) -> str | None:
    """The ISO code of the country `text` names, or None when it names none or several."""
    typed = normal(text)
    if not typed:
        return None
    if text.strip().upper() in country_codes():
        return text.strip().upper()
    exact = _names().get(typed)
    if exact:
        return next(iter(exact)) if len(exact) == 1 else None
    if len(typed) < MIN_PREFIX:
        return None
    # The start of one country's names only: "Кыргыз", "Russ".
    starting = {code for name, named in _names().items() if name.startswith(typed) for code in named}
    return next(iter(starting)) if len(starting) == 1 else None


# What was typed is close to a name when at most one letter in five differs (a letter missing,
# extra, changed or two swapped): "Rusia", "Кыргызтан", "Uzbekistn".
CLOSE = 0.8


def matches(text: str, language: str, limit: int = 8) -> list[str]:
    """The codes of the countries `text` may name, best first: a name or code equal to it; then
    names starting with it, the page's language's before the others (older, official, other
    languages'); then names holding it (from MIN_PREFIX letters), in the same order; and only when
    none does, names close to it (CLOSE), closest first. In each group the most common
    nationalities (common()) first, then the language's alphabetical order. The "Did you mean" of
    a form and the phone's list as one types (static/js/core/country-match.js, the same steps)."""
    typed = normal(text)
    if not typed:
        return []
    rank, own = _ranks(language), _own_names(language)
    last = (len(common()), len(rank))
    names = _names()

    def starting(keys) -> set[str]:
        return {code for name in keys if name.startswith(typed) for code in names[name]}

    def inside(keys) -> set[str]:
        return {code for name in keys if len(typed) >= MIN_PREFIX and typed in name for code in names[name]}

    exact = set(names.get(typed, ()))
    if text.strip().upper() in country_codes():
        exact.add(text.strip().upper())
    groups = [exact, starting(own), starting(names), inside(own), inside(names)]
    found: list[str] = []
    for group in groups:
        found += sorted(group - set(found), key=lambda code: rank.get(code, last))
    if not found:
        scores: dict[str, float] = {}
        for name, codes in names.items():
            score = _close(typed, name)
            if score is not None:
                for code in codes:
                    scores[code] = max(score, scores.get(code, 0))
        found = sorted(scores, key=lambda code: (-scores[code], rank.get(code, last)))
    return found[:limit]


@lru_cache(maxsize=8)
def _ranks(language: str) -> dict[str, tuple[int, int]]:
    """Each code's place: the common ones first, then the language's alphabetical order."""
    pinned = common()
    return {code: (pinned.index(code) if code in pinned else len(pinned), i) for i, (code, _) in enumerate(countries(language))}


@lru_cache(maxsize=8)
def _own_names(language: str) -> frozenset[str]:
    return frozenset(normal(name) for _, name in countries(language))


def _close(a: str, b: str) -> float | None:
    """1 less the share of letters to change to make `a` into `b` (optimal string alignment
    distance over the longer), when it is at least CLOSE; else None."""
    longer = max(len(a), len(b))
    most = max(d for d in range(longer + 1) if 1 - d / longer >= CLOSE)  # the most letters to change
    if abs(len(a) - len(b)) > most:
        return None  # the lengths alone are too far apart (quick: most names)
    distance = _distance(a, b, most)
    return 1 - distance / longer if distance <= most else None


def _distance(a: str, b: str, most: int) -> int:
    """Letters to insert, delete or change, or neighbours to swap, to make `a` into `b`; more
    than `most` once two rows in a row are all above it (no later row can come back under)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
        if min(row) > most and min(rows[-2]) > most:
            return most + 1
    return rows[-1][-1]


def suggestions(text: str, language: str, limit: int = 3) -> list[str]:
    """Names in `language` of the countries `text` may name, for "Did you mean …?" (none for a
    single letter: that is no guess)."""
    if len(normal(text)) < 2:
        return []
    names = dict(countries(language))
    return [names[code] for code in matches(text, language, limit)]


@lru_cache(maxsize=1)
def aliases() -> dict[str, list[str]]:
    """The other names people type, by code (data/country_names.json), for the phone's list."""
    return load_data("country_names.json")["aliases"]


@lru_cache(maxsize=1)  # read once: matches() asks on every call
def common() -> list[str]:
    """The nationalities most often entering Kazakhstan, most first (data/country_names.json,
    with its source): the phone's list of countries shows them first."""
    return load_data("country_names.json")["common"]["codes"]

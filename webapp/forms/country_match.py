"""The country a person typed, found among every country's names.

Without JavaScript the country of a passport is a text box, not a list: 245 names are most of a
page's bytes (about 2.8 KB of a 6.7 KB step, see bench/measure_pages.py). The name may be typed in
Russian, Kazakh or English, as CLDR writes it or as in country_names.json (official long names,
older names), or as its ISO code; case, accents, spaces and punctuation do not matter.
"""
from __future__ import annotations

import difflib
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


def suggestions(text: str, language: str, limit: int = 3) -> list[str]:
    """Names in `language` close to what was typed, for "Did you mean …?"."""
    typed = normal(text)
    if not typed:
        return []
    by_normal = {normal(name): name for _, name in countries(language)}
    starting = [name for key, name in by_normal.items() if len(typed) >= 2 and key.startswith(typed)]
    inside = [name for key, name in by_normal.items() if len(typed) >= MIN_PREFIX and typed in key]
    if starting or inside:
        return list(dict.fromkeys(starting + inside))[:limit]
    # Close in any language, shown in this one: "Rusia" -> "Россия" on the Russian page.
    close = difflib.get_close_matches(typed, _names().keys(), n=limit * 2, cutoff=0.8)
    codes = list(dict.fromkeys(code for key in close for code in sorted(_names()[key])))
    names = dict(countries(language))
    return [names[code] for code in codes if code in names][:limit]

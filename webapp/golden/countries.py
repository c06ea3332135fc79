"""The country matching's golden file: what webapp/forms/country_match.py finds for typed text, in
each language, that static/js/core/country-match.js must find too (tests/js/country-match.test.mjs).
The text is every kind a person types: whole names in any language, older and official names,
codes, beginnings, names with a letter missing, doubled, changed or two swapped, other cases and
spacing, and words that name nothing; seeded, so a failing case can be named and made again."""
from __future__ import annotations

import json
import random
from pathlib import Path

from flask import Flask

from ..documents.print_data import country_names
from ..forms.country_match import find_country, matches
from ..web.i18n import LANGUAGES

SEED = 22
# Enough for every kind of text many times over, small enough to write in a few seconds.
CASES = 1500
TYPED = ["Рассия", "Бел", "Atlantis", "Rusia", "Р", "kyrgystan", "Белоруссия", "uz", "Кыргызтан", "Казахстан", "stan",
         "Т", "Ресей", "Côte d’Ivoire", "cote divoire", "Republic of Uzbekistan", "ru", "RU ", "  ", "-", "ё", "Қыр",
         "ӘЗІРБАЙЖАН", "Türkiye", "turkey", "Германия", "German", "Корея", "Congo", "Гвинея", "St", "123"]
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүһіabcdefghijklmnopqrstuvwxyz"


def typed_cases(data: dict, count: int) -> list[str]:
    """TYPED, then `count` texts made from the countries' names (seeded)."""
    rng = random.Random(SEED)
    names = [name for code in sorted(data["names"]) for name in data["names"][code].values()]
    names += [name for code in sorted(data["aliases"]) for name in data["aliases"][code]]
    out = list(TYPED)
    while len(out) < len(TYPED) + count:
        name = rng.choice(names)
        i = rng.randrange(len(name))
        kind = rng.randrange(8)
        if kind == 0:
            text = name
        elif kind == 1:
            text = name[:rng.randint(1, 5)]
        elif kind == 2:
            text = name[:i] + name[i + 1:]
        elif kind == 3:
            text = name[:i] + name[i] + name[i:]
        elif kind == 4:
            text = name[:i] + rng.choice(LETTERS) + name[i + 1:]
        elif kind == 5:
            text = name[:i] + name[i + 1:i + 2] + name[i:i + 1] + name[i + 2:]
        elif kind == 6:
            text = rng.choice([str.upper, str.lower, str.title])(name).replace(" ", rng.choice(["", "  ", "-"]))
        else:
            text = name[rng.randrange(len(name)):][:rng.randint(3, 8)]  # a part from inside
        out.append(text)
    return out


def write_countries_golden(app: Flask, directory: Path, count: int = CASES) -> int:
    """Writes countries.json (the phone's data, /api/v1/countries) and countries-golden.json."""
    directory.mkdir(parents=True, exist_ok=True)
    with app.test_request_context("/en/"):
        data = country_names()
        cases = [{"typed": text, "find": find_country(text), "matches": {lang: matches(text, lang) for lang in LANGUAGES}}
                 for text in typed_cases(data, count)]
    (directory / "countries.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (directory / "countries-golden.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    return len(cases)

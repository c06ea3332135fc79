"""The Latin spelling Russian foreign passports give a Cyrillic name: ICAO Doc 9303, part 3, as
Russia applies it since 2014 (sources.json "icao-9303-ru", "mid-transliteration-2024"): letter by
letter, no apostrophes for Ъ and Ь. The phone has the same table (static/js/core/checks.js
icaoLatin); the golden files compare the two.

The Russian internal passport has no Latin spelling of the name: this one is offered, marked as a
transliteration, never taken for the document's."""
from __future__ import annotations

from ..forms.validators import NAME_PUNCTUATION

ICAO_RUSSIAN = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z", "И": "I",
    "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y",
    "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
}


def icao_latin(name: str | None) -> str:
    """`name` in Latin capitals; "" when it has a letter the Russian table has not (Kazakh Ә, a
    Latin letter): then no spelling is offered rather than a wrong one."""
    out = []
    for char in name or "":
        if char in NAME_PUNCTUATION:
            out.append(char)
        elif char.upper() in ICAO_RUSSIAN:
            out.append(ICAO_RUSSIAN[char.upper()])
        else:
            return ""
    return " ".join("".join(out).split())

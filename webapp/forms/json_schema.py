"""The limits the forms' checks apply, written as JSON Schema for the API (documents/schema.py,
api/schemas.py): a body the schema allows is one the checks accept, and the API refuses what it
forbids (api/validation.py), so that a client can check a body before sending it.

The patterns are ECMA-262 and Python alike: character classes of \\uXXXX escapes (the Basic
Multilingual Plane only, so no regex flag is needed), anchored with ^ and $ (the API matches them
whole: Python's $ would also match before a final newline)."""
from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

from ..documents.fonts import can_print
from .validators import NAME_PUNCTUATION, _script

# A year from 1000: RFC 3339 allows 0000, which Python's dates (and every bound here) do not.
ISO_DATE = "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
# The categories forms.validators.PlainText refuses.
NOT_PLAIN = ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")


def date_schema(first: date, last: date, description: str = "") -> dict:
    """A day from `first` to `last`, as YYYY-MM-DD. formatMinimum and formatMaximum are the
    keywords of Ajv's formats (ajv-formats) for such bounds; api/validation.py applies them too."""
    schema = {"type": "string", "format": "date", "pattern": ISO_DATE,
              "formatMinimum": first.isoformat(), "formatMaximum": last.isoformat()}
    return {**schema, "description": description} if description else schema


def or_empty(schema: dict) -> dict:
    """An optional answer: the schema's value, or "" (the same as leaving the field out)."""
    description = schema.get("description")
    inner = {key: value for key, value in schema.items() if key != "description"}
    out = {"anyOf": [inner, {"const": ""}]}
    return {**out, "description": description} if description else out


def name_text(max_length: int, scripts: tuple[str, ...], required: bool) -> dict:
    """A name (forms.validators.PersonName, then the documents' fonts): letters of the scripts,
    combining accents, and a hyphen, apostrophe, dot or space; at least one letter."""
    letters, others = _class(_name_letters(scripts)), _class(_name_others())
    any_char = f"[{letters[1:-1]}{others[1:-1]}]"
    body = f"{any_char}*{letters}{any_char}*"
    return {"type": "string", "maxLength": max_length, "pattern": f"^{body}$" if required else f"^({body})?$"}


def plain_text(max_length: int, required: bool) -> dict:
    """Free text (forms.validators.PlainText, then the fonts): at least one character that is not
    a space when required."""
    body = f"{_class(_plain(True))}*{_class(_plain(False))}{_class(_plain(True))}*"
    return {"type": "string", "maxLength": max_length, "pattern": f"^{body}$" if required else f"^({body})?$"}


def spaced(chars: str, min_length: int, max_length: int) -> dict:
    """Characters of `chars` in words of one space between (forms.validators.Pattern on the value
    forms.validators.tidy leaves: a space at either end or a doubled one would be taken away)."""
    word = _class(sorted(ord(c) for c in chars if c != " "))
    pattern = f"^{word}+( {word}+)*$" if " " in chars else f"^{word}+$"
    return {"type": "string", "minLength": min_length, "maxLength": max_length, "pattern": pattern}


# What can be in a name or a text: only characters that NFC leaves as they are (a few accents
# become two characters, which could make a text longer than its limit once the form tidies it).
def _kept(char: str) -> bool:
    return unicodedata.normalize("NFC", char) == char and can_print(char)


@lru_cache(maxsize=4)
def _name_letters(scripts: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(c for c in range(0x10000) if chr(c).isalpha() and _script(chr(c)) in scripts and _kept(chr(c)))


@lru_cache(maxsize=1)
def _name_others() -> tuple[int, ...]:
    marks = [c for c in range(0x10000) if unicodedata.category(chr(c)) == "Mn" and _kept(chr(c))]
    return tuple(sorted({*marks, *(ord(c) for c in NAME_PUNCTUATION if _kept(c))}))


@lru_cache(maxsize=2)
def _plain(with_spaces: bool) -> tuple[int, ...]:
    return tuple(c for c in range(0x10000) if unicodedata.category(chr(c)) not in NOT_PLAIN and _kept(chr(c))
                 and (with_spaces or not chr(c).isspace()))


def _class(codes) -> str:
    """A character class of the code points, as ranges of \\uXXXX escapes."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges) + "]"


def _escape(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\u{code:04x}"

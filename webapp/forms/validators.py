"""Field checks with messages that say what to do (shared by the journeys)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from flask_babel import ngettext
from wtforms.validators import StopValidation, ValidationError

from ..rules.identifiers import is_valid_iin_or_bin

APOSTROPHES = "'’ʼ`"
NAME_PUNCTUATION = set(" -.") | set(APOSTROPHES)


def tidy(value):
    """Form filter: Unicode NFC, no surrounding or doubled spaces."""
    if not isinstance(value, str):
        return value
    return " ".join(unicodedata.normalize("NFC", value).split())


@lru_cache(maxsize=2)
def letter_ranges(script: str) -> tuple[tuple[int, int], ...]:
    """The code points PersonName takes as letters of `script` ("LATIN", "CYRILLIC"), as
    [first, last] ranges: the phone checks names with these (static/js/core/checks.js; the page
    carries them as documents/offline.py letter_steps). Every Latin and Cyrillic letter is below
    U+20000 (the loop takes a few milliseconds)."""
    found: list[list[int]] = []
    for code in range(0x20000):
        char = chr(code)
        if char.isalpha() and _script(char) == script:
            if found and found[-1][1] == code - 1:
                found[-1][1] = code
            else:
                found.append([code, code])
    return tuple((first, last) for first, last in found)


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC"):
        if name.startswith(script):
            return script
    return None


class Required:
    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if field.data is None or (isinstance(field.data, str) and not field.data.strip()):
            field.errors = []
            raise StopValidation(str(self.message))


class Optional:
    """Stops checking an empty field (WTForms' own also clears earlier errors; this is explicit)."""

    def __call__(self, form, field):
        if not field.data:
            raise StopValidation()


class MaxLength:
    def __init__(self, limit: int):
        self.limit = limit

    def message(self) -> str:
        return ngettext("Enter at most %(num)d character", "Enter at most %(num)d characters", self.limit)

    def __call__(self, form, field):
        if field.data and len(field.data) > self.limit:
            raise ValidationError(self.message())


class PersonName:
    """Letters people really have in the given scripts, with hyphen, apostrophe, dot and space."""

    def __init__(self, scripts: tuple[str, ...], message):
        self.scripts, self.message = scripts, message

    def __call__(self, form, field):
        for char in field.data or "":
            if char in NAME_PUNCTUATION:
                continue
            if unicodedata.category(char) == "Mn":  # a combining accent on the letter before
                continue
            if not (char.isalpha() and _script(char) in self.scripts):
                raise ValidationError(str(self.message))
        if not any(c.isalpha() for c in field.data or ""):
            raise ValidationError(str(self.message))


class PlainText:
    """Free text (an address, a company name): anything printable, no control or direction marks."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        for char in field.data or "":
            if unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp"):
                raise ValidationError(str(self.message))


class Pattern:
    """Between min and max characters, each one of `allowed` (a string of the characters)."""

    def __init__(self, allowed: str, min_length: int, max_length: int, message):
        self.allowed, self.min, self.max, self.message = allowed, min_length, max_length, message

    def __call__(self, form, field):
        value = field.data or ""
        if not (self.min <= len(value) <= self.max) or not all(c in self.allowed for c in value):
            raise ValidationError(str(self.message))


class KazakhIdentifier:
    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if field.data and not is_valid_iin_or_bin(field.data):
            raise ValidationError(str(self.message))

"""What the documents' fonts can draw, read from the font files themselves (fontTools): the
answers may hold only such characters (answers.Drawn, and on the phone static/js/core/checks.js
with the ranges documents/offline.py hands it), and render.py draws with these fonts alone."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from fontTools.ttLib import TTFont

from ..web.config import ROOT

# The fonts css/documents.css gives every document (static/fonts/README.md says what they hold).
FONTS = ("fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf")


@lru_cache(maxsize=1)
def drawn() -> frozenset[int]:
    """The code points every one of FONTS has a glyph for."""
    covered = None
    for name in FONTS:
        with TTFont(ROOT / "static" / name, lazy=True) as font:
            chars = set(font.getBestCmap())
        covered = chars if covered is None else covered & chars
    return frozenset(covered)


def can_print(char: str) -> bool:
    """A character the documents print: the fonts have it, or every part of its compatibility
    decomposition (NFKD: "ễ" is "e" with two accents, "ﬁ" is "fi"), which render.printable puts
    in its place."""
    fonts = drawn()
    return ord(char) in fonts or all(ord(part) in fonts for part in unicodedata.normalize("NFKD", char))


@lru_cache(maxsize=1)
def printable_ranges() -> tuple[tuple[int, int], ...]:
    """The code points can_print accepts, as [first, last] ranges (below U+30000: nothing above
    decomposes into what the fonts have)."""
    fonts, found = drawn(), []
    for code in range(0x30000):
        char = chr(code)
        if code not in fonts and not (unicodedata.decomposition(char) and can_print(char)):
            continue
        if found and found[-1][1] == code - 1:
            found[-1][1] = code
        else:
            found.append([code, code])
    return tuple((first, last) for first, last in found)


def shown(char: str) -> str:
    """A character as a message names it: a combining mark on a dotted circle."""
    return "\u25cc" + char if unicodedata.category(char).startswith("M") else char

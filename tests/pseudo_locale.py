"""A pseudo-locale for the tests: en-XA, English with every letter accented and about a third
longer, so that a string that skipped the catalogs shows up as plain English and a layout that
only fits short words breaks. Its catalog is made from the English one; CLDR's English data
serve its dates, plurals and country names.

Adding it to an app takes its code in LANGUAGES and a catalogs' folder that holds it in
BABEL_TRANSLATION_DIRECTORIES (see `pseudo_app_config`): nothing in webapp/ knows about it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from babel import localedata
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from webapp.web.catalogs import compile_missing_catalogs

ROOT = Path(__file__).resolve().parents[1]
CODE = "en-XA"
BABEL_ID = "en_XA"
LANGUAGES = ("ru", "kk", "en", CODE)

ACCENTED = dict(zip(
    "abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ",
    "áƀçđéğĥíķĺñóŕšŧúŵýžÁƁÇĐÉĞĤÍĶĹÑÓŔŠŦÚŴÝŽ", strict=True))
# What must stay as it is: placeholders (%(name)s, %(num)d, {name}, %s), HTML tags and entities,
# and addresses, which the code reads or a person types.
KEEP = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w+\}|<[^>]*>|&\w+;|https?://\S+|\b[\w.-]+\.(?:kz|ru|org|com|gov)\b")
# A letter the bundled PDF fonts have (a filler they lack would print "?")
FILLER = "ĸĸĸĸ"


def pseudo(text: str) -> str:
    """'Enter the date' -> 'Éñŧéŕ ŧĥé đáŧé ĸĸĸĸ' (placeholders, tags and addresses kept)."""
    if not text:
        return text
    out, last = [], 0
    for match in KEEP.finditer(text):
        out.append("".join(ACCENTED.get(c, c) for c in text[last:match.start()]))
        out.append(match.group())
        last = match.end()
    out.append("".join(ACCENTED.get(c, c) for c in text[last:]))
    # A third longer, in short words, as German or Kazakh would be: words wrap, lines grow.
    extra = max(1, round(len(text) * 0.3 / (len(FILLER) + 1)))
    return "".join(out) + (" " + FILLER) * extra


def register_with_babel() -> None:
    """CLDR has no en_XA: give it English's data, so that Babel and Flask-Babel accept the code."""
    if BABEL_ID not in localedata._cache:  # Babel's own cache of loaded locale data
        localedata._cache[BABEL_ID] = localedata.load("en")


def write_catalog(directory: Path) -> Path:
    """<directory>/en_XA/LC_MESSAGES/messages.po and .mo, from the English catalog."""
    with open(ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po", "rb") as source:
        english = read_po(source)
    catalog = Catalog(locale="en", domain="messages")  # English plural rules (one, other)
    for message in english:
        if not message.id:
            continue
        plural = isinstance(message.id, (list, tuple))
        string = tuple(pseudo(part) for part in message.id) if plural else pseudo(message.id)
        catalog.add(message.id, string, flags=message.flags, context=message.context)
    target = directory / BABEL_ID / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "messages.po", "wb") as po:
        write_po(po, catalog)
    with open(target / "messages.mo", "wb") as mo:
        write_mo(mo, catalog)
    return directory


def pseudo_app_config(directory: Path) -> dict:
    """The settings of an app that speaks the pseudo-locale too. Its catalogs are all in one
    directory, beside copies of the real ones: with two directories Flask-Babel keeps the plural
    rule of the last catalog it loads, even one that lacks the language, and so would write
    Russian plurals by the English rule (and its translations cache is shared by every app of
    the process, so the session's app would read them too)."""
    register_with_babel()
    for po in (ROOT / "translations").glob("*/LC_MESSAGES/messages.po"):
        target = directory / po.relative_to(ROOT / "translations")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(po, target)
    compile_missing_catalogs(directory)
    write_catalog(directory)
    return {"LANGUAGES": LANGUAGES, "BABEL_TRANSLATION_DIRECTORIES": str(directory)}


WORD = re.compile(r"[A-Za-z]{2,}")
SITE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:kz|ru|com|org|net|info)\b")


def plain_english_runs(text: str, allowed: set[str]) -> list[str]:
    """Runs of two or more words of plain ASCII letters: text that did not go through a catalog
    (pseudo text has accents or fillers in every word of two letters or more). Names that come
    from data (countries, checkpoints, the brand) are `allowed`."""
    for phrase in sorted(allowed, key=len, reverse=True):
        text = text.replace(phrase, " ")
    text = SITE.sub(" ", text)  # a source's site ("Informburo.kz") is its name, not words
    runs, current = [], []
    for token in re.split(r"[\s/()«»“”\"',.:;!?·—–-]+", text):
        if WORD.fullmatch(token):
            current.append(token)
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    if len(current) >= 2:
        runs.append(" ".join(current))
    return runs

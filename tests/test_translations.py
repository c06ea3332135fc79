"""Every message is translated in ru, kk and en, nothing is fuzzy, and the catalogs match the code."""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

ROOT = Path(__file__).parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("ru", "kk", "en")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def catalog(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return read_po(source)


def messages(language: str):
    return [m for m in catalog(language) if m.id]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(language):
    untranslated = [m.id for m in messages(language) if not m.string or (isinstance(m.string, tuple) and not all(m.string))]
    fuzzy = [m.id for m in messages(language) if m.fuzzy]
    assert not untranslated, f"{language}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_kept(language):
    for message in messages(language):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == expected, f"{language}: {message.id!r} -> {string!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_follow_cldr(language):
    po = catalog(language)
    assert po.num_plurals == get_plural(language).num_plurals == {"ru": 3, "kk": 2, "en": 2}[language]
    for message in messages(language):
        if isinstance(message.id, tuple):
            assert len(message.string) == po.num_plurals


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_compiles(language):
    write_mo(io.BytesIO(), catalog(language), use_fuzzy=False)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_translations_are_in_cyrillic(language):
    for message in messages(language):
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        english_words = re.findall(r"\b[A-Za-z]{3,}\b", PLACEHOLDER.sub("", msgid))
        if len(english_words) >= 3:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(CYRILLIC.search(s) for s in strings), f"{language}: {message.id!r} looks untranslated"


def test_kazakh_uses_kazakh_letters_and_no_latin_look_alikes():
    text = " ".join(
        s for m in messages("kk") for s in (m.string if isinstance(m.string, tuple) else (m.string,))
    )
    assert set("әғқңөұүі") <= set(text.lower())
    mixed = [w for w in re.findall(r"\w+", text) if CYRILLIC.search(w) and re.search(r"[A-Za-z]", w)]
    assert not mixed, f"words mixing Latin and Cyrillic letters: {mixed[:10]}"


def test_catalogs_contain_every_message_of_the_code(tmp_path):
    """Fails when a new message was added to the code without `flask translate update`."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
         "--no-location", "--sort-output", "-o", str(pot), "webapp"],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as source:
        in_code = {m.id for m in read_po(source) if m.id}
    for language in LANGUAGES:
        in_catalog = {m.id for m in messages(language)}
        assert in_code <= in_catalog, f"{language}: missing {sorted(map(str, in_code - in_catalog))[:5]}"


def test_the_phones_result_page_uses_only_catalogued_messages():
    from webapp.deadlines.offline_data import renderer_msgids

    for language in LANGUAGES:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in messages(language)}
        assert renderer_msgids() <= known, sorted(renderer_msgids() - known)[:5]
    assert len(renderer_msgids()) > 50

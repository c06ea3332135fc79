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


# Kazakh dates in sentences. long_date (web/i18n.py) and longDate (core/words.js) write a date in Kazakh
# as "2026 ж. 27 қазан": the month in the nominative, and a placeholder cannot add the case ending
# that a postposition or a verb after it needs ("27 қазанға дейін", "15 тамызда шықтыңыз"). So in the
# Kazakh catalog a date placeholder is never directly followed by such a word: the sentence is turned so
# that the date stands alone ("Шығудың соңғы күні — %(date)s", "%(exit)s күні шықтыңыз").
#
# The params that are filled with a date, read from the code:
# - deadlines/explain.py and core/explain.js: date, start, end, entry, day (long_date and short_day),
#   first, last, exit, earliest, leave_by, since;
# - warnings (explain.warning_text, core/words.js warningText) write every date param of a warning with
#   long_date/longDate: rules/evaluator.py gives exit, leave_by, deadline and date (messages.WARNINGS);
# - templates and the phone's pages: date (rules checked, sources checked, a proof's or a file's date),
#   start, end, day.
DATE_PARAMS = {"date", "start", "end", "entry", "day", "first", "last", "exit", "earliest", "leave_by", "since",
               "deadline"}
# Words that need the date before them in a case other than the nominative: postpositions taking the
# dative (дейін, шейін, қарай) or the ablative (бастап, кейін, соң, бұрын, бері, ерте, кеш), and verbs of
# leaving, entering, arriving, moving and registering, which need the locative (-да/-де) on a day; the
# verbs are matched by their stem, whatever the ending ("шықтыңыз", "шықсаңыз", "кірдіңіз", "кетесіз").
AFTER_A_DATE = {"дейін", "шейін", "қарай", "бастап", "кейін", "соң", "бұрын", "бері", "ерте", "кеш"}
VERB_STEMS = ("шық", "кір", "кет", "кел", "көш", "тіркел", "хабарла")
# rule_words (messages.py) writes a param whose name ends in "days" as a number with its word, "30 күн",
# "3 жұмыс күні", also in the nominative: a comparison after it needs the ablative ("30 күннен артық"),
# and "дейін"/"бастап" the dative/ablative. ("30 күн бұрын", "30 күн кейін", "… ішінде" are right.)
AFTER_A_COUNT = {"артық", "астам", "көп", "кем", "аз", "ұзақ", "асатын", "аспайтын", "асса", "дейін", "шейін", "бастап"}
FOLLOWED = re.compile(r"%\((\w+)\)s\s+(\w+)")


def date_case_mistakes(strings) -> list[str]:
    mistakes = []
    for string in strings:
        for name, word in FOLLOWED.findall(string):
            word = word.lower()
            after_a_date = name in DATE_PARAMS and (word in AFTER_A_DATE or word.startswith(VERB_STEMS))
            after_a_count = name.endswith("days") and word in AFTER_A_COUNT
            if after_a_date or after_a_count:
                mistakes.append(f"%({name})s {word}: {string}")
    return mistakes


def test_kazakh_dates_stand_where_the_nominative_is_right():
    strings = [s for m in messages("kk") for s in (m.string if isinstance(m.string, tuple) else (m.string,))]
    assert not date_case_mistakes(strings)


def test_the_date_case_check_finds_what_it_is_for():
    assert date_case_mistakes(["Сіз Қазақстаннан %(leave_by)s дейін шығуыңыз керек.", "Сіз %(exit)s шықтыңыз.",
                               "%(since)s бастап", "Қайта %(earliest)s кірсеңіз", "олар %(days)s артық болса"]) == [
        "%(leave_by)s дейін: Сіз Қазақстаннан %(leave_by)s дейін шығуыңыз керек.", "%(exit)s шықтыңыз: Сіз %(exit)s шықтыңыз.",
        "%(since)s бастап: %(since)s бастап", "%(earliest)s кірсеңіз: Қайта %(earliest)s кірсеңіз",
        "%(days)s артық: олар %(days)s артық болса"]
    assert not date_case_mistakes(["Шығудың соңғы күні — %(date)s", "%(exit)s күні шықтыңыз", "%(working_days)s ішінде",
                                   "көшкен күніңіз %(day)s болса", "%(num)d күн кейін"])


def test_every_param_the_code_fills_with_a_date_is_checked():
    """A new message filling a new param with long_date/longDate joins DATE_PARAMS (the check above)."""
    python = re.compile(r"(\w+)=(?:long_date|short_day)\(")
    javascript = re.compile(r"(\w+): (?:(?:explained|words)\.)?(?:longDate|shortDay)\(")
    found = set()
    for path in [*(ROOT / "webapp").rglob("*.py"), *(ROOT / "webapp" / "templates").rglob("*.html")]:
        found |= set(python.findall(path.read_text(encoding="utf-8")))
    for path in (ROOT / "static" / "js").rglob("*.js"):
        found |= set(javascript.findall(path.read_text(encoding="utf-8")))
    assert {"date", "leave_by", "exit", "since"} <= found
    assert found <= DATE_PARAMS, sorted(found - DATE_PARAMS)

"""Golden files for the documents journey: for a seeded corpus of answer sets, each field's first
error in the case's language, as the server's wizard shows it (webapp/documents/answers.py), and,
for a set with none, every value the documents print (`content.document_values`). The phone's
modules must give the same (tests/js/documents-golden.test.mjs: core/checks.js and
core/document-values.js), run on the data its pages give them, written beside the cases.

The answers are what the phone's form can hold: text typed in any box, dates typed in three, and
for a radio or a list (the country's too, a list of codes on the phone) one of the offered answers
or none. Text the server reads as a country's name ("Россия") is the wizard without JavaScript's
(webapp/forms/country_match.py) and is not checked here. Random but reproducible: the same seed
gives the same cases, so a failing case can be named and made again."""
from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from flask import Flask
from werkzeug.datastructures import MultiDict

from ..documents.answers import HOST_KINDS, PURPOSES, STEPS, AnswersForm
from ..documents.content import document_values
from ..documents.group import MAX_ADULTS, OTHERS, SHARED
from ..documents.offline import offline_checks
from ..documents.print_data import country_names, print_data
from ..forms.validators import letter_ranges
from ..rules import rule_book
from ..rules.identifiers import is_valid_iin_or_bin
from ..rules.places import checkpoints, regions
from ..web.i18n import force_language, languages
from .files import worker_app, write_lines

SEED = 17
# A next-line character is a space to Python; full-width letters and an ordinal sign are no
# Latin letters to the server.
# "NGUYỄN": its "Ễ" is not in the fonts but its parts are; the saltillo "ꞌ" is a Latin letter they
# lack (fonts.can_print).
LATIN_GOOD = ("IVANOV", "PETROVA", "O'BRIEN", "JEAN-PIERRE", "ÉLODIE", "  smith  ", "IVA\x85NOV", "Zoë", "Z" * 60, "NGUYỄN")
LATIN_BAD = ("Иванов", "IVAN2", "Ivan!", "", "A" * 61, "\u200bIVAN", "Maªa", "ＷＡＮＧ", "SALTꞌILLO")
CYRILLIC_NAMES = ("ИВАНОВ", "Әлия", "Ёлкин", "Ахмет-Оглы", "Д'Арк", "IVANOV", "Иван1", "", "", "Ж" * 61)
TEXTS = ("Уральск", "улица Абая", "ӘҒҚҢӨҰҮҺІ көшесі", "12", "5A", "", "", "x" * 61, "x" * 101, "tab\there",
         "Алматы\u0007", "Ural\ufeff", "Уральск\u202e", " ", "улица Абая 🏠", "Ωμέγα", "漢字", "ТОО ❤️")
PASSPORT_NUMBERS = ("75 1234567", "AB1234567", "N12345", "753", "ab12", "75-1234567", "ab1234567", "", "1" * 21)
# The Russian internal passport: a series and number as typed, good then bad; names with every
# letter of the transliteration table (transliteration.py), and with one it has not (Ә).
SERIES_NUMBERS = ("45 12 345678", "4512345678", "4512 345678", "45 12345678", "45 12 34567", "AB 12 345678",
                  "45-12-345678", "451 2345678", "")
INTERNAL_NAMES = ("ЩЕГЛОВА", "Юлия", "Подъячев", "Ёлкин-Эрдман", "Ильич", "Хуснутдинов Цой", "Абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  "Әлия")
PHONES = ("+7 701 123 45 67", "87011234567", "+7 (701) 123-45-67", "", "phone", "call me", "+" + "1" * 30)
POSTCODES = ("090000", "Z05T3D0", "", "09 0000", "z05t3d0", "12345")
DATE_TYPOS = ("", "0", "32", "13", "31", "99", "90", "x", "20261", "2o26", "１２", "২৭", "1899", "12", " 7 ")
# What can be wrong in a case, a few at a time.
MISTAKES = ("surname_latin", "given_names_latin", "cyrillic", "patronymic", "birth", "sex", "citizenship", "number",
            "issued", "expires", "entry", "checkpoint", "purpose", "region", "city", "street", "house", "postcode",
            "host_kind", "host_name", "host_iin", "host_bin", "host_phone", "child", "exit_date", "earlier_stays", "stay",
            "internal_citizenship")


def _citizenships() -> list[str]:
    """Codes of every nationality group and a few the rules give no group (visas)."""
    return sorted(rule_book().groups)[::4] + ["RU", "BY", "KG", "UZ", "DE", "US", "CN", "IN", "AF"]


def _identifier(rng: random.Random, valid: bool) -> str:
    while True:
        number = "".join(rng.choice("0123456789") for _ in range(12))
        if is_valid_iin_or_bin(number) == valid:
            return number


def _date_parts(prefix: str, day: date, rng: random.Random, wrong: bool) -> dict:
    parts = {"day": str(day.day), "month": rng.choice((str(day.month), f"{day.month:02d}")), "year": str(day.year)}
    if wrong:
        part = rng.choice(("day", "month", "year"))
        parts[part] = rng.choice(DATE_TYPOS)
        if rng.random() < 0.1:
            parts = {key: "" for key in parts}  # not given at all
    return {f"{prefix}-{key}": value for key, value in parts.items()}


def _trip(rng: random.Random, today: date, entry: date, wrong: set) -> dict:
    """The day of leaving (none, past, ahead, or wrong) and the earlier stays: not answered, none,
    or a few in the last year, sometimes overlapping (the evaluator's warnings)."""
    out: dict = {}
    leaving = rng.choice((None, None, entry + timedelta(days=rng.randrange(0, 120))))
    if "exit_date" in wrong:
        leaving = rng.choice((entry - timedelta(days=rng.randrange(1, 30)), today + timedelta(days=400), date(1999, 5, 1)))
    if leaving:
        out.update(_date_parts("exit_date", leaving, rng, "exit_date" in wrong and rng.random() < 0.3))
    count = rng.choice((0, 0, 1, 1, 2, 3))
    answer = rng.choice(("", "no")) if not count else rng.choice(("yes", "yes", ""))
    if "earlier_stays" in wrong:
        answer = "yes" if not count else "no"
    out["earlier_stays"] = answer
    end = entry
    for i in range(count):
        exit_day = end - timedelta(days=rng.randrange(1, 120))
        entry_day = exit_day - timedelta(days=rng.randrange(0, 60))
        if "stay" in wrong and rng.random() < 0.5:
            entry_day, exit_day = exit_day + timedelta(days=rng.randrange(1, 10)), entry_day
        out.update(_date_parts(f"previous_stays-{i}-entry", entry_day, rng, "stay" in wrong and rng.random() < 0.2))
        out.update(_date_parts(f"previous_stays-{i}-exit", exit_day, rng, False))
        end = entry_day if rng.random() < 0.8 else end  # now and then out of order, or overlapping
    return out


def answer_set(rng: random.Random, valid: bool, today: date | None = None) -> dict:
    """One case: a day, a language, and the answers as the phone's form posts them; now and then a
    group, other adults travelling together (`others-<n>-…`, group.py), each drawn as one person is."""
    today = today or date(2020, 3, 1) + timedelta(days=rng.randrange(0, 2650))
    wrong = set() if valid else set(rng.sample(MISTAKES, k=rng.randint(1, 3)))
    pick = rng.choice

    def either(name: str, good, bad):
        return pick(bad) if name in wrong else pick(good)

    entry = today - timedelta(days=rng.choice((0, rng.randrange(0, 30), rng.randrange(0, 400))))
    if "entry" in wrong:
        entry = pick((today + timedelta(days=rng.choice((1, 200, 400))), date(2019, 12, 1) + timedelta(days=rng.randrange(60))))
    born = today - timedelta(days=rng.randrange(18 * 365, 80 * 365))
    if "birth" in wrong and rng.random() < 0.3:
        born = today + timedelta(days=rng.randrange(1, 100))
    issued = today - timedelta(days=rng.randrange(0, 10 * 365))
    # Valid for years still, within 180 days (the summary's warning), or expired.
    expires = today + timedelta(days=rng.choice((rng.randrange(180, 3650), rng.randrange(0, 180))))
    if "expires" in wrong:
        expires = pick((issued - timedelta(days=rng.randrange(0, 30)), today - timedelta(days=rng.randrange(1, 90))))
    if "issued" in wrong and rng.random() < 0.5:
        issued = pick((today + timedelta(days=rng.randrange(1, 30)), born - timedelta(days=rng.randrange(1, 300))))
    answers = {
        "person-surname_latin": either("surname_latin", LATIN_GOOD, LATIN_BAD),
        "person-given_names_latin": either("given_names_latin", LATIN_GOOD, LATIN_BAD),
        "person-surname_cyrillic": either("cyrillic", CYRILLIC_NAMES[:5] + ("",), CYRILLIC_NAMES[5:]),
        "person-given_names_cyrillic": pick(CYRILLIC_NAMES[:5] + ("",)),
        "person-patronymic": either("patronymic", ("ИВАНОВИЧ", "", "UGLI", "Ахмет-Оглы"), ("Иван1", "-", "x" * 61)),
        **_date_parts("person-date_of_birth", born, rng, "birth" in wrong and born <= today),
        "person-sex": either("sex", ("female", "male"), ("",)),
        "person-citizenship": either("citizenship", _citizenships(), ("",)),
        "passport-number": either("number", PASSPORT_NUMBERS[:3], PASSPORT_NUMBERS[3:]),
        **_date_parts("passport-issued", issued, rng, "issued" in wrong and issued <= today),
        **_date_parts("passport-expires", expires, rng, False),
        **_date_parts("entry-date", entry, rng, "entry" in wrong and rng.random() < 0.3),
        "entry-checkpoint": either("checkpoint", [p["id"] for p in checkpoints()] + ["other"], ("",)),
        "entry-purpose": either("purpose", tuple(PURPOSES), ("",)),
        "stay-region": either("region", [r["id"] for r in regions()], ("",)),
        "stay-city": either("city", TEXTS[:3], TEXTS[5:]),
        "stay-street": either("street", TEXTS[1:3], TEXTS[5:]),
        "stay-house": either("house", TEXTS[3:5], TEXTS[5:]),
        "stay-flat": pick(("5", "", "12Б")),
        "stay-postcode": either("postcode", POSTCODES[:3], POSTCODES[3:]),
        "host-kind": either("host_kind", tuple(HOST_KINDS), ("",)),
        "host-name": either("host_name", ("Қуанышбаева Әйгерім", "ТОО «Жайық»", "Hotel Chagala"), TEXTS[5:]),
        "host-iin": _identifier(rng, valid=False) if "host_iin" in wrong else pick((_identifier(rng, valid=True), "")),
        "host-bin": pick(("12345", "１２３", _identifier(rng, valid=False))) if "host_bin" in wrong
        else pick((_identifier(rng, valid=True), "", "")),
        "host-phone": either("host_phone", PHONES[:4], PHONES[4:]),
    }
    answers.update(_trip(rng, today, entry, wrong))
    for child in range(pick((0, 0, 0, 1, 2, 3))):
        answers[f"children-{child}-surname"] = either("child", ("Иванова", "PETROV", "Müller"), CYRILLIC_NAMES[5:])
        answers[f"children-{child}-given_names"] = pick(("Мария", "ANNA", "Әли"))
        born_child = today - timedelta(days=rng.randrange(0, 18 * 365))
        if "child" in wrong and rng.random() < 0.4:
            born_child = today - timedelta(days=rng.randrange(18 * 365 + 5, 30 * 365))
        answers.update(_date_parts(f"children-{child}-date_of_birth", born_child, rng, "child" in wrong and rng.random() < 0.4))
    if rng.random() < 0.3:
        _internal_passport(answers, rng, wrong)
    elif rng.random() < 0.2:
        _armenian_id_card(answers, rng, wrong)
    return {"today": today.isoformat(), "language": pick(languages()), "answers": answers}


def group_set(rng: random.Random, valid: bool) -> dict:
    """A case, and for some (about one in six) one to three other adults: their own answers drawn
    for the same day (the shared stay-* and host-* left out), each valid or not, a row index left
    unused now and then (an adult removed)."""
    case = answer_set(rng, valid)
    if rng.random() < 0.84:
        return case
    today = date.fromisoformat(case["today"])
    index = 0
    for _ in range(rng.randint(1, min(3, MAX_ADULTS - 1))):
        index += rng.choice((1, 1, 1, 2))
        other = answer_set(rng, rng.random() < 0.6, today)["answers"]
        case["answers"].update({f"{OTHERS}-{index}-{key}": value for key, value in other.items()
                                if key.split("-", 1)[0] not in SHARED})
    return case


def _internal_passport(answers: dict, rng: random.Random, wrong: set[str]) -> None:
    """The same case on the Russian internal passport: a series and number, a date of expiry that
    is not asked (left as drawn, or typed wrong: it must not count), names in Cyrillic, the Latin
    spelling often left for the transliteration."""
    pick = rng.choice
    answers["passport-document"] = "ru_internal_passport"
    answers["passport-number"] = pick(SERIES_NUMBERS[5:]) if "number" in wrong else pick(SERIES_NUMBERS[:4])
    if rng.random() < 0.3:
        answers["passport-expires-year"] = pick(("", "20x6", "1990"))
    answers["person-citizenship"] = pick(("DE", "KG", "")) if "internal_citizenship" in wrong else "RU"
    if "cyrillic" not in wrong:
        answers["person-surname_cyrillic"] = pick(INTERNAL_NAMES)
        answers["person-given_names_cyrillic"] = pick(INTERNAL_NAMES)
    for name in ("person-surname_latin", "person-given_names_latin"):
        if name.removeprefix("person-") not in wrong and rng.random() < 0.7:
            answers[name] = ""


def _armenian_id_card(answers: dict, rng: random.Random, wrong: set[str]) -> None:
    """The same case on the identity card of Armenia: the passport's fields (a number of letters
    and digits, a date of expiry, the Latin name), a citizen of Armenia or, wrong, of another country."""
    answers["passport-document"] = "am_id_card"
    answers["person-citizenship"] = rng.choice(("RU", "DE", "")) if "internal_citizenship" in wrong else "AM"


def cases(count: int, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    # About 40 % valid: some meant to be are not (a passport expired, an entry before the first
    # rules), and a few wrong ones are taken (a patronymic of "-").
    return [group_set(rng, valid=rng.random() < 0.38) for _ in range(count)]


def _person_outputs(form: AnswersForm, language: str) -> dict:
    errors = {field.name: str(field.errors[0]) for step in form.invalid_steps() for field in form.error_fields(step)}
    return {"errors": errors, "values": None if errors else document_values(form, language)}


def case_outputs(case: dict) -> dict:
    """Each field's first error, in the case's language, and, when none, the documents' values: of
    the first adult's steps and the shared ones (as the wizard's steps show them); for a group, also
    of each adult's own answers (group.people), as the phone splits them."""
    today = date.fromisoformat(case["today"])
    with force_language(case["language"]):
        form = AnswersForm(MultiDict(case["answers"]), today=today)
        outputs = {**case, **_person_outputs(form, case["language"])}
        if form.others.entries:
            outputs["people"] = [_person_outputs(person, case["language"]) for person in form.person_forms()]
    return outputs


def page_data(app: Flask) -> dict:
    """What the phone's pages give the modules: each language's checks (the offline documents
    page's) and the print data with the countries' names (the print page's)."""
    checks = {}
    for language in languages():
        with app.test_request_context(f"/{language}/documents/offline"), force_language(language):
            checks[language] = offline_checks(AnswersForm(None, today=date(2026, 9, 5)))
    with app.test_request_context("/documents/print"):
        data = {**print_data(), "countries": country_names()["names"]}
    ranges = {script: [list(r) for r in letter_ranges(script)] for script in ("LATIN", "CYRILLIC")}
    return {"steps": list(STEPS), "checks": checks, "print": data, "letter_ranges": ranges, "max_adults": MAX_ADULTS}


def _outputs(chunk: list[tuple[int, dict]]) -> list[str]:
    with worker_app().app_context():
        return [json.dumps({"name": f"documents {index}"} | case_outputs(case), ensure_ascii=False, separators=(",", ":"))
                for index, case in chunk]


def write_documents_golden(app: Flask, directory: Path, count: int, workers: int) -> int:
    """Writes documents.json (the pages' data) and documents.jsonl.gz (the cases); returns how many."""
    (directory / "documents.json").write_text(json.dumps(page_data(app), ensure_ascii=False), encoding="utf-8")
    numbered = list(enumerate(cases(count)))
    write_lines(directory / "documents.jsonl.gz", numbered, _outputs, workers)
    return len(numbered)

"""Complete, valid answers for the documents, as the wizard posts them and as the API takes them."""
from __future__ import annotations

import copy

from webapp.documents.content import is_cyrillic
from webapp.documents.schema import EXAMPLE

KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"


def api_answers(**changes) -> dict:
    """EXAMPLE with every Kazakh letter in a value; changes as {"section.field": value}."""
    answers = copy.deepcopy(EXAMPLE)
    answers["stay"]["street"] = f"{KAZAKH_LETTERS} көшесі"
    for path, value in changes.items():
        section, key = path.split(".")
        answers[section][key] = value
    return answers


def form_answers(answers: dict | None = None) -> dict:
    """The wizard's form fields for the API answers (dates split into day, month and year)."""
    from webapp.documents.answers import flatten_json

    return flatten_json(answers or api_answers()).to_dict(flat=True)


def changed(example: dict, **changes) -> dict:
    """A copy of an example's answers; changes as {"section.field": value} (None: left out)."""
    answers = copy.deepcopy(example)
    for path, value in changes.items():
        section, key = path.split(".")
        if value is None:
            answers[section].pop(key, None)
        else:
            answers[section][key] = value
    return answers


def form_errors(app, answers: dict, today) -> dict[str, str]:
    """Each wizard field in error, with its first message in English, for the API's answers."""
    from flask import g

    from webapp.documents.answers import AnswersForm, flatten_json

    with app.test_request_context("/en/documents/passport"):
        g.lang = "en"
        form = AnswersForm(flatten_json(answers), today=today)
        return {field.name: str(field.errors[0]) for step in form.invalid_steps() for field in form.error_fields(step)}


def _long(start: str, length: int) -> str:
    """`start`, then wide letters up to `length`, in words of at most 14 letters (a long word, as a
    compound name or street is, but broken where a real value would be)."""
    filler = "Ш" if is_cyrillic(start) else "W"
    text = start
    while len(text) < length:
        text += " " if len(text.rsplit(" ", 1)[-1]) >= 14 else filler
    return text[:length].rstrip().ljust(length, filler)


def longest_answers() -> dict:
    """Every text at the longest the forms accept, in wide letters, ten children each with long
    names, and every Kazakh letter: what the documents must still lay out without a split."""
    answers = api_answers()
    answers["person"].update({"surname_latin": _long("MAXIMILIANOVA", 60), "given_names_latin": _long("ALEXANDRA", 60),
                              "surname_cyrillic": _long("МАКСИМИЛИАНОВА", 60), "given_names_cyrillic": _long("АЛЕКСАНДРА", 60),
                              "patronymic": _long("КОНСТАНТИНОВНА", 60)})
    answers["passport"]["number"] = "W" * 20
    answers["stay"].update({"city": _long("Усть-Каменогорск", 80), "street": _long(f"{KAZAKH_LETTERS} көшесі", 100),
                            "house": "Ш" * 20, "flat": "Ш" * 20, "postcode": "W" * 10})
    answers["host"] = {"kind": "organisation", "name": _long("ТОО «Казахстанская горно-металлургическая компания»", 120),
                       "phone": "+7 (7232) 123-45-678", "bin": "900101400003"}
    answers["entry"]["checkpoint"] = "other"
    answers["children"] = [{"surname": _long("МАКСИМИЛИАНОВА", 60), "given_names": _long("ЕКАТЕРИНА " + "АБВГДЕЖЗИК"[n], 60),
                            "date_of_birth": f"2010-01-{n + 1:02d}"} for n in range(10)]
    return answers

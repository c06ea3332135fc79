"""Complete, valid answers for the documents, as the wizard posts them and as the API takes them."""
from __future__ import annotations

import copy

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

"""People who travel together (webapp/documents/group.py): three adults and two children, the
children of two different adults, through the wizard without JavaScript, as a person pressing its
buttons would; each adult's own dates on their own documents, the same as their own plan and their
own result page; one host's sheet listing all five."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from urllib.parse import urlencode

import jsonschema
import pytest
from flask import render_template

from webapp.case import accommodation, carried
from webapp.deadlines.explain import due_date
from webapp.documents.answers import MAX_CHILDREN, TRAVELLER_STEPS, AnswersForm, flatten_json
from webapp.documents.group import MAX_ADULTS, people
from webapp.documents.schema import answers_schema
from webapp.rules import PlanInput, evaluate
from webapp.rules.evaluator import Stay
from webapp.web.i18n import force_language, long_date

from .conftest import TODAY
from .documents_data import api_answers
from .html_checks import check_page, parse
from .test_documents_pdf import pdf_text, post_pdf
from .test_one_plan import key_dates

# The first adult: Russia, entered on 1 September, no earlier stays, a child.
FIRST = api_answers()
FIRST_CHILD = FIRST["children"][0]
# The second: Kyrgyzstan, her own entry, an earlier stay and a day of leaving, no children.
SECOND = {
    "person": {"surname_latin": "ASANOVA", "given_names_latin": "AIDA", "date_of_birth": "1994-05-12", "sex": "female",
               "citizenship": "KG"},
    "passport": {"number": "AC1234567", "issued": "2021-02-03", "expires": "2031-02-03"},
    "entry": {"date": "2026-08-20", "checkpoint": "kairak", "purpose": "tourism"},
    "previous_stays": [{"entry": "2026-03-01", "exit": "2026-05-15"}],
    "exit_date": "2026-10-30",
}
# The third: Uzbekistan, who crossed with the first (the entry offered is kept), and his son.
THIRD_CHILD = {"surname": "KARIMOV", "given_names": "TIMUR", "date_of_birth": "2019-06-01"}
THIRD = {
    "person": {"surname_latin": "KARIMOV", "given_names_latin": "BOBUR", "date_of_birth": "1988-11-30", "sex": "male",
               "citizenship": "UZ"},
    "passport": {"number": "FA7654321", "issued": "2022-07-07", "expires": "2032-07-07"},
    "previous_stays": [],
    "children": [THIRD_CHILD],
}
ADULTS = [FIRST, SECOND, {**THIRD, "entry": FIRST["entry"]}]
TEMPLATE = re.compile(r"<template.*?</template>", re.S)


def fields(html: str) -> dict[str, str]:
    """What the page's form sends: its hidden fields, what its boxes hold, the radios checked and the
    options selected (a row's <template> sends nothing)."""
    html = TEMPLATE.sub("", html)
    sent: dict[str, str] = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if "name" not in attrs or attrs.get("type") in ("submit", "button"):
            continue
        if attrs.get("type") == "radio" and " checked" not in tag:
            continue
        sent[attrs["name"]] = attrs.get("value", "")
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', options)
        sent[name] = chosen.group(1) if chosen else ""
    return {name: value.replace("&#39;", "'").replace("&amp;", "&").replace("&#34;", '"') for name, value in sent.items()}


def shown_names(html: str) -> set[str]:
    """The fields the page shows (not hidden): those a person types into."""
    html = TEMPLATE.sub("", html)
    return {name for tag in re.findall(r"<input\b[^>]*>|<select\b[^>]*>", html) if 'type="hidden"' not in tag
            for name in re.findall(r'name="([^"]+)"', tag) if name != "nav"}


def action(html: str) -> str:
    return re.search(r'<form id="wizard" method="post" action="([^"]+)"', html).group(1)


def press(client, html: str, typed: dict, nav: str = "continue", formaction: str | None = None, status: int = 200) -> str:
    """Type into the boxes the page shows what `typed` has for them, and press the button `nav`."""
    data = fields(html) | {name: value for name, value in typed.items() if name in shown_names(html)}
    response = client.post(formaction or action(html), data={**data, "nav": nav})
    page = response.get_data(as_text=True)
    assert response.status_code == status, (formaction or action(html), parse(page).plain_text[:600])
    check_page(page)
    return page


def h1(html: str) -> str:
    return re.search(r"<h1>([^<]*)</h1>", html).group(1)


def typed(adult: dict, prefix: str = "") -> dict:
    """The adult's answers as the boxes name them (the first adult's without a prefix)."""
    return {prefix + name: value for name, value in flatten_json(adult).items()}


def walk(client, language: str) -> str:
    """The whole journey without JavaScript, to "Check your answers"; its page."""
    first = typed(FIRST)
    page = client.get(f"/{language}/documents/passport").get_data(as_text=True)
    for _step in ("passport", "person", "entry", "stay", "host"):
        page = press(client, page, first)
    page = press(client, page, first, nav="add_child")
    page = press(client, page, first)
    assert action(page) == f"/{language}/documents/others"
    # The second adult: offered the first's entry and citizenship, she gives her own.
    page = press(client, page, {}, nav="add_adult")
    assert action(page) == f"/{language}/documents/others/0/passport"
    offered = fields(page)
    assert offered["others-0-person-citizenship"] == "RU" and offered["others-0-entry-checkpoint"] == "kairak"
    assert (offered["others-0-entry-date-day"], offered["others-0-entry-purpose"]) == ("1", "private")
    second = typed(SECOND, "others-0-")
    page = press(client, page, second)  # passport
    assert "others-0-person-citizenship" in shown_names(page)  # the citizenship offered, in the box, editable
    assert fields(page)["others-0-person-citizenship"] == {"en": "Russia", "ru": "Россия", "kk": "Ресей"}[language]
    page = press(client, page, second)  # person
    assert 'name="others-0-entry-date-day"' in page and 'value="1"' in page  # the offered date, editable
    page = press(client, page, second | {"others-0-earlier_stays": "yes"}, nav="add_stay")
    page = press(client, page, second)  # entry and the rest of her trip
    assert action(page) == f"/{language}/documents/others/0/children"
    page = press(client, page, {})  # no children
    assert action(page) == f"/{language}/documents/others"
    # The third adult crossed with the first: he keeps the entry offered.
    page = press(client, page, {}, nav="add_adult")
    third = typed(THIRD, "others-1-")
    for _step in ("passport", "person", "entry"):
        page = press(client, page, third)
    page = press(client, page, third, nav="add_child")
    page = press(client, page, third)
    assert action(page) == f"/{language}/documents/others"
    return press(client, page, {})


def plan_of(adult: dict):
    stays = tuple(Stay(date.fromisoformat(s["entry"]), date.fromisoformat(s["exit"])) for s in adult["previous_stays"])
    exit_date = date.fromisoformat(adult["exit_date"]) if adult.get("exit_date") else None
    return evaluate(PlanInput(adult["person"]["citizenship"], date.fromisoformat(adult["entry"]["date"]),
                              date.fromisoformat(TODAY), previous_stays=stays, accommodation=accommodation("person"),
                              checkpoint=adult["entry"]["checkpoint"], exit_date=exit_date))


def numeric(day: date) -> str:
    return day.strftime("%d.%m.%Y")


@pytest.fixture(scope="module")
def plans():
    return [plan_of(adult) for adult in ADULTS]


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_three_adults_and_two_children_through_the_wizard(app, client, plans, language):
    check = walk(client, language)
    text = parse(check).plain_text
    assert action(check) == f"/{language}/documents/check"
    for value in ("IVANOV IVAN", "ASANOVA AIDA", "KARIMOV BOBUR", "Иванова Мария", "KARIMOV TIMUR", "AC1234567", "FA7654321"):
        assert value in text, value
    # Each other adult's answers have their own Change buttons, to their own steps.
    for index in (0, 1):
        for step in TRAVELLER_STEPS:
            assert f'formaction="/{language}/documents/others/{index}/{step}#' in check, (index, step)
    answers = fields(check)
    assert answers["others-1-children-0-surname"] == "KARIMOV" and answers["children-0-surname"] == FIRST_CHILD["surname"]
    assert "others-0-children-0-surname" not in answers
    for person, (adult, plan) in enumerate(zip(ADULTS, plans, strict=True), start=1):
        registration, leave_by = due_date(plan.obligations[0]), plan.stay.leave_by
        others = {numeric(due_date(p.obligations[0])) for p in plans} - {numeric(registration), numeric(leave_by)}
        for name in ("card", "registration-sheet"):
            response = client.post(f"/{language}/documents/{name}.pdf?person={person}", data=answers)
            assert response.status_code == 200, (person, name)
            pdf = pdf_text(response.data)
            assert numeric(registration) in pdf and numeric(leave_by) in pdf, (person, name)
            assert not any(day in pdf for day in others), (person, name)  # nobody else's date
            assert adult["passport"]["number"] in pdf, (person, name)
        # The result page of "My deadlines" for the same adult's answers gives the same dates.
        own = people(answers.items())[person - 1]
        query = urlencode(carried(own, "documents", "deadlines"))
        result = client.get(f"/{language}/deadlines/plan?{query}").get_data(as_text=True)
        with app.test_request_context(f"/{language}/"), force_language(language):
            days = [long_date(registration), long_date(leave_by)]
            assert key_dates(result, days) == days, person
    host = pdf_text(client.post(f"/{language}/documents/host-sheet.pdf", data=answers).data)
    for value in ("IVANOV IVAN", "ASANOVA AIDA", "KARIMOV BOBUR", "Иванова Мария", "KARIMOV TIMUR",
                  *(numeric(due_date(plan.obligations[0])) for plan in plans)):
        assert value in host, value
    # Each guest's own date in their own part, in the order of the guests.
    at = [host.index(name) for name in ("IVANOV IVAN", "ASANOVA AIDA", "KARIMOV BOBUR")]
    assert at == sorted(at)
    parts = [host[start:end] for start, end in zip(at, [*at[1:], len(host)], strict=True)]
    for part, plan in zip(parts, plans, strict=True):
        assert numeric(due_date(plan.obligations[0])) in part
    # The children, each in their own adult's part; the second adult has none, and no such table.
    children = "Дети до 18 лет, следующие вместе"
    assert children in parts[0] and children in parts[2] and children not in parts[1]
    assert FIRST_CHILD["surname"] in parts[0] and "KARIMOV TIMUR" in parts[2]


def test_the_zip_holds_each_adults_documents_and_one_host_sheet(client):
    answers = fields(walk(client, "en"))
    archive = zipfile.ZipFile(io.BytesIO(client.post("/en/documents/tirkeu-documents.zip", data=answers).data))
    assert sorted(archive.namelist()) == sorted(
        ["tirkeu-host-sheet.pdf"] + [f"tirkeu-{name}{suffix}.pdf" for name in ("registration-sheet", "iin-sheet", "card")
                                     for suffix in ("", "-2", "-3")])
    assert "ASANOVA AIDA" in pdf_text(archive.read("tirkeu-card-2.pdf"))
    assert "KARIMOV BOBUR" in pdf_text(archive.read("tirkeu-iin-sheet-3.pdf"))
    assert client.post("/en/documents/card.pdf?person=4", data=answers).status_code == 404


def test_an_error_of_another_adult_is_shown_on_their_own_step(client):
    answers = fields(walk(client, "en"))
    answers["others-0-passport-number"] = "ac 12"
    response = client.post("/en/documents/check", data=answers)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert h1(page) == "Adult 2: passport" and "ASANOVA AIDA" in page
    assert 'href="#others-0-passport-number"' in page and 'id="others-0-passport-number-error"' in page
    # Going back and forth loses nothing: the other adults' answers ride along in hidden fields.
    back = press(client, page, {}, nav="back", formaction="/en/documents/others")
    assert fields(back)["others-1-children-0-given_names"] == "TIMUR"


def test_removing_an_adult_keeps_the_others(client):
    answers = fields(walk(client, "en"))
    page = client.post("/en/documents/others", data={**answers, "nav": "remove_adult-0"}).get_data(as_text=True)
    check_page(page)
    kept = fields(page)
    assert not any(name.startswith("others-0-") for name in kept)
    assert kept["others-1-person-surname_latin"] == "KARIMOV"
    assert "Adult 2: KARIMOV BOBUR" in parse(page).plain_text
    check = press(client, page, {})
    card = client.post("/en/documents/card.pdf?person=2", data=fields(check))
    assert "KARIMOV BOBUR" in pdf_text(card.data)


def test_the_case_holds_at_most_the_bound(client):
    answers = fields(walk(client, "en"))
    page = client.post("/en/documents/others", data=answers).get_data(as_text=True)
    for _ in range(MAX_ADULTS - 3):
        page = press(client, page, {}, nav="add_adult", formaction="/en/documents/others")
        page = press(client, page, {}, nav="back", formaction="/en/documents/others")
    assert 'value="add_adult"' not in page and f"This case holds {MAX_ADULTS} adults" in parse(page).plain_text
    assert MAX_ADULTS * MAX_CHILDREN >= 10


def test_the_api_takes_the_other_adults(client):
    body = {**FIRST, "others": [SECOND, {**THIRD, "entry": FIRST["entry"]}]}
    second = client.post("/api/v1/documents/card.pdf?person=2", json=body, headers={"Accept-Language": "en"})
    assert second.status_code == 200
    plan = plan_of(SECOND)
    assert numeric(due_date(plan.obligations[0])) in pdf_text(second.data) and "ASANOVA AIDA" in pdf_text(second.data)
    host = pdf_text(post_pdf(client, "host-sheet", body, "en").data)
    assert "KARIMOV TIMUR" in host and "ASANOVA AIDA" in host
    wrong = {**body, "others": [{**SECOND, "person": {**SECOND["person"], "surname_latin": "Асанова"}},
                                {**THIRD, "entry": {**FIRST["entry"], "date": "1.9.2026"}}]}
    errors = client.post("/api/v1/documents/card.pdf", json=wrong, headers={"Accept-Language": "en"}).json["errors"]
    assert errors["others[0].person.surname_latin"].startswith("Use Latin letters")
    assert errors["others[1].entry.date"] == "Enter a real date in the form YYYY-MM-DD, for example 2026-09-27"
    assert client.post("/api/v1/documents/card.pdf?person=3", json=FIRST).json["errors"]["person"]
    schema = answers_schema(date.fromisoformat(TODAY))
    assert schema["properties"]["others"]["maxItems"] == MAX_ADULTS - 1
    jsonschema.validate(body, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**body, "others": [{**SECOND, "stay": FIRST["stay"]}]}, schema)  # the place is everyone's


def test_the_host_sheet_of_one_adult_is_as_before(app):
    """One adult: one guest's part, the host's sheet as it was."""
    with app.test_request_context("/ru/documents/check"), force_language("ru"):
        from webapp.documents.catalog import BY_NAME
        from webapp.documents.content import document_context

        form = AnswersForm(flatten_json(FIRST), today=date.fromisoformat(TODAY))
        people_forms = form.person_forms()
        assert len(people_forms) == 1
        html = render_template(BY_NAME["host-sheet"].template, document=BY_NAME["host-sheet"],
                               **document_context(people_forms[0], "ru", guests=people_forms))
        assert html.count('class="guest"') == 1 and "IVANOV IVAN" in html

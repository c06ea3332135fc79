"""One case for both journeys (webapp/case.py): the result page carries it to the documents
without JavaScript, the documents ask for the earlier stays and the day of leaving as "My
deadlines" does, and print the same last day as the plan; not answered, they print none."""
from __future__ import annotations

import copy
import html
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest

from webapp.case import accommodation, carried, documents_query, phone_case
from webapp.documents.answers import HOST_KINDS
from webapp.documents.schema import EXAMPLE, answers_schema
from webapp.rules.inputs import ACCOMMODATIONS

from .conftest import TODAY
from .documents_data import api_answers, form_answers
from .html_checks import check_page, parse
from .test_documents_pdf import pdf_text, post_pdf

# The case: entry 20 November 2026 after a stay of 10 July to 15 September, Russian.
STAY = {"entry": "2026-07-10", "exit": "2026-09-15"}
QUERY = ("citizenship=RU&entry_date-day=20&entry_date-month=11&entry_date-year=2026&checkpoint=kairak"
         "&earlier_stays=yes&previous_stays-0-entry-day=10&previous_stays-0-entry-month=7&previous_stays-0-entry-year=2026"
         "&previous_stays-0-exit-day=15&previous_stays-0-exit-month=9&previous_stays-0-exit-year=2026&accommodation=private")


def _plan_leave_by(client, **body) -> str:
    response = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-11-20", **body})
    assert response.status_code == 200, response.json
    return response.json["stay"]["leave_by"]


def _numeric(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def _case_answers(**top) -> dict:
    answers = api_answers(**{"person.citizenship": "RU", "entry.date": "2026-11-20"})
    answers.pop("previous_stays")
    answers.update(top)
    return answers


def test_the_case_maps_each_part_and_both_ways():
    deadlines = {"citizenship": "RU", "entry_date-day": "20", "entry_date-month": "11", "entry_date-year": "2026",
                 "checkpoint": "kairak", "exit_date-day": "", "earlier_stays": "yes", "accommodation": "employer",
                 "s-3-entry-day": "10", "s-3-exit-year": "2026", "add_stay": "1", "today": "2026-09-05"}
    documents = carried(deadlines, "deadlines", "documents")
    assert documents == {"person-citizenship": "RU", "entry-date-day": "20", "entry-date-month": "11", "entry-date-year": "2026",
                         "entry-checkpoint": "kairak", "earlier_stays": "yes", "host-kind": "organisation",
                         "previous_stays-3-entry-day": "10", "previous_stays-3-exit-year": "2026"}
    # The link to the documents keeps the rows' short name, which the documents read as theirs.
    assert documents_query(deadlines) == {key.replace("previous_stays-", "s-"): value for key, value in documents.items()}
    assert carried(documents_query(deadlines), "documents", "deadlines") == carried(documents, "documents", "deadlines")
    back = carried(documents | {"person-surname_latin": "IVANOV"}, "documents", "deadlines")
    assert back == {key: value for key, value in deadlines.items() if key not in ("exit_date-day", "add_stay", "today")}
    # What one journey has and the other has not stays behind.
    assert carried({"accommodation": "none"}, "deadlines", "documents") == {}  # no place yet: no host
    assert carried({"accommodation": "unknown"}, "deadlines", "documents") == {}
    # Every kind of host but none is a place to stay, and back (rules/data/accommodation.json).
    assert carried({"accommodation": "dormitory"}, "deadlines", "documents") == {"host-kind": "dormitory"}
    assert carried({"host-kind": "dormitory"}, "documents", "deadlines") == {"accommodation": "dormitory"}
    assert {accommodation(kind) for kind in HOST_KINDS} == set(ACCOMMODATIONS) - {"none"}
    assert carried({"entry-checkpoint": "other"}, "documents", "deadlines") == {}
    assert {part["documents"] for part in phone_case()["parts"]} >= {"person-citizenship", "entry-date", "host-kind"}


def test_the_result_page_ends_with_the_next_things_to_do_and_carries_the_case(client):
    response = client.get(f"/en/deadlines/plan?{QUERY}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    check_page(page)
    end = page[page.index("What to do next"):]
    links = dict((html.unescape(text), html.unescape(href)) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', end))
    assert set(links) >= {"Prepare my documents", "Send to your host", "Keep the proof"}
    assert links["Keep the proof"] == "/en/proof"
    documents = urlsplit(links["Prepare my documents"])
    assert documents.path == "/en/documents/passport"  # the documents start with the document crossed with
    assert {key: value[0] for key, value in parse_qs(documents.query).items()} == {
        "person-citizenship": "RU", "entry-date-day": "20", "entry-date-month": "11", "entry-date-year": "2026",
        "entry-checkpoint": "kairak", "earlier_stays": "yes", "host-kind": "person",
        "s-0-entry-day": "10", "s-0-entry-month": "7", "s-0-entry-year": "2026",
        "s-0-exit-day": "15", "s-0-exit-month": "9", "s-0-exit-year": "2026"}


def test_a_country_typed_by_name_reaches_the_documents_as_its_code(client):
    page = client.get("/en/deadlines/plan?" + QUERY.replace("citizenship=RU", "citizenship=Russia")).get_data(as_text=True)
    href = html.unescape(re.search(r'<a href="(/en/documents/passport\?[^"]+)">Prepare my documents', page).group(1))
    assert parse_qs(urlsplit(href).query)["person-citizenship"] == ["RU"]


def test_without_javascript_the_documents_start_from_the_case_and_print_the_plans_last_day(client):
    page = client.get(f"/en/deadlines/plan?{QUERY}").get_data(as_text=True)
    href = html.unescape(re.search(r'<a href="(/en/documents/passport\?[^"]+)">Prepare my documents', page).group(1))
    first = client.get(href)
    assert first.status_code == 200 and first.headers["Cache-Control"].startswith("no-store")
    step = first.get_data(as_text=True)
    check_page(step)
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', step))
    assert hidden["person-citizenship"] == "RU"  # the document's step carries it to the person's
    person = client.get(href.replace("/documents/passport?", "/documents/person?")).get_data(as_text=True)
    assert 'value="Russia"' in person  # the person's own step shows it
    assert hidden["entry-date-day"] == "20" and hidden["previous_stays-0-exit-month"] == "9"
    assert hidden["earlier_stays"] == "yes" and hidden["host-kind"] == "person" and hidden["entry-checkpoint"] == "kairak"
    # The person answers the rest: what the case carried is kept on every step, to the documents.
    answers = {**form_answers(), **hidden, "person-citizenship": "RU"}
    for name in ("entry-date-day", "entry-date-month", "entry-date-year"):
        answers[name] = hidden[name]
    check = client.post("/en/documents/check", data=answers)
    assert check.status_code == 200
    summary = parse(check.get_data(as_text=True)).plain_text
    assert "Earlier stay 1 10 July 2026 – 15 September 2026" in summary
    card = client.post("/ru/documents/card.pdf", data=answers)
    leave_by = _plan_leave_by(client, previous_stays=[STAY])
    assert leave_by == "2026-12-11"
    assert _numeric(leave_by) in pdf_text(card.data)


def test_the_api_takes_previous_stays_and_prints_the_same_last_day_as_the_plan(client):
    leave_by = _plan_leave_by(client, previous_stays=[STAY], exit_date="2026-12-01")
    answers = _case_answers(previous_stays=[STAY], exit_date="2026-12-01")
    text = pdf_text(post_pdf(client, "card", answers, "en").data)
    assert f"Last day of stay / Последний день пребывания / Елде болудың соңғы күні {_numeric(leave_by)}" in text
    assert "were not answered" not in text
    # None: the plan without earlier stays, and its later last day.
    none = _plan_leave_by(client, previous_stays=[])
    assert none != leave_by
    assert _numeric(none) in pdf_text(post_pdf(client, "card", _case_answers(previous_stays=[]), "en").data)


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_earlier_stays_not_answered_print_no_last_day_but_why(client, language):
    answers = _case_answers()
    texts = {name: pdf_text(post_pdf(client, name, answers, language).data) for name in ("card", "registration-sheet",
                                                                                          "host-sheet", "iin-sheet")}
    for name, text in texts.items():
        for leave_by in (_plan_leave_by(client, previous_stays=[STAY]), _plan_leave_by(client)):
            assert _numeric(leave_by) not in text, name
    card = texts["card"]
    assert "Последний день пребывания не указан" in card
    assert "Елде болудың соңғы күні көрсетілмеген" in card
    if language == "en":
        assert "No last day of stay: earlier stays change it and were not answered." in card


def test_the_api_names_each_wrong_stay_as_the_plan_api_does(client):
    answers = _case_answers(previous_stays=[STAY, {"entry": "2026-08-01", "exit": "2026-07-01"}, {"entry": "1.7.2026"}],
                            exit_date="2026-11-01")
    response = post_pdf(client, "card", answers, "en")
    assert response.status_code == 400
    errors = response.json["errors"]
    assert errors["previous_stays[1].exit"] == "The date you left must be the same as or after the date you entered"
    assert errors["previous_stays[2].entry"] == "Enter a real date in the form YYYY-MM-DD, for example 2026-09-27"
    assert errors["previous_stays[2].exit"] == "Enter the date you left Kazakhstan on that trip"
    assert errors["exit_date"] == "The date you left must be the same as or after the date you entered"
    for wrong in ("2026-07-10", [1, 2], {"entry": "2026-07-10"}):
        response = post_pdf(client, "card", _case_answers(previous_stays=wrong), "en")
        assert response.status_code == 400 and "previous_stays" in response.json["errors"], wrong
    too_many = post_pdf(client, "card", _case_answers(previous_stays=[STAY] * 51), "en")
    assert too_many.json["errors"]["previous_stays"] == "Enter at most 50 earlier stays"


def test_the_schema_says_previous_stays_and_exit_date(client):
    schema = client.get("/api/v1/documents").json[0]["schema"]
    assert schema == answers_schema(date.fromisoformat(TODAY))
    assert schema["properties"]["previous_stays"]["items"]["required"] == ["entry", "exit"]
    assert "exit_date" not in schema["required"] and "previous_stays" not in schema["required"]
    jsonschema.validate(EXAMPLE, schema)
    with_stays = copy.deepcopy(EXAMPLE) | {"previous_stays": [STAY], "exit_date": "2026-10-01"}
    jsonschema.validate(with_stays, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(copy.deepcopy(EXAMPLE) | {"previous_stays": [{"entry": "2026-07-10"}]}, schema)


def _entry_step(client, **changes):
    answers = {**form_answers(), **changes}
    return client.post("/en/documents/entry", data=answers)


def test_the_entry_step_asks_the_earlier_stays_and_adds_rows_without_javascript(client):
    page = parse(client.post("/en/documents/entry", data={**form_answers(), "nav": "change"}).get_data(as_text=True)).plain_text
    assert "Have you been in Kazakhstan before?" in page and "When do you leave Kazakhstan? (optional)" in page
    missing = _entry_step(client, earlier_stays="yes")
    assert missing.status_code == 400
    assert "Add each earlier stay, or choose No" in missing.get_data(as_text=True)
    added = _entry_step(client, earlier_stays="yes", nav="add_stay").get_data(as_text=True)
    check_page(added)
    assert 'name="previous_stays-0-entry-day"' in added and "Earlier stay 1" in added
    given = _entry_step(client, earlier_stays="no", **{"previous_stays-0-entry-day": "10", "previous_stays-0-entry-month": "7",
                                                       "previous_stays-0-entry-year": "2026", "previous_stays-0-exit-day": "1",
                                                       "previous_stays-0-exit-month": "7", "previous_stays-0-exit-year": "2026"})
    assert given.status_code == 400
    body = given.get_data(as_text=True)
    assert "You chose No: remove the earlier stays, or choose Yes" in body
    assert "The date you left must be the same as or after the date you entered" in body
    removed = _entry_step(client, nav="remove_stay-0", **{"previous_stays-0-entry-day": "10"}).get_data(as_text=True)
    assert 'name="previous_stays-0-entry-day"' not in removed.split("<template")[0]


def test_the_deadlines_ask_whether_there_were_earlier_stays(client):
    page = client.get("/en/deadlines/").get_data(as_text=True)
    check_page(page)
    assert 'name="earlier_stays" type="radio" value="yes"' in page
    wrong = client.get("/en/deadlines/plan?" + QUERY.replace("earlier_stays=yes", "earlier_stays=no"))
    assert wrong.status_code == 400
    assert "You chose No: remove the earlier stays, or choose Yes" in wrong.get_data(as_text=True)


def test_phone_numbers_and_official_sites_are_links(client):
    page = client.get(f"/en/deadlines/plan?{QUERY}").get_data(as_text=True)
    assert '<a href="tel:1414">1414</a>' in page
    # A private host's notice (the 2023 rules): the sites it names are links.
    old = client.get("/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2025"
                     "&accommodation=private")
    assert '<a href="https://egov.kz">egov.kz</a>' in old.get_data(as_text=True)
    for address in ("/en/what-if", "/en/", "/ru/rules"):
        assert 'href="tel:1414"' in client.get(address).get_data(as_text=True), address


# What the plan warns of the stay is on the documents too: a stay that ended after the last day, and
# a last day that comes before the registration deadline (the "registration after the last day").
WARNED = [
    ({"entry_date": "2026-05-01", "exit_date": "2026-08-15", "previous_stays": []}, "overstayed"),
    ({"entry_date": "2026-09-01", "previous_stays": [{"entry": "2026-04-01", "exit": "2026-06-20"}]},
     "leave_before_registration"),
]


@pytest.mark.parametrize(("case", "code"), WARNED, ids=[code for _, code in WARNED])
def test_the_documents_say_what_the_plan_warns_of_the_stay(client, case, code):
    def warning(language):
        plan = client.post("/api/v1/plan", json={"citizenship": "RU", **case}, headers={"Accept-Language": language}).json
        return next(w["message"] for w in plan["warnings"] if w["code"] == code)

    answers = _case_answers(**{"entry": {**api_answers()["entry"], "date": case["entry_date"]}},
                            **{key: case[key] for key in ("exit_date", "previous_stays") if key in case})
    # Not the card, which is shown to an officer: the holder's risks are for the holder (issue 21).
    card = pdf_text(post_pdf(client, "card", answers, "en").data)
    assert " ".join(warning("en").split()) not in card
    for name in ("registration-sheet", "host-sheet"):  # Russian and Kazakh, for the host and the officer
        text = pdf_text(post_pdf(client, name, answers, "en").data)
        for language in ("ru", "kk"):
            assert " ".join(warning(language).split()) in text, (name, language)


def test_without_the_earlier_stays_no_document_prints_a_warning_counted_with_them(client):
    """A planned exit on 15 December is after the last day counted without earlier stays (29 November):
    the plan warns of it. The documents, whose earlier stays were not answered, print no last day and
    so not that warning either: the stays could move the day."""
    trip = {"citizenship": "RU", "entry_date": "2026-09-01", "exit_date": "2026-12-15"}
    answers = _case_answers(entry={**api_answers()["entry"], "date": trip["entry_date"]}, exit_date=trip["exit_date"])
    said = {language: [w["message"] for w in client.post("/api/v1/plan", json=trip, headers={"Accept-Language": language})
                       .json["warnings"] if w["code"] == "leaving_after_last_day"] for language in ("ru", "kk", "en")}
    assert all(len(messages) == 1 for messages in said.values()), said
    for name in ("card", "registration-sheet", "host-sheet"):
        text = pdf_text(post_pdf(client, name, answers, "en").data)
        assert "29.11.2026" not in text, name
        for (message,) in said.values():
            assert " ".join(message.split()) not in text, name
    answered = pdf_text(post_pdf(client, "host-sheet", {**answers, "previous_stays": []}, "en").data)
    assert " ".join(said["ru"][0].split()) in answered  # with "no earlier stays", it is printed

"""POST /api/v1/plan beyond the vectors: languages, malformed bodies, limits."""
from __future__ import annotations

import json
import re

import pytest


def test_messages_follow_accept_language(client):
    body = {"citizenship": "KZ", "entry_date": "2026-02-30"}
    en = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "en"}).json["errors"]
    ru = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "ru-RU,ru;q=0.9"}).json["errors"]
    kk = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "kk"}).json["errors"]
    assert en["entry_date"].startswith("Enter a real date")
    assert ru["citizenship"] != en["citizenship"] and "Казахстан" in ru["citizenship"]
    assert kk["citizenship"] not in (en["citizenship"], ru["citizenship"])


def test_warning_messages_are_localized(client):
    body = {"citizenship": "RU", "entry_date": "2026-12-10", "today": "2026-11-25"}
    response = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "ru"})
    assert response.headers["Content-Language"] == "ru"
    [warning] = response.json["warnings"]
    assert warning["code"] == "planning_mode"
    english = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "en"}).json["warnings"][0]["message"]
    assert re.search("[а-я]", warning["message"]) and warning["message"] != english


def test_answer_shape(client):
    body = {"citizenship": "RU", "entry_date": "2026-09-01", "today": "2026-09-05",
            "previous_stays": [{"entry": "2026-04-01", "exit": "2026-05-30"}], "accommodation": "private"}
    answer = client.post("/api/v1/plan", json=body).json
    assert set(answer) == {"rule_set", "group", "obligations", "stay", "warnings", "sources", "next_entry", "ended"}
    assert answer["ended"] is None  # no day of leaving given: the stay goes on
    assert set(answer["next_entry"]) == {"exit", "earliest", "days_available", "leave_by", "rule_set"}
    assert answer["next_entry"]["exit"] == "2026-11-29"  # no exit_date given: the last day allowed
    registration = answer["obligations"][0]
    assert registration["kind"] == "self_registration" and registration["who"] == "self"
    assert registration["status"] == "due"
    assert set(registration["source"]) == {"id", "title", "url", "checked"}
    assert answer["stay"]["leave_by"] == "2026-11-29"
    assert answer["stay"]["days_used_in_window"] == 65
    assert answer["stay"]["counted_to"] == "2026-09-05"
    assert answer["stay"]["max_days_in_window"] == 90
    assert all(source["url"].startswith("https://") for source in answer["sources"])


def test_a_country_code_is_in_capitals_as_the_schema_says(client):
    """The schema lists the codes in capitals (an enum): "ru" is refused at its field, as the
    schema forbids it, rather than read as RU by a rule no client could see."""
    body = {"citizenship": "ru", "entry_date": "2026-09-01", "today": "2026-09-01"}
    response = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json["errors"] == {"citizenship": "Use one of the values the API description lists for this field"}
    assert client.post("/api/v1/plan", json={**body, "citizenship": "RU"}).status_code == 200


def test_bad_json_is_a_400_with_a_message(client):
    for data in ["{not json", "[1, 2]", "\"text\"", "null", ""]:
        response = client.post("/api/v1/plan", data=data, content_type="application/json")
        assert response.status_code == 400, data
        assert response.json["errors"]["body"]


@pytest.mark.parametrize("path, body", [
    ("/api/v1/plan", '{"citizenship": "\\udfff", "entry_date": "2026-09-01"}'),
    ("/api/v1/documents/card.pdf", '{"person": {"citizenship": "\\udfff"}}'),  # was a 500: its message repeated it
    ("/api/v1/documents/registration-sheet.pdf", '{"stay": {"street": "\\ud800 street"}}'),
])
def test_text_that_is_not_unicode_is_a_400_with_a_message(client, path, body):
    response = client.post(path, data=body, content_type="application/json", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json == {"errors": {"body": "Send a JSON object with the fields citizenship and entry_date"}}


def test_more_than_50_earlier_stays(client):
    stays = [{"entry": "2026-01-01", "exit": "2026-01-02"}] * 51
    response = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01", "previous_stays": stays})
    assert response.status_code == 400
    assert "previous_stays" in response.json["errors"]


def test_huge_body_is_refused(client):
    data = json.dumps({"citizenship": "RU", "entry_date": "2026-09-01", "padding": "x" * 200_000})
    response = client.post("/api/v1/plan", data=data, content_type="application/json")
    assert response.status_code == 413
    assert response.json["errors"]


def test_wrong_method_and_unknown_route_answer_json(client):
    assert client.get("/api/v1/plan").status_code == 405
    assert client.get("/api/v1/nothing").json["errors"]


def test_no_cookie_from_the_api(client):
    response = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01"})
    assert "Set-Cookie" not in response.headers


def test_visa_required_answer_cites_the_visa_free_list(client):
    answer = client.post("/api/v1/plan", json={"citizenship": "IN", "entry_date": "2026-09-01", "today": "2026-09-01"}).json
    assert answer["obligations"] == [] and answer["stay"] is None
    assert [s["id"] for s in answer["sources"]] == ["qazmonitor-visa-free-2022", "zakon-visa-free-2025"]


def test_control_date_far_in_the_future_is_a_field_error(client):
    response = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01", "today": "9999-12-31",
                                                 "previous_stays": [{"entry": "2026-01-01", "exit": "2026-01-05"}]})
    assert response.status_code == 400
    assert list(response.json["errors"]) == ["today"]


def test_earlier_stays_of_the_wrong_type_are_refused(client):
    for value in ({}, "", 0, "2026-01-01"):
        response = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01", "previous_stays": value})
        assert response.status_code == 400, value
        assert "previous_stays" in response.json["errors"]


def test_http_errors_are_localized(client):
    data = json.dumps({"padding": "x" * 200_000})
    en = client.post("/api/v1/plan", data=data, content_type="application/json", headers={"Accept-Language": "en"})
    ru = client.post("/api/v1/plan", data=data, content_type="application/json", headers={"Accept-Language": "ru"})
    assert en.status_code == ru.status_code == 413
    assert en.json["errors"]["request"] != ru.json["errors"]["request"]
    assert re.search("[а-я]", ru.json["errors"]["request"])


def test_rule_data_for_the_browser(client):
    response = client.get("/api/v1/rules")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.json
    assert [r["id"] for r in data["rule_sets"]] == ["kz-2020-host-notification", "kz-2023-90-in-180", "kz-2026-self-registration"]
    assert data["days_off"]["2026-03-23"]["reason"] == "holiday"
    assert "2025-01-05" in data["working_weekends"]
    assert data["groups"]["RU"] == "eaeu"
    again = client.get("/api/v1/rules", headers={"If-None-Match": response.headers["ETag"].strip('"')})
    assert again.status_code == 304


@pytest.mark.parametrize("body, field", [
    ({"citizenship": "RU", "entry_date": "2026-09-01", "entrydate": "2026-09-02"}, "entrydate"),
    ({"citizenship": "RU", "entry_date": "2026-09-01", "previous_stays": [{"entry": "2026-03-01", "exti": "2026-03-10"}]},
     "previous_stays[0].exti"),
])
def test_a_field_the_plan_does_not_know_is_refused_at_its_name(client, body, field):
    """A misspelt field was dropped in silence and the plan made without it."""
    response = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json["errors"][field] == "This field is not known; remove it"


def test_json_nested_deeper_than_any_answer_is_refused_before_it_is_parsed(client):
    """Parsing it would end in a RecursionError (CPython 3.11 may keep a wrong recursion count
    after one is caught); answers nest five deep, so 32 is refused without parsing, 30 is read."""
    from webapp.api.bodies import json_depth

    assert json_depth(b'{"a": "[[[[{{", "b": [{}]}') == 3  # brackets inside a string do not count
    assert json_depth(b'"\\\\"[]') == 1  # an escaped backslash ends no string
    deep = "[" * 33 + "]" * 33
    for url in ("/api/v1/plan", "/api/v1/documents/card.pdf"):
        response = client.post(url, data=deep, content_type="application/json", headers={"Accept-Language": "en"})
        assert response.status_code == 400 and "body" in response.json["errors"]
    nested: list = [1]
    for _ in range(28):
        nested = [nested]
    fine = {"citizenship": "RU", "entry_date": "2026-09-01", "today": "2026-09-05", "x": nested}  # 30 deep: parsed
    response = client.post("/api/v1/plan", json=fine, headers={"Accept-Language": "en"})
    assert response.json["errors"] == {"x": "This field is not known; remove it"}

"""Property tests: whatever arrives — random Unicode, wrong types, missing and extra fields, huge
and negative numbers, odd dates — the answer is never a 500, and every error is in the reader's
language and attached to a field that is on the page (or named in the JSON)."""
from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .documents_data import api_answers, form_answers

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")

# Text a browser can send (no lone surrogates), with the awkward characters made likely.
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["", " ", "0", "-1", "31", "2026", "99999999999999999999", "1e308", "NaN", "\u202e", "\x00", "٣", "１２",
     "<b>x</b>", "' OR 1=1 --", "ИВАНОВ", "IVANOV", "😀", "x" * 500])
ANSWERS = form_answers()
STEPS = ["passport", "person", "entry", "stay", "host", "children"]


def assert_errors_attached(html: str) -> None:
    """Every link of the error summary leads to an element of the page, and is in Russian."""
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert summary, "a 400 page without an error summary"
    links = re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary.group(0), re.S)
    assert links
    for anchor, message in links:
        assert f'id="{anchor}"' in html, anchor
        assert CYRILLIC.search(message), message


@SETTINGS
@given(step=st.sampled_from(STEPS + ["check"]), changes=st.dictionaries(
    st.sampled_from(sorted(ANSWERS) + ["nav", "return_to", "children-x-surname", "children-99999999-surname",
                                        "children-²-surname", "unknown"]) | text, text, max_size=8),
       drop=st.lists(st.sampled_from(sorted(ANSWERS)), max_size=5))
def test_the_wizard_never_fails(client, step, changes, drop):
    data = {k: v for k, v in {**ANSWERS, **changes}.items() if k not in drop}
    response = client.post(f"/ru/documents/{step}", data=data)
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 400:
        assert_errors_attached(response.get_data(as_text=True))


@SETTINGS
@given(query=st.dictionaries(st.sampled_from([
    "citizenship", "entry_date-day", "entry_date-month", "entry_date-year", "checkpoint", "accommodation", "today",
    "previous_stays-0-entry-day", "previous_stays-0-exit-year", "previous_stays-7-entry-month", "add_stay",
    "remove_stay", "previous_stays-x-entry-day"]) | text, text, max_size=8))
def test_the_deadlines_never_fail(client, query):
    response = client.get("/ru/deadlines/plan", query_string=query)
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 400:
        assert_errors_attached(response.get_data(as_text=True))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**30, max_value=10**30) | st.floats(allow_nan=False) | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4), max_leaves=12)


def assert_json_errors(response) -> None:
    assert response.status_code in (400, 413), response.status_code
    errors = response.json["errors"]
    assert errors and all(isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items())
    assert all(CYRILLIC.search(message) for message in errors.values()), errors


@SETTINGS
@given(body=st.dictionaries(st.sampled_from(["citizenship", "entry_date", "today", "previous_stays", "accommodation",
                                             "checkpoint"]) | text, json_values, max_size=7) | json_values)
def test_the_plan_api_never_fails(client, body):
    # Sent as JSON text, so that None is `null` (json=None would send no body: a 415)
    response = client.post("/api/v1/plan", data=json.dumps(body), content_type="application/json",
                           headers={"Accept-Language": "ru"})
    if response.status_code == 200:  # random bodies are rarely complete; when one is, it is a plan
        assert set(response.json) >= {"rule_set", "obligations", "warnings", "sources"}
        return
    assert_json_errors(response)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(section=st.sampled_from(["person", "passport", "entry", "stay", "host"]),
       key=st.sampled_from(["surname_latin", "date_of_birth", "number", "date", "region", "kind", "iin"]) | text,
       value=json_values)
def test_the_documents_api_never_fails(client, section, key, value):
    body = api_answers()
    body[section] = {**body[section], key: value}  # a known field with a wrong value, or an extra one
    response = client.post("/api/v1/documents/card.pdf", json=body, headers={"Accept-Language": "ru"})
    if response.status_code == 200:
        assert response.data.startswith(b"%PDF-")
        return
    assert_json_errors(response)

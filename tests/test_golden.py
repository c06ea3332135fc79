"""The golden files (webapp/golden/) hold what the server really shows: each case's sentences
appear, in that order, on the server's own result page, and its calendar file is the one the
server sends. The phone's modules are checked against these files by tests/js/golden.test.mjs."""
from __future__ import annotations

import gzip
import html
import json
import re
from datetime import date

import pytest

from webapp.golden.deadlines import FIXED_STAMP, case_outputs, date_order_cases, random_cases, vector_cases, write_golden
from webapp.rules import NotCovered, evaluate, rule_book

LANGUAGES = ("ru", "kk", "en")


def _query(answers) -> str:
    fields = {"citizenship": answers.citizenship, "today": answers.today.isoformat()}

    def day(prefix, value):
        if value:
            fields.update({f"{prefix}-day": value.day, f"{prefix}-month": value.month, f"{prefix}-year": value.year})

    day("entry_date", answers.entry_date)
    day("exit_date", answers.exit_date)
    for i, stay in enumerate(answers.previous_stays):
        day(f"previous_stays-{i}-entry", stay.entry)
        day(f"previous_stays-{i}-exit", stay.exit)
    if answers.accommodation:
        fields["accommodation"] = answers.accommodation
    if answers.checkpoint:
        fields["checkpoint"] = answers.checkpoint
    return "&".join(f"{key}={value}" for key, value in fields.items())


def _said(result: dict) -> list[str]:
    """Every sentence of a result, in the order the page shows them."""
    lines = [result["entered"], result["checkpoint"], result["as_of"], result["rule_set"]]
    # The warnings that ask for something, then those folded under the notes (explain.py NOTE_WARNINGS).
    lines += [w["text"] for w in result["warnings"] if not w["note"]] + [w["text"] for w in result["warnings"] if w["note"]]
    for step in result["steps"]:
        # What to do in view, then the step's disclosure: what qualifies it, why its date, the counting.
        lines += [step["title"], (step.get("tag") or {}).get("text"), step.get("safe_by"), *step.get("paragraphs", []),
                  *step.get("more", []), *step["reasoning"], step.get("days_used")]
        if step.get("day_by_day"):
            lines += [step["day_by_day"]["summary"], *step["day_by_day"]["runs"]]
    return [line for line in lines if line]


def _text(page: str) -> str:
    body = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    body = re.sub(r"</?a\b[^>]*>", "", body)  # a link is inline: "egov.kz</a>." reads "egov.kz."
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _shown_cases(client, count: int):
    """Cases the questions accept (a year ahead at most, real earlier stays), with their outputs."""
    shown = []
    for name, answers in date_order_cases() + vector_cases() + random_cases(400):
        response = client.get(f"/en/deadlines/plan?{_query(answers)}")
        found = response.status_code == 200 and 'class="summary-line"' in response.get_data(as_text=True)
        response.close()
        if found:
            shown.append((name, answers))
        if len(shown) == count:
            break
    return shown


def test_the_sentences_are_the_result_pages_in_its_order(app, client):
    cases = _shown_cases(client, 60)
    assert len(cases) == 60
    checked = 0
    for name, answers in cases:
        with app.app_context():
            outputs = case_outputs(answers)
        for language in LANGUAGES:
            page = _text(client.get(f"/{language}/deadlines/plan?{_query(answers)}").get_data(as_text=True))
            at = 0
            for line in _said(outputs["languages"][language]["result"]):
                found = page.find(" ".join(line.split()), at)
                assert found != -1, f"{name} ({language}): {line!r} not after {page[at - 60:at]!r}"
                at = found + 1
                checked += 1
    assert checked > 60 * 3 * 10


def test_the_calendar_file_is_the_servers(app, client):
    for name, answers in _shown_cases(client, 10):
        with app.app_context():
            outputs = case_outputs(answers)
        for language in LANGUAGES:
            sent = client.get(f"/{language}/deadlines/plan.ics?{_query(answers)}").get_data(as_text=True)
            sent = re.sub(r"^DTSTAMP:\d{8}T\d{6}Z\r$", f"DTSTAMP:{FIXED_STAMP}\r", sent, flags=re.M)
            assert outputs["languages"][language]["ics"] == sent, name


def test_the_command_writes_every_part(app, tmp_path):
    counts = write_golden(app, tmp_path, 40, workers=1)
    assert counts["corpus"] == 40 and counts["vectors"] >= 40
    lines = gzip.decompress((tmp_path / "corpus.jsonl.gz").read_bytes()).decode().splitlines()
    assert len(lines) == 40
    cases = [json.loads(line) for line in lines]
    assert any("error" in case for case in cases) and any(case.get("plan", {}).get("group") for case in cases)
    for language in LANGUAGES:
        words = json.loads((tmp_path / f"words-{language}.json").read_text())
        assert words["language"] == language and "n" in words["plural_forms"]
    assert set(json.loads((tmp_path / "plurals.json").read_text())) == set(LANGUAGES)


def test_the_corpus_draws_ended_stays_in_every_period_and_last_days_before_the_deadline():
    plans = []
    for _name, answers in random_cases(2000):
        try:
            plans.append((answers, evaluate(answers)))
        except NotCovered:
            continue
    ended = {plan.rule_set for answers, plan in plans if plan.ended}
    assert ended == {r.id for r in rule_book().rule_sets}
    statuses = {o.status for _answers, plan in plans for o in plan.obligations}
    assert statuses == {"due", "missed", "was_due", "not_needed"}
    codes = {w.code for _answers, plan in plans for w in plan.warnings}
    assert {"stay_ended", "overstayed", "leave_before_registration", "leave_before_host_notification"} <= codes
    # An ended stay that ran past the change of rules, and one that did not.
    assert any(plan.ended and any(w.code == "rules_changed_during_stay" for w in plan.warnings) for _a, plan in plans)
    assert any(plan.ended and plan.ended <= date(2023, 1, 26) and plan.rule_set == "kz-2020-host-notification"
               for _a, plan in plans)


def test_the_corpus_is_seeded_and_covers_every_kind_of_case():
    first, again = random_cases(2000), random_cases(2000)
    assert first == again
    answers = [a for _name, a in first]
    assert {a.entry_date.year for a in answers} >= set(range(2020, 2028))
    assert any(a.entry_date.isoformat() < "2020-01-11" for a in answers)  # before the first rules
    assert any(a.exit_date for a in answers) and any(not a.exit_date for a in answers)
    assert any(a.today < a.entry_date for a in answers) and any(a.today > a.entry_date for a in answers)
    assert any(len(a.previous_stays) >= 3 for a in answers)
    assert {a.accommodation for a in answers} == {None, "private", "hotel", "employer", "dormitory", "none"}
    assert any(a.checkpoint for a in answers)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_group_is_in_the_corpus(app, language):
    from webapp.rules import rule_book

    groups = {rule_book().groups.get(a.citizenship, "none") for _name, a in random_cases(2000)}
    assert groups >= set(rule_book().groups.values()) | {"none"}

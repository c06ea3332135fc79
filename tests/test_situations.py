"""The situations of issue 18, as a person met them on 2 December 2026, on every output: the result
page, the plan API, the calendar file and the documents' PDFs give the same, right dates.

Dates worked by hand (docs/design.md, "The rules"):
- Entry 20 Nov 2026 after 10 Jul – 15 Sep 2026 (22 + 31 + 15 = 68 days), 90 in 180: on 11 Dec the
  180 days from 15 Jun hold 68 + 22 = 90 days; on 12 Dec (from 16 Jun), 68 + 23 = 91. Leave by
  11 Dec. Registration from 1 Jul 2026 by calendar day 30 after crossing: entry + 30 = 20 Dec, and
  19 Dec if the day of crossing is day 1: 19 Dec is the safe date, the one shown, after 11 Dec.
  Counted without the earlier stay the last day would be entry + 89 = 17 Feb 2027.
- Entry 1 Sep 2026, left 15 Oct: 30 + 15 = 45 days, the day of entry and of leaving counted.
- Entry 3 Oct 2022, left 30 Dec 2022: 29 + 30 + 30 = 89 days, within 90.
- Entry 2 Dec 2026: day 30 is 1 Jan 2027, a public holiday; day 29, 31 Dec 2026, is the safe date.
"""
from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from webapp import create_app
from webapp.documents.schema import EXAMPLE

from .test_documents_pdf import pdf_text

TODAY = "2026-12-02"
EVENT = re.compile(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", re.S)


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True, "TODAY": TODAY}).test_client()


def query(entry: str, exit_date: str | None = None, stays=(), citizenship: str = "RU", **extra) -> str:
    def day(name: str, iso: str) -> str:
        d = date.fromisoformat(iso)
        return f"{name}-day={d.day}&{name}-month={d.month}&{name}-year={d.year}"

    parts = [f"citizenship={citizenship}", day("entry_date", entry), f"earlier_stays={'yes' if stays else 'no'}"]
    if exit_date:
        parts.append(day("exit_date", exit_date))
    for i, (first, last) in enumerate(stays):
        parts += [day(f"previous_stays-{i}-entry", first), day(f"previous_stays-{i}-exit", last)]
    parts += [f"{key}={value}" for key, value in extra.items()]
    return "&".join(parts)


def plan_api(client, entry: str, exit_date: str | None = None, stays=(), citizenship: str = "RU") -> dict:
    body = {"citizenship": citizenship, "entry_date": entry, "today": TODAY,
            "previous_stays": [{"entry": first, "exit": last} for first, last in stays]}
    if exit_date:
        body["exit_date"] = exit_date
    response = client.post("/api/v1/plan", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def events(ics: str) -> list[tuple[str, str]]:
    found = []
    for body in EVENT.findall(ics.replace("\r\n ", "")):
        start = re.search(r"^DTSTART;VALUE=DATE:(\d{8})", body, re.M).group(1)
        summary = re.search(r"^SUMMARY:(.*)$", body, re.M).group(1).rstrip("\r")
        found.append((f"{start[:4]}-{start[4:6]}-{start[6:]}", summary))
    return found


def documents_answers(entry: str, stays=(), exit_date: str | None = None) -> dict:
    answers = copy.deepcopy(EXAMPLE)
    answers["entry"]["date"] = entry
    answers["previous_stays"] = [{"entry": first, "exit": last} for first, last in stays]
    if exit_date:
        answers["exit_date"] = exit_date
    return answers


def pdf(client, name: str, answers: dict, language: str = "en") -> str:
    response = client.post(f"/api/v1/documents/{name}.pdf", json=answers, headers={"Accept-Language": language})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return pdf_text(response.data)


EARLIER = (("2026-07-10", "2026-09-15"),)


def test_the_card_prints_the_last_day_the_earlier_stay_leaves(client):
    api = plan_api(client, "2026-11-20", stays=EARLIER)
    assert api["stay"]["leave_by"] == "2026-12-11"
    page = client.get("/en/deadlines/plan?" + query("2026-11-20", stays=EARLIER)).get_data(as_text=True)
    assert "11 December 2026" in page
    for name in ("registration-sheet", "host-sheet", "card"):
        text = pdf(client, name, documents_answers("2026-11-20", stays=EARLIER))
        assert "11.12.2026" in text and "19.12.2026" in text, name
        assert "17.02.2027" not in text, name  # the last day counted without the earlier stay


def test_earlier_stays_not_answered_print_no_last_day_and_say_why(client):
    answers = documents_answers("2026-11-20")
    del answers["previous_stays"]
    for name in ("registration-sheet", "host-sheet", "card"):
        text = " ".join(pdf(client, name, answers).split())
        assert "11.12.2026" not in text and "17.02.2027" not in text, name
        assert "19.12.2026" in text, name
        # Why, and where to answer: the sheets in Russian and Kazakh, the card in the reader's language too.
        assert "он зависит от прошлых поездок, а ответа о них нет" in text, name
        assert "Бұрын Қазақстанда болдыңыз ба?" in text, name
        assert name != "card" or "earlier stays change it and were not answered" in text


def test_the_last_day_before_the_registration_deadline_comes_first(client):
    page = client.get("/en/deadlines/plan?" + query("2026-11-20", stays=EARLIER)).get_data(as_text=True)
    titles = re.findall(r'<h2 class="step-title">(.*?)</h2>', page, re.S)
    leave = next(i for i, title in enumerate(titles) if "11 December 2026" in title)
    register = next(i for i, title in enumerate(titles) if "19 December 2026" in title)
    assert leave < register, titles
    assert not any("20 December 2026" in title for title in titles), titles  # the later reading: under "Why this date?"
    # Said first, before any step: the warning about leaving before the deadline.
    assert page.index("11 December 2026") < page.index('<ol class="steps">')
    # Nine days left looks near.
    leave_tag = re.search(r"Leave Kazakhstan by 11 December 2026</h2>\s*<p class=\"tag([^\"]*)\"", page)
    assert leave_tag and ("tag-orange" in leave_tag.group(1) or "tag-red" in leave_tag.group(1)), leave_tag
    ics = client.get("/en/deadlines/plan.ics?" + query("2026-11-20", stays=EARLIER)).get_data(as_text=True)
    found = events(ics)
    assert ("2026-12-11", "Leave Kazakhstan by 11 December 2026") in found, found
    for day, summary in found:
        assert day <= "2026-12-11", (day, summary)  # no reminder after the last day allowed


def test_a_stay_that_ended_in_time_is_no_overstay(client):
    api = plan_api(client, "2026-09-01", exit_date="2026-10-15")
    assert api["stay"]["days_used_in_window"] == 45
    assert "overstay" not in {w["code"] for w in api["warnings"]}
    page = client.get("/en/deadlines/plan?" + query("2026-09-01", exit_date="2026-10-15")).get_data(as_text=True)
    assert "too long" not in page and "overdue" not in page
    ics = client.get("/en/deadlines/plan.ics?" + query("2026-09-01", exit_date="2026-10-15")).get_data(as_text=True)
    assert events(ics) == []  # nothing left to do or to remember


def test_a_stay_of_2022_is_told_what_applied(client):
    api = plan_api(client, "2022-10-03", exit_date="2022-12-30")
    codes = {w["code"] for w in api["warnings"]}
    assert not codes & {"overstay", "rules_changed_during_stay"}, codes
    page = client.get("/en/deadlines/plan?" + query("2022-10-03", exit_date="2022-12-30")).get_data(as_text=True)
    assert "too long" not in page and "1432" not in page and "1 432" not in page
    assert "Act now" not in page and "now." not in page
    ics = client.get("/en/deadlines/plan.ics?" + query("2022-10-03", exit_date="2022-12-30")).get_data(as_text=True)
    assert events(ics) == []


def test_the_safe_date_is_the_headline(client):
    page = client.get("/en/deadlines/plan?" + query("2026-12-02")).get_data(as_text=True)
    titles = re.findall(r'<h2 class="step-title">(.*?)</h2>', page, re.S)
    assert "Register online by 31 December 2026" in titles and not any("1 January 2027" in t for t in titles)
    ics = client.get("/en/deadlines/plan.ics?" + query("2026-12-02")).get_data(as_text=True)
    registration = [day for day, summary in events(ics) if "egister" in summary]
    assert registration == ["2026-12-31"], events(ics)
    for name in ("registration-sheet", "host-sheet", "card"):
        text = pdf(client, name, documents_answers("2026-12-02", stays=()))
        assert "31.12.2026" in text, name
        # The later reading is not the headline: if printed at all, after the safe date.
        if "01.01.2027" in text:
            assert text.index("31.12.2026") < text.index("01.01.2027"), name

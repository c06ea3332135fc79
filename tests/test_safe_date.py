"""Issue 18, dates in order: the safe (earlier) date is the date on every output, steps go in date
order, the calendar file never reminds after the last day allowed, before the entry or in the past,
and a near date looks near. Each test reads what a person sees: the page, the PDF's text, the
calendar file."""
from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from webapp import create_app

from .documents_data import api_answers
from .html_checks import parse

# Entry 2 December 2026 (Russian citizen, the 2026 rules): "by calendar day 30 after crossing" is
# 1 January 2027 read strictly (a public holiday), 31 December 2026 counting the day of crossing as
# day 1, the date to be safe by.
NEW_YEAR = "citizenship=RU&entry_date-day=2&entry_date-month=12&entry_date-year=2026&today=2026-12-02"
# Entry 20 November 2026 after a stay of 10 July - 15 September: the last day allowed is
# 11 December, before registration's date (19 December, or 20 December read strictly).
LEAVE_FIRST = ("citizenship=RU&entry_date-day=20&entry_date-month=11&entry_date-year=2026&today=2026-12-02"
               "&previous_stays-0-entry-day=10&previous_stays-0-entry-month=7&previous_stays-0-entry-year=2026"
               "&previous_stays-0-exit-day=15&previous_stays-0-exit-month=9&previous_stays-0-exit-year=2026")


def _outside_why(html: str) -> str:
    """The page's text without the "Why this date?" parts and every other disclosure (folded away
    until opened), the innermost first: the day by day is inside the last day's "Why this date?"."""
    innermost = re.compile(r"<details\b[^>]*>(?:(?!<details\b).)*?</details>", re.S)
    while innermost.search(html):
        html = innermost.sub(" ", html)
    return parse(html).plain_text


def _events(client, query: str, lang: str = "en") -> list:
    calendar = Calendar.from_ical(client.get(f"/{lang}/deadlines/plan.ics?{query}").data)
    return list(calendar.walk("VEVENT"))


def _alarm_day(event) -> date:
    return event.decoded("dtstart") + event.walk("VALARM")[0].decoded("trigger")


def _tags(html: str) -> list[tuple[str, str]]:
    """Each days-left tag on the page, in order: (its colour class or "", its text)."""
    return [(level or "", text.strip()) for level, text in
            re.findall(r'<(?:p|span) class="tag(?: tag-(\w+))?"[^>]*>([^<]*)<', html)]


@pytest.mark.parametrize("lang, headline, later", [
    ("en", "31 December 2026", "1 January 2027"),
    ("ru", "31 декабря 2026", "1 января 2027"),
    ("kk", "2026\u202fж. 31 желтоқсан", "2027\u202fж. 1 қаңтар"),
])
def test_the_safe_date_is_the_headline_and_the_later_reading_is_under_why(client, lang, headline, later):
    html = client.get(f"/{lang}/deadlines/plan?{NEW_YEAR}").get_data(as_text=True)
    headline, later = headline.replace("\u202f", " "), later.replace("\u202f", " ")
    shown = _outside_why(html).replace("\u202f", " ")
    assert headline in shown
    assert later not in shown  # the strict reading, 1 January, only under "Why this date?"
    assert later in parse(html).plain_text.replace("\u202f", " ")
    first_title = re.search(r'<h2 class="step-title">([^<]*)</h2>', html).group(1).replace("\u202f", " ")
    assert headline in first_title


def test_the_safe_date_in_words(client):
    html = client.get(f"/en/deadlines/plan?{NEW_YEAR}").get_data(as_text=True)
    text = parse(html).plain_text
    assert "Register online by 31 December 2026" in text
    assert _tags(html)[0] == ("", "29 days left")  # counted to 31 December, not to 1 January
    assert ("Counting it as day 1, day 30 is 31 December 2026: to be safe, this is the date we give." in text)
    assert ("Read strictly, the rule gives 1 January 2027: day 1 is then the day after you entered (2 December 2026)."
            in text)


def test_the_calendar_reminds_of_the_safe_date(client):
    events = _events(client, NEW_YEAR)
    [registration] = [e for e in events if str(e["summary"]).startswith("Register")]
    assert str(registration["summary"]) == "Register online by 31 December 2026"
    assert registration.decoded("dtstart") == date(2026, 12, 31)
    assert _alarm_day(registration) == date(2026, 12, 28)
    assert all(e.decoded("dtstart") != date(2027, 1, 1) for e in events)
    assert "Read strictly, the rule gives 1 January 2027" in str(registration["description"])


def test_the_api_gives_the_date_shown_beside_both_readings(client):
    body = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-12-02", "today": "2026-12-02"}).get_json()
    registration = body["obligations"][0]
    assert registration["deadline"] == "2027-01-01" and registration["days_left"] == 30  # read strictly, as before
    assert registration["safe_by"] == "2026-12-31"
    assert registration["date"] == "2026-12-31" and registration["days_left_to_date"] == 29


@pytest.fixture
def december_client():
    app = create_app({"TESTING": True, "TODAY": "2026-12-02"})
    with app.test_client() as client:
        yield client


@pytest.mark.parametrize("name", ["registration-sheet", "host-sheet", "card"])
def test_every_pdf_prints_the_safe_date(december_client, name):
    answers = api_answers(**{"entry.date": "2026-12-02"})
    response = december_client.post(f"/api/v1/documents/{name}.pdf", json=answers, headers={"Accept-Language": "en"})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split())
    assert "31.12.2026" in text
    assert "01.01.2027" not in text


def test_steps_go_in_date_order(client):
    html = client.get(f"/en/deadlines/plan?{LEAVE_FIRST}").get_data(as_text=True)
    titles = re.findall(r'<h2 class="step-title">([^<]*)</h2>', html)
    # A permit to stay longer is due by the last day allowed: its step follows the step of leaving.
    assert titles[:3] == ["Leave Kazakhstan by 11 December 2026",
                          "To stay after 11 December 2026 you need a temporary residence permit",
                          "Register online by 19 December 2026"]
    # The steps are the key dates: the two with days left of their own, in date order.
    dated = re.findall(r'<h2 class="step-title">([^<]*)</h2>\s*<p class="tag', html)
    assert dated == ["Leave Kazakhstan by 11 December 2026", "Register online by 19 December 2026"]
    # The usual order when registration comes first.
    usual = client.get(f"/en/deadlines/plan?{NEW_YEAR}").get_data(as_text=True)
    assert re.findall(r'<h2 class="step-title">([^<]*)</h2>', usual)[:2] == [
        "Register online by 31 December 2026", "Leave Kazakhstan by 1 March 2027"]


def test_nine_days_left_looks_near_and_twenty_nine_does_not(client):
    from webapp.deadlines.explain import NEAR_DAYS

    tags = _tags(client.get(f"/en/deadlines/plan?{LEAVE_FIRST}").get_data(as_text=True))
    # The steps, the only countdowns: leave (9 days), registration (17 days).
    assert tags == [("orange", "9 days left"), ("", "17 days left")]
    assert 9 <= NEAR_DAYS < 17
    tags = _tags(client.get(f"/en/deadlines/plan?{NEW_YEAR}").get_data(as_text=True))
    assert tags[0] == ("", "29 days left")


def test_the_phone_gets_the_same_threshold(client):
    import json

    from webapp.deadlines.explain import NEAR_DAYS

    html = client.get("/en/deadlines/offline").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/json" id="tirkeu-offline-data">(.*?)</script>', html, re.S).group(1))
    assert data["near_days"] == NEAR_DAYS


def test_no_reminder_of_registration_after_the_last_day_allowed(client):
    events = _events(client, LEAVE_FIRST)
    assert [str(e["summary"]) for e in events] == ["Leave Kazakhstan by 11 December 2026"]
    assert _alarm_day(events[0]) == date(2026, 12, 8)


def test_a_passed_safe_date_is_reminded_today_while_the_later_reading_has_not_passed(client):
    query = NEW_YEAR.replace("today=2026-12-02", "today=2027-01-01")
    html = client.get(f"/en/deadlines/plan?{query}").get_data(as_text=True)
    assert _tags(html)[0] == ("red", "1 day overdue")
    [registration] = [e for e in _events(client, query) if str(e["summary"]).startswith("Register")]
    assert registration.decoded("dtstart") == date(2027, 1, 1)
    assert _alarm_day(registration) == date(2027, 1, 1)
    # Once the later reading has passed too: no event on a past date, an "act now" today instead.
    later = NEW_YEAR.replace("today=2026-12-02", "today=2027-01-03")
    events = _events(client, later)
    assert not [e for e in events if str(e["summary"]).startswith("Register")]
    [act_now] = [e for e in events if str(e["summary"]).startswith("Act now")]
    assert act_now.decoded("dtstart") == date(2027, 1, 3)
    assert "has passed" in str(act_now["description"])


def test_reminders_are_never_before_the_entry_nor_in_the_past(client):
    # Planning on 2 December an entry on 10 December: 30-day registration reminders from the entry on.
    planning = NEW_YEAR.replace("entry_date-day=2", "entry_date-day=10")
    for event in _events(client, planning):
        assert _alarm_day(event) >= date(2026, 12, 10)
    # A US citizen entering Tue 8 September 2026 (the test app's today is 5 September): the host
    # notifies by 10 September counting the day of arrival; today the 8th, a reminder only from today.
    query = "citizenship=US&entry_date-day=8&entry_date-month=9&entry_date-year=2026&accommodation=hotel&today=2026-09-08"
    [notice] = [e for e in _events(client, query) if "notify" in str(e["summary"])]
    assert notice.decoded("dtstart") == date(2026, 9, 10)
    assert _alarm_day(notice) == date(2026, 9, 8)


def test_the_calendar_bounds_hold_on_many_cases(app, client):
    """On the random corpus: each event of a duty is on a day from today and the entry on, not after
    the last day allowed, at its date shown (or today once that has passed), and its reminder is
    neither before the entry nor in the past. ("Act now" events are today's by design.)"""
    from webapp.deadlines.calendar_file import plan_calendar
    from webapp.deadlines.explain import due_date
    from webapp.golden.deadlines import date_order_cases, random_cases
    from webapp.rules import NotCovered, evaluate

    checked = 0
    for _name, answers in date_order_cases() + random_cases(600, seed=18):
        try:
            plan = evaluate(answers)
        except NotCovered:
            continue
        if not plan.group:
            continue
        with app.test_request_context("/en/"):
            events = Calendar.from_ical(plan_calendar(plan, answers, "en")).walk("VEVENT")
        earliest = max(answers.today, answers.entry_date)
        leave_by = plan.stay.leave_by
        registration = plan.obligations[0]
        for event in events:
            day, summary = event.decoded("dtstart"), str(event["summary"])
            assert _alarm_day(event) >= earliest and day >= earliest, (answers, summary)
            if summary.startswith("Act now"):
                assert day == earliest
                continue
            assert leave_by is None or day <= leave_by, (answers, summary)  # None: used up on entry
            if not summary.startswith("Leave"):
                assert day == max(due_date(registration), answers.today), (answers, summary)
                assert event.decoded("dtstart") - _alarm_day(event) <= timedelta(days=3)
            checked += 1
    assert checked > 300

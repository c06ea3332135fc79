"""The "My deadlines" journey in a real browser (Debian's Chromium), each language, with and
without JavaScript, the calendar download and the language switch."""
from __future__ import annotations

import re

import pytest
from icalendar import Calendar

from .conftest import Journey

pytestmark = pytest.mark.browser

EXPECTED = {
    # Registration by 30 September, the earlier of two readings (1 October read strictly).
    "ru": {"title": "Ваши сроки", "texts": ["30 сентября 2026", "Осталось 25 дней", "29 ноября 2026"]},
    "kk": {"title": None, "texts": ["2026 ж. 30 қыркүйек", "25 күн қалды", "2026 ж. 29 қараша"]},
    "en": {"title": "Your deadlines", "texts": ["Register online by 30 September 2026", "25 days left",
                                                 "Leave Kazakhstan by 29 November 2026"]},
}


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.inner_text("main"))


def _fill_trip(journey: Journey, search: bool):
    journey.choose_country("RU", search=search)
    # "Type the name of the country…" under the box, with JavaScript (a combobox) or without.
    assert journey.page.is_visible("#citizenship-typing")
    journey.enter_date("entry_date", 1, 9, 2026)
    journey.page.click("button[name=add_stay]")
    journey.page.wait_for_selector("#s-0-entry-day")
    # Nothing typed before the round trip is lost.
    assert journey.country_kept("RU", search)
    assert journey.page.input_value("#entry_date-day") == "1"
    journey.enter_date("s-0-entry", 1, 4, 2026)
    journey.enter_date("s-0-exit", 30, 5, 2026)
    journey.choose_accommodation(0)
    journey.submit()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_journey_with_javascript(page, live_server, lang):
    journey = Journey(page, live_server, lang)
    journey.start()
    _fill_trip(journey, search=True)
    text = _text(page)
    for expected in EXPECTED[lang]["texts"]:
        assert expected in text.replace("\u202f", " ")
    # The first step's "More about this step" opens and shows why its date, the source with its checked date.
    page.click("ol.steps details.details >> nth=0 >> summary")
    assert page.is_visible("ol.steps details.details[open] .sources a")


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_journey_without_javascript(nojs_page, live_server, lang):
    journey = Journey(nojs_page, live_server, lang)
    journey.start()
    assert not nojs_page.query_selector("#citizenship[role=combobox]")  # no enhancement without JS
    _fill_trip(journey, search=False)
    text = _text(nojs_page).replace("\u202f", " ")
    for expected in EXPECTED[lang]["texts"]:
        assert expected in text


def test_remove_an_earlier_stay_without_javascript(nojs_page, live_server):
    journey = Journey(nojs_page, live_server, "en")
    journey.start()
    journey.choose_country("BY", search=False)
    nojs_page.click("button[name=add_stay]")
    nojs_page.click("button[name=add_stay]")
    journey.enter_date("s-1-entry", 5, 5, 2026)
    nojs_page.click("button[name=remove_stay] >> nth=0")
    assert nojs_page.locator("button[name=remove_stay]").count() == 1
    assert nojs_page.input_value("#s-0-entry-day") == "5"
    assert journey.country_kept("BY", search=False)


def test_errors_are_summarised_and_focused(page, live_server):
    page.goto(f"{live_server}/en/deadlines/")
    page.fill("#entry_date-day", "31")
    page.fill("#entry_date-month", "2")
    page.fill("#entry_date-year", "2026")
    page.click("form > button.button:not([name])")
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    summary = page.locator(".error-summary a")
    assert summary.all_inner_texts() == ["Enter the country of your passport", "Enter a real date, for example 27 9 2026"]
    summary.nth(1).click()
    assert page.evaluate("document.activeElement.id") == "entry_date-day"
    assert page.input_value("#entry_date-day") == "31"


def test_calendar_download(page, live_server):
    page.goto(f"{live_server}/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
              "&entry_date-year=2026&accommodation=private")
    with page.expect_download() as info:
        page.click("a[href*='plan.ics']")
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as file:
        calendar = Calendar.from_ical(file.read())
    dates = sorted(e.decoded("dtstart").isoformat() for e in calendar.walk("VEVENT"))
    assert dates == ["2026-09-30", "2026-11-29"]  # registration on the safe date


def test_language_switch_keeps_the_page_and_answers(page, live_server):
    page.goto(f"{live_server}/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
              "&entry_date-year=2026&accommodation=private")
    page.click("nav.languages a[hreflang=ru]")
    assert "/ru/deadlines/plan?citizenship=RU" in page.url
    assert page.get_attribute("html", "lang") == "ru"
    assert "30 сентября 2026" in _text(page)
    page.click("nav.languages a[hreflang=kk]")
    assert page.get_attribute("html", "lang") == "kk"
    assert "2026 ж. 30 қыркүйек" in _text(page).replace("\u202f", " ")


def test_root_redirects_to_the_browser_language(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args, locale="kk-KZ")
    page = context.new_page()
    page.goto(live_server + "/")
    assert page.url.endswith("/kk/")
    context.close()


def test_the_days_are_drawn_day_by_day(page, live_server):
    """The grid: one cell per day of the 180, filled for the days in Kazakhstan up to today,
    hatched for those ahead to the last day; a row per month."""
    page.goto(f"{live_server}/kk/deadlines/plan?citizenship=KG&entry_date-day=1&entry_date-month=5&entry_date-year=2026"
              "&previous_stays-0-entry-day=10&previous_stays-0-entry-month=1&previous_stays-0-entry-year=2026"
              "&previous_stays-0-exit-day=28&previous_stays-0-exit-month=2&previous_stays-0-exit-year=2026&today=2026-05-20")
    page.click("details:has(.day-grid) > summary >> nth=0")  # the last day's "Why this date?", then the days
    page.click("text=Күндер бойынша қарау")
    grid = page.locator(".day-grid")
    assert grid.is_visible()
    # 12 Dec 2025 - 9 Jun 2026: 50 days of the earlier trip and 1-20 May up to today, 21 May - 9 Jun ahead.
    assert grid.locator(".day-row > .day-present").count() == 50 + 20
    assert grid.locator(".day-row > .day-ahead").count() == 20
    assert grid.locator(".day-row > .day").count() - grid.locator(".day-row > .day-out").count() == 180
    assert grid.locator(".day-month").all_inner_texts() == ["жел.", "қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау."]

"""With JavaScript, the 50 earlier stays the deadlines form accepts are added on the phone (rows.js)
and sent: the address the browser makes stays well under the 8 KB nginx and gunicorn take, and the
plan counts every stay (tests/test_many_stays.py does the same without JavaScript)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from webapp.rules import inputs

from .conftest import choose_country

pytestmark = pytest.mark.browser

STAYS = [date(2025, 10, 1) + timedelta(days=2 * i) for i in range(inputs.MAX_PREVIOUS_STAYS)]


def test_fifty_earlier_stays_added_on_the_phone_fit_the_address(page, live_server):
    page.goto(f"{live_server}/en/deadlines/?today=2026-01-12")
    choose_country(page, "citizenship", "RU", "Russia", javascript=True)
    for part, value in (("day", "10"), ("month", "01"), ("year", "2026")):
        page.fill(f"#entry_date-{part}", value)
    page.click("label[for=earlier_stays-0]")
    for n, day in enumerate(STAYS):
        page.click("[data-rows] [data-add-row]")
        for kind in ("entry", "exit"):
            for part, value in (("day", f"{day.day:02}"), ("month", f"{day.month:02}"), ("year", str(day.year))):
                page.fill(f"#s-{n}-{kind}-{part}", value)
    assert page.locator("[data-rows] [data-row]").count() == inputs.MAX_PREVIOUS_STAYS
    page.click("label[for=accommodation-0]")
    page.click("form > button.button:not([name])")
    page.wait_for_selector("main .steps")
    assert len(f"GET {page.url} HTTP/1.1".encode()) < 7_000
    assert page.url.count("&s-") == 6 * inputs.MAX_PREVIOUS_STAYS
    page.evaluate("document.querySelectorAll('main details').forEach(d => { d.open = true; })")  # the counting is folded
    text = " ".join(page.inner_text("main").split())
    # The 50 earlier days and the 3 of this stay up to today.
    assert "Days used in the 180 days up to 12 January 2026: 53 of 90." in text

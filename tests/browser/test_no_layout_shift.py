"""No page jumps: the Cumulative Layout Shift of a first visit (a new phone, the offline copy being
saved while the page is read, until "Ready offline ✓") and of a later one, measured in Chromium
with a PerformanceObserver, is at most 0.02 on the start, deadlines, result and documents pages."""
from __future__ import annotations

import pytest

from .test_offline import wait_until_ready_offline

PAGES = ["/{l}/", "/{l}/deadlines/",
         "/{l}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&earlier_stays=no",
         "/{l}/documents/"]
# Every layout shift from the page's start (buffered), as Lighthouse counts them: not those just
# after the person's own input.
OBSERVE = """
window.tirkeuShifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => {
  if (!entry.hadRecentInput) window.tirkeuShifts.push(entry.value);
})).observe({type: 'layout-shift', buffered: true});
"""


def shift(page) -> float:
    page.wait_for_timeout(300)  # the last frames' entries
    return round(page.evaluate("window.tirkeuShifts.reduce((a, b) => a + b, 0)"), 4)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("path", PAGES, ids=["start", "deadlines", "result", "documents"])
def test_the_page_does_not_jump_on_a_first_visit_nor_later(browser, browser_context_args, live_server, path, lang):
    context = browser.new_context(**browser_context_args)
    context.add_init_script(OBSERVE)
    page = context.new_page()
    address = live_server + path.format(l=lang)
    page.goto(address)
    wait_until_ready_offline(page)
    first = shift(page)
    page.goto(address)  # a later visit: the status is known at once
    wait_until_ready_offline(page)
    later = shift(page)
    assert max(first, later) <= 0.02, (first, later)
    context.close()

"""No page jumps: the Cumulative Layout Shift of a first visit (a new phone, the offline copy being
saved while the page is read, until "Ready offline ✓") and of a later one, measured in Chromium
with a PerformanceObserver, is at most 0.02 on the start, deadlines, result and documents pages.
The offline status keeps one line from the first paint (base.html), the country's box stays a
box (its combobox's list opens only on input), the notice that the phone may clear the answers
comes after the form (answers.js)."""
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
# Headless Chromium refuses storage.persist(), as most phones do for a site not installed: the
# notice that the answers may be cleared is part of a first visit.
REFUSED = "navigator.storage.persist = () => Promise.resolve(false);"


def shift(page) -> float:
    page.wait_for_timeout(300)  # the last frames' entries
    return round(page.evaluate("window.tirkeuShifts.reduce((a, b) => a + b, 0)"), 4)


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("path", PAGES, ids=["start", "deadlines", "result", "documents"])
def test_the_page_does_not_jump_on_a_first_visit_nor_later(browser, browser_context_args, live_server, path, lang, width):
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": width, "height": 740}})
    context.add_init_script(OBSERVE)
    context.add_init_script(REFUSED)
    page = context.new_page()
    address = live_server + path.format(l=lang)
    page.goto(address)
    wait_until_ready_offline(page)
    first = shift(page)
    page.goto(address)  # a later visit: the status is known at once
    wait_until_ready_offline(page)
    later = shift(page)
    assert max(first, later) <= 0.02, (first, later)
    # Each state's words on the one line kept for them: while saving (its longest count) and ready.
    line = page.evaluate("""() => {
        const box = document.getElementById('offline-status'), text = box.querySelector('[data-status-text]');
        const heights = [box.offsetHeight];
        text.textContent = box.getAttribute('data-progress').replace('{done}', '35').replace('{total}', '35');
        heights.push(box.offsetHeight);
        return heights;
    }""")
    assert line[0] == line[1], line
    context.close()


def test_without_javascript_there_is_no_status_line(nojs_page, live_server):
    """No script, no offline copy: the line kept for the status is not shown (CSS scripting: none)."""
    nojs_page.goto(f"{live_server}/en/")
    assert not nojs_page.is_visible("#offline-status")
    assert nojs_page.evaluate("document.getElementById('offline-status').offsetHeight") == 0


def test_saving_again_is_offered_only_once_saving_has_failed(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/")
    page.wait_for_selector("#offline-status.offline-pending, #offline-status.offline-ready")
    assert page.is_hidden("#offline-status [data-save]")  # saving, or ready: nothing to press
    wait_until_ready_offline(page)
    assert page.is_hidden("#offline-status [data-save]")
    context.close()

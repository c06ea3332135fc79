"""Any text size, any font: with the phone's text at 200 % (the root font size), in the wide font
the test command installs (DejaVu Sans, Debian's default), no page scrolls sideways on a 320 or a
360 px screen, in Russian, Kazakh and English, with every "Why this date?" open, the day-by-day
grid shown and the longest answers the forms accept on the documents' summary."""
from __future__ import annotations

import json

import pytest

from ..documents_data import form_answers, longest_answers
from .conftest import PAGES_MODULE

PLAN = ("/{l}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
        "&s-0-entry-day=1&s-0-entry-month=4&s-0-entry-year=2026&s-0-exit-day=20&s-0-exit-month=6&s-0-exit-year=2026")
PAGES = ["/{l}/", "/{l}/deadlines/", PLAN, "/{l}/documents/", "/{l}/documents/passport", "/{l}/documents/person",
         "/{l}/documents/entry", "/{l}/documents/stay", "/{l}/documents/host", "/{l}/what-if", "/{l}/rules",
         "/{l}/privacy", "/{l}/proof", "/{l}/host"]


def sideways(page) -> dict:
    """How far the page scrolls sideways at 200 % text, and the first elements past the screen's edge."""
    return page.evaluate("""() => {
        document.documentElement.style.fontSize = '200%';
        document.querySelectorAll('details').forEach(d => { d.open = true; });
        const width = document.documentElement.clientWidth;
        const past = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length)
            .slice(0, 3).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40));
        return {by: document.documentElement.scrollWidth - width, past};
    }""")


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_no_page_scrolls_sideways_at_200_percent_text(browser, browser_context_args, live_server, lang, width):
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": width, "height": 740}})
    page = context.new_page()
    for path in PAGES:
        page.goto(live_server + path.format(l=lang))
        found = sideways(page)
        assert found["by"] == 0, (path.split("?")[0], found)
    # The summary of the phone's own documents wizard, with the longest answers, put on the phone
    # from a page without a form (the documents page saves its own answers as it opens).
    page.goto(f"{live_server}/{lang}/privacy")
    kept = json.dumps(form_answers(longest_answers()))
    page.evaluate(PAGES_MODULE + ".then(m => m.store.then(s => Promise.all("
                  f"[s.set('documents', {kept}), s.set('documents-checked', m.fingerprint({kept}))])))")
    page.goto(f"{live_server}/{lang}/documents/offline#check")
    page.wait_for_selector("[data-step=check]:not([hidden]) [data-summary] .summary-row")
    found = sideways(page)
    assert found["by"] == 0, ("summary", found)
    context.close()

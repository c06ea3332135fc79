"""axe-core on every page in every language; no horizontal scrolling at 320 px; touch targets."""
from __future__ import annotations

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.browser

RESULT = ("deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
          "&accommodation=private&checkpoint=kairak&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4"
          "&previous_stays-0-entry-year=2026&previous_stays-0-exit-day=30&previous_stays-0-exit-month=5"
          "&previous_stays-0-exit-year=2026")
PAGES = [
    "",
    "deadlines/",
    "deadlines/plan?add_stay=1",
    "deadlines/plan?citizenship=&entry_date-day=31&entry_date-month=2&entry_date-year=2026",
    RESULT,
    "deadlines/plan?citizenship=IN&entry_date-day=1&entry_date-month=9&entry_date-year=2026",
    "no-such-page",
]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(axe_page, live_server, lang, path):
    axe_page.goto(f"{live_server}/{lang}/{path}")
    for details in axe_page.query_selector_all("details"):
        details.evaluate("d => d.open = true")
    assert axe_violations(axe_page) == []


@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scrolling_at_320_px(browser, live_server, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for lang in ("ru", "kk", "en"):
        page.goto(f"{live_server}/{lang}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{lang}/{path} is {width}px wide"
    context.close()


def test_touch_targets_are_at_least_44_px(page, live_server):
    page.goto(f"{live_server}/en/{RESULT}")
    page.goto(f"{live_server}/en/deadlines/plan?add_stay=1")
    for url in (f"{live_server}/en/{RESULT}", f"{live_server}/en/deadlines/plan?add_stay=1"):
        page.goto(url)
        small = page.evaluate("""() => [...document.querySelectorAll(
            'button, input:not([type=hidden]), select, summary, .button, .back-link, .languages a, .brand, .radio-label')]
            .filter(e => !e.classList.contains('visually-hidden'))  // its visible label is the target
            .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])
            .filter(([, h]) => h > 0 && h < 44)""")
        assert small == []


def _long_word(word: str, length: int) -> str:
    return (word * (length // len(word) + 1))[:length]


# Every free text of the documents at its longest, as one word: nothing to break at but letters.
LONG_WORDS = {
    "person.surname_latin": _long_word("WOLFESCHLEGELSTEINHAUSEN", 60),
    "person.given_names_latin": _long_word("MAXIMILIANUS", 60),
    "person.surname_cyrillic": _long_word("Жауаптарыңыздың", 60),
    "person.patronymic": _long_word("Константинович", 60),
    "stay.city": _long_word("Қызылжарқорғаншығыс", 80),
    "stay.street": _long_word("Жауаптарыңыздыңкөшесі", 100),
    "stay.house": _long_word("ҮйҮй", 20),
    "stay.flat": _long_word("ПәтерПәтер", 20),
    "host.name": _long_word("ЖауапкершілігішектеулісеріктестігіҚазақ", 120),
}


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_longest_word_in_every_answer_wraps_at_320_px(browser, live_server, lang):
    """The check page shows every answer; a value that is one long word, in a wide font (the
    tests see only Debian's DejaVu: tests/fonts/debian-default.conf), wraps inside the screen."""
    from ..documents_data import api_answers, form_answers

    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/documents/")
    with page.expect_navigation():
        page.evaluate("""([action, fields]) => {
        const form = document.createElement("form");
        form.method = "post"; form.action = action;
        for (const [name, value] of Object.entries(fields)) {
          const input = document.createElement("input");
          input.type = "hidden"; input.name = name; input.value = value; form.append(input);
        }
        document.body.append(form); form.submit();
        }""", [f"/{lang}/documents/check", form_answers(api_answers(**LONG_WORDS))])
    assert LONG_WORDS["host.name"] in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()

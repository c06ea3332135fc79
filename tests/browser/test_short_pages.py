"""Pages that fit a phone (issue 22): the result of "My deadlines" for the hand-worked cases, "What
if…" and the rules page at 360 × 740 px with every disclosure closed, in ru, kk and en.

The result: the first step's title, date and days left on the first screen; the page from its top
to the end of <main> within the budget; and, every disclosure opened, every date, warning and
source of the plan (as the API gives them) still on the page. "What if…" and the rules page: a
short list of questions, and a link to one answer opens it."""
from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode

import pytest

from webapp import create_app
from webapp.web.i18n import force_language, long_date

from ..conftest import TODAY, VECTORS

pytestmark = pytest.mark.browser

SCREEN = {"width": 360, "height": 740}
# The hand-worked cases (tests/vectors/), each with its own "today".
CASES = {
    "typical": ("registration.json", "2026 rules: Russian citizen registers by day 30"),
    "earlier stays": ("stay_limits.json", "Earlier stay that falls out of the window in time"),
    "2022": ("registration.json", "2022 (2020 rules): mobilization week, 90 days per entry"),
    "German visitor": ("registration.json", "2026: 30 August is no longer a holiday"),
    "30-day visitor": ("stay_limits.json", "30-day visitor: 30 days per entry"),
}
# Three screens of 740 px for the whole page, less the footer's 300 px (the footer is not this
# page's: the answers on the device and the links, the same on every page): what <main> and the
# header above it may take. Russian and Kazakh words are longer: about 20 % more.
BUDGET = {"en": 3 * 740 - 300 - 20, "ru": 2300, "kk": 2300}
# The status line between the header and <main> ("Saving to this phone: 12 of 35", "Ready offline
# ✓"), one line the same on every page: the heights leave it out, as they leave out the footer.
# "What if…" and the rules page open as their lists of questions: two screens at most.
GUIDANCE_BUDGET = 2 * 740

HEIGHTS = """() => {
    const header = document.querySelector('header.site-header'), main = document.querySelector('main');
    const top = main.getBoundingClientRect().top;
    const first = main.querySelector('ol.steps > li.step');
    const below = (selector) => {
        const el = first && first.querySelector(selector);
        return el ? header.offsetHeight + el.getBoundingClientRect().bottom - top : null;
    };
    return {page: header.offsetHeight + main.offsetHeight, title: below('.step-title'), tag: below('.tag')};
}"""


def vector(file: str, name: str) -> dict:
    cases = json.loads((VECTORS / file).read_text(encoding="utf-8"))["cases"]
    return next(case for case in cases if case["name"] == name)["input"]


def plan_query(body: dict) -> str:
    """A vector's API body as the questions page sends it (GET), field by field."""
    fields = [("citizenship", body["citizenship"]), ("today", body["today"])]

    def day(name: str, value: str | None) -> None:
        if value:
            parsed = date.fromisoformat(value)
            fields.extend([(f"{name}-day", parsed.day), (f"{name}-month", parsed.month), (f"{name}-year", parsed.year)])

    day("entry_date", body["entry_date"])
    day("exit_date", body.get("exit_date"))
    stays = body.get("previous_stays") or []
    for i, stay in enumerate(stays):
        day(f"s-{i}-entry", stay["entry"])
        day(f"s-{i}-exit", stay["exit"])
    fields.append(("earlier_stays", "yes" if stays else "no"))
    for name in ("accommodation", "checkpoint"):
        if body.get(name):
            fields.append((name, body[name]))
    return urlencode(fields)


@pytest.fixture(scope="module")
def words():
    """The plan as the API gives it, with its dates written as the page writes them."""
    app = create_app({"TESTING": True, "TODAY": TODAY})
    client = app.test_client()

    def said(body: dict, lang: str) -> dict:
        plan = client.post("/api/v1/plan", json=body, headers={"Accept-Language": lang}).get_json()
        days = {o["date"] for o in plan["obligations"] if o.get("date")}
        days |= {o["deadline"] for o in plan["obligations"] if o.get("deadline")}  # the later reading, under "Why"
        if plan["stay"] and plan["stay"]["leave_by"]:
            days.add(plan["stay"]["leave_by"])
        if plan["next_entry"]:
            days |= {plan["next_entry"]["earliest"], plan["next_entry"]["leave_by"]}
        with app.test_request_context(f"/{lang}/"), force_language(lang):
            dates = sorted(long_date(date.fromisoformat(day)) for day in days)
        return {"dates": dates, "warnings": [w["message"] for w in plan["warnings"]],
                "sources": [s["title"] for s in plan["sources"]]}
    return said


def text(page) -> str:
    return " ".join(page.inner_text("main").split()).replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_result_fits_in_three_screens_and_keeps_every_date(browser, live_server, words, lang):
    context = browser.new_context(viewport=SCREEN, has_touch=True, is_mobile=True)
    page = context.new_page()
    for case, (file, name) in CASES.items():
        body = vector(file, name)
        page.goto(f"{live_server}/{lang}/deadlines/plan?{plan_query(body)}")
        assert page.locator("main details[open]").count() == 0, case
        heights = page.evaluate(HEIGHTS)
        assert heights["page"] <= BUDGET[lang], (case, heights)
        # The first thing to do, its date (in its title) and its days left, on the first screen.
        assert heights["title"] and heights["tag"], (case, heights)
        assert max(heights["title"], heights["tag"]) <= SCREEN["height"], (case, heights)

        page.evaluate("document.querySelectorAll('main details').forEach(d => { d.open = true; })")
        shown, plan = text(page), words(body, lang)
        for day in plan["dates"]:
            assert day.replace("\u202f", " ") in shown, (case, day)
        for warning in plan["warnings"]:
            assert " ".join(warning.split()) in shown, (case, warning)
        for title in plan["sources"]:
            assert " ".join(title.split()) in shown, (case, title)
    context.close()


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize("path", ["what-if", "rules"])
def test_what_if_and_the_rules_open_as_a_list_of_questions(browser, live_server, lang, path):
    context = browser.new_context(viewport=SCREEN, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/{path}")
    assert page.locator("main details[open]").count() == 0
    questions = page.locator("main details.question")
    assert questions.count() >= 5
    assert page.evaluate(HEIGHTS)["page"] <= GUIDANCE_BUDGET
    # Each answer opens on demand, its sources folded under one "Sources".
    questions.nth(0).locator("> summary").click()
    assert page.locator("main details.question[open]").count() == 1
    assert page.locator("main details.question[open] .sources-details .sources a").count() >= 1
    context.close()


@pytest.mark.parametrize("address, opened, says", [
    ("/ru/what-if#overstay", "#overstay", "10 МРП"),
    ("/kk/what-if#children", "#children", "vmp.gov.kz"),
    ("/en/rules#counting", "#counting", "The day you enter and the day you leave both count as days of stay."),
])
def test_a_link_to_an_answer_opens_it(page, live_server, address, opened, says):
    page.goto(f"{live_server}{address}")
    assert page.get_attribute(opened, "open") is not None
    assert says in page.inner_text(opened)
    assert page.evaluate(f"document.querySelector('{opened}').getBoundingClientRect().top") < 200  # scrolled to it
    # Another answer's "#" on the same page opens that one too.
    other = page.locator("main details.question:not([open])").first
    other_id = other.get_attribute("id")
    page.evaluate(f"location.hash = '{other_id}'")
    page.wait_for_selector(f"#{other_id}[open]")

"""The documents wizard in Chromium at 360 px, with and without JavaScript: every step, a Change
link, the in-page back link, downloading a PDF, and axe-core on every step."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from .conftest import PAGES_MODULE, axe_violations, choose_country

pytestmark = pytest.mark.browser

KAZAKH = "Әбілқайыр хана ҒҚҢӨҰҮҺІ"


def continue_(page):
    page.click("form#wizard > button.button[value=continue]")
    page.wait_for_load_state()


def date(page, field, day, month, year):
    page.fill(f"#{field}-day", str(day))
    page.fill(f"#{field}-month", str(month))
    page.fill(f"#{field}-year", str(year))


def fill_all_steps(page, javascript: bool, check=lambda page: None, search: bool = True, internal: bool = False):
    """The server's wizard. (With JavaScript the Start button opens the phone's own wizard,
    test_documents_offline.py; the server's steps still work with it, as after a reload.)
    `internal`: crossed on the Russian internal passport (the name in Cyrillic only)."""
    if "/offline" in page.get_attribute(".button-start", "href"):
        page.goto(page.url.split("#")[0] + "passport")
    else:
        page.click(".button-start")
    page.wait_for_selector("#passport-number")
    check(page)
    if internal:
        page.click("label[for=passport-document-1]")
        if javascript:  # the internal passport has no date of expiry: not asked (once its module has started)
            page.wait_for_selector("#passport-expires-day", state="hidden", timeout=10_000)
        page.fill("#passport-number", "4512345678")
        date(page, "passport-issued", 15, 6, 2020)
    else:
        page.fill("#passport-number", "75 1234567")
        date(page, "passport-issued", 15, 6, 2020)
        date(page, "passport-expires", 15, 6, 2030)
    continue_(page)
    check(page)
    page.wait_for_selector("#person-surname_latin")
    if internal:
        page.fill("#person-surname_cyrillic", "ИВАНОВ")
        page.fill("#person-given_names_cyrillic", "ИВАН")
        if javascript:  # the Latin spelling offered, as Russian foreign passports spell it
            assert page.input_value("#person-surname_latin") == "IVANOV"
    else:
        page.fill("#person-surname_latin", "IVANOV")
        page.fill("#person-given_names_latin", "IVAN")
        page.fill("#person-surname_cyrillic", "ИВАНОВ")
    date(page, "person-date_of_birth", 27, 3, 1990)
    page.click("label[for=person-sex-1]")
    if javascript and search:
        page.fill("#person-citizenship", "Russia")  # typed, not chosen: the name is enough
    else:
        choose_country(page, "person-citizenship", "RU", "russian federation", javascript)
    continue_(page)
    check(page)
    date(page, "entry-date", 1, 9, 2026)
    page.select_option("#entry-checkpoint", "kairak")
    page.click("label[for=entry-purpose-0]")
    continue_(page)
    check(page)
    page.select_option("#stay-region", "west_kazakhstan")
    page.fill("#stay-city", "Уральск")
    page.fill("#stay-street", KAZAKH)
    page.fill("#stay-house", "12")
    continue_(page)
    check(page)
    page.click("label[for=host-kind-0]")
    page.fill("#host-name", "Қуанышбаева Әйгерім")
    page.fill("#host-iin", "900101400003")
    continue_(page)
    check(page)
    page.click("button[value=add_child]")
    page.fill("#children-0-surname", "Иванова")
    page.fill("#children-0-given_names", "Мария")
    date(page, "children-0-date_of_birth", 1, 1, 2018)
    continue_(page)
    check(page)
    assert page.locator("button[value=add_adult]").count() == 1  # the adults travelling with you: none added

    continue_(page)
    check(page)


@pytest.mark.parametrize("javascript", [True, False])
def test_documents_journey(browser, browser_context_args, live_server, javascript):
    context = browser.new_context(**browser_context_args, java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/")
    fill_all_steps(page, javascript)
    assert page.inner_text("h1") == "Check your answers"
    main = page.inner_text("main")
    assert "IVANOV IVAN" in main and KAZAKH in main and "Иванова Мария" in main

    # Change the passport number, come straight back to the summary.
    page.click("button[formaction$='/documents/passport#passport-number']")
    assert page.inner_text("h1") == "Your passport"
    page.fill("#passport-number", "AB 7654321")
    continue_(page)
    assert page.inner_text("h1") == "Check your answers"
    assert "AB 7654321" in page.inner_text("main")

    # The in-page back link keeps every answer.
    page.click("button.back-link")
    assert page.inner_text("h1") == "Adults travelling with you"
    page.click("button.back-link")
    assert page.inner_text("h1") == "Children travelling with you"
    assert page.input_value("#children-0-surname") == "Иванова"
    continue_(page)  # come back from the summary: straight back to it
    assert page.inner_text("h1") == "Check your answers"

    with page.expect_download() as info:
        page.click("button[formaction$='/documents/card.pdf']")
    with open(info.value.path(), "rb") as file:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(file.read())).pages)
    assert "IVANOV IVAN" in text and "AB 7654321" in text and KAZAKH in text
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_internal_passport_goes_through_to_the_pdf(browser, browser_context_args, live_server, javascript):
    context = browser.new_context(**browser_context_args, java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/")
    fill_all_steps(page, javascript, internal=True)
    assert page.inner_text("h1") == "Check your answers"
    main = page.inner_text("main")
    assert "45 12 345678" in main and "ИВАНОВ ИВАН" in main
    assert "IVANOV IVAN (transliteration, not from the document)" in main and "Date of expiry" not in main
    with page.expect_download() as info:
        page.click("button[formaction$='/documents/registration-sheet.pdf']")
    with open(info.value.path(), "rb") as file:
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(file.read())).pages).split())
    assert "45 12 345678" in text and "ИВАНОВ ИВАН" in text and "Серия и номер" in text
    assert "транслитерация, не из документа" in text
    context.close()


def test_axe_on_every_step(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args, bypass_csp=True)
    page = context.new_page()
    seen = []

    def check(page):
        seen.append(page.inner_text("h1"))
        assert axe_violations(page) == [], seen[-1]

    for lang in ("kk", "ru"):
        page.goto(f"{live_server}/{lang}/documents/")
        page.evaluate(PAGES_MODULE + ".then(m => m.forgetEverything())")  # each language starts from nothing typed
        check(page)
        fill_all_steps(page, javascript=True, check=check, search=False)  # choose the country from the list
    # An error page too.
    page.click("button[formaction$='/documents/person#person-surname_latin']")
    page.fill("#person-surname_latin", "Иванов")
    continue_(page)
    check(page)
    assert len(seen) == 2 * 9 + 1  # the start, six steps, the adults travelling with you, the summary
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_browser_back_button_returns_to_the_previous_step(browser, browser_context_args, live_server, javascript):
    context = browser.new_context(**browser_context_args, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/passport")
    page.fill("#passport-number", "75 1234567")
    date(page, "passport-issued", 15, 6, 2020)
    date(page, "passport-expires", 15, 6, 2030)
    continue_(page)
    assert page.inner_text("h1") == "About you"
    page.go_back()
    assert page.inner_text("h1") == "Your passport"
    assert page.input_value("#passport-number") == "75 1234567"
    continue_(page)
    assert page.inner_text("h1") == "About you"
    context.close()


def add_adult(page, index: int, surname: str, given: str, entry: tuple[int, int, int] | None, child: str | None = None):
    """One more adult on the server's "Adults travelling with you": their own four steps, back to the list."""
    prefix = f"others-{index}-"
    page.click("button[value=add_adult]")
    page.wait_for_selector(f"#{prefix}passport-number")
    page.fill(f"#{prefix}passport-number", f"7{index}0000001")
    date(page, f"{prefix}passport-issued", 1, 2, 2021)
    date(page, f"{prefix}passport-expires", 1, 2, 2031)
    continue_(page)
    page.fill(f"#{prefix}person-surname_latin", surname)
    page.fill(f"#{prefix}person-given_names_latin", given)
    date(page, f"{prefix}person-date_of_birth", 3, 4, 1985 + index)
    page.click(f"label[for={prefix}person-sex-0]")
    continue_(page)  # the first adult's citizenship, offered
    assert page.locator(".error-summary").count() == 0, page.inner_text(".error-summary")
    assert page.input_value(f"#{prefix}entry-date-day") == "1"  # the first adult's entry, offered
    if entry:
        date(page, f"{prefix}entry-date", *entry)
    continue_(page)
    page.wait_for_selector(f"[data-rows={prefix}children]")
    if child:
        page.click("button[value=add_child]")
        page.fill(f"#{prefix}children-0-surname", child)
        page.fill(f"#{prefix}children-0-given_names", "PAVEL")
        date(page, f"{prefix}children-0-date_of_birth", 30, 11, 2022)
    continue_(page)
    page.wait_for_selector("button[value=add_adult]")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_group_through_the_servers_wizard(browser, browser_context_args, live_server, javascript):
    """Three adults and two children in a browser, with and without JavaScript: each adult's card
    prints their own date (their own plan's, from the same answers), the host's sheet all three."""
    from werkzeug.datastructures import MultiDict

    from webapp.documents.group import people

    from .test_documents_offline import python_values

    context = browser.new_context(**browser_context_args, java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/")
    if javascript:
        page.evaluate(PAGES_MODULE + ".then(m => m.forgetEverything())")
    fill_all_steps(page, javascript)
    page.click("button.back-link")  # from the summary to the adults travelling with you: each new
    add_adult(page, 0, "PETROVA", "ANNA", None, child="PETROV")  # adult still goes through all their steps
    add_adult(page, 1, "SMITH", "JOHN", (20, 8, 2026))
    assert "PETROVA ANNA" in page.inner_text("main") and "SMITH JOHN" in page.inner_text("main")
    continue_(page)
    assert page.inner_text("h1") == "Check your answers"
    hidden = page.locator("form#wizard input[type=hidden]")
    answers = MultiDict([(hidden.nth(i).get_attribute("name"), hidden.nth(i).get_attribute("value") or "")
                         for i in range(hidden.count())])
    expected = [python_values("en", adult) for adult in people(answers.items(multi=True))]
    assert expected[0]["deadline"] == expected[1]["deadline"] != expected[2]["deadline"]

    def pdf(selector: str) -> str:
        with page.expect_download() as info:
            page.click(selector)
        with open(info.value.path(), "rb") as file:
            return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(file.read())).pages).split())

    for n, (name, values) in enumerate(zip(("IVANOV IVAN", "PETROVA ANNA", "SMITH JOHN"), expected, strict=True), start=1):
        person = f"?person={n}" if n > 1 else ""
        card = pdf(f"button[formaction$='/documents/card.pdf{person}']")
        assert name in card and values["deadline"] in card, (n, card)
        assert not any(other["deadline"] in card for other in expected if other["deadline"] != values["deadline"]), n
    host = pdf("button[formaction$='/documents/host-sheet.pdf']")
    for name, values in zip(("IVANOV IVAN", "PETROVA ANNA", "SMITH JOHN"), expected, strict=True):
        assert name in host and values["deadline"] in host
    assert "Иванова Мария" in host and "PETROV PAVEL" in host
    context.close()

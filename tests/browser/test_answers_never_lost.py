"""Answers on the device are never lost or reverted (issue 19, item 4): a reloaded posted step, two
tabs, an old tab, a language switch; and where the device cannot keep them, the page says so and
offers the file."""
from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest

from .conftest import STORE, open_device_answers, wait_value

pytestmark = pytest.mark.browser

NO_STORAGE = """
Object.defineProperty(window, "indexedDB", { get() { throw new DOMException("denied", "SecurityError"); } });
Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
"""


def stored(page) -> dict:
    return page.evaluate(STORE + ".then(s => s.all())")


def date(page, field, day, month, year):
    page.fill(f"#{field}-day", str(day))
    page.fill(f"#{field}-month", str(month))
    page.fill(f"#{field}-year", str(year))


def passport_then_person(page, live_server, lang="en"):
    """The passport step filled and posted: the person step, drawn by the server from the POST."""
    page.goto(f"{live_server}/{lang}/documents/passport")
    page.fill("#passport-number", "75 1234567")
    date(page, "passport-issued", 15, 6, 2020)
    date(page, "passport-expires", 15, 6, 2030)
    page.wait_for_timeout(400)
    page.click("form#wizard > button.button[value=continue]")
    page.wait_for_selector("#person-surname_latin")
    page.evaluate(STORE)  # the answers are back on the page
    page.wait_for_timeout(300)


def test_reloading_a_posted_step_loses_nothing(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    passport_then_person(page, live_server)
    page.fill("#person-surname_latin", "IVANOVA")
    page.fill("#person-given_names_latin", "ANNA")
    page.wait_for_timeout(400)
    methods = []
    page.on("request", lambda request: methods.append(request.method) if request.resource_type == "document" else None)
    page.reload()  # the browser posts the passport step again; the server draws this step empty
    assert methods == ["POST"]
    wait_value(page, "#person-surname_latin", "IVANOVA")
    assert page.input_value("#person-given_names_latin") == "ANNA"
    page.wait_for_timeout(400)
    documents = stored(page)["documents"]
    assert documents["person-surname_latin"] == "IVANOVA" and documents["person-given_names_latin"] == "ANNA"
    assert documents["passport-number"] == "75 1234567"
    context.close()


def test_a_correction_survives_the_reload_of_an_older_post(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    passport_then_person(page, live_server)
    other = context.new_page()  # the number corrected on the passport step, in another tab since closed
    other.goto(f"{live_server}/en/documents/passport")
    wait_value(other, "#passport-number", "75 1234567")
    other.fill("#passport-number", "75 7654321")
    other.wait_for_timeout(400)
    other.close()
    page.reload()  # the passport step posted again with 75 1234567: the server draws that number
    page.wait_for_selector("#person-surname_latin")
    page.wait_for_timeout(600)
    assert page.input_value("input[type=hidden][name=passport-number]") == "75 7654321"
    assert stored(page)["documents"]["passport-number"] == "75 7654321"
    context.close()


def test_two_tabs_see_and_keep_each_others_answers(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    a, b = context.new_page(), context.new_page()
    a.goto(f"{live_server}/en/documents/passport")
    b.goto(f"{live_server}/en/documents/passport")
    b.evaluate(STORE)
    a.fill("#passport-number", "75 1234567")
    wait_value(b, "#passport-number", "75 1234567")  # typed in tab A, shown in tab B
    b.fill("#passport-issued-day", "15")
    b.wait_for_timeout(400)
    wait_value(a, "#passport-issued-day", "15")
    a.fill("#passport-number", "75 7654321")  # A corrects; B's later typing must not revert it
    a.wait_for_timeout(400)
    b.fill("#passport-issued-month", "6")
    b.wait_for_timeout(400)
    documents = stored(a)["documents"]
    assert documents["passport-number"] == "75 7654321"
    assert documents["passport-issued-day"] == "15" and documents["passport-issued-month"] == "6"
    assert b.input_value("#passport-number") == "75 7654321"
    context.close()


def test_an_old_tab_does_not_revert_a_newer_answer(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    old = context.new_page()
    passport_then_person(old, live_server)  # the old tab: the passport number in a hidden field
    new = context.new_page()
    new.goto(f"{live_server}/en/documents/passport")
    wait_value(new, "#passport-number", "75 1234567")
    new.fill("#passport-number", "75 7654321")
    new.wait_for_timeout(400)
    posted = []
    old.on("request", lambda request: posted.append(request.post_data) if request.method == "POST" else None)
    old.fill("#person-surname_latin", "IVANOVA")
    old.wait_for_timeout(400)
    old.click("form#wizard > button.button[value=continue]")
    old.wait_for_load_state()
    old.wait_for_timeout(600)
    # The server gets the newer number, and the device keeps it.
    assert parse_qs(posted[0])["passport-number"] == ["75 7654321"]
    documents = stored(new)["documents"]
    assert documents["passport-number"] == "75 7654321" and documents["person-surname_latin"] == "IVANOVA"
    context.close()


def test_a_language_switch_keeps_every_answer(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    passport_then_person(page, live_server)
    page.fill("#person-surname_latin", "IVANOVA")
    page.wait_for_timeout(400)
    page.click("nav.languages button[lang=kk]")
    page.wait_for_selector("html[lang=kk]")
    wait_value(page, "#person-surname_latin", "IVANOVA")
    page.fill("#person-given_names_latin", "ANNA")
    page.wait_for_timeout(400)
    page.reload()  # the language switch's POST, again
    wait_value(page, "#person-given_names_latin", "ANNA")
    assert page.input_value("#person-surname_latin") == "IVANOVA"
    # My deadlines, switched by its link: the answers follow.
    page.goto(f"{live_server}/en/deadlines/")
    page.fill("#entry_date-day", "3")
    page.wait_for_timeout(400)
    page.click("nav.languages a[lang=ru]")
    page.wait_for_selector("html[lang=ru]")
    wait_value(page, "#entry_date-day", "3")
    documents = stored(page)["documents"]
    assert documents["passport-number"] == "75 1234567" and documents["person-given_names_latin"] == "ANNA"
    context.close()


def test_no_storage_is_said_where_answers_are_typed(browser, browser_context_args, live_server, tmp_path):
    context = browser.new_context(**browser_context_args, accept_downloads=True)
    context.add_init_script(NO_STORAGE)
    page = context.new_page()
    for lang, words in (("ru", "НЕ сохранятся"), ("kk", "САҚТАЛМАЙДЫ"), ("en", "NOT kept")):
        page.goto(f"{live_server}/{lang}/deadlines/")
        notice = page.wait_for_selector("[data-storage-notice]")
        assert words in notice.inner_text()
        # Before the form, not only in the footer; the footer's claim that they are kept is gone.
        assert page.evaluate("document.querySelector('[data-storage-notice]').nextElementSibling.matches('form')")
        assert page.is_hidden("[data-kept-claim]")
    page.fill("#entry_date-day", "3")
    page.wait_for_timeout(400)
    with page.expect_download() as info:
        page.click("[data-storage-notice] button")
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text())["answers"]["deadlines"]["entry_date-day"] == "3"
    context.close()


def test_persist_refused_is_said(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    context.add_init_script("navigator.storage.persist = () => Promise.resolve(false);")
    page = context.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    page.wait_for_selector("#device-answers:not([hidden])")
    page.fill("#entry_date-day", "3")
    notice = page.wait_for_selector("[data-storage-notice]")
    assert "may delete them when it is short of space" in notice.inner_text()
    # After the form, by its button: appearing, it moves none of the fields (no layout shift).
    assert page.evaluate("document.querySelector('[data-storage-notice]').previousElementSibling.matches('form')")
    open_device_answers(page)
    assert page.is_visible("[data-kept-claim]")  # kept, only not promised
    assert page.is_visible("[data-storage-notice] button")
    context.close()

"""Answers saved on the device as typed: restored after closing the page (also offline), deleted
by "Delete all my data", moved to another phone as a file."""
from __future__ import annotations

import json

import pytest

from .conftest import STORE, choose_country, open_device_answers, wait_value

pytestmark = pytest.mark.browser


def type_trip(page):
    choose_country(page, "citizenship", "BY", "Belarus", javascript=True)
    page.fill("#entry_date-day", "3")
    page.fill("#entry_date-month", "9")
    page.fill("#entry_date-year", "2026")
    page.click("label[for=accommodation-1]")
    page.wait_for_timeout(400)  # saving is debounced


def stored(page) -> dict:
    return page.evaluate(STORE + ".then(s => s.all())")


def test_answers_survive_closing_the_page(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    type_trip(page)
    assert stored(page)["deadlines"]["citizenship"] == "BY"
    page.close()
    page = context.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    wait_value(page, "#entry_date-year", "2026")
    assert page.input_value("[name=citizenship]") == "BY"
    assert page.is_checked("#accommodation-1")
    context.close()


def test_wizard_answers_survive_and_carry_on(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/person")
    page.fill("#person-surname_latin", "IVANOVA")
    page.fill("#person-given_names_latin", "ANNA")
    page.wait_for_timeout(400)
    page.goto(f"{live_server}/en/")
    page.goto(f"{live_server}/en/documents/person")
    wait_value(page, "#person-surname_latin", "IVANOVA")
    context.close()


def test_delete_all_my_data(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    type_trip(page)
    open_device_answers(page)
    page.click("[data-forget]")
    page.wait_for_selector("[data-answers-status]:has-text('deleted')")
    assert stored(page) == {}
    assert page.input_value("#entry_date-day") == ""
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('tirkeu')).length") == 0
    page.reload()
    assert page.input_value("#entry_date-day") == ""
    context.close()


def test_answers_move_to_another_phone_as_a_file(browser, browser_context_args, live_server, tmp_path):
    first = browser.new_context(**browser_context_args, accept_downloads=True)
    page = first.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    type_trip(page)
    open_device_answers(page)
    with page.expect_download() as info:
        page.click("[data-export]")
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text())["answers"]["deadlines"]["entry_date-day"] == "3"
    first.close()

    second = browser.new_context(**browser_context_args)
    page = second.new_page()
    page.goto(f"{live_server}/kk/deadlines/")
    page.set_input_files("[data-import]", str(saved))
    wait_value(page, "#entry_date-day", "3")
    assert page.input_value("[name=citizenship]") == "BY"
    bad = tmp_path / "not-tirkeu.json"
    bad.write_text("{\"hello\": 1}")
    page.set_input_files("[data-import]", str(bad))
    open_device_answers(page)
    page.wait_for_selector("[data-answers-status]:has-text('Tirkeu')")
    second.close()


def test_answers_are_restored_offline(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/ru/deadlines/")
    page.wait_for_selector("#offline-status.offline-ready", timeout=60_000)
    type_trip(page)
    context.set_offline(True)
    page.close()
    page = context.new_page()
    page.goto(f"{live_server}/ru/deadlines/")
    wait_value(page, "#entry_date-month", "9")
    page.click("form > button.button:not([name])")
    page.wait_for_selector("main .steps")
    # 3 Sep + 30 days is Saturday 3 October; the safe reading, Friday 2 October, is the date shown.
    assert "2 октября 2026" in page.inner_text("main .steps")
    context.close()

"""One case on the phone: answers typed once in "My deadlines" are where the documents start (and
the other way round), in the device store only; the phone's own result page ends with the same
next things to do, the case carried."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import STORE, choose_country, wait_value
from .test_offline import wait_until_ready_offline

pytestmark = pytest.mark.browser


def stored(page) -> dict:
    return page.evaluate(STORE + ".then(s => s.all())")


def type_deadlines(page):
    choose_country(page, "citizenship", "RU", "Russia", javascript=True)
    page.fill("#entry_date-day", "20")
    page.fill("#entry_date-month", "11")
    page.fill("#entry_date-year", "2026")
    page.select_option("#checkpoint", "kairak")
    page.click("label[for=earlier_stays-0]")
    page.click("[data-rows=s] [data-add-row]")  # "My deadlines" names its rows s-<n>-… (webapp/case.py ROWS)
    page.fill("#s-0-entry-day", "10")
    page.fill("#s-0-entry-month", "7")
    page.fill("#s-0-entry-year", "2026")
    page.fill("#s-0-exit-day", "15")
    page.fill("#s-0-exit-month", "9")
    page.fill("#s-0-exit-year", "2026")
    page.click("label[for=accommodation-1]")  # a hotel
    page.wait_for_timeout(400)  # saving is debounced


def test_answers_typed_once_start_the_documents(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    type_deadlines(page)
    documents = stored(page)["documents"]
    assert documents["person-citizenship"] == "RU" and documents["entry-date-day"] == "20"
    assert documents["entry-checkpoint"] == "kairak" and documents["host-kind"] == "hotel"
    assert documents["earlier_stays"] == "yes" and documents["previous_stays-0-exit-month"] == "9"

    # The server's first step, without a query: the phone fills it from the device.
    page.goto(f"{live_server}/en/documents/person")
    page.wait_for_selector("#person-citizenship[role=combobox]")
    wait_value(page, "[name=person-citizenship]", "RU")
    assert page.input_value("#person-citizenship") == "Russia"
    page.fill("#person-surname_latin", "IVANOV")
    page.wait_for_timeout(400)
    # The documents' entry step on the phone: entry, checkpoint and the earlier stay are there.
    page.goto(f"{live_server}/en/documents/offline#entry")
    page.wait_for_selector("section[data-step=entry]:not([hidden])")
    wait_value(page, "#entry-date-day", "20")
    assert page.input_value("#entry-checkpoint") == "kairak"
    assert page.is_checked("#earlier_stays-0")
    wait_value(page, "#previous_stays-0-entry-month", "7")
    assert page.input_value("#previous_stays-0-exit-day") == "15"

    # And back: a day of leaving typed in the documents reaches "My deadlines"; the name does not.
    page.fill("#exit_date-day", "1")
    page.fill("#exit_date-month", "12")
    page.fill("#exit_date-year", "2026")
    page.wait_for_timeout(400)
    deadlines = stored(page)["deadlines"]
    assert deadlines["exit_date-month"] == "12" and deadlines["accommodation"] == "hotel"
    assert "person-surname_latin" not in deadlines and stored(page)["documents"]["person-surname_latin"] == "IVANOV"
    page.goto(f"{live_server}/en/deadlines/")
    wait_value(page, "#exit_date-year", "2026")
    assert page.input_value("#s-0-entry-day") == "10" and deadlines["s-0-exit-month"] == "9"
    # Never sent: no request carried the surname.
    assert not any("IVANOV" in url for url in requests)
    context.close()


def test_the_phones_result_page_ends_with_the_next_things_to_do(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/")
    wait_until_ready_offline(page)
    context.set_offline(True)
    page.goto(f"{live_server}/en/deadlines/plan?citizenship=RU&entry_date-day=20&entry_date-month=11&entry_date-year=2026"
              "&earlier_stays=yes&previous_stays-0-entry-day=10&previous_stays-0-entry-month=7&previous_stays-0-entry-year=2026"
              "&previous_stays-0-exit-day=15&previous_stays-0-exit-month=9&previous_stays-0-exit-year=2026&accommodation=employer")
    page.wait_for_selector(".next-steps")
    assert "Worked out on this phone" in page.inner_text("#offline-plan")
    assert "Leave Kazakhstan by 11 December 2026" in page.inner_text(".steps .step-title >> nth=0")
    href = page.get_attribute(".next-steps a:has-text('Prepare my documents')", "href")
    query = {key: value[0] for key, value in parse_qs(urlsplit(href).query).items()}
    assert urlsplit(href).path == "/en/documents/passport"  # the documents start with the document crossed with
    assert query["person-citizenship"] == "RU" and query["host-kind"] == "organisation"
    assert query["previous_stays-0-exit-day"] == "15" and query["earlier_stays"] == "yes"
    assert page.get_attribute(".next-steps a:has-text('Keep the proof')", "href") == "/en/proof"
    assert page.get_attribute("#offline-plan a[href='tel:1414']", "href") == "tel:1414"
    # "Yes" without a stay is refused, as the server refuses it.
    page.goto(f"{live_server}/en/deadlines/plan?citizenship=RU&entry_date-day=20&entry_date-month=11&entry_date-year=2026"
              "&earlier_stays=yes")
    page.wait_for_selector("#offline-plan .error-summary")
    assert "Some answers are missing or not valid" in page.inner_text("#offline-plan .error-summary")
    context.close()

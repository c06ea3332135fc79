"""The pseudo-locale en-XA on the phone (tests/pseudo_locale.py): kept offline with every other
language, "My deadlines" written on the phone, the phone's own documents wizard and a document
printed from it, with longer words, in a language no script names, and no page scrolling
sideways at 320 px."""
from __future__ import annotations

import pytest

from webapp import create_app

from ..conftest import TODAY
from ..pseudo_locale import CODE, FILLER, pseudo, pseudo_app_config
from .conftest import choose_country, serving
from .test_documents_journey import date
from .test_documents_offline import continue_, fill_offline, step
from .test_offline import wait_until_ready_offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pseudo_server(tmp_path_factory):
    app = create_app({"TODAY": TODAY, **pseudo_app_config(tmp_path_factory.mktemp("catalogs"))})
    with serving(app) as base:
        yield base, app


def plain(text: str) -> str:
    """A pseudo message as the page shows its start (the filler words at its end aside)."""
    return pseudo(text).split(" " + FILLER)[0]


def test_the_pseudo_locale_works_offline_on_the_phone(browser, browser_context_args, pseudo_server):
    base, app = pseudo_server
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{base}/{CODE}/")
    wait_until_ready_offline(page)
    context.set_offline(True)

    for path in ("", "deadlines/", "documents/", "documents/offline"):
        response = page.goto(f"{base}/{CODE}/{path}")
        assert response.ok and page.get_attribute("html", "lang") == CODE, path
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        page.set_viewport_size({"width": 360, "height": 760})

    # "My deadlines", written on the phone from the answers in its address.
    page.goto(f"{base}/{CODE}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
              "&entry_date-year=2026&accommodation=private")
    page.wait_for_selector("#offline-plan h1")
    shown = page.inner_text("main")
    assert plain("Your deadlines") in shown and "29 November 2026" in shown

    # The phone's own documents wizard, its checks' messages in the pseudo-locale.
    page.goto(f"{base}/{CODE}/documents/offline#person")
    page.wait_for_selector(f"{step(page, 'person')}:not([hidden])")
    continue_(page, "person")
    page.wait_for_selector(f"{step(page, 'person')} .error-summary")
    assert plain("Enter your surname as it is written in Latin letters in your passport") in page.inner_text(
        f"{step(page, 'person')} .error-summary")
    page.goto(f"{base}/{CODE}/documents/offline#passport")
    fill_offline(page, with_child=False)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 360, "height": 760})

    # The card, printed on the phone in the pseudo-locale beside Russian and Kazakh.
    page.click(f"a[href='/documents/print#{CODE}/card']")
    card = ".document[data-document=card]:not([hidden])"
    page.wait_for_selector(card)
    text = page.inner_text(card)
    assert "IVANOV" in text and FILLER in text
    context.close()


def test_a_date_typed_in_the_pseudo_locale_is_read_as_the_server_reads_it(browser, browser_context_args, pseudo_server):
    base, _ = pseudo_server
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{base}/{CODE}/documents/offline#person")
    page.wait_for_selector(f"{step(page, 'person')}:not([hidden])")
    page.fill("#person-surname_latin", "IVANOV")
    page.fill("#person-given_names_latin", "IVAN")
    date(page, "person-date_of_birth", 31, 2, 1990)
    page.click("label[for=person-sex-1]")
    choose_country(page, "person-citizenship", "RU", "Russia", javascript=True)
    continue_(page, "person")
    page.wait_for_selector(f"{step(page, 'person')} .error-summary")
    assert plain("Enter a real date, for example 27 9 2026") in page.inner_text(f"{step(page, 'person')} .error-summary")
    context.close()

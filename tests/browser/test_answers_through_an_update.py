"""A new version while the documents journey is in progress (issue 19, item 4): "Reload to update"
on a posted step posts it again, and the answers typed since are still there, on the page and on
the device."""
from __future__ import annotations

import pytest

from deploy.stack import Stack

from .conftest import STORE, wait_value
from .test_answers_never_lost import passport_then_person
from .test_offline import wait_until_ready_offline

pytestmark = [pytest.mark.browser, pytest.mark.load]


def test_a_new_version_mid_journey_keeps_every_answer(browser, browser_context_args, tmp_path):
    with Stack(tmp_path, env={"TIRKEU_RELEASE": "1.0"}) as stack:
        context = browser.new_context(**browser_context_args)
        page = context.new_page()
        page.goto(f"{stack.url}/en/")
        wait_until_ready_offline(page)
        passport_then_person(page, stack.url)
        page.fill("#person-surname_latin", "IVANOVA")
        page.fill("#person-given_names_latin", "ANNA")
        page.wait_for_timeout(400)
        for index in (0, 1):
            stack.stop_app(index)
            stack.start_app(index, {"TIRKEU_RELEASE": "2.0"})
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_selector("#update-banner:not([hidden])", timeout=60_000)
        with page.expect_navigation():
            page.click("#update-banner button")  # reloads: the passport step is posted again
        assert "Version 2.0" in page.inner_text("footer")
        wait_value(page, "#person-surname_latin", "IVANOVA")
        assert page.input_value("#person-given_names_latin") == "ANNA"
        documents = page.evaluate(STORE + ".then(s => s.get('documents'))")
        assert documents["person-surname_latin"] == "IVANOVA" and documents["passport-number"] == "75 1234567"
        context.close()

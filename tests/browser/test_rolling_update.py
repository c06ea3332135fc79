"""A rolling restart of the production stack (nginx, two instances): a client that has the app
open keeps working while the instances change one by one, and is then offered the new version."""
from __future__ import annotations

import pytest

from deploy.stack import Stack

from .conftest import STORE
from .test_offline import wait_until_ready_offline

pytestmark = [pytest.mark.browser, pytest.mark.load]


def test_a_rolling_restart_keeps_an_open_client_working_and_offers_the_update(browser, browser_context_args, tmp_path):
    with Stack(tmp_path, env={"TIRKEU_RELEASE": "1.0"}) as stack:
        context = browser.new_context(**browser_context_args)
        page = context.new_page()
        page.goto(f"{stack.url}/en/")
        wait_until_ready_offline(page)
        page.evaluate(STORE + ".then(s => s.set('deadlines', {citizenship: 'KG'}))")
        for index in (0, 1):  # one instance at a time, the other one serving
            stack.stop_app(index)
            response = page.goto(f"{stack.url}/en/deadlines/")
            assert response.ok, (response.status, (stack.run / "nginx-error.log").read_text()[-600:])
            stack.start_app(index, {"TIRKEU_RELEASE": "2.0"})
            assert page.goto(f"{stack.url}/kk/").ok
        page.goto(f"{stack.url}/en/")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_selector("#update-banner:not([hidden])", timeout=60_000)
        with page.expect_navigation():
            page.click("#update-banner button")
        assert "Version 2.0" in page.inner_text("footer")
        assert page.evaluate(STORE + ".then(s => s.get('deadlines'))")["citizenship"] == "KG"
        wait_until_ready_offline(page)
        context.close()

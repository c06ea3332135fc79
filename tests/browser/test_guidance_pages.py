"""The border checklist and "What if…" on the phone: kept once Tirkeu is ready offline, the ticks
kept on the device across reloads and offline, and both pages accessible."""
from __future__ import annotations

import pytest

from .conftest import axe_violations
from .test_offline import wait_until_ready_offline
from .test_proof_wallet import wait_for_kept

pytestmark = pytest.mark.browser


def test_the_checklist_ticks_stay_on_the_phone_offline(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/kk/")
    wait_until_ready_offline(page)
    for path in ("/kk/checklist", "/ru/what-if"):
        wait_for_kept(page, path)
    context.set_offline(True)
    page.goto(f"{live_server}/kk/checklist")
    page.click("label[for=check-passport]")
    page.click("label[for=check-address]")
    page.wait_for_timeout(400)  # saving is debounced
    page.reload()
    page.wait_for_function("() => document.getElementById('check-address').checked", polling=200)
    assert page.is_checked("#check-passport") and not page.is_checked("#check-children")
    page.click("label[for=check-passport]")  # untick
    page.wait_for_timeout(400)
    page.goto(f"{live_server}/ru/checklist")  # another language: the same ticks
    page.wait_for_function("() => document.getElementById('check-address').checked", polling=200)
    assert not page.is_checked("#check-passport")

    page.goto(f"{live_server}/ru/what-if#overstay")  # kept with its answers: the link opens one offline too
    assert page.is_visible("#overstay") and page.get_attribute("#overstay", "open") is not None
    assert "10 МРП" in page.inner_text("#overstay")
    context.close()


@pytest.mark.parametrize("path", ["/kk/checklist", "/ru/what-if", "/en/what-if"])
def test_the_guidance_pages_pass_axe(axe_page, live_server, path):
    axe_page.goto(f"{live_server}{path}")
    if "checklist" in path:
        axe_page.click("label[for=check-children]")
    assert axe_violations(axe_page) == []

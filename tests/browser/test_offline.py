"""Offline: one visit with the network, "Ready offline ✓", then every cached page in every
language with the network gone; and Chromium finds the app installable."""
from __future__ import annotations

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

HEADINGS = {
    "ru": ("Законное пребывание в Казахстане", "Ваша поездка в Казахстан"),
    "en": ("Stay legal in Kazakhstan", "Your trip to Kazakhstan"),
}


def wait_until_ready_offline(page):
    page.wait_for_selector("#offline-status.offline-ready", timeout=60_000)


def test_every_page_works_offline_after_one_visit(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/ru/")
    wait_until_ready_offline(page)
    assert "✓" in page.inner_text("#offline-status")

    context.set_offline(True)
    for lang in ("ru", "kk", "en"):
        for path in ("", "deadlines/", "documents/"):
            response = page.goto(f"{live_server}/{lang}/{path}")
            assert response.ok, f"/{lang}/{path}"
            assert page.get_attribute("html", "lang") == lang
    page.goto(f"{live_server}/en/")
    assert page.inner_text("h1") == HEADINGS["en"][0]
    # The language switcher works offline.
    page.goto(f"{live_server}/en/deadlines/")
    page.click("nav.languages a[hreflang=ru]")
    assert page.inner_text("h1") == HEADINGS["ru"][1]
    # A page that carries answers is never cached: offline it falls back to the start page.
    page.goto(f"{live_server}/ru/deadlines/plan?citizenship=RU")
    assert page.inner_text("h1") == HEADINGS["ru"][0]
    context.close()


def test_chromium_finds_the_app_installable(browser_type, live_server, tmp_path):
    # Installability needs a normal (not incognito) profile.
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    page = context.new_page()
    page.goto(f"{live_server}/kk/")
    wait_until_ready_offline(page)
    session = context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = session.send("Page.getAppManifest")
    assert manifest["url"].endswith("/kk/manifest.webmanifest") and not manifest["errors"]
    context.close()

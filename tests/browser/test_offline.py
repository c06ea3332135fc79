"""Offline: one visit with the network, "Ready offline ✓", then every cached page in every
language with the network gone; and Chromium finds the app installable."""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, STORE, choose_country, serving, wait_value

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
    # A result page is never cached: offline the phone writes it from the URL (here: incomplete).
    page.goto(f"{live_server}/ru/deadlines/plan?citizenship=RU")
    page.wait_for_selector("main .error-summary")
    assert page.inner_text("h1") == "Ваши сроки"
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


def test_a_new_version_is_offered_and_replaces_the_old_one(browser, browser_context_args):
    """An open page is offered the update; after "Reload to update" it runs the new version and
    only the new version's cache is left."""
    from webapp import create_app

    from ..conftest import TODAY

    class Deployment:  # a rolling deploy in miniature: the same address, a new app behind it
        def __init__(self, app):
            self.app = app

        def __call__(self, environ, start_response):
            return self.app(environ, start_response)

    deployment = Deployment(create_app({"TODAY": TODAY, "RELEASE": "1.0"}))
    with serving(deployment) as base:
        context = browser.new_context(**browser_context_args)
        page = context.new_page()
        page.goto(f"{base}/en/")
        wait_until_ready_offline(page)
        assert "Version 1.0" in page.inner_text("footer")

        page.evaluate(STORE + ".then(s => s.set('deadlines', {citizenship: 'BY'}))")
        deployment.app = create_app({"TODAY": TODAY, "RELEASE": "2.0"})
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_selector("#update-banner:not([hidden])", timeout=60_000)
        assert "Version 1.0" in page.inner_text("footer")  # nothing changes until the person asks
        with page.expect_navigation():
            page.click("#update-banner button")
        assert "Version 2.0" in page.inner_text("footer")
        assert page.evaluate(STORE + ".then(s => s.get('deadlines'))") == {"citizenship": "BY"}  # answers kept
        wait_until_ready_offline(page)
        caches = page.evaluate("caches.keys()")
        assert len([name for name in caches if name.startswith("tirkeu-")]) == 1
        context.set_offline(True)
        page.goto(f"{base}/kk/deadlines/")
        assert "Нұсқасы: 2.0" in page.inner_text("footer")
        context.close()


RESULT_QUERIES = [
    # Russian citizen, 2026 rules, an earlier stay, a checkpoint
    "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&accommodation=private&checkpoint=kairak"
    "&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026"
    "&previous_stays-0-exit-day=30&previous_stays-0-exit-month=5&previous_stays-0-exit-year=2026&today=2026-09-05",
    # 30-day visitor under the 2023 rules, working days across Nauryz, a hotel
    "citizenship=DE&entry_date-day=18&entry_date-month=3&entry_date-year=2026&accommodation=hotel&today=2026-03-20",
    # the 90 days already used on entry
    "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&previous_stays-0-entry-day=1"
    "&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026&previous_stays-0-exit-day=29"
    "&previous_stays-0-exit-month=8&previous_stays-0-exit-year=2026&today=2026-09-05",
    # a visa-required nationality
    "citizenship=IN&entry_date-day=1&entry_date-month=9&entry_date-year=2026&today=2026-09-05",
    # 2020 rules, overstayed
    "citizenship=AM&entry_date-day=4&entry_date-month=3&entry_date-year=2022&today=2022-07-01",
    # digits from another keyboard (full-width one), spaces around
    "citizenship=BY&entry_date-day=%EF%BC%91&entry_date-month=+9+&entry_date-year=2026&today=2026-09-05",
    # the day of leaving given: coming back counts from it; an earlier stay in the next window
    "citizenship=KG&entry_date-day=1&entry_date-month=5&entry_date-year=2026&exit_date-day=20&exit_date-month=5"
    "&exit_date-year=2026&previous_stays-0-entry-day=10&previous_stays-0-entry-month=1&previous_stays-0-entry-year=2026"
    "&previous_stays-0-exit-day=28&previous_stays-0-exit-month=2&previous_stays-0-exit-year=2026&today=2026-05-01",
    # the 90 days used up on the day of entry, at the border: the first day an entry is allowed
    "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&previous_stays-0-entry-day=1"
    "&previous_stays-0-entry-month=6&previous_stays-0-entry-year=2026&previous_stays-0-exit-day=29"
    "&previous_stays-0-exit-month=8&previous_stays-0-exit-year=2026&today=2026-09-01",
    # leaving after the last day allowed: a warning, no return date
    "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&exit_date-day=3&exit_date-month=12"
    "&exit_date-year=2026&today=2026-09-05",
    # a bilateral-agreement country at a bilateral checkpoint, 2026: the notes' numbers from the rule data
    "citizenship=TR&entry_date-day=1&entry_date-month=9&entry_date-year=2026&checkpoint=zhanybek&today=2026-09-05",
    # a stay that has ended (left 15 Oct, asked 2 Dec): told in the past, no move or permit step
    "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&exit_date-day=15&exit_date-month=10"
    "&exit_date-year=2026&today=2026-12-02",
    # the last day allowed (11 Dec) before the registration deadline (20 Dec): said first
    "citizenship=RU&entry_date-day=20&entry_date-month=11&entry_date-year=2026&previous_stays-0-entry-day=10"
    "&previous_stays-0-entry-month=7&previous_stays-0-entry-year=2026&previous_stays-0-exit-day=15"
    "&previous_stays-0-exit-month=9&previous_stays-0-exit-year=2026&today=2026-12-02",
    # where they stay: a dormitory under the 2023 rules, no place yet under the 2026 rules (accommodation.json)
    "citizenship=KG&entry_date-day=9&entry_date-month=9&entry_date-year=2024&accommodation=dormitory&today=2024-09-09",
    "citizenship=BY&entry_date-day=1&entry_date-month=9&entry_date-year=2026&accommodation=none&today=2026-09-01",
]


def _result_text(page, remove: str) -> str:
    page.wait_for_selector("main .summary-line")
    page.evaluate("""(remove) => {
        document.querySelectorAll('main details').forEach(d => d.open = true);
        document.querySelectorAll(remove).forEach(e => e.remove());
    }""", remove)
    return " ".join(page.inner_text("main").split())


def test_results_offline_are_laid_out_as_online(browser, browser_context_args, live_server):
    """With no network the phone writes the result page itself, laid out as the server's. Its
    sentences, in every language and for 10 000 cases, are checked by tests/js/golden.test.mjs:
    here a few answers that take each branch of the layout (a full plan with an earlier stay and
    a checkpoint, a visa-required country, digits typed on another keyboard, a return date)."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/")
    wait_until_ready_offline(page)
    cases = [("ru", RESULT_QUERIES[0]), ("kk", RESULT_QUERIES[3]), ("en", RESULT_QUERIES[5]), ("kk", RESULT_QUERIES[7]),
             ("en", RESULT_QUERIES[-4]), ("ru", RESULT_QUERIES[-3]),  # an ended stay, a last day before the deadline
             ("ru", RESULT_QUERIES[-2]), ("en", RESULT_QUERIES[-1])]  # and two places to stay read from the address
    online = {}
    for lang, query in cases:
        page.goto(f"{live_server}/{lang}/deadlines/plan?{query}")
        online[lang, query] = _result_text(page, ".no-such-part")
    context.set_offline(True)
    for (lang, query), expected in online.items():
        page.goto(f"{live_server}/{lang}/deadlines/plan?{query}")
        page.wait_for_selector("main .offline-note")  # written on the phone, once the rules are read
        assert _result_text(page, ".offline-note") == expected, f"{lang}: {query[:40]}"
    assert "You left on 15 October 2026" in online["en", RESULT_QUERIES[-4]]
    assert "If you move" not in online["en", RESULT_QUERIES[-4]]
    assert "Add to my calendar" not in online["en", RESULT_QUERIES[-4]]  # nothing ahead, here as offline
    assert "Last day you could stay: 29 November 2026" in online["en", RESULT_QUERIES[-4]]
    assert "раньше срока регистрации, 19 декабря 2026" in online["ru", RESULT_QUERIES[-3]]  # the safe date
    context.close()


def test_a_country_typed_by_name_is_not_guessed_offline(browser, browser_context_args, live_server):
    """Without JavaScript the country is typed and the address carries the name; the server finds
    it, the phone offline knows only codes: it asks for the answers again rather than reading an
    unknown code as a visa-required country."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/")
    wait_until_ready_offline(page)
    query = "citizenship=Russia&entry_date-day=1&entry_date-month=9&entry_date-year=2026&today=2026-09-05"
    page.goto(f"{live_server}/en/deadlines/plan?{query}")
    assert "Russia ·" in page.inner_text("main .summary-line")  # online: found by the server
    context.set_offline(True)
    page.goto(f"{live_server}/en/deadlines/plan?{query}")
    page.wait_for_selector("main .error-summary")
    assert "Some answers are missing or not valid" in page.inner_text("main .error-summary")
    assert not page.query_selector("main .summary-line")
    context.close()


def test_the_calendar_file_made_offline_is_the_servers(browser, browser_context_args, live_server, client):
    """Offline the phone writes the .ics itself, byte for byte the server's but for the moment
    it was made (tests/js/golden.test.mjs compares the text for every case and language; this
    is the download itself)."""
    context = browser.new_context(**browser_context_args, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server}/ru/")
    wait_until_ready_offline(page)
    context.set_offline(True)
    query = RESULT_QUERIES[4]  # an overstay and a missed registration: one "act now" event today for both
    page.goto(f"{live_server}/ru/deadlines/plan?{query}")
    page.wait_for_selector("main .offline-note")
    with page.expect_download() as download:
        page.click("main .calendar-download button")
    on_phone = Path(download.value.path()).read_bytes()
    from_server = client.get(f"/ru/deadlines/plan.ics?{query}").data
    stamp = re.compile(rb"^DTSTAMP:\d{8}T\d{6}Z\r$", re.M)
    assert stamp.sub(b"DTSTAMP:-", on_phone) == stamp.sub(b"DTSTAMP:-", from_server)
    # No event on a date already past, none after the last day allowed: the one "act now" event today.
    assert on_phone.count(b"BEGIN:VEVENT") == 1
    assert download.value.suggested_filename.endswith(".ics")
    context.close()


def test_offline_journey_from_the_questions(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/kk/deadlines/")
    wait_until_ready_offline(page)
    context.set_offline(True)
    page.goto(f"{live_server}/kk/deadlines/")
    page.fill("#citizenship", "Ресей")
    page.fill("#entry_date-day", "1")
    page.fill("#entry_date-month", "9")
    page.fill("#entry_date-year", "2026")
    page.click("label[for=accommodation-0]")
    # Earlier stays are added and removed on the phone: two added, the first removed.
    page.click("button[data-add-row]")
    page.click("button[data-add-row]")
    assert page.evaluate("document.activeElement.id") == "s-1-entry-day"
    page.click("#s-0 button[data-remove-row]")
    assert page.inner_text("#s-1 .stay-title") == "Бұрынғы сапар № 1"
    for field, (day, month, year) in (("entry", (1, 4, 2026)), ("exit", (30, 6, 2026))):
        page.fill(f"#s-1-{field}-day", str(day))
        page.fill(f"#s-1-{field}-month", str(month))
        page.fill(f"#s-1-{field}-year", str(year))
    page.click("form > button.button:not([name])")
    page.wait_for_selector("main .steps")
    text = " ".join(page.inner_text("main").split()).replace("\u202f", " ")
    assert "2026 ж. 30 қыркүйек" in text  # the safe date, in the warning and the step
    # 91 days from 1 April to 30 June: the 90 days in 180 are used up on entry.
    assert "90 күндік шек толық пайдаланылған" in text
    # Missing answers offline: a clear message and a way back, never a blank page.
    page.goto(f"{live_server}/kk/deadlines/plan?citizenship=RU")
    page.wait_for_selector("main .error-summary")
    page.click("main .error-summary a")
    assert page.get_attribute("html", "lang") == "kk"
    context.close()


def test_links_offline_keep_the_answers(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/deadlines/")
    wait_until_ready_offline(page)
    context.set_offline(True)
    query = "citizenship=BY&entry_date-day=3&entry_date-month=9&entry_date-year=2026&accommodation=hotel&today=2026-09-05"
    page.goto(f"{live_server}/en/deadlines/plan?{query}")
    page.wait_for_selector("main .steps")
    page.click("nav.languages a[hreflang=kk]")  # the same result in Kazakh
    page.wait_for_selector("main .steps")
    assert "2026 ж. 2 қазан" in " ".join(page.inner_text("main").split()).replace("\u202f", " ")  # the safe date
    page.click("main a.back-link")  # "Change your answers": the questions, filled in from the URL
    page.wait_for_selector("#entry_date-day")
    wait_value(page, "#entry_date-day", "3")
    assert page.input_value("[name=citizenship]") == "BY" and page.input_value("#citizenship") == "Беларусь"
    assert page.is_checked("#accommodation-1")
    page.goto(f"{live_server}/en/deadlines/plan?{query}&add_stay=1")  # an old "add a stay" address
    page.wait_for_selector("#entry_date-day")
    wait_value(page, "#entry_date-day", "3")  # the questions, with the answers, to add it there
    context.close()


def test_an_install_that_gets_another_version_is_refused(browser, browser_context_args, monkeypatch):
    """A precache entry whose content does not match its revision (another instance answering
    during a rolling deploy) fails the install instead of caching a mix of versions."""
    import webapp.pwa
    from webapp import create_app

    from ..conftest import TODAY

    real = webapp.pwa.precache

    def tampered():
        entries, version = real()
        return tuple({**e, "revision": "0" * 16} if "app.css" in e["url"] else e for e in entries), version

    monkeypatch.setattr(webapp.pwa, "precache", tampered)
    with serving(create_app({"TODAY": TODAY})) as base:
        context = browser.new_context(**browser_context_args)
        page = context.new_page()
        page.goto(f"{base}/en/")
        page.wait_for_selector("#offline-status:has-text('Could not save')", timeout=30_000)
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))") is False
        assert page.inner_text("#offline-status [data-save]") == "Try again"  # offered now, not while saving
        context.close()


def test_the_rules_page_read_once_can_be_read_again_offline(browser, browser_context_args, live_server):
    """Pages to read are not in the precache (its budget): each is kept on the phone when opened."""
    from .conftest import axe_violations

    context = browser.new_context(**browser_context_args, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server}/kk/")
    wait_until_ready_offline(page)
    page.click("footer a[href='/kk/rules']")
    assert page.inner_text("h1") == "Қағидалар мен дереккөздер"
    assert axe_violations(page) == []
    context.set_offline(True)
    page.goto(f"{live_server}/kk/rules")
    assert page.inner_text("h1") == "Қағидалар мен дереккөздер"
    page.goto(f"{live_server}/en/rules")  # never opened: the start page in its language instead
    assert page.inner_text("h1") == HEADINGS["en"][0]
    context.close()


def test_trips_recorded_on_the_phone_give_the_return_date_offline(browser, browser_context_args, live_server):
    """The trip history: earlier trips and the day of leaving, typed once, kept on the phone; with
    no network the questions come back filled and the result says when the person may return.
    Dates from today (the page's own today): a day of leaving already past would count the
    return from today instead."""
    today = date.today()
    day = {n: today + timedelta(days=n) for n in (-100, -51, 10, 29, 30, 49)}
    words = {n: f"{d.day} {d:%B} {d.year}" for n, d in day.items()}
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/")
    wait_until_ready_offline(page)
    page.goto(f"{live_server}/en/deadlines/")
    choose_country(page, "citizenship", "KG", "Kyrgyzstan", javascript=True)
    for field, when in {"entry_date": day[10], "exit_date": day[29]}.items():
        page.fill(f"#{field}-day", str(when.day))
        page.fill(f"#{field}-month", str(when.month))
        page.fill(f"#{field}-year", str(when.year))
    page.click("button[name=add_stay]")
    for part, when in {"entry": day[-100], "exit": day[-51]}.items():
        page.fill(f"#s-0-{part}-day", str(when.day))
        page.fill(f"#s-0-{part}-month", str(when.month))
        page.fill(f"#s-0-{part}-year", str(when.year))
    page.wait_for_timeout(400)  # saving is debounced
    context.set_offline(True)
    page.goto(f"{live_server}/en/deadlines/")  # a fresh page: the trips come back from the phone
    wait_value(page, "#s-0-exit-day", str(day[-51].day))
    assert page.input_value("#exit_date-day") == str(day[29].day) and page.input_value("[name=citizenship]") == "KG"
    page.click("form > button.button:not([name])")
    page.wait_for_selector("main .offline-note")
    page.click("main .step:has(h2:has-text('Coming back')) details > summary")  # folded while the stay goes on
    text = " ".join(page.inner_text("main").split())
    # 50 days before and 20 in this stay: back the day after with 20 days (the earlier trip stays in
    # the 180 days until today + 80).
    assert (f"Leaving on {words[29]}, the first day you may come back is {words[30]}. "
            f"You could then stay 20 days, until {words[49]}.") in text
    context.close()


def test_the_answers_panel_is_there_offline_in_every_language(browser, browser_context_args, live_server):
    """Pages do not carry the "answers on this device" panel; the phone keeps it for each
    language once it is ready offline, so "Delete all my data" works at the border too."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/ru/")
    wait_until_ready_offline(page)
    page.wait_for_selector("[data-forget]", state="attached")
    page.wait_for_timeout(1000)  # the panels of the other languages follow "ready"
    context.set_offline(True)
    for lang in ("kk", "en"):
        page.goto(f"{live_server}/{lang}/deadlines/")
        page.wait_for_selector("#device-answers [data-forget]", state="attached")
        assert page.get_attribute("html", "lang") == lang
    assert page.inner_text("#device-answers summary") == "Your answers on this device"
    context.close()

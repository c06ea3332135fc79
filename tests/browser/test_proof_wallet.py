"""The proof wallet: a document kept on the phone only, checked as it is added, still there after a
reload and offline, opened as it was added; "My deadlines" marks the registration done with it."""
from __future__ import annotations

import pytest

from .conftest import STORE, axe_violations, open_device_answers
from .test_offline import wait_until_ready_offline

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PLAN = ("citizenship=RU&entry_date-day=20&entry_date-month=6&entry_date-year=2026&accommodation=private"
        "&today=2026-06-22")


def wait_for_kept(page, path: str):
    """The wallet is kept by the service worker just after "Ready offline"."""
    page.wait_for_function("p => caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                           ".then(lists => lists.flat().some(r => new URL(r.url).pathname === p))", arg=path,
                           polling=200, timeout=30_000)


def add(page, kind: int, day: str, month: str, year: str, name: str = "notification.pdf", body: bytes = PDF):
    page.click(f"label[for=proof-kind-{kind}]")
    page.fill("#proof-date-day", day)
    page.fill("#proof-date-month", month)
    page.fill("#proof-date-year", year)
    page.set_input_files("#proof-file", files=[{"name": name, "mimeType": "application/pdf", "buffer": body}])
    page.click("#proof-form button[type=submit]")


def registration_tag(page) -> str:
    return page.inner_text("[data-registration-entry] [data-registration-tag]")


def test_proof_is_kept_offline_and_marks_the_registration_done(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/")
    wait_until_ready_offline(page)
    wait_for_kept(page, "/en/proof")
    wait_for_kept(page, "/static/js/proof-wallet.js")
    context.set_offline(True)
    page.goto(f"{live_server}/en/proof")
    page.wait_for_selector("#proof-form:not([hidden])")

    # Nothing chosen: every problem next to its field, and in the summary.
    page.click("#proof-form button[type=submit]")
    summary = page.inner_text(".error-summary")
    for message in ("Choose which document it is", "Enter the date on the document",
                    "Choose the PDF or the photo of the document"):
        assert message in summary
    assert "Enter the date on the document" in page.inner_text("#proof-date-group .error-message")
    assert page.get_attribute("#proof-date-group fieldset", "aria-describedby") == "proof-date-hint proof-date-error"
    # A date after today (the server's today here: 5 September 2026) is refused, what was typed stays.
    add(page, 0, "10", "9", "2026")
    assert "cannot be after today" in page.inner_text("#proof-date-group .error-message")
    assert page.input_value("#proof-date-day") == "10"
    page.fill("#proof-date-day", "22")
    page.fill("#proof-date-month", "6")
    page.click("#proof-form button[type=submit]")
    page.wait_for_selector("[data-proof-status]:has-text('Kept on this phone')")
    assert not page.is_visible(".error-summary")
    listed = page.inner_text("[data-proof-list]")
    assert "Notification of arrival (the PDF with a QR code your host received), dated 22.06.2026" in listed

    page.reload()  # offline still: the document is still there, and opens as it was added
    page.wait_for_selector(".proof-item")
    items = page.inner_text("[data-proof-list]")
    assert "dated 22.06.2026" in items and "notification.pdf, added on 05.09.2026" in items
    assert page.get_attribute(".proof-item a", "href").startswith("blob:")  # the phone's own copy
    kept = page.evaluate(STORE + ".then(s => s.proofs.list()).then(f => f[0].blob.text())")
    assert kept == PDF.decode()

    # The deadline, written on the phone, turns done; the PDFs list of the documents stays apart.
    page.goto(f"{live_server}/en/deadlines/plan?{PLAN}")
    page.wait_for_selector("[data-proof-line]:not([hidden])")
    assert registration_tag(page) == "Done"
    assert "Done: your proof dated 22.06.2026 is kept on this phone." in page.inner_text("[data-proof-line]")
    assert page.locator("[data-registration-tag]").count() == 1  # no other countdown to it left as it was

    # Removed: the deadline is open again.
    page.goto(f"{live_server}/en/proof")
    page.click(".proof-item button")
    page.wait_for_selector("[data-proof-status]:has-text('Removed from this phone')")
    assert "No document is kept yet." in page.inner_text("[data-proof-list]")
    assert page.evaluate("document.activeElement.hasAttribute('data-proof-undo')")
    page.click("[data-proof-undo]")  # it may have been the only copy
    page.wait_for_selector(".proof-item")
    page.click(".proof-item button")
    page.wait_for_selector("[data-proof-undo]:not([hidden])")
    page.goto(f"{live_server}/en/deadlines/plan?{PLAN}")
    page.wait_for_selector("[data-proof-line]:not([hidden])")
    assert registration_tag(page) != "Done"
    assert "When it is done, keep the PDF" in page.inner_text("[data-proof-line]")
    context.close()


def test_only_proof_of_this_entry_and_duty_counts_on_the_servers_page(browser, browser_context_args, live_server):
    """An entry of 20 June 2026: the host notifies, by 24 June. Proof of an earlier trip, another
    document or the 2026 certificate does not make it done; a notification after the deadline
    makes it done, late."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/ru/proof")
    add(page, 0, "2", "3", "2026", name="old.pdf")  # an earlier trip's notification
    add(page, 2, "21", "6", "2026", name="ticket.pdf")  # not a proof of registration
    add(page, 1, "21", "6", "2026", name="certificate.pdf")  # the 2026 rules' proof, not the host's notice
    page.wait_for_selector(".proof-item >> nth=2")
    page.goto(f"{live_server}/ru/deadlines/plan?{PLAN}")  # the server's page, marked by the phone
    page.wait_for_selector("[data-proof-line]:not([hidden])")
    assert registration_tag(page) not in ("Готово", "Сделано после срока")
    page.goto(f"{live_server}/ru/proof")
    add(page, 0, "26", "6", "2026", name="late.pdf")
    page.wait_for_selector(".proof-item >> nth=3")
    page.goto(f"{live_server}/ru/deadlines/plan?{PLAN}")
    page.wait_for_selector("[data-proof-line]:not([hidden])")
    assert registration_tag(page) == "Сделано после срока"
    assert "Сделано после срока: подтверждение от 26.06.2026" in page.inner_text("[data-proof-line]")
    # "Delete all my data on this device": the step is as it was drawn again, at once.
    open_device_answers(page)
    page.click("#device-answers [data-forget]")
    page.wait_for_function("() => !document.querySelector('[data-registration-tag]').textContent.startsWith('Сделано')",
                           polling=200)
    assert "Когда всё будет сделано" in page.inner_text("[data-proof-line]")
    assert not registration_tag(page).startswith("Сделано")
    context.close()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_wallet_passes_axe(axe_page, live_server, lang):
    page = axe_page
    page.goto(f"{live_server}/{lang}/proof")
    page.wait_for_selector("#proof-form:not([hidden])")
    page.click("#proof-form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []
    add(page, 0, "1", "9", "2026")
    page.wait_for_selector(".proof-item")
    assert axe_violations(page) == []

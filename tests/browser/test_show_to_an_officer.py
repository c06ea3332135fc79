"""The card shown to an officer on the phone (the print page's "Show to an officer"): offline, full
screen, large type, the officer's language first and the reader's beside it, the values as the
PDF's card has them in the officer's language, nothing wider than a 320 px screen with the longest
answers the forms accept, even at twice the text size; and no last day of stay the case does not allow."""
from __future__ import annotations

import json

import pytest

from webapp.documents.content import LABELS, text_of

from ..documents_data import api_answers, form_answers, longest_answers
from .conftest import PAGES_MODULE, axe_violations
from .test_documents_offline import python_values, ready_offline

VIEW = "[data-officer]"
# The card's rows: the label's key and the value's (card.html).
ROWS = [("name", "card_name"), ("date_of_birth", "date_of_birth"), ("citizenship", "card_citizenship"),
        ("passport", "card_passport"), ("entry_date", "card_entry"), ("address_short", "card_address"),
        ("card_host", "card_host"), ("deadline", "card_deadline")]


def on_the_phone(page, live_server, lang: str, answers: dict) -> None:
    """These answers kept on the phone as its own wizard keeps them once checked."""
    page.goto(f"{live_server}/{lang}/documents/offline")
    kept = json.dumps(answers)
    page.evaluate(PAGES_MODULE + ".then(m => m.store.then(s => Promise.all("
                  f"[s.set('documents', {kept}), s.set('documents-checked', m.fingerprint({kept}))])))")


def shown_rows(page) -> list[tuple[list[str], str]]:
    """Each row of the officer's card: the languages of its label, in order, and its value."""
    return page.evaluate(f"""[...document.querySelectorAll('{VIEW} tr')].map(tr => [
        [...tr.querySelectorAll('th .tri > span')].map(s => s.lang), tr.querySelector('td').textContent.trim()])""")


def overflow(page) -> int:
    return page.evaluate(f"""(() => {{ const v = document.querySelector('{VIEW}');
        return Math.max(v.scrollWidth - v.clientWidth, document.documentElement.scrollWidth - innerWidth); }})()""")


def test_the_card_is_shown_to_an_officer_offline_in_their_language(browser, browser_context_args, live_server):
    phone = {**browser_context_args, "viewport": {"width": 320, "height": 740}, "bypass_csp": True}
    context, page = ready_offline(browser, phone, live_server, "en")
    answers = form_answers(longest_answers())
    on_the_phone(page, live_server, "en", answers)
    context.set_offline(True)
    page.goto(f"{live_server}/documents/print#en/card")
    page.click("[data-officer-open]")
    page.wait_for_selector(f"{VIEW}:not([hidden])")
    # The card alone, over the whole screen: the toolbar and the printable card are not shown.
    assert not page.is_visible("#print-toolbar") and not page.is_visible("main")
    assert page.evaluate("document.fullscreenElement === document.documentElement")
    # An English reader: the officer's Kazakh first, the reader's English beside it.
    assert page.get_attribute(f"{VIEW} [data-officer-language=kk]", "aria-pressed") == "true"
    for lang, reader in (("kk", "en"), ("ru", "en")):
        if lang == "ru":
            page.click(f"{VIEW} [data-officer-language=ru]")
            assert page.get_attribute(f"{VIEW} [data-officer-language=ru]", "aria-pressed") == "true"
        values = python_values(lang, answers)  # the PDF's card for a reader of `lang`
        rows = shown_rows(page)
        assert len(rows) == len(ROWS) + 1  # and the last day of stay, the earlier stays being answered
        for (languages, value), (_, key) in zip(rows, ROWS, strict=False):
            assert languages == [lang, reader]
            assert value == text_of(values[key]), key
        assert rows[-1][1] == values["leave_by"] != ""
        assert page.inner_text(f"{VIEW} h1").startswith(page.evaluate(
            f"document.querySelector('{VIEW} h1 .tri > span[lang={lang}]').textContent"))
    # Large type, black on white; nothing wider than the screen, even with the text at 200 %.
    size = page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{VIEW} td')).fontSize)")
    assert size >= 24
    assert page.evaluate(f"getComputedStyle(document.querySelector('{VIEW} td')).color") == "rgb(0, 0, 0)"
    assert overflow(page) == 0
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert overflow(page) == 0
    page.evaluate("document.documentElement.style.fontSize = ''")
    assert axe_violations(page) == []
    # Closed with Escape: the page as it was, the focus back on the button that opened it.
    page.keyboard.press("Escape")
    assert page.is_hidden(VIEW) and page.is_visible("main")
    assert page.evaluate("document.activeElement.hasAttribute('data-officer-open')")
    context.close()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_last_day_is_shown_when_the_earlier_stays_were_not_answered(browser, browser_context_args, live_server, lang):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    answers = api_answers()
    del answers["previous_stays"]
    on_the_phone(page, live_server, lang, form_answers(answers))
    # From the documents page's "Show to an officer": the card opens as shown to an officer, and
    # nothing the print page asks for fails.
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto("about:blank")  # the documents page again, reading the answers now on the phone
    page.goto(f"{live_server}/{lang}/documents/offline#check")
    page.click("[data-step=check] a[data-officer-link]")
    page.wait_for_selector(f"{VIEW}:not([hidden])")
    assert page.url.endswith(f"/documents/print#{lang}/card/officer")
    page.wait_for_load_state("networkidle")
    assert failed == []
    rows = shown_rows(page)
    assert len(rows) == len(ROWS)
    # A reader of Kazakh or Russian: their language first, the other official one beside it.
    assert rows[0][0] == [lang, "kk" if lang == "ru" else "ru"]
    with_app_words = page.inner_text(f"{VIEW} .note")
    assert "29.11.2026" not in page.inner_text(VIEW)
    from webapp import create_app
    from webapp.documents.content import in_language

    with create_app({"TESTING": True}).test_request_context():
        assert in_language(LABELS["leave_by_unknown"], lang).split(":")[0] in with_app_words
    context.close()

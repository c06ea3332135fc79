"""Documents with no network: after one visit, the whole "Prepare my documents" journey runs on the
phone in each language (steps, checks with the server's messages, check your answers), every
document is filled from the answers on the device and printed, and a step posted from the
server's own wizard while offline carries on there. The printed values are those of the PDF."""
from __future__ import annotations

import html as html_text
import io
import re

import pytest
from pypdf import PdfReader

from webapp.documents.answers import AnswersForm
from webapp.documents.catalog import DOCUMENTS
from webapp.documents.content import document_values

from ..conftest import TODAY
from ..documents_data import KAZAKH_LETTERS
from .conftest import STORE, axe_violations, choose_country, open_device_answers, wait_value
from .test_documents_journey import date
from .test_offline import wait_until_ready_offline

pytestmark = pytest.mark.browser

STREET = f"{KAZAKH_LETTERS} көшесі"
TITLES = {
    "ru": ("О вас", "Проверьте ответы"),
    "kk": ("Сіз туралы", "Жауаптарыңызды тексеріңіз"),
    "en": ("About you", "Check your answers"),
}


def step(page, name: str) -> str:
    return f"section[data-step={name}]"


def continue_(page, name: str):
    page.click(f"{step(page, name)} button[data-continue]")


def fill_offline(page, with_child: bool = True, internal: bool = False, no_earlier_stays: bool = False, others=None):
    """Every step of the phone's own wizard, one mistake on the way. `internal`: crossed on the
    Russian internal passport (the name in Cyrillic, the Latin spelling offered); `no_earlier_stays`:
    the earlier stays answered No (else not answered); `others(page)` adds the adults travelling
    with the first (else none)."""
    page.wait_for_selector(f"{step(page, 'passport')}:not([hidden])")
    if internal:
        page.click("label[for=passport-document-1]")
        page.wait_for_selector("#passport-expires-day", state="hidden", timeout=10_000)  # not asked
        assert page.inner_text("label[for=passport-number]") == page.evaluate(
            "JSON.parse(document.getElementById('tirkeu-offline-checks').textContent)"
            ".document_labels.ru_internal_passport['passport-number']")
        page.fill("#passport-number", "45 12 34567")  # one digit short: the server's message, offline
        date(page, "passport-issued", 15, 6, 2020)
        continue_(page, "passport")
        page.wait_for_selector(f"{step(page, 'passport')} .error-summary")
        page.fill("#passport-number", "4512345678")
    else:
        page.fill("#passport-number", "75 1234567")
        date(page, "passport-issued", 15, 6, 2020)
        date(page, "passport-expires", 15, 6, 2030)
    continue_(page, "passport")
    page.wait_for_selector(f"{step(page, 'person')}:not([hidden])")
    if internal:
        page.fill("#person-surname_cyrillic", "ИВАНОВ")
        page.fill("#person-given_names_cyrillic", "ИВАН")
        assert page.input_value("#person-surname_latin") == "IVANOV"  # offered, as Russian foreign passports spell it
        assert page.input_value("#person-given_names_latin") == "IVAN"
        page.fill("#person-given_names_latin", "IWAN")  # typed: no longer replaced
        page.fill("#person-given_names_cyrillic", "ИВАНА")
        assert page.input_value("#person-given_names_latin") == "IWAN"
        page.fill("#person-given_names_cyrillic", "ИВАН")
    else:
        page.fill("#person-surname_latin", "IVANOV")
        page.fill("#person-given_names_latin", "Иван")  # not Latin: the server's message, offline
    date(page, "person-date_of_birth", 27, 3, 1990)
    page.click("label[for=person-sex-1]")
    choose_country(page, "person-citizenship", "RU", "Russia", javascript=True)
    if not internal:
        continue_(page, "person")
        page.wait_for_selector(f"{step(page, 'person')} .error-summary")
        assert page.get_attribute("#person-given_names_latin", "aria-describedby").endswith("person-given_names_latin-error")
        page.fill("#person-given_names_latin", "IVAN")
        page.fill("#person-surname_cyrillic", "ИВАНОВ")
        page.fill("#person-given_names_cyrillic", "ИВАН")
    continue_(page, "person")
    page.wait_for_selector(f"{step(page, 'entry')}:not([hidden])")
    date(page, "entry-date", 1, 9, 2026)
    page.select_option("#entry-checkpoint", "kairak")
    page.click("label[for=entry-purpose-0]")
    if no_earlier_stays:
        page.click("label[for=earlier_stays-1]")
    continue_(page, "entry")
    page.select_option("#stay-region", "west_kazakhstan")
    page.fill("#stay-city", "Уральск")
    page.fill("#stay-street", STREET)
    page.fill("#stay-house", "12")
    continue_(page, "stay")
    page.click("label[for=host-kind-0]")
    page.fill("#host-name", "Қуанышбаева Әйгерім")
    page.fill("#host-iin", "900101300123")  # a wrong check digit
    continue_(page, "host")
    page.wait_for_selector(f"{step(page, 'host')} .error-summary")
    page.fill("#host-iin", "")
    continue_(page, "host")
    page.wait_for_selector(f"{step(page, 'children')}:not([hidden])")
    if with_child:
        page.click(f"{step(page, 'children')} button[data-add-row]")
        page.fill("#children-0-surname", "Иванова")
        page.fill("#children-0-given_names", "Мария")
        date(page, "children-0-date_of_birth", 2, 2, 2015)
    continue_(page, "children")
    page.wait_for_selector(f"{step(page, 'others')}:not([hidden])")
    if others:
        others(page)
    continue_(page, "others")
    page.wait_for_selector(f"{step(page, 'check')}:not([hidden])")


def ready_offline(browser, browser_context_args, live_server, lang: str, **options):
    """A new phone that opened Tirkeu once in `lang`, until "Ready offline": (its context, its page)."""
    context = browser.new_context(**browser_context_args, **options)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    wait_until_ready_offline(page)
    return context, page


def text(page, selector: str) -> str:
    return " ".join(page.inner_text(selector).split())


def python_values(lang: str, answers: dict) -> dict:
    from flask_babel import force_locale
    from werkzeug.datastructures import MultiDict

    from webapp import create_app

    app = create_app({"TESTING": True, "TODAY": TODAY})
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        from datetime import date as day
        form = AnswersForm(MultiDict(answers), today=day.fromisoformat(TODAY))
        assert form.invalid_steps() == []
        return document_values(form, lang)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_documents_journey_runs_offline(browser, browser_context_args, live_server, lang):
    context, page = ready_offline(browser, browser_context_args, live_server, lang)
    context.set_offline(True)

    page.goto(f"{live_server}/{lang}/documents/passport")  # a server step, never cached: the phone's page
    page.wait_for_selector(f"{step(page, 'passport')}:not([hidden])")
    page.goto(f"{live_server}/{lang}/documents/")
    page.click(".button-start")  # with JavaScript, the phone's own wizard
    assert page.url.endswith(f"/{lang}/documents/offline#passport")
    fill_offline(page)
    assert page.title().startswith(TITLES[lang][1])
    summary = text(page, f"{step(page, 'check')} [data-summary]")
    for shown in ("IVANOV", "ИВАНОВ", "75 1234567", STREET, "Қуанышбаева Әйгерім", "Иванова Мария"):
        assert shown in summary

    # "Change" goes back to the step and returns to the summary.
    page.click(f"{step(page, 'check')} a[data-change='stay-house']")
    assert page.evaluate("document.activeElement.id") == "stay-house"
    page.fill("#stay-house", "12А")
    continue_(page, "stay")
    page.wait_for_selector(f"{step(page, 'check')}:not([hidden])")
    assert "12А" in text(page, f"{step(page, 'check')} [data-summary]")

    # Switching language keeps the step and the answers.
    other = "en" if lang != "en" else "kk"
    page.click(f"nav.languages a[hreflang={other}]")
    page.wait_for_selector(f"{step(page, 'check')}:not([hidden])")
    assert page.get_attribute("html", "lang") == other
    assert "IVANOV" in text(page, f"{step(page, 'check')} [data-summary]")
    page.click(f"nav.languages a[hreflang={lang}]")
    page.wait_for_selector(f"{step(page, 'check')}:not([hidden])")

    # The card, filled on the phone with the values the PDF has. (That the phone's values are the
    # server's for every document's answers is tests/js/documents-golden.test.mjs's job, over
    # 10 000 answer sets; here, that the print page hands the module this phone's answers.)
    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    page.click(f"a[href='/documents/print#{lang}/card']")
    shown = ".document[data-document=card]:not([hidden])"
    page.wait_for_selector(shown)
    assert page.evaluate("import('/static/js/print-documents.js').then(m => m.printed)") == python_values(lang, answers)
    assert "IVANOV" in text(page, shown)
    assert page.is_visible("button[data-print]")
    context.close()


def test_the_internal_passport_runs_offline_to_the_printed_documents(browser, browser_context_args, live_server, client):
    context, page = ready_offline(browser, browser_context_args, live_server, "ru")
    context.set_offline(True)
    page.goto(f"{live_server}/ru/documents/offline")
    fill_offline(page, internal=True)
    summary = text(page, f"{step(page, 'check')} [data-summary]")
    assert "4512345678" in summary and "ИВАНОВ" in summary and "IVANOV" in summary
    assert "Дата окончания срока действия" not in summary  # not asked, not shown
    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    assert answers["passport-document"] == "ru_internal_passport"
    for name in ("registration-sheet", "card"):
        page.goto(f"{live_server}/documents/print#ru/{name}")
        shown = f".document[data-document={name}]:not([hidden])"
        page.wait_for_selector(shown)
        printed = text(page, shown)
        assert "45 12 345678" in printed and "ИВАНОВ ИВАН" in printed and "IVANOV IWAN" in printed  # as typed
        assert "транслитерация, не из документа" in printed
        assert page.evaluate("import('/static/js/print-documents.js').then(m => m.printed)") == python_values("ru", answers)
    page.goto(f"{live_server}/documents/print#ru/iin-sheet")  # the steps for the document crossed with
    page.wait_for_selector(".document[data-document=iin-sheet]:not([hidden])")
    printed = text(page, ".document[data-document=iin-sheet]:not([hidden])")
    assert "по внутреннему паспорту гражданина России" in printed and "машиночитаемой зоне" not in printed
    context.set_offline(False)
    # The same answers as the server's PDF: the number and the Cyrillic name read back from its text.
    reader = PdfReader(io.BytesIO(client.post("/ru/documents/registration-sheet.pdf", data=answers).data))
    in_pdf = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "45 12 345678" in in_pdf and "ИВАНОВ ИВАН" in in_pdf and "Серия и номер" in in_pdf
    context.close()


def comparable(text: str) -> str:
    """Without what only one of them draws: the " / " between labels (CSS ::before, not text to
    the browser) and the PDF's list bullets and numbers. (The values themselves are compared
    exactly in test_the_documents_journey_runs_offline.)"""
    return re.sub(r"[/•]|\d+\.", "", text)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_print_view_has_the_pdf_text(browser, browser_context_args, live_server, client, lang):
    """Same answers, two ways: the PDF from the server and the page filled on the phone (the card
    in the reader's language first)."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/documents/offline")
    fill_offline(page)
    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    for document in DOCUMENTS:
        page.goto(f"{live_server}/documents/print#{lang}/{document.name}")
        shown = f".document[data-document={document.name}]:not([hidden])"
        page.wait_for_selector(shown)
        on_phone = re.sub(r"\s+", "", page.inner_text(shown))
        reader = PdfReader(io.BytesIO(client.post(f"/{lang}/documents/{document.name}.pdf", data=answers).data))
        # The page numbers ("1 / 2") only the PDF has, taken out before the spaces that set them apart.
        in_pdf = re.sub(r"\s+", "", re.sub(r"(?<!\S)\d+ / \d+(?!\S)", "", "\n".join(p.extract_text() for p in reader.pages)))
        assert comparable(on_phone) == comparable(in_pdf), document.name
    context.close()


def test_a_step_posted_offline_carries_on_on_the_phone(browser, browser_context_args, live_server):
    """The server's wizard, online at first; the network goes; "Continue" and a PDF button still work."""
    context, page = ready_offline(browser, browser_context_args, live_server, "en")
    page.goto(f"{live_server}/en/documents/person")
    page.fill("#person-surname_latin", "PETROV")
    page.fill("#person-given_names_latin", "PETR")
    date(page, "person-date_of_birth", 1, 2, 1985)
    page.click("label[for=person-sex-1]")
    page.wait_for_selector("#person-citizenship[role=combobox]")
    page.fill("#person-citizenship", "Russia")
    context.set_offline(True)
    page.click("form#wizard > button.button[value=continue]")
    page.wait_for_selector(f"{step(page, 'entry')}:not([hidden])")
    assert page.url.endswith("/en/documents/offline#entry")  # the answers are not in the address
    assert page.input_value("#person-surname_latin") == "PETROV"
    assert page.input_value("[name=person-citizenship]") == "RU"
    context.close()


def test_another_adults_step_posted_offline_carries_on_on_the_phone(browser, browser_context_args, live_server):
    """The server's wizard of a group: another adult's step posted when the network has gone goes
    on to that adult's next step on the phone, their answers and the first adult's kept."""
    from .test_documents_journey import fill_all_steps

    context, page = ready_offline(browser, browser_context_args, live_server, "en")
    page.goto(f"{live_server}/en/documents/")
    fill_all_steps(page, javascript=True)
    page.click("button.back-link")  # from the summary to the adults travelling with you
    page.click("button[value=add_adult]")
    page.wait_for_selector("#others-0-passport-number")
    assert "/en/documents/others" in page.url
    page.fill("#others-0-passport-number", "700000001")
    date(page, "others-0-passport-issued", 1, 2, 2021)
    date(page, "others-0-passport-expires", 1, 2, 2031)
    context.set_offline(True)
    page.click("form#wizard > button.button[value=continue]")
    page.wait_for_selector(f"{step(page, 'others-0-person')}:not([hidden])")
    assert page.url.endswith("/en/documents/offline#others-0-person")
    assert page.input_value("#others-0-passport-number") == "700000001"
    assert page.input_value("#person-surname_latin") == "IVANOV"
    context.close()


def kept(page) -> list[dict]:
    """The PDFs in the phone's storage: title, and the first bytes of each file."""
    return page.evaluate(STORE + """.then(s => s.files.list()).then(files => Promise.all(files.map(
        f => (f.blob ? f.blob.slice(0, 5).text() : Promise.resolve(null))
            .then(head => ({name: f.name, pending: !!f.pending, head})))))""")


def test_pdfs_stay_on_the_phone_and_one_asked_offline_is_made_when_back_online(browser, browser_context_args, live_server):
    context, page = ready_offline(browser, browser_context_args, live_server, "ru", accept_downloads=True)
    page.goto(f"{live_server}/ru/documents/offline")
    fill_offline(page, with_child=False)

    # With a connection the PDF downloads, and stays on the phone.
    with page.expect_download() as download:
        page.click(f"{step(page, 'check')} button[formaction='/ru/documents/card.pdf']")
    assert download.value.suggested_filename == "tirkeu-card.pdf"
    page.wait_for_selector("[data-kept-files]:not([hidden]) a[download]")
    assert kept(page) == [{"name": "card", "pending": False, "head": "%PDF-"}]

    # Offline it is still listed, on the documents start page too.
    context.set_offline(True)
    page.goto(f"{live_server}/ru/documents/")
    page.wait_for_selector("[data-kept-files]:not([hidden]) a[download='tirkeu-card.pdf']")

    # Asked for offline: the phone's print page opens now, and the request waits.
    page.goto(f"{live_server}/ru/documents/offline#check")
    page.click(f"{step(page, 'check')} button[formaction='/ru/documents/host-sheet.pdf']")
    page.wait_for_selector(".document[data-document=host-sheet]:not([hidden])")
    page.goto(f"{live_server}/ru/documents/")
    page.wait_for_selector("[data-kept-files] li:has-text('Лист для принимающей стороны')")
    assert {"name": "host-sheet", "pending": True, "head": None} in kept(page)

    # Back online, it is made by itself.
    context.set_offline(False)
    page.wait_for_selector("[data-kept-files] a[download='tirkeu-host-sheet.pdf']")
    assert "Лист для принимающей стороны" in page.inner_text("[data-kept-status]")
    assert sorted(kept(page), key=lambda f: f["name"]) == [
        {"name": "card", "pending": False, "head": "%PDF-"}, {"name": "host-sheet", "pending": False, "head": "%PDF-"}]

    # "Delete all my data" deletes the PDFs too.
    open_device_answers(page)
    page.click("[data-forget]")
    page.wait_for_selector("[data-kept-files]", state="hidden")
    assert kept(page) == []
    context.close()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_phone_pages_pass_axe_and_fit_320_px(axe_page, live_server, lang):
    page = axe_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/{lang}/documents/offline")
    page.wait_for_selector(f"{step(page, 'passport')}:not([hidden])")
    continue_(page, "passport")
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []

    def one_more_then_removed(page):
        """Another adult's step with its errors, the list of adults with them, then removed."""
        page.click(f"{step(page, 'others')} button[data-add-adult]")
        continue_(page, "others-0-passport")
        page.wait_for_selector(f"{step(page, 'others-0-passport')} .error-summary")
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.click(f"{step(page, 'others-0-passport')} a.back-link")
        page.wait_for_selector(f"{step(page, 'others')} [data-remove-adult]")
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.click(f"{step(page, 'others')} [data-remove-adult]")
        assert page.locator("[data-adults] [data-adult]").count() == 0

    fill_offline(page, others=one_more_then_removed)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for document in DOCUMENTS:
        page.goto(f"{live_server}/documents/print#{lang}/{document.name}")
        page.wait_for_selector(f".document[data-document={document.name}]:not([hidden])")
        assert axe_violations(page) == [], document.name
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, document.name


# (step, field id, changes to complete answers): each makes one check fail, on the phone and on the
# server. Every message of every check is compared with the server's by
# tests/js/documents-golden.test.mjs (core/checks.js, 10 000 answer sets); these are one of each
# way the page reads a field and draws its error: a text, a date's box, a radio, the country's and
# another list, a check across steps, a child's row, the IIN's checksum.
CHECKS = [
    ("person", "person-given_names_latin", {"person-given_names_latin": "Ivan!"}),
    ("person", "person-date_of_birth", {"person-date_of_birth-month": ""}),
    ("person", "person-sex", {"person-sex": ""}),
    ("person", "person-citizenship", {"person-citizenship": ""}),
    ("passport", "passport-issued", {"passport-issued-year": "1980"}),  # before the date of birth
    ("entry", "entry-checkpoint", {"entry-checkpoint": ""}),
    ("host", "host-iin", {"host-iin": "900101400004"}),
    ("children", "children-0-date_of_birth", {"children-0-date_of_birth-year": "2000"}),
]


def server_error(client, step_name: str, field_id: str, answers: dict) -> str:
    html = client.post(f"/en/documents/{step_name}", data={**answers, "nav": "continue"}).get_data(as_text=True)
    match = re.search(rf'<p class="error-message" id="{re.escape(field_id)}-error">(.*?)</p>', html, re.S)
    assert match, f"the server found no error for {field_id}"
    return " ".join(html_text.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split()).replace("Error: ", "", 1)


def test_the_phone_checks_answers_as_the_server_does(browser, browser_context_args, live_server, client):
    from ..documents_data import form_answers

    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/offline")
    page.wait_for_selector(f"{step(page, 'passport')}:not([hidden])")
    for step_name, field_id, changes in CHECKS:
        answers = {**form_answers(), **changes}
        expected = server_error(client, step_name, field_id, answers)
        page.evaluate("answers => " + STORE + ".then(s => s.set('documents', answers))", answers)
        page.goto(f"{live_server}/en/documents/offline#{step_name}")
        page.reload()
        page.wait_for_selector(f"{step(page, step_name)}:not([hidden])")
        continue_(page, step_name)
        page.wait_for_selector(f"#{field_id}-error")
        on_phone = " ".join(page.inner_text(f"#{field_id}-error").split()).replace("Error: ", "", 1)
        assert on_phone == expected, (field_id, changes)
        assert page.inner_text(f"{step(page, step_name)} .error-summary a") == expected  # the first, here the only one
    context.close()


def test_saved_answers_are_never_lost(browser, browser_context_args, live_server):
    """A row added and left empty, then the page opened again; an address with an unrelated query."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/offline#children")
    page.wait_for_selector(f"{step(page, 'children')}:not([hidden])")
    page.click("[data-rows=children] button[data-add-row]")
    page.reload()
    page.wait_for_selector("#children-0")  # the row added is still there, empty
    page.click("[data-rows=children] button[data-add-row]")  # a second one, next to it
    assert page.is_visible("#children-1-surname")
    page.fill("#children-0-surname", "Иванова")
    page.fill("#children-0-given_names", "Мария")
    date(page, "children-0-date_of_birth", 2, 2, 2015)
    page.click("#children-1 button[data-remove-row]")
    page.wait_for_timeout(300)
    saved = page.evaluate(STORE + ".then(s => s.get('documents'))")
    assert saved["children-0-surname"] == "Иванова" and saved["children-0-date_of_birth-year"] == "2015"
    assert not any(key.startswith("children-1-") for key in saved)

    page.goto(f"{live_server}/en/documents/offline?utm_source=messenger#children")
    page.wait_for_selector("#children-0-surname")
    wait_value(page, "#children-0-surname", "Иванова")
    page.wait_for_timeout(300)
    assert page.evaluate(STORE + ".then(s => s.get('documents'))")["children-0-surname"] == "Иванова"
    context.close()


def test_posted_answers_never_go_into_an_address(browser, browser_context_args, live_server):
    """Offline, the service worker hands a posted step's answers over through the device's store:
    no address the browser keeps in its history holds them."""
    context, page = ready_offline(browser, browser_context_args, live_server, "en")
    addresses = []
    page.on("framenavigated", lambda frame: addresses.append(frame.url))
    page.goto(f"{live_server}/en/documents/person")
    page.fill("#person-surname_latin", "PETROV")
    context.set_offline(True)
    page.click("form#wizard > button.button[value=continue]")
    page.wait_for_selector(f"{step(page, 'person')}:not([hidden]) .error-summary")  # the rest is missing
    assert page.input_value("#person-surname_latin") == "PETROV"
    assert addresses and not any("PETROV" in address for address in addresses), addresses
    context.close()


def test_the_print_page_prints_only_checked_answers(browser, browser_context_args, live_server):
    from ..documents_data import form_answers

    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/en/documents/offline")
    bad = {**form_answers(), "host-iin": "900101400004"}  # a wrong check digit, never checked
    page.evaluate("answers => " + STORE + ".then(s => s.set('documents', answers))", bad)
    page.goto(f"{live_server}/documents/print#en/host-sheet")
    page.wait_for_selector("[data-print-status]:has-text('Some answers are missing or not valid')")
    assert page.is_hidden(".document[data-document=host-sheet]")
    context.close()


def add_adult_offline(page, index: int, surname: str, given: str, entry: tuple[int, int, int] | None,
                      child: tuple[str, str, tuple[int, int, int]] | None = None) -> None:
    """One more adult on the phone's "others" view: their passport, details, entry (the first
    adult's offered; `entry` another) and children, back to the list of adults."""
    prefix = f"others-{index}-"
    page.click(f"{step(page, 'others')} button[data-add-adult]")
    page.wait_for_selector(f"{step(page, prefix + 'passport')}:not([hidden])")
    page.fill(f"#{prefix}passport-number", f"7{index}0000001")
    date(page, f"{prefix}passport-issued", 1, 2, 2021)
    date(page, f"{prefix}passport-expires", 1, 2, 2031)
    page.click(f"{step(page, prefix + 'passport')} button[data-continue]")
    page.wait_for_selector(f"{step(page, prefix + 'person')}:not([hidden])")
    page.fill(f"#{prefix}person-surname_latin", surname)
    page.fill(f"#{prefix}person-given_names_latin", given)
    date(page, f"{prefix}person-date_of_birth", 3, 4, 1985 + index)
    page.click(f"label[for={prefix}person-sex-0]")
    wait_value(page, f"[name={prefix}person-citizenship]", "RU")  # the first adult's, offered
    page.click(f"{step(page, prefix + 'person')} button[data-continue]")
    page.wait_for_selector(f"{step(page, prefix + 'entry')}:not([hidden])")
    assert page.input_value(f"#{prefix}entry-date-day") == "1"  # the first adult's entry, offered
    assert page.input_value(f"#{prefix}entry-checkpoint") == "kairak"
    if entry:
        date(page, f"{prefix}entry-date", *entry)
    page.click(f"label[for={prefix}earlier_stays-1]")
    page.click(f"{step(page, prefix + 'entry')} button[data-continue]")
    page.wait_for_selector(f"{step(page, prefix + 'children')}:not([hidden])")
    if child:
        page.click(f"{step(page, prefix + 'children')} button[data-add-row]")
        page.fill(f"#{prefix}children-0-surname", child[0])
        page.fill(f"#{prefix}children-0-given_names", child[1])
        date(page, f"{prefix}children-0-date_of_birth", *child[2])
    page.click(f"{step(page, prefix + 'children')} button[data-continue]")
    page.wait_for_selector(f"{step(page, 'others')}:not([hidden])")


def add_the_group(page) -> None:
    """The two adults who travel with the first in the group tests: the second entered with the
    first and has a child, the third entered earlier."""
    add_adult_offline(page, 0, "PETROVA", "ANNA", None, child=("Петров", "Павел", (30, 11, 2022)))
    add_adult_offline(page, 1, "SMITH", "JOHN", (20, 8, 2026))


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_group_travels_together_offline(browser, browser_context_args, live_server, lang):
    """Three adults and two children, offline: each adult their own steps (the first's entry and
    citizenship offered), kept on the phone through a reload, each with their own documents and
    dates, and one host's sheet for all with each guest's own date."""
    from webapp.documents.group import people

    context, page = ready_offline(browser, browser_context_args, live_server, lang)
    context.set_offline(True)
    page.goto(f"{live_server}/{lang}/documents/offline#passport")

    def others(page):
        add_the_group(page)
        listed = text(page, f"{step(page, 'others')} [data-adults-list]")
        assert "PETROVA ANNA" in listed and "SMITH JOHN" in listed

    fill_offline(page, with_child=True, no_earlier_stays=True, others=others)
    summary = text(page, f"{step(page, 'check')} [data-summary]")
    for shown in ("IVANOV", "PETROVA ANNA", "SMITH JOHN", "Петров Павел", "Иванова Мария", "700000001"):
        assert shown in summary, shown

    # Kept on the phone: a reload, offline, draws every adult again with their answers.
    page.reload()
    page.wait_for_selector(f"{step(page, 'check')}:not([hidden])")
    assert page.input_value("#others-1-person-surname_latin") == "SMITH"
    assert page.input_value("#others-0-children-0-given_names") == "Павел"
    assert "SMITH JOHN" in text(page, f"{step(page, 'check')} [data-summary]")

    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    adults = people(answers.items())
    assert len(adults) == 3
    expected = [python_values(lang, adult) for adult in adults]
    # Each adult's own date: the second entered with the first, the third earlier.
    assert expected[0]["deadline"] == expected[1]["deadline"] != expected[2]["deadline"]
    for n in (2, 3):
        page.goto(f"{live_server}/documents/print#{lang}/registration-sheet/{n}")
        page.wait_for_selector(".document[data-document=registration-sheet]:not([hidden])")
        assert page.evaluate("import('/static/js/print-documents.js').then(m => m.printed)") == expected[n - 1]
        page.goto(f"{live_server}/{lang}/")  # the next "#" is a new page
    page.goto(f"{live_server}/documents/print#{lang}/host-sheet")
    sheet = ".document[data-document=host-sheet]:not([hidden])"
    page.wait_for_selector(sheet)
    printed = page.evaluate("import('/static/js/print-documents.js').then(m => m.printedGuests.map(g => g.deadline))")
    assert printed == [e["deadline"] for e in expected]
    parts = page.locator(sheet + " [data-guest]")
    assert parts.count() == 3
    assert "Петров Павел" in parts.nth(1).inner_text() and "Петров Павел" not in parts.nth(0).inner_text()
    context.close()

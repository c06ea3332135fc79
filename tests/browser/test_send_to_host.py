"""Send to your host: the link made on the guest's phone (offline too) opens the host's page on
another phone, in the host's language, with each guest's details and date, and from it the host's
sheets, filled in; no request carries the answers; the QR code beside the link reads back as the
same link. Without JavaScript the host's page still says what a host does."""
from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

from .conftest import STORE, axe_violations
from .test_documents_offline import STREET, fill_offline, python_values, text
from .test_offline import wait_until_ready_offline
from .test_proof_wallet import wait_for_kept

pytestmark = pytest.mark.browser

PAGE_TITLES = {"ru": "У вас живёт иностранный гость: что нужно сделать", "kk": "Сізде шетелдік қонақ тұрады: не істеу керек",
               "en": "You host a guest from abroad: what to do"}
SHEET = ".document[data-document=host-sheet]:not([hidden])"
GUESTS = "[data-host-guests]:not([hidden])"


def wait_for_qr_encoder(page):
    """The QR encoder is kept by the service worker just after "Ready offline"."""
    page.wait_for_function("caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                           ".then(lists => lists.flat().some(r => r.url.includes('/vendor/qrcodegen.js')))",
                           polling=200, timeout=30_000)


def make_link(page, host_language: str) -> str:
    page.click(f"label[for=host-language-{host_language}]")
    page.click("button[data-host-link-make]")
    page.wait_for_selector("[data-host-link-result]:not([hidden])")
    return page.input_value("#host-link")


def payload_lacks(link: str, answers: dict) -> bool:
    """Nothing of the sex or the purpose of the trip travels (the payload unpacked in Python; version
    4: the place and the host's 10 answers, the guest's 15, the children's)."""
    import base64
    import json
    import zlib

    packed = link.split("#", 1)[1][2:]
    raw = zlib.decompress(base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4)), -15)[:-4]
    shared, guests, children = json.loads(raw)
    values = shared + [value for guest in guests for value in guest] + [str(v) for child in children for v in child]
    return (len(shared), [len(g) for g in guests]) == (10, [15]) and answers["person-sex"] not in values \
        and answers["entry-purpose"] not in values


def read_qr(page) -> str:
    shot = page.locator("[data-host-qr-code] svg").screenshot()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    # One code; the reader may report it twice (found by two of its detectors), never two texts.
    texts = {code.text for code in found}
    assert len(texts) == 1, texts
    return texts.pop()


def guest_phone(browser, browser_context_args, live_server, lang: str):
    """The guest's phone after one visit: ready offline, with the QR encoder and the "Send to your
    host" part kept. (Its context, its page.)"""
    guest = browser.new_context(**browser_context_args)
    page = guest.new_page()
    page.goto(f"{live_server}/{lang}/")
    wait_until_ready_offline(page)
    wait_for_qr_encoder(page)
    wait_for_kept(page, f"/{lang}/documents/send-to-host")
    return guest, page


def open_as_host(browser, browser_context_args, link: str):
    """A second phone, which never had Tirkeu: every request it makes is recorded."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append((r.url, r.post_data or "")))
    page.goto(link)
    return context, page, requests


def test_the_link_made_offline_opens_the_hosts_page_and_sheets_on_the_hosts_phone(browser, browser_context_args, live_server):
    guest, page = guest_phone(browser, browser_context_args, live_server, "ru")
    guest.set_offline(True)
    page.goto(f"{live_server}/ru/documents/offline#passport")
    fill_offline(page, with_child=True, no_earlier_stays=True)
    page.wait_for_selector("[data-send-to-host]:not([hidden])")
    link = make_link(page, "kk")
    prefix = f"{live_server}/kk/host#4"  # the host's page in Kazakh; link version 4: every guest and child
    assert link.startswith(prefix) and "IVANOV" not in link  # compressed, not the answers as typed
    assert page.is_checked("#host-language-kk")
    assert read_qr(page) == link
    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    assert "host_language" not in answers
    guest.close()

    host, host_page, requests = open_as_host(browser, browser_context_args, link)
    host_page.wait_for_selector(GUESTS)
    page_text = text(host_page, "main")
    assert PAGE_TITLES["kk"] in page_text
    guests = text(host_page, GUESTS)
    # The guest's own date (an entry from 1 July 2026: the guest registers, the host confirms by
    # the guest's day), their details to check, and the child with them.
    for shown in ("ИВАНОВ ИВАН", "Растау мерзімі 30.09.2026", "75 1234567", "27.03.1990", "01.09.2026",
                  "Иванова Мария, 02.02.2015", "Қуанышбаева Әйгерім", STREET):
        assert shown in guests, shown
    # Only the duty that is this guest's: confirming; not the host's notice, nor its fine.
    assert host_page.is_visible("[data-host-duty=self]") and not host_page.is_visible("[data-host-duty=notice]")
    assert "518" not in text(host_page, "main")
    assert not host_page.is_visible("[data-host-without-script]")
    # The language switch keeps the guests (they are after the "#").
    assert host_page.get_attribute("nav.languages a[hreflang=ru]", "href").endswith("/ru/host#" + link.split("#", 1)[1])
    # The same date as the guest's own documents, worked out from the same answers.
    on_page = host_page.evaluate("import('/static/js/host-page.js').then(m => m.shown)")
    expected = python_values("kk", answers)
    assert len(on_page) == 1 and on_page[0]["deadline"] == expected["deadline"] == "30.09.2026"
    assert on_page[0]["children"] == expected["children"]

    host_page.click("[data-host-print]")
    host_page.wait_for_selector(SHEET)
    sheet = text(host_page, SHEET)
    for shown in ("IVANOV", "75 1234567", STREET, "Қуанышбаева Әйгерім", "01.09.2026", "Иванова Мария", "02.02.2015"):
        assert shown in sheet, shown
    assert "Подпись" not in sheet and "Қолы" not in sheet  # a data sheet, not a form to sign
    # The values the sheet prints are the PDF's; the link has no sex, patronymic, purpose or postcode.
    not_in_link = ("sex", "patronymic", "purpose", "postcode")
    on_phone = host_page.evaluate("import('/static/js/print-documents.js').then(m => m.printed)")
    assert ({k: v for k, v in on_phone.items() if k not in not_in_link}
            == {k: v for k, v in expected.items() if k not in not_in_link})
    assert payload_lacks(link, answers)
    assert host_page.is_visible("button[data-print]")
    assert not host_page.is_visible("a[data-word=back]")  # the host has no answers to go back to
    assert host_page.get_attribute("[data-host-page] a", "href") == link  # back to the host's page
    payload = link.split("#", 1)[1]
    assert requests and all(payload not in url and "#" not in url and "IVANOV" not in url + body
                            and "ИВАНОВ" not in body for url, body in requests)
    host.close()


def test_a_link_of_before_still_opens_the_hosts_sheet(browser, browser_context_args, live_server):
    """A version 3 link, sent before the host's page, as the phones of before made it."""
    import base64
    import json

    values = ["IVANOV", "IVAN", "ИВАНОВ", "ИВАН", "1990-03-27", "RU", "75 1234567", "2020-06-15", "2030-06-15", "2026-09-01",
              "kairak", "west_kazakhstan", "Уральск", STREET, "12", "", "person", "Қуанышбаева Әйгерім", "", "", "",
              "foreign_passport", "", "no", ""]
    raw = json.dumps(values, ensure_ascii=False).encode()
    a, b = 1, 0
    for byte in raw:  # Adler-32, as core/host-link.js checks it
        a = (a + byte) % 65521
        b = (b + a) % 65521
    payload = "3j" + base64.urlsafe_b64encode(raw + bytes([b >> 8, b & 255, a >> 8, a & 255])).decode().rstrip("=")
    host, host_page, _ = open_as_host(browser, browser_context_args, f"{live_server}/documents/print#ru/host-sheet/{payload}")
    host_page.wait_for_selector(SHEET)
    assert "IVANOV" in text(host_page, SHEET) and "30.09.2026" in text(host_page, SHEET)
    host_page.click("[data-host-page] a")
    host_page.wait_for_selector(GUESTS)
    assert PAGE_TITLES["ru"] in text(host_page, "main") and "Подтвердить до 30.09.2026" in text(host_page, GUESTS)
    host.close()


def test_without_javascript_the_hosts_page_says_what_a_host_does(nojs_page, live_server):
    for lang, words in (("ru", ("Что придёт", "Что нужно", "JavaScript")), ("kk", ("Не келеді", "E-Qonaq", "JavaScript")),
                        ("en", ("What arrives", "What you need", "turn JavaScript on"))):
        nojs_page.goto(f"{live_server}/{lang}/host#4zAAAA")
        shown = text(nojs_page, "main")
        assert PAGE_TITLES[lang] in shown
        for word in words:
            assert word in shown, (lang, word)
        assert nojs_page.is_visible("[data-host-without-script]")
        assert nojs_page.is_visible("[data-host-duty=self]") and nojs_page.is_visible("[data-host-duty=notice]")
        assert not nojs_page.is_visible("[data-host-guests]")
    # It never tells a person who is online to come back online.
    assert "connection" not in text(nojs_page, "[data-host-without-script]")


def test_a_cut_short_link_says_so(browser, browser_context_args, live_server):
    guest = browser.new_context(**browser_context_args)
    page = guest.new_page()
    page.goto(f"{live_server}/en/documents/offline#passport")
    fill_offline(page, with_child=False)
    page.wait_for_selector("[data-send-to-host]:not([hidden])")
    link = make_link(page, "en")
    guest.close()
    payload = link.split("#", 1)[1]
    changed = payload[:30] + ("A" if payload[30] != "A" else "B") + payload[31:]
    # Cut short, a character changed on the way, a messenger's full stop after it: each says so,
    # and never shows another name or this phone's own answers.
    for damaged in (link[:-40], link.replace(payload, changed), link + "."):
        host, host_page, _ = open_as_host(browser, browser_context_args, damaged)
        host_page.wait_for_selector("[data-host-status]:has-text('could not be read')")
        assert not host_page.is_visible("[data-host-guests]")
        host.close()


def test_the_servers_check_page_makes_the_link_and_both_pages_pass_axe(axe_page, browser, browser_context_args, live_server):
    page = axe_page
    page.goto(f"{live_server}/en/documents/offline#passport")
    fill_offline(page, with_child=False)
    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    answers.update({"entry-date-day": "29", "entry-date-month": "6", "entry-date-year": "2026"})  # the host notifies
    # Typed on the phone, so kept there too: a page's answers older than the device's are replaced (answers.js).
    page.evaluate("answers => " + STORE + ".then(s => s.set('documents', answers))", answers)
    # The server's own "Check your answers": the answers posted, as its wizard posts them.
    page.goto(f"{live_server}/en/documents/person")
    page.evaluate("""answers => {
        const form = document.createElement('form');
        form.method = 'post'; form.action = '/en/documents/check';
        for (const [name, value] of Object.entries(answers)) {
            const input = document.createElement('input'); input.type = 'hidden'; input.name = name; input.value = value;
            form.appendChild(input);
        }
        document.body.appendChild(form); form.submit();
    }""", answers)
    page.wait_for_selector("[data-send-to-host]:not([hidden])")
    assert page.is_checked("#host-language-en")
    link = make_link(page, "ru")
    assert link.startswith(f"{live_server}/ru/host#4")
    assert page.is_visible("[data-host-qr-code] svg")  # online, the encoder comes with the page
    assert read_qr(page) == link
    assert axe_violations(page) == []

    page.goto(link)
    page.wait_for_selector(GUESTS)
    assert page.is_visible("[data-host-duty=notice]") and not page.is_visible("[data-host-duty=self]")
    assert "Уведомить до" in text(page, GUESTS)
    notice = text(page, "[data-host-duty=notice]")
    assert "КоАП РК, статья 518; kodeksy-kz.com, проверено 25.11.2026" in notice
    assert "физическому лицу — предупреждение" in notice and "крупного — 20 МРП" in notice
    assert axe_violations(page) == []


def _party() -> list[dict]:
    """Three adults who share a flat and a host, each with their own entry and citizenship, and
    two children with the second: as the host's link carries a party (core/host-link.js)."""
    first = {
        "passport-document": "foreign_passport", "passport-number": "75 1234567", "passport-issued-day": "15",
        "passport-issued-month": "6", "passport-issued-year": "2020", "passport-expires-day": "15",
        "passport-expires-month": "6", "passport-expires-year": "2030", "person-surname_latin": "IVANOV",
        "person-given_names_latin": "IVAN", "person-surname_cyrillic": "ИВАНОВ", "person-given_names_cyrillic": "ИВАН",
        "person-date_of_birth-day": "27", "person-date_of_birth-month": "3", "person-date_of_birth-year": "1990",
        "person-sex": "male", "person-citizenship": "RU", "entry-date-day": "1", "entry-date-month": "9",
        "entry-date-year": "2026", "entry-checkpoint": "kairak", "entry-purpose": "private", "earlier_stays": "no",
        "stay-region": "west_kazakhstan", "stay-city": "Уральск", "stay-street": STREET, "stay-house": "12",
        "host-kind": "person", "host-name": "Қуанышбаева Әйгерім",
    }
    second = {**first, "passport-number": "76 7654321", "person-surname_latin": "PETROVA", "person-given_names_latin": "ANNA",
              "person-surname_cyrillic": "ПЕТРОВА", "person-given_names_cyrillic": "АННА", "person-sex": "female",
              "children-0-surname": "Петрова", "children-0-given_names": "Мария", "children-0-date_of_birth-day": "2",
              "children-0-date_of_birth-month": "2", "children-0-date_of_birth-year": "2015",
              "children-1-surname": "PETROV", "children-1-given_names": "PAVEL", "children-1-date_of_birth-day": "30",
              "children-1-date_of_birth-month": "11", "children-1-date_of_birth-year": "2022"}
    # A citizen of the United States who crossed on 29 June 2026: the host notifies, by the rules of before July.
    third = {**first, "passport-number": "561234567", "person-surname_latin": "SMITH", "person-given_names_latin": "JOHN",
             "person-surname_cyrillic": "", "person-given_names_cyrillic": "", "person-citizenship": "US",
             "entry-date-day": "29", "entry-date-month": "6"}
    return [first, second, third]


def test_a_partys_link_opens_each_guests_date_and_a_part_of_the_sheet_for_each(browser, browser_context_args, live_server):
    party = _party()
    guest = browser.new_context(**browser_context_args)
    page = guest.new_page()
    page.goto(f"{live_server}/en/")
    link = page.evaluate("party => import('/static/js/core/host-link.js').then(m => m.encode(party))"
                         ".then(payload => location.origin + '/en/host#' + payload)", party)
    guest.close()
    host, host_page, requests = open_as_host(browser, browser_context_args, link)
    host_page.wait_for_selector(GUESTS)
    on_page = host_page.evaluate("import('/static/js/host-page.js').then(m => m.shown)")
    expected = [python_values("en", answers) for answers in party]
    # Each guest's own date, as their own documents give it; the children with the second only.
    assert [g["deadline"] for g in on_page] == [e["deadline"] for e in expected] == ["30.09.2026", "30.09.2026", "01.07.2026"]
    assert [g["leave_by"] for g in on_page] == [e["leave_by"] for e in expected]
    assert [len(g["children"]) for g in on_page] == [0, 2, 0]
    guests = text(host_page, GUESTS)
    assert guests.count("Confirm by") == 2 and guests.count("Notify by") == 1
    for shown in ("IVANOV IVAN", "PETROVA ANNA", "SMITH JOHN", "Петрова Мария, 02.02.2015", "PETROV PAVEL, 30.11.2022"):
        assert shown in guests, shown
    # Both duties apply to this party: both are shown, each once.
    assert host_page.is_visible("[data-host-duty=self]") and host_page.is_visible("[data-host-duty=notice]")
    host_page.click("[data-host-print]")
    host_page.wait_for_selector(SHEET)
    assert host_page.locator(SHEET).count() == 1  # one sheet, as the PDF: a part for each guest
    parts = host_page.locator(SHEET + " [data-guest]")
    assert parts.count() == 3
    names_dates = (("IVANOV IVAN", "30.09.2026"), ("PETROVA ANNA", "30.09.2026"), ("SMITH JOHN", "01.07.2026"))
    for i, (name, date) in enumerate(names_dates):
        part = " ".join(parts.nth(i).inner_text().split())
        assert f"Қонақ {i + 1}: {name}" in part and date in part, part
    assert "Петрова Мария" in parts.nth(1).inner_text() and "Петрова Мария" not in parts.nth(0).inner_text()
    printed = host_page.evaluate("import('/static/js/print-documents.js').then(m => m.printedGuests.map(g => g.deadline))")
    assert printed == ["30.09.2026", "30.09.2026", "01.07.2026"]
    payload = link.split("#", 1)[1]
    assert all(payload not in url and "#" not in url and "PETROVA" not in url + body for url, body in requests)
    host.close()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_groups_link_made_offline_opens_every_guest_on_the_hosts_phone(browser, browser_context_args, live_server, lang):
    """Three adults and two children, on the phone offline: one link and its code for the host,
    which opens each guest with their own date (as their own documents give it) and one sheet with
    a part for each, on a phone that never had Tirkeu; no request carries the answers."""
    from webapp.documents.group import people

    from .test_documents_offline import add_the_group

    guest, page = guest_phone(browser, browser_context_args, live_server, lang)
    guest.set_offline(True)
    page.goto(f"{live_server}/{lang}/documents/offline#passport")

    fill_offline(page, with_child=True, no_earlier_stays=True, others=add_the_group)
    page.wait_for_selector("[data-send-to-host]:not([hidden])")
    link = make_link(page, lang)
    assert link.startswith(f"{live_server}/{lang}/host#4") and len(link) <= 850  # one code holds the group
    assert read_qr(page) == link
    adults = people(page.evaluate(STORE + ".then(s => s.get('documents'))").items())
    expected = [python_values(lang, adult) for adult in adults]
    guest.close()

    host, host_page, requests = open_as_host(browser, browser_context_args, link)
    host_page.wait_for_selector(GUESTS)
    on_page = host_page.evaluate("import('/static/js/host-page.js').then(m => m.shown)")
    assert [g["deadline"] for g in on_page] == [e["deadline"] for e in expected]
    assert [len(g["children"]) for g in on_page] == [1, 1, 0]
    guests = text(host_page, GUESTS)
    for shown in ("IVANOV IVAN", "PETROVA ANNA", "SMITH JOHN", "Иванова Мария, 02.02.2015", "Петров Павел, 30.11.2022"):
        assert shown in guests, shown
    host_page.click("[data-host-print]")
    host_page.wait_for_selector(SHEET)
    parts = host_page.locator(SHEET + " [data-guest]")
    assert parts.count() == 3
    for i, (name, values) in enumerate(zip(("IVANOV IVAN", "PETROVA ANNA", "SMITH JOHN"), expected, strict=True)):
        part = text(host_page, f"{SHEET} [data-guest] >> nth={i}")
        assert f"{i + 1}: {name}" in part and values["deadline"] in part, part
    payload = link.split("#", 1)[1]
    assert all(payload not in url and "#" not in url and "PETROVA" not in url + body for url, body in requests)
    host.close()


def test_a_group_too_long_for_one_code_gets_a_code_for_each_guest_and_each_reads_back(browser, browser_context_args, live_server):
    """Ten adults with long names: the link is past what one code holds (850 characters), so the
    phone draws a code for each guest; each reads back as a link that opens that guest."""
    import random

    rng = random.Random(20)
    guest, page = guest_phone(browser, browser_context_args, live_server, "en")
    page.goto(f"{live_server}/en/documents/offline#passport")
    fill_offline(page, with_child=False, no_earlier_stays=True)
    answers = page.evaluate(STORE + ".then(s => s.get('documents'))")
    own = {k: v for k, v in answers.items() if not k.startswith(("stay-", "host-"))}
    names = []
    for n in range(9):  # nine more adults, each their own long name and passport
        latin = ["".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVYZ") for _ in range(24)) for _ in range(2)]
        cyrillic = ["".join(rng.choice("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ") for _ in range(24)) for _ in range(2)]
        names.append(" ".join(latin))
        answers.update({f"others-{n}-{k}": v for k, v in own.items()})
        person = f"others-{n}-person-"
        answers.update({f"{person}surname_latin": latin[0], f"{person}given_names_latin": latin[1],
                        f"{person}surname_cyrillic": cyrillic[0], f"{person}given_names_cyrillic": cyrillic[1],
                        f"others-{n}-passport-number": str(rng.randrange(10**8, 10**9))})
    page.evaluate("answers => " + STORE + ".then(s => s.set('documents', answers))", answers)
    page.reload()
    page.wait_for_selector("section[data-step=check]:not([hidden]) [data-send-to-host]:not([hidden])")
    link = make_link(page, "en")
    assert len(link) > 850
    codes = page.locator("[data-host-qr-code] svg")
    assert codes.count() == 10
    read = []
    for i in range(10):
        found = {code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(codes.nth(i).screenshot())))}
        assert len(found) == 1, (i, found)
        read.append(found.pop())
    guest.close()
    for i in (0, 5, 9):  # each code opens its own guest
        host, host_page, _ = open_as_host(browser, browser_context_args, read[i])
        host_page.wait_for_selector(GUESTS)
        shown = text(host_page, GUESTS)
        assert ("IVANOV IVAN" if i == 0 else names[i - 1]) in shown
        assert shown.count("Confirm by") == 1  # one guest a code
        host.close()

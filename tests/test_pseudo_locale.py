"""The pseudo-locale en-XA (tests/pseudo_locale.py) through the app: every page, both journeys, a
PDF and the offline precache work in a language the code has never heard of, and no page shows
text that skipped the catalogs."""
from __future__ import annotations

import io
import json
import re

import html5lib
import pytest
from pypdf import PdfReader

from webapp import create_app
from webapp.pwa.offline import AFTER_READY, INSTALL, OPENED, marked_urls
from webapp.web.i18n import language_name, languages

from .conftest import TODAY
from .documents_data import form_answers
from .pseudo_locale import CODE, FILLER, plain_english_runs, pseudo, pseudo_app_config

SKIPPED = {"script", "style", "template"}


@pytest.fixture(scope="module")
def pseudo_app(tmp_path_factory):
    return create_app({"TESTING": True, "TODAY": TODAY, **pseudo_app_config(tmp_path_factory.mktemp("catalogs"))})


@pytest.fixture()
def client(pseudo_app):
    return pseudo_app.test_client()


@pytest.fixture(scope="module")
def data_names(pseudo_app):
    """Names that come from data, not from the catalogs: countries, checkpoints, regions."""
    from webapp.rules.places import checkpoints, regions

    with pseudo_app.test_client() as client:
        countries = client.get("/api/v1/countries").get_json()["names"]
    names = {names["en"] for names in countries.values()}
    names |= {place["name"]["en"] for place in (*checkpoints(), *regions())}
    with pseudo_app.test_request_context():
        names |= {language_name(code) for code in languages()}
    return names | {"Tirkeu"}


def visible_text(html: str, page_language: str) -> str:
    """The text a reader sees in the page's own language (parts marked with another `lang`, such
    as the language switcher's names, are left out)."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    parts: list[str] = []

    def walk(element, language):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED:
            return
        language = element.get("lang", language)
        if language == page_language:
            parts.append(element.text or "")
        for child in element:
            walk(child, language)
            if language == page_language:
                parts.append(child.tail or "")
        # Words people read that are not text: labels of buttons, alternative texts, hints.
        for attribute in ("alt", "title", "aria-label", "placeholder"):
            if element.get(attribute) and language == page_language:
                parts.append(" " + element.get(attribute) + " ")

    walk(document, page_language)  # a part fetched into a page has no <html lang>
    return " ".join(parts)


def kept_pages(app) -> list[str]:
    with app.test_request_context():
        urls = marked_urls(app, INSTALL) + marked_urls(app, AFTER_READY) + marked_urls(app, OPENED)
    return [url for url in urls if url.startswith(f"/{CODE}/")]


def test_the_pseudo_catalog_keeps_placeholders_and_grows_a_third():
    text = pseudo("Register online by %(date)s at <a href=\"https://egov.kz\">egov.kz</a>")
    assert "%(date)s" in text and '<a href="https://egov.kz">egov.kz</a>' in text
    assert "Ŕéğíšŧéŕ" in text and text.count(FILLER) >= 3


def test_every_page_kept_offline_speaks_the_pseudo_locale_and_nothing_else(pseudo_app, client, data_names):
    pages = kept_pages(pseudo_app)
    assert f"/{CODE}/" in pages and f"/{CODE}/deadlines/" in pages and f"/{CODE}/documents/offline" in pages
    found = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert FILLER in body, url
        if response.mimetype == "text/html":
            runs = plain_english_runs(visible_text(body, CODE), data_names)
            if runs:
                found[url] = runs
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_my_deadlines_in_the_pseudo_locale(client, data_names):
    response = client.get(f"/{CODE}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
                          "&entry_date-year=2026&accommodation=private")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    # The dates come from CLDR's English data, the sentences from the pseudo catalog.
    assert "29 November 2026" in body and pseudo("Your deadlines").split(" " + FILLER)[0] in body
    assert plain_english_runs(visible_text(body, CODE), data_names | {"November 2026", "September 2026"}) == []


def test_a_wrong_answer_is_told_in_the_pseudo_locale(client):
    response = client.get(f"/{CODE}/deadlines/plan?citizenship=RU&entry_date-day=31&entry_date-month=2&entry_date-year=2026")
    assert response.status_code == 400
    assert pseudo("Enter a real date, for example 27 9 2026").split(" " + FILLER)[0] in response.get_data(as_text=True)


def test_a_document_in_the_pseudo_locale(client):
    """The card is in the person's language beside Russian and Kazakh: here, the pseudo-locale."""
    response = client.post(f"/{CODE}/documents/card.pdf", data=form_answers())
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert FILLER in text and "Tirkeu" in text
    assert "??" not in text  # every letter of the pseudo-locale is in the bundled fonts


def test_the_service_worker_keeps_the_pseudo_locale(client):
    script = client.get("/sw.js").get_data(as_text=True)
    routes = json.loads(re.search(r"const ROUTES = (\{.*?\});\n", script).group(1))
    assert CODE in routes["languages"]
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    urls = {entry["url"] for entry in precache}
    assert {f"/{CODE}/", f"/{CODE}/deadlines/", f"/{CODE}/deadlines/offline", f"/{CODE}/documents/",
            f"/{CODE}/documents/offline"} <= urls


def test_the_other_languages_keep_their_own_plurals_beside_it(client):
    """Russian has three plural forms; the pseudo-locale's catalog (English's two) must not lend
    it its rule."""
    response = client.get("/ru/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
                          "&entry_date-year=2026&accommodation=private")
    assert "осталось 25 дней" in response.get_data(as_text=True).lower()

"""Production serving: the entry point, the health check, headers on every response, no cookies,
the abuse limits, the privacy page, and no answer in any log."""
from __future__ import annotations

import logging
import re

import pytest

from webapp import MissingSecretKey, create_app

from .conftest import TODAY
from .documents_data import api_answers, form_answers

PLAN_QUERY = ("citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
              "&previous_stays-0-entry-day=3&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026"
              "&previous_stays-0-exit-day=30&previous_stays-0-exit-month=5&previous_stays-0-exit-year=2026")


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(MissingSecretKey, match="SECRET_KEY is not set"):
        create_app({"SECRET_KEY": None}, production=True)
    assert create_app({"SECRET_KEY": "k" * 64}, production=True)


def test_health_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"
    assert response.headers["Cache-Control"] == "no-store"


def every_get_url(app) -> list[str]:
    """Each GET route once, with real values for its arguments."""
    samples = {"lang": "kk", "step": "passport", "name": "card", "version": "0", "index": "0"}
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        urls.append(rule.build({arg: samples[arg] for arg in rule.arguments}, append_unknown=False)[1])
    return urls + ["/static/css/app.css", "/no-such-page", f"/en/deadlines/plan?{PLAN_QUERY}"]


def test_headers_on_every_response_and_never_a_cookie(app, client):
    urls = every_get_url(app)
    assert len(urls) > 20
    responses = [(url, client.get(url)) for url in urls]
    responses += [("POST /ru/documents/card.pdf", client.post("/ru/documents/card.pdf", data=form_answers())),
                  ("POST /api/v1/plan", client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01"})),
                  ("POST /api/v1/plan (bad)", client.post("/api/v1/plan", data="{")),
                  ("POST /en/documents/person", client.post("/en/documents/person", data={"nav": "continue"}))]
    for url, response in responses:
        headers = response.headers
        assert "Set-Cookie" not in headers, url
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp, url
        assert headers["Referrer-Policy"] == "same-origin" and headers["X-Content-Type-Options"] == "nosniff", url
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"], url
        assert "Strict-Transport-Security" not in headers, url  # only over https
        response.close()
    pdf = dict(responses)["POST /ru/documents/card.pdf"]
    assert pdf.headers["Cache-Control"] == "no-store"
    assert dict(responses)[f"/en/deadlines/plan?{PLAN_QUERY}"].headers["Cache-Control"] == "no-store"


def test_a_page_seen_before_costs_a_304_and_answers_never_do(app, client):
    """Every page without answers can be revalidated: the second visit (or a navigation to a
    page the service worker's install already fetched) downloads no page at all."""
    for url in every_get_url(app):
        first = client.get(url)
        first.close()
        if first.status_code != 200 or "no-store" in first.headers.get("Cache-Control", "") or "?" in url:
            continue
        assert first.headers["ETag"], url
        again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
        again.close()
        assert again.status_code == 304 and again.data == b"", url
        assert "default-src 'self'" in again.headers["Content-Security-Policy"], url
    page = client.get("/ru/deadlines/")
    assert page.headers["Cache-Control"] == "no-cache"
    changed = client.get("/ru/deadlines/", headers={"If-None-Match": '"something-older"'})
    assert changed.status_code == 200 and changed.data == page.data
    result = client.get(f"/en/deadlines/plan?{PLAN_QUERY}")
    assert "ETag" not in result.headers and result.headers["Cache-Control"] == "no-store"
    step = client.post("/en/documents/person", data={"nav": "continue"})
    assert "ETag" not in step.headers


def test_head_answers_as_get_does(client):
    """A HEAD is a GET without the body: the same status and headers (a wizard step answered 400)."""
    from webapp.documents.answers import STEPS

    urls = ["/en/", "/ru/deadlines/", "/kk/documents/", "/en/documents/check", "/api/v1/rules", "/en/proof",
            "/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"]
    urls += [f"/kk/documents/{step}" for step in STEPS]
    for url in urls:
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code, url
        assert head.data == b"", url
        for header in ("Content-Type", "Content-Length", "Cache-Control", "ETag", "Location", "Content-Security-Policy"):
            assert head.headers.get(header) == get.headers.get(header), (url, header)


def test_hsts_over_https_behind_a_proxy():
    app = create_app({"TESTING": True, "TODAY": TODAY, "PROXIES": 1})
    response = app.test_client().get("/en/", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.4"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.fixture()
def limited_client():
    app = create_app({"TESTING": True, "TODAY": TODAY, "RATELIMIT_PDF": "2 per minute", "RATELIMIT_API": "3 per minute"})
    client = app.test_client()
    # An address of its own: the counts of the rest of the suite do not touch it.
    client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    return client


def test_pdfs_are_limited_per_client_with_a_localized_answer(limited_client):
    answers = form_answers()
    assert limited_client.post("/ru/documents/card.pdf", data=answers).status_code == 200
    assert limited_client.post("/ru/documents/host-sheet.pdf", data=answers).status_code == 200
    refused = limited_client.post("/ru/documents/card.pdf", data=answers)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "Подождите немного" in refused.get_data(as_text=True)
    # The wizard's pages are not limited: the person can still read and change their answers.
    assert limited_client.post("/ru/documents/person", data={**answers, "nav": "continue"}).status_code == 200


def test_the_api_is_limited_too(limited_client):
    for _ in range(3):
        assert limited_client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01"}).status_code == 200
    refused = limited_client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01"},
                                  headers={"Accept-Language": "kk"})
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert refused.json["errors"]["request"].startswith("Сұраулар тым көп")


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_privacy_page(client, lang):
    html = client.get(f"/{lang}/privacy").get_data(as_text=True)
    assert {"ru": "IP-адрес", "kk": "IP мекенжай", "en": "IP address"}[lang] in html
    assert f'href="/{lang}/privacy"' in client.get(f"/{lang}/").get_data(as_text=True)  # in every footer


def test_no_answer_reaches_any_log(caplog, client):
    """A whole visit — deadlines with the answers in the address, every step of the documents, the
    PDFs, the API, and a failing request — with every logger at DEBUG: none of the values appear."""
    caplog.set_level(logging.DEBUG)
    answers = form_answers()
    client.get(f"/en/deadlines/plan?{PLAN_QUERY}")
    client.get(f"/en/deadlines/plan.ics?{PLAN_QUERY}")
    for step in ("passport", "person", "entry", "stay", "host", "children"):
        client.post(f"/ru/documents/{step}", data={**answers, "nav": "continue"})
    client.post("/ru/documents/check", data=answers)
    client.post("/kk/documents/tirkeu-documents.zip", data=answers)
    client.post("/api/v1/documents/registration-sheet.pdf", json=api_answers())
    client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01", "previous_stays": [{"entry": "x"}]})
    client.post("/ru/documents/person", data={**answers, "person-surname_latin": "Иванов"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    values = [v for k, v in answers.items() if len(v) > 3 and not re.fullmatch(r"\d{1,4}", v)]
    assert len(values) > 10
    for value in values + ["2026-04-03", "previous_stays", "Иванов"]:
        assert value not in logged, value


def test_an_unexpected_error_shows_no_trace(caplog):
    """A bug answers 500 with a page (or JSON) in the reader's language: no trace, no detail."""
    app = create_app({"TODAY": TODAY})  # not TESTING: errors are handled as in production

    @app.get("/<any(ru,kk,en):lang>/broken")
    def broken():
        raise RuntimeError("secret detail 4b1d")

    @app.get("/api/v1/broken")
    def broken_api():
        raise RuntimeError("secret detail 4b1d")

    client = app.test_client()
    page = client.get("/kk/broken")
    assert page.status_code == 500
    html = page.get_data(as_text=True)
    assert "4b1d" not in html and "Traceback" not in html and "RuntimeError" not in html
    assert 'lang="kk"' in html
    api = client.get("/api/v1/broken", headers={"Accept-Language": "ru"})
    assert api.status_code == 500 and "4b1d" not in api.get_data(as_text=True)
    assert "Извините" in api.json["errors"]["request"]

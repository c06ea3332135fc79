"""HTTP as caches and clients read it (issue 23, item 4): Content-Language on what is written in a
language and Vary: Accept-Language where the browser's choice picked it; Allow on a 405; HEAD with
the headers of GET; rate-limit headers on the API for other apps, Retry-After only when it means
wait; no CORS. The data and blank documents the phone keeps vary with nothing: the service
worker's Cache API honours Vary."""
from __future__ import annotations

import pytest

from webapp.pwa import precache_urls

PLAN = {"citizenship": "RU", "entry_date": "2026-09-01"}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.headers.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_api_says_its_language_and_that_it_follows_accept_language(client, lang):
    listed = client.get("/api/v1/documents", headers={"Accept-Language": lang})
    assert listed.headers["Content-Language"] == lang and "accept-language" in vary(listed)
    planned = client.post("/api/v1/plan", json=PLAN, headers={"Accept-Language": lang})
    assert planned.headers["Content-Language"] == lang and "accept-language" in vary(planned)
    refused = client.post("/api/v1/plan", json={}, headers={"Accept-Language": lang})
    assert refused.status_code == 400 and refused.headers["Content-Language"] == lang and "accept-language" in vary(refused)
    # What varies does vary: the titles are in the language asked for.
    titles = {d["title"] for d in listed.json}
    other = client.get("/api/v1/documents", headers={"Accept-Language": "en" if lang != "en" else "ru"})
    assert titles != {d["title"] for d in other.json}


def test_a_page_says_the_language_of_its_address_and_does_not_vary(client):
    page = client.get("/kk/deadlines/", headers={"Accept-Language": "en"})
    assert page.headers["Content-Language"] == "kk" and "accept-language" not in vary(page)
    # Without a language in the address, the browser's choice: a redirect, an error page.
    assert "accept-language" in vary(client.get("/", headers={"Accept-Language": "kk"}))
    missing = client.get("/nothing-here", headers={"Accept-Language": "kk"})
    assert missing.status_code == 404 and missing.headers["Content-Language"] == "kk" and "accept-language" in vary(missing)


def test_what_the_phone_keeps_varies_with_nothing(app, client):
    with app.test_request_context():
        urls = precache_urls()
    assert "/api/v1/rules" in urls and "/documents/print" in urls
    for url in urls:
        response = client.get(url, headers={"Accept-Language": "kk"})
        assert response.status_code == 200, url
        assert "accept-language" not in vary(response), url  # cache.match(url) must find it offline
        response.close()


@pytest.mark.parametrize("method, path, allowed", [
    ("GET", "/api/v1/plan", {"POST", "OPTIONS"}),
    ("DELETE", "/api/v1/documents", {"GET", "HEAD", "OPTIONS"}),
    ("POST", "/en/", {"GET", "HEAD", "OPTIONS"}),
    ("PUT", "/api/v1/documents/card.pdf", {"POST", "OPTIONS"}),
])
def test_a_405_says_which_methods_the_address_takes(client, method, path, allowed):
    response = client.open(path, method=method)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed


@pytest.mark.parametrize("path", ["/en/", "/kk/deadlines/", "/api/v1/documents", "/api/v1/rules", "/documents/print"])
def test_head_has_the_headers_of_get(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200 and head.data == b""
    for name in ("Cache-Control", "ETag", "Content-Type", "Content-Length", "Content-Language", "Vary",
                 "Content-Security-Policy", "X-RateLimit-Limit"):
        assert head.headers.get(name) == got.headers.get(name), (path, name)


def test_the_api_for_other_apps_carries_its_rate_limit_and_no_retry_after_unless_refused(app):
    from webapp import create_app

    limited = create_app({"TESTING": True, "RATELIMIT_ENABLED": True, "RATELIMIT_API": "2 per minute"})
    client = limited.test_client()
    for path in ("/api/v1/documents",):
        first = client.get(path)
        assert first.headers["X-RateLimit-Limit"] == "2" and first.headers["X-RateLimit-Remaining"] == "1"
        assert "Retry-After" not in first.headers
    planned = client.post("/api/v1/plan", json=PLAN)
    assert planned.status_code == 200 and "Retry-After" not in planned.headers
    refused = client.post("/api/v1/plan", json=PLAN)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert refused.headers["X-RateLimit-Remaining"] == "0"


def test_no_other_site_may_read_the_api_from_a_browser(client):
    """No CORS (docs/design.md, "Other sites and the API"): a bot or a help desk's script calls the
    API from its server, which CORS does not concern; a page on another site gets nothing to read."""
    origin = {"Origin": "https://example.org"}
    preflight = client.options("/api/v1/plan", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers
    planned = client.post("/api/v1/plan", json=PLAN, headers=origin)
    assert planned.status_code == 200 and "Access-Control-Allow-Origin" not in planned.headers

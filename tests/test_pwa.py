"""The manifest, the service worker script and its precache list, over HTTP."""
from __future__ import annotations

import json
import re

import pytest


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_manifest(client, lang):
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    assert response.headers["Cache-Control"] == "no-cache"
    manifest = response.json if response.is_json else json.loads(response.data)
    assert manifest["start_url"] == f"/{lang}/" and manifest["lang"] == lang
    assert manifest["display"] == "standalone" and manifest["theme_color"].startswith("#")
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and image.mimetype == "image/png"
        width, height = int.from_bytes(image.data[16:20], "big"), int.from_bytes(image.data[20:24], "big")
        assert f"{width}x{height}" == icon["sizes"]
        image.close()


def _precache(client) -> list[dict]:
    script = client.get("/sw.js").get_data(as_text=True)
    return json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))


def test_service_worker_script(client):
    response = client.get("/sw.js")
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.mimetype == "text/javascript"
    script = response.get_data(as_text=True)
    assert re.search(r'const VERSION = "[0-9a-f]{12}";', script)
    assert "skipWaiting()" in script and 'data.type === "skip-waiting"' in script  # only when asked


def test_precache_lists_every_language_and_static_file_with_a_revision(client):
    entries = _precache(client)
    urls = [entry["url"] for entry in entries]
    for lang in ("ru", "kk", "en"):
        for path in ("/", "/deadlines/", "/documents/"):
            assert f"/{lang}{path}" in urls
    assert any(re.fullmatch(r"/static/css/app\.css\?v=[0-9a-f]{12}", url) for url in urls)
    assert any(url.startswith("/static/js/core/evaluator.js?v=") for url in urls)
    assert "/api/v1/rules" in urls
    assert all(re.fullmatch(r"[0-9a-f]{16}", entry["revision"]) for entry in entries)
    assert not any("/deadlines/plan" in url or ".pdf" in url for url in urls)  # nothing carrying answers
    assert all(f"/{lang}/deadlines/offline" in urls for lang in ("ru", "kk", "en"))
    # The documents without a network: the phone's own wizard, the blank documents and their data.
    assert all(f"/{lang}/documents/offline" in urls for lang in ("ru", "kk", "en"))
    assert {"/documents/print", "/api/v1/countries", "/api/v1/documents/print-data"} <= set(urls)
    assert not any("/fonts/" in url for url in urls)  # the phone prints with its own fonts


def test_the_blank_documents_are_the_same_bytes_for_every_language(client):
    """One cached copy serves every reader, so the page must not vary with the browser's language."""
    pages = {lang: client.get("/documents/print", headers={"Accept-Language": lang}).data for lang in ("ru", "kk", "en")}
    assert pages["ru"] == pages["kk"] == pages["en"]
    html = pages["ru"].decode()
    assert html.count('class="document ') == 4 and html.count("data-v=") > 40
    assert "IVANOV" not in html and "data-when=" in html


def test_countries_for_the_phone(client):
    data = client.get("/api/v1/countries").json
    assert data["names"]["RU"] == {"ru": "Россия", "kk": "Ресей", "en": "Russia"}
    assert data["order"]["kk"].index("RU") < data["order"]["kk"].index("TJ")  # Ресей before Тәжікстан
    assert set(data["order"]["en"]) == set(data["names"])


def test_whole_precache_fits_the_budget(client):
    """The budget of bench/__main__.py (PRECACHE_KIB, with why it is above DESIGN's) for the whole
    offline precache, three languages, as nginx sends it (gzip 6, PNGs as they are). Over it, the
    message says what grew since the record (bench/precache_sizes.json, `python -m bench.measure_pages`)."""
    from bench.__main__ import PRECACHE_KIB
    from bench.measure_pages import RECORD, precache_sizes

    sizes = precache_sizes(client)
    total = sum(sizes.values())
    record = json.loads(RECORD.read_text())
    grown = sorted(((size - record.get(name, 0), name, size) for name, size in sizes.items()
                    if size > record.get(name, 0)), reverse=True)
    gone = sorted(set(record) - set(sizes))
    assert total <= PRECACHE_KIB * 1024, (
        f"the precache is {total} bytes, over {PRECACHE_KIB} KiB; grown since the record (was {sum(record.values())}): "
        + "; ".join(f"{name} +{change} ({size})" for change, name, size in grown) + (f"; gone: {gone}" if gone else ""))


def test_every_page_links_the_manifest_and_the_offline_script(client):
    html = client.get("/kk/deadlines/").get_data(as_text=True)
    assert '<link rel="manifest" href="/kk/manifest.webmanifest">' in html
    assert re.search(r'<script type="module" src="/pages-[0-9a-f]{12}\.js">', html)  # offline.js in it
    # Its line is there from the start (no layout shift), hidden by CSS without JavaScript.
    assert 'id="offline-status" data-module="offline-status"\n' in html


def test_every_route_says_how_the_phone_keeps_it(app):
    """A new page without a mark (webapp/pwa/offline.py) would silently not work offline."""
    from webapp.pwa.offline import keeping

    unmarked = [rule.rule for rule in app.url_map.iter_rules()
                if rule.endpoint != "static" and "GET" in rule.methods and keeping(app, rule.endpoint) is None]
    assert unmarked == []


def test_the_service_worker_knows_the_routes_from_the_url_map(client):
    """The kept pages, parts, languages and documents steps come from the app, not from sw.js."""
    script = client.get("/sw.js").get_data(as_text=True)
    routes = json.loads(re.search(r"const ROUTES = (\{.*?\});\n", script).group(1))
    assert routes["languages"] == ["ru", "kk", "en"]
    assert set(routes["reading"]) == {f"/{lang}/{page}" for lang in routes["languages"]
                                      for page in ("rules", "privacy", "proof", "what-if", "checklist", "host")}
    assert set(routes["parts"]) == {f"/{lang}/{part}" for lang in routes["languages"]
                                    for part in ("device-answers", "documents/send-to-host")}
    assert routes["documents_steps"] == ["passport", "person", "entry", "stay", "host", "children", "others", "check"]
    assert routes["traveller_steps"] == ["passport", "person", "entry", "children"]  # another adult's, posted offline
    # No language or page is written into the script itself.
    assert not re.search(r"\bru\|kk\|en\b|\"(ru|kk|en)\"", script.replace(json.dumps(routes, ensure_ascii=False), ""))


def test_a_language_the_app_does_not_speak_is_not_found(client):
    assert client.get("/de/").status_code == 404
    assert client.get("/de/deadlines/").status_code == 404


def test_only_files_whose_address_carries_their_hash_are_taken_from_the_browsers_cache(client):
    """The install takes those from the browser's own copy (the page has just loaded some of them:
    no second download on a slow network); every page is asked for again."""
    entries = _precache(client)
    immutable = {entry["url"] for entry in entries if entry.get("immutable")}
    assert immutable and all("?v=" in url or url.startswith("/pages-") for url in immutable)
    assert not any(entry.get("immutable") for entry in entries if entry["url"].startswith(("/ru/", "/kk/", "/en/", "/api/")))
    script = client.get("/sw.js").get_data(as_text=True)
    assert 'cache: entry.immutable ? "default" : "no-cache"' in script

"""Offline use: the web app manifest per language, the service worker at /sw.js and its precache
list (every page of every journey in ru, kk and en that needs no answers, and the static files),
each entry with a hash of its content."""
from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
import json
from functools import lru_cache

from flask import Blueprint, Response, current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..assets import static_url
from ..i18n import LANGUAGES

bp = Blueprint("pwa", __name__)

THEME_COLOUR = "#0f5e63"
# Pages that need no answers, per language. Result pages and documents carry answers and are
# never cached.
PAGES = ("pages.start", "deadlines.questions", "deadlines.offline", "documents.start", "documents.offline")
# The manifests and the install icons are not here: the browser reads them when it installs the
# app, with a connection, and no page needs them offline (each request costs a round trip on a
# slow network). The 192 px icon is every page's own icon.
STATIC_FILES = ("css/app.css", "css/documents.css", "js/app.js", "js/core/evaluator.js", "js/core/words.js",
                "js/core/explain.js", "js/core/calendar.js", "js/offline.js", "js/offline-plan.js", "js/answers.js", "js/kept-files.js", "js/rows.js",
                "js/offline-documents.js", "js/print-documents.js", "js/host-link.js",
                "icons/icon-192.png")
# Fetched once the precache is done and kept (the precache budget has no room for them): the
# footer's "answers on this device" panel, "Send to your host", the proof wallet, "What if…" and
# the border checklist in each language; the proof wallet's script and the QR encoder of "Send to
# your host".
AFTER_READY_PAGES = ("pages.device_answers", "pages.send_to_host", "pages.proof", "pages.what_if", "pages.checklist")
AFTER_READY_FILES = ("js/vendor/qrcodegen.js", "js/proof-wallet.js")


def after_ready_urls() -> list[str]:
    return ([url_for(endpoint, lang=lang) for endpoint in AFTER_READY_PAGES for lang in LANGUAGES]
            + [static_url(name) for name in AFTER_READY_FILES])


def precache_urls() -> list[str]:
    urls = [url_for(endpoint, lang=lang) for lang in LANGUAGES for endpoint in PAGES]
    # The blank documents the phone fills and prints (the fonts stay out: the phone's own are used).
    urls.append(url_for("print.blank_documents"))
    urls += [static_url(name) for name in STATIC_FILES]
    urls += [url_for("api.rules"), url_for("api.countries"), url_for("api.documents_print_data")]
    return urls


@lru_cache(maxsize=4)
def _precache(app_id: int) -> tuple[tuple[dict, ...], str]:
    """[{url, revision}] and the version: fetched once per process through the app itself.

    In a thread of its own: requests made from inside a request would share its `g`, and with it
    the language Flask-Babel chose for that request."""
    app = current_app._get_current_object()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_fetch_precache, app).result()


def _fetch_precache(app) -> tuple[tuple[dict, ...], str]:
    entries = []
    with app.test_request_context():
        urls = precache_urls()
    with app.test_client() as client:
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"precache entry {url} answered {response.status_code}")
            entries.append({"url": url, "revision": hashlib.sha256(response.data).hexdigest()[:16]})
            response.close()
    version = hashlib.sha256(json.dumps(entries).encode()).hexdigest()[:12]
    return tuple(entries), version


def precache() -> tuple[tuple[dict, ...], str]:
    return _precache(id(current_app._get_current_object()))


@bp.get("/sw.js")
def service_worker():
    entries, version = precache()
    after_ready = json.dumps(after_ready_urls())
    # The files kept after "ready" carry their content hash in their URL: a new one is a new version.
    version = hashlib.sha256((version + after_ready).encode()).hexdigest()[:12]
    body = render_template("pwa/sw.js", entries=json.dumps(list(entries)), version=version, after_ready=after_ready)
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/<any(ru,kk,en):lang>/manifest.webmanifest")
def manifest():
    from flask import g

    with force_locale(g.lang):
        document = {
            "name": _("Tirkeu: stay legal in Kazakhstan"),
            "short_name": "Tirkeu",
            "description": _("What to register in Kazakhstan and by when, from your date of entry. Works on a phone."),
            "lang": g.lang,
            "dir": "ltr",
            "id": "/",
            "start_url": url_for("pages.start", lang=g.lang),
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": "#ffffff",
            "icons": [
                {"src": static_url("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": static_url("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
                {"src": static_url("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            ],
        }
    response = Response(json.dumps(document, ensure_ascii=False), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response

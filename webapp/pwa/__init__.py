"""Offline use: the web app manifest per language, the service worker at /sw.js and its precache
list (every page of every journey in ru, kk and en that needs no answers, and the static files),
each entry with a hash of its content."""
from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from flask import Blueprint, Response, current_app, g, render_template, url_for
from flask_babel import gettext as _

from ..documents.answers import STEPS, TRAVELLER_STEPS
from ..documents.group import OTHERS
from ..web.assets import static_url
from ..web.comments import strip_script
from ..web.i18n import force_language, languages
from .offline import AFTER_READY, INSTALL, NEVER, OPENED, keep, marked_urls

bp = Blueprint("pwa", __name__)

THEME_COLOUR = "#0f5e63"
# The pages the phone keeps are marked on their routes (offline.py). Static files have no routes:
# these are precached. The manifests and the install icons are not: the browser reads them when it
# installs the app, with a connection, and no page needs them offline (each request costs a round
# trip on a slow network). The 192 px icon is every page's own icon.
# The scripts every page runs are one module of their own (store.pages_module_url).
STATIC_FILES = ("css/app.css", "css/documents.css", "js/core/evaluator.js", "js/core/words.js",
                "js/core/explain.js", "js/core/calendar.js", "js/core/checks.js", "js/core/document-values.js",
                "js/core/host-link.js", "js/core/group.js", "js/offline-plan.js", "js/offline-documents.js",
                "js/print-documents.js", "js/host-link.js", "icons/icon-192.png")
# Fetched once the precache is done and kept (the precache budget has no room for them): the proof
# wallet's script, the QR encoder of "Send to your host", the documents' fields following the
# document crossed with (without it, offline, every field shows and the checks still follow it),
# and the host's page's script (a guest may show their host the page on their own phone).
AFTER_READY_FILES = ("js/vendor/qrcodegen.js", "js/proof-wallet.js", "js/document-kind.js", "js/host-page.js")


def after_ready_urls() -> list[str]:
    app = current_app._get_current_object()
    return marked_urls(app, AFTER_READY) + [static_url(name) for name in AFTER_READY_FILES]


def precache_urls() -> list[str]:
    """The journeys' pages in every language, the blank documents the phone fills and prints (the
    fonts stay out: the phone's own are used), the data they need, and the static files."""
    return (marked_urls(current_app._get_current_object(), INSTALL) + [static_url(name) for name in STATIC_FILES]
            + [store.pages_module_url()])


def routes() -> dict:
    """What the service worker needs to know of the URL map (webapp/templates/pwa/sw.js)."""
    app = current_app._get_current_object()
    return {
        "languages": list(languages()),
        # Pages to read: kept each time they are opened with a connection.
        "reading": marked_urls(app, OPENED) + marked_urls(app, AFTER_READY, part=False),
        # Parts a page's script fetches into itself: kept each time they come.
        "parts": marked_urls(app, AFTER_READY, part=True),
        "documents_steps": [*STEPS, OTHERS, "check"],  # OTHERS: the list of adults travelling together
        "traveller_steps": list(TRAVELLER_STEPS),
    }


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
            entry = {"url": url, "revision": hashlib.sha256(response.data).hexdigest()[:16]}
            if "immutable" in response.headers.get("Cache-Control", ""):
                entry["immutable"] = True  # its address carries its hash: the browser's copy is this file
            entries.append(entry)
            response.close()
    version = hashlib.sha256(json.dumps(entries).encode()).hexdigest()[:12]
    return tuple(entries), version


def precache() -> tuple[tuple[dict, ...], str]:
    return _precache(id(current_app._get_current_object()))


@bp.get("/sw.js")
@keep(NEVER, reason="the browser fetches it itself, past every cache, to find updates")
def service_worker():
    entries, version = precache()
    after_ready = json.dumps(after_ready_urls())
    # The files kept after "ready" carry their content hash in their URL: a new one is a new version.
    version = hashlib.sha256((version + after_ready).encode()).hexdigest()[:12]
    # Without its comment-only lines, as the phone's other scripts (web/comments.py): it is fetched
    # before anything is kept, so its bytes count for "Ready offline".
    body = strip_script(render_template("pwa/sw.js", entries=json.dumps(list(entries)), version=version, after_ready=after_ready,
                           routes=json.dumps(routes(), ensure_ascii=False),
                           store_code=store.classic_store(), pages_module=store.pages_module_url(),
                           handover=json.dumps(store.handover())), keep_lines=True)
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/<lang:lang>/device-answers")
@keep(AFTER_READY, part=True)
def device_answers():
    """The footer's "Your answers on this device", which static/js/answers.js puts in every page."""
    return render_template("pwa/device_answers.html")


@bp.get("/<lang:lang>/manifest.webmanifest")
@keep(NEVER, reason="the browser reads it when it installs the app, with a connection")
def manifest():
    with force_language(g.lang):
        document = {
            "name": _("Tirkeu: stay legal in Kazakhstan"),
            "short_name": "Tirkeu",
            "description": _("What to register in Kazakhstan and by when, from your date of entry. Works on a phone."),
            "lang": g.lang,
            "dir": "ltr",
            "id": "/",
            "start_url": url_for("guidance.start", lang=g.lang),
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": "#ffffff",
            "icons": [
                {"src": static_url("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": static_url("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
                {"src": static_url("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png",
                 "purpose": "maskable"},
            ],
        }
    response = Response(json.dumps(document, ensure_ascii=False), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response


from . import store  # noqa: E402  (its route joins this blueprint)

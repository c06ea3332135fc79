"""The device store's schema: the one definition of the phone's IndexedDB database, handed to the
phone's only opener of it, static/js/core/store.js, with the schema in it (a page holding the
schema itself would cost every precached page its bytes). /sw.js has it rendered in as a classic
script (`classic_store`: the service worker stays a classic worker); pages run it in their one
shared module at a content-hashed address (`pages_module_url`): the store's code, its SCHEMA,
answers.js and the other scripts every page runs, whole-line comments left out, precached like a
static file.

The database only ever grows: a migration creates object stores and moves records between them
inside the upgrade's own transaction, so an upgrade that fails leaves the previous version whole
(and the page gets the fallback for that visit). Where IndexedDB is missing (some private windows)
the answers go to localStorage, or memory; PDFs and proofs, too big for localStorage, then last as
long as the page, which the proof wallet says (store.durable). While a tab of the previous version
holds the database open, the upgrade is blocked and waits for it to close, and what is saved
meanwhile waits with it; a tab of this version closes its connection when a newer one asks.
Nothing here ever holds a person's answers: the server only describes where the phone keeps them.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

from flask import Response, url_for

from ..case import phone_case
from ..deadlines.forms import NAVIGATION as DEADLINES_NAVIGATION
from ..documents.answers import HOST_LANGUAGE_FIELD
from ..documents.answers import NAVIGATION as DOCUMENTS_NAVIGATION
from ..web.assets import served
from ..web.modules import shared_module
from . import bp
from .offline import NEVER, keep

NAME = "tirkeu"
ANSWERS, FILES, PROOFS = "answers", "files", "proofs"
# Keys inside the stores. "files" holds PDFs as "<lang>/<name>" and PDFs asked for offline as
# "pending/<lang>/<name>" (static/js/kept-files.js); "proofs" the proof wallet's documents as
# "proof/<id>" (static/js/proof-wallet.js): the key a proof had in "files" in version 2.
PREFIXES = {"pending": "pending/", "proof": "proof/"}
# Where IndexedDB is missing (some private windows) the answers go to localStorage under this prefix.
LOCAL_PREFIX = "tirkeu-answers:"
# The service worker hands answers posted without a network to the phone's documents page after
# the "#" with the path they were posted to (static/js/offline-documents.js reads it).
HANDOVER_FIELD = "_from"

# Each version's changes, oldest first; version N's entry is applied to a database older than N.
# Version 1 (before the PDFs) and 2 are today's phones: their entries must never change.
MIGRATIONS = (
    {"version": 1, "create": [ANSWERS]},
    {"version": 2, "create": [FILES]},
    # The proof wallet's documents get their own store: a list of kept PDFs or "Delete all" no
    # longer reads every photo of a proof, and each list shows only its own records.
    {"version": 3, "create": [PROOFS], "move": [{"from": FILES, "to": PROOFS, "prefix": PREFIXES["proof"]}]},
    # "My deadlines" names its earlier stays s-<n>-… (webapp/case.py ROWS): its record's
    # previous_stays-<n>-… are renamed, after any s-<n> there (core/store.js renamedRows).
    {"version": 4, "rename": [{"store": ANSWERS, "key": "deadlines", "from": "previous_stays", "to": "s"}]},
)
VERSION = MIGRATIONS[-1]["version"]


def not_answers() -> list[str]:
    """Form controls that are not answers, never saved on the phone: the buttons and hidden fields
    each journey's server code reads as navigation, the host's language of "Send to your host",
    and the service worker's handover field."""
    return [*DEADLINES_NAVIGATION, *DOCUMENTS_NAVIGATION, HOST_LANGUAGE_FIELD, HANDOVER_FIELD]


def schema() -> dict:
    stores = sorted({name for step in MIGRATIONS for name in step.get("create", [])})
    # Pages reach the stores by name (store.files, store.proofs); the answers' store is named for
    # the fallback, which keeps only the answers in localStorage.
    return {"name": NAME, "version": VERSION, "stores": stores, "answers": ANSWERS, "prefixes": PREFIXES,
            "localPrefix": LOCAL_PREFIX, "notAnswers": not_answers(), "migrations": list(MIGRATIONS),
            # One case for both journeys (webapp/case.py): answers.js copies it from one's record to the other's.
            "case": phone_case()}


def handover() -> dict:
    """What the service worker passes to the phone's documents page after the "#" for a step posted
    without a network: the field with the path it was posted to, and the wizard's controls."""
    return {"field": HANDOVER_FIELD, "navigation": list(DOCUMENTS_NAVIGATION)}


def schema_json() -> str:
    return json.dumps(schema(), ensure_ascii=False, separators=(",", ":"))


def _script(name: str) -> str:
    """A script as the phone gets it, without its comment-only lines (web/assets.py `served`)."""
    return served(f"js/{name}").decode("utf-8")


def _source() -> str:
    return _script("core/store.js")


# What every page runs, served as one module (`pages_module_url`): the store with its SCHEMA, then
# these, in this order; start.js, last, starts the enhancers the markup names.
PAGES_MODULE = ("answers.js", "core/country-match.js", "app.js", "offline.js", "rows.js", "kept-files.js", "start.js")
_INNER_IMPORT = re.compile(r'^import [^;]* from "\./(?:core/store|{})\.js";\n'.format(
    "|".join(re.escape(name.removesuffix(".js")) for name in PAGES_MODULE)), re.MULTILINE)
_TOP_NAME = re.compile(r"^(?:export )?(?:async )?(?:function|const|let|var|class) ([A-Za-z_$][\w$]*)", re.MULTILINE)


@lru_cache(maxsize=4)
def _joined(parts: tuple[str, ...]) -> str:
    """The files as one module: the imports between them go; they share one scope, so a name
    declared at the top of two of them, or an import from elsewhere, is refused."""
    body = "".join(_INNER_IMPORT.sub("", part) for part in parts)
    names = _TOP_NAME.findall(body)
    if len(names) != len(set(names)) or re.search(r"^import\b", body, re.MULTILINE):
        raise RuntimeError(f"{PAGES_MODULE} share one module: no top-level name twice, no other import")
    return body


def _pages_script() -> str:
    return _joined((_source(), f"export const SCHEMA = {schema_json()};\n", *(_script(name) for name in PAGES_MODULE)))


@lru_cache(maxsize=16)
def _hash(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:12]


def pages_module_url() -> str:
    """The pages' module (PAGES_MODULE). Its content hash is in the path (a query
    string marks a response that shows answers, no-store: webapp/web/headers.py), so that it is
    cached for ever, and kept by the service worker like a static file."""
    return url_for("pwa.pages_module", version=_hash(_pages_script()))


shared_module([f"js/{name}" for name in PAGES_MODULE], pages_module_url)


@bp.get("/pages-<version>.js")
@keep(NEVER, reason="precached at its content-hashed address with the static files (pwa.precache_urls)")
def pages_module(version: str):
    body = _pages_script()
    response = Response(body, mimetype="text/javascript")
    # Only the current address is immutable: an old one answered with a new body must not stick.
    current = version == _hash(body)
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable" if current else "no-cache"
    return response


# `export function name`, `export async function name`, `export const name`: the only forms of
# export core/store.js may use, so that the service worker can hold it as a classic script.
_EXPORT = re.compile(r"^export (?=(?:async )?function |const |class )", re.MULTILINE)
_EXPORTED = re.compile(r"^export (?:async )?(?:function|const|class) ([A-Za-z_$][\w$]*)", re.MULTILINE)


@lru_cache(maxsize=4)
def _classic(source: str, schema_text: str) -> str:
    names = _EXPORTED.findall(source)
    code = _EXPORT.sub("", source)
    # Anything else (an import, `export {…}`, `export default`) would be a syntax error in a classic
    # script: refuse to serve it rather than break the phone's store.
    if re.search(r"^\s*(?:import\b|export\b)", code, re.MULTILINE):
        raise RuntimeError("static/js/core/store.js may only export functions and constants, and import nothing")
    return f"var TirkeuStore = (() => {{\n{code}\nreturn {{ {', '.join(names)}, SCHEMA: {schema_text} }};\n}})();\n"


def classic_store() -> str:
    """core/store.js as a classic script that defines TirkeuStore: its exports and SCHEMA.

    The service worker stays a classic worker: module service workers came to Firefox only in
    version 147 (January 2026; Chromium 91 and Safari 15 had them since 2021), an older Firefox
    fails to register one with no way to tell beforehand, and it would lose all offline use. Its
    code is core/store.js itself, so there is still one opener, one upgrade and one schema."""
    return _classic(_source(), schema_json())

"""The phone's ES modules: DOM-free core, every import sent to a kept, hashed address by the import
map, the map allowed by the Content-Security-Policy, and the result page's messages all found."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from webapp.deadlines.offline_data import RENDERERS
from webapp.pwa import AFTER_READY_FILES, STATIC_FILES
from webapp.pwa.store import PAGES_MODULE
from webapp.web.modules import IMPORT, imported_by

JS = Path(__file__).parent.parent / "static" / "js"
TEMPLATES = Path(__file__).parent.parent / "webapp" / "templates"
COMMENT = re.compile(r"^\s*//.*$|//[^\"'\n]*$", re.M)
# The pages' own enhancers, as the templates name them (data_module), start.js imports them.
ENTRIES = ("js/offline-plan.js", "js/offline-documents.js", "js/host-link.js", "js/print-documents.js", "js/proof-wallet.js",
           "js/document-kind.js", "js/host-page.js")
# start.js's one import of a page's own enhancer, by the name the markup gives.
OWN_IMPORT = 'import("/static/js/" + name + ".js")'


def test_every_import_is_read_for_the_import_map():
    """An import the map misses would fetch the module's plain address, which no cache keeps."""
    for path in JS.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if re.match(r"\s*import\b", line)]
        assert all(IMPORT.fullmatch(line) for line in lines), (path.name, lines)
        if path.name == "start.js":
            assert text.count("import(") == 1 and OWN_IMPORT in text
        else:
            assert not re.search(r"\bimport\s*\(", text), path.name


def _named_in_templates() -> tuple[set[str], set[str]]:
    """The enhancers the templates name: data-module="…" (the shared ones, in the pages' module)
    and data_module("…") (a page's own, a file of that name)."""
    shared, own = set(), set()
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        shared |= set(re.findall(r'data-module="([^"]+)"', text))
        own |= set(re.findall(r'data_module\("([^"]+)"\)', text))
    return shared, own


def test_every_enhancer_the_markup_names_exists():
    shared, own = _named_in_templates()
    start = (JS / "start.js").read_text(encoding="utf-8")
    assert shared == {"rows", "offline-status", "day-grid", "phone-link", "device-answers", "answers", "country-list"}
    for name in shared:
        assert name in start, name
    assert {f"js/{name}.js" for name in own} == set(ENTRIES)
    for name in own:
        assert re.search(r"^export function init\(", (JS / f"{name}.js").read_text(encoding="utf-8"), re.M), name
        assert name not in start  # started by its name in the markup only


def test_no_globals_between_scripts():
    """Shared things are imported (the store, the answers, the day grid), never left on window."""
    for path in JS.rglob("*.js"):
        if "vendor" in path.parts:
            continue
        code = COMMENT.sub("", path.read_text(encoding="utf-8"))
        assert not re.search(r"\bTirkeu[A-Z]", code), path.name
        assert not re.search(r"\bwindow\.\w+\s*=[^=]", code), path.name
        assert not re.search(r"^\(function\b", code, re.M), path.name  # no wrappers: modules have their own scope


def test_every_module_a_page_needs_is_kept_offline(app):
    with app.test_request_context():
        needed = {name for entry in ENTRIES for name in imported_by(entry)}
        assert {"js/core/evaluator.js", "js/core/words.js", "js/core/explain.js", "js/core/calendar.js", "js/core/checks.js",
                "js/core/document-values.js", "js/core/host-link.js"} <= needed
        assert imported_by("js/offline-plan.js")[:2] == ["js/core/evaluator.js", "js/core/words.js"]
    assert needed | set(ENTRIES) <= set(STATIC_FILES) | set(AFTER_READY_FILES) | {f"js/{name}" for name in PAGES_MODULE}


def test_core_modules_do_not_touch_the_page():
    for path in (JS / "core").glob("*.js"):
        code = COMMENT.sub("", path.read_text(encoding="utf-8"))
        # The page's globals, used as objects ("stay.window_days" and "{ window: … }" are not).
        assert not re.search(r"(?<![\w.])(window|document|self|localStorage|navigator)\s*[.\[]", code), path.name


def test_the_documents_scripts_take_languages_and_steps_from_the_data():
    """A language or a step is added in Python only (web/i18n.py, documents/answers.py STEPS): the
    documents' scripts get them from the page's checks and the print data."""
    for name in ("offline-documents.js", "print-documents.js", "host-link.js", "core/checks.js",
                 "core/document-values.js", "core/host-link.js"):
        code = COMMENT.sub("", (JS / name).read_text(encoding="utf-8"))
        assert not re.search(r'\((?:ru|kk|en)\|', code), name  # a regular expression of the languages
        assert not re.search(r'\[\s*"person"', code), name  # a list of the steps
        if not name.startswith("core/"):
            assert not re.search(r'"(?:ru|kk|en)"', code), name


def test_every_message_of_the_result_page_is_a_literal():
    """offline_data finds the messages the phone needs by reading the calls: a message id that is
    not written out would never reach the phone."""
    call = re.compile(r'(?<![\w.])(?<!function )(?:_|ngettext)\(\s*+(?!")')
    for path in RENDERERS:
        text = path.read_text(encoding="utf-8")
        assert not call.search(text), (path.name, text[call.search(text).start():][:60] if call.search(text) else "")


@pytest.mark.parametrize("page", ["/ru/deadlines/offline", "/kk/documents/offline", "/en/proof", "/documents/print"])
def test_pages_with_modules_carry_the_import_map_their_policy_allows(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    maps = re.findall(r'<script type="importmap">(.*?)</script>', html, re.S)
    assert len(maps) == 1  # one per page, before the first module: a later one is ignored
    assert html.index('<script type="importmap">') < html.index('<script type="module"')
    imports = json.loads(maps[0])["imports"]
    shared = re.search(r'<script type="module" src="(/pages-[0-9a-f]{12}\.js)"></script>', html).group(1)
    assert imports and all(re.fullmatch(re.escape(plain) + r"\?v=[0-9a-f]{12}", hashed) or hashed == shared
                           for plain, hashed in imports.items())
    for hashed in imports.values():
        module = client.get(hashed)
        assert module.status_code == 200
        module.close()
    digest = base64.b64encode(hashlib.sha256(maps[0].encode()).digest()).decode()
    policy = response.headers["Content-Security-Policy"]
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    assert "unsafe-inline" not in policy


def test_pages_without_modules_allow_no_inline_script(client):
    response = client.get("/en/deadlines/")
    assert "script-src 'self';" in response.headers["Content-Security-Policy"]
    assert "importmap" not in response.get_data(as_text=True)  # the pages' module imports nothing

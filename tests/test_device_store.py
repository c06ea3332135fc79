"""The device store's schema (webapp/pwa/store.py): one definition, handed to the phone's only opener
of its database (static/js/core/store.js) through /device-store.js and the service worker.
The migrations themselves run in tests/js/store.test.mjs and tests/browser/test_store_upgrade.py."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.documents_data import form_answers
from webapp.pwa import store
from webapp.web.comments import strip_script

STATIC_JS = Path(__file__).parent.parent / "static" / "js"


def _names(html: str, tag: str) -> set[str]:
    return set(re.findall(rf'<{tag}\b[^>]*\bname="([^"]+)"', html))


def _button_names(html: str) -> set[str]:
    return _names(html, "button")


def test_today_s_phones_versions_never_change_and_versions_follow_each_other():
    # Versions 1 and 2 are what main's answers.js created: a database of either must upgrade.
    assert store.MIGRATIONS[:2] == ({"version": 1, "create": ["answers"]}, {"version": 2, "create": ["files"]})
    assert [step["version"] for step in store.MIGRATIONS] == list(range(1, store.VERSION + 1))
    created = [name for step in store.MIGRATIONS for name in step.get("create", [])]
    assert len(created) == len(set(created))
    for step in store.MIGRATIONS:  # a move only goes between stores that exist by then
        earlier = {name for s in store.MIGRATIONS if s["version"] <= step["version"] for name in s.get("create", [])}
        for move in step.get("move", []):
            assert {move["from"], move["to"]} <= earlier and move["prefix"]


def test_the_fields_that_are_not_answers_are_the_journeys_navigation(client):
    """Every button the server reads (each journey's NAVIGATION) is never kept as an answer, and
    no field of the list is stale: each is on a page, or is the service worker's handover."""
    not_answers = set(store.not_answers())
    questions = client.get("/en/deadlines/?s-0-entry-day=1").get_data(as_text=True)
    answers = form_answers()
    step = client.post("/en/documents/passport", data={**answers, "nav": "change", "return_to": "check"}).get_data(as_text=True)
    children = client.post("/en/documents/children", data={**answers, "nav": "add_child"}).get_data(as_text=True)
    check = client.post("/en/documents/check", data=answers).get_data(as_text=True)
    host = client.get("/en/documents/send-to-host").get_data(as_text=True)
    pages = (questions, step, children, check)
    buttons = set().union(*(_button_names(html) for html in pages))
    assert buttons and buttons <= not_answers, buttons - not_answers
    assert '<input type="hidden" name="return_to" value="check">' in step
    assert _names(host, "input") == {store.HOST_LANGUAGE_FIELD}
    seen = buttons | {"return_to", store.HOST_LANGUAGE_FIELD, store.HANDOVER_FIELD}
    assert not_answers == seen
    # And no answer is among them: the forms' own fields are all kept.
    fields = set(answers) | {"citizenship", "entry_date-day", "s-0-entry-day"}
    assert not fields & not_answers


def test_only_core_store_opens_the_database():
    openers = [path.relative_to(STATIC_JS).as_posix() for path in STATIC_JS.rglob("*.js")
               if "indexedDB.open" in path.read_text(encoding="utf-8") or ".open(schema.name" in path.read_text(encoding="utf-8")]
    assert openers == ["core/store.js"]
    template = (Path(store.__file__).parent.parent / "templates" / "pwa" / "sw.js").read_text(encoding="utf-8")
    assert "indexedDB" not in template and '"tirkeu"' not in template


def _schema_in(script: str) -> dict:
    return json.loads(re.search(r"^return \{ isAnswer, (?:[\w$]+, )*SCHEMA: (\{.*\}) \};$", script, re.MULTILINE).group(1))


def test_the_service_worker_holds_the_store_and_its_schema(client):
    script = client.get("/sw.js").get_data(as_text=True)
    assert "function openStore(schema, env)" in script and not re.search(r"^\s*(export|import)\b", script, re.MULTILINE)
    with client.application.app_context():
        assert store.classic_store() in script  # the module itself, not a copy of its logic
    assert _schema_in(script) == store.schema()


def _code(name: str) -> list[str]:
    """A script's lines as the phone gets them: comment-only lines emptied (web/comments.py, checked
    by tests/test_served_modules.py)."""
    return strip_script((STATIC_JS / name).read_text(encoding="utf-8"), keep_lines=True).splitlines()


def test_pages_run_one_module_the_store_its_schema_and_the_shared_scripts(client):
    url = None
    for page in ("/en/", "/documents/print"):  # the print page has a layout of its own
        html = client.get(page).get_data(as_text=True)
        found = re.findall(r'<script type="module" src="(/pages-[0-9a-f]{12}\.js)"></script>', html)
        assert len(found) == 1 and "<script src=" not in html and html.count('<script type="module"') == 1
        url = url or found[0]
        assert found[0] == url
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    body = response.get_data(as_text=True)
    lines = body.splitlines()
    store_code = _code("core/store.js")
    assert lines[:len(store_code)] == store_code  # the module itself, exports and all
    schema_line = lines[len(store_code)]
    assert json.loads(schema_line.removeprefix("export const SCHEMA = ").removesuffix(";")) == store.schema()
    rest = lines[len(store_code) + 1:]
    expected = [line for name in store.PAGES_MODULE for line in _code(name) if not line.startswith("import ")]
    assert rest == expected and not re.search(r"^import\b", body, re.MULTILINE)
    # Another hash (a page of an older version asking a newer server) is answered, not kept for ever.
    assert client.get("/pages-000000000000.js").headers["Cache-Control"] == "no-cache"


def test_the_precache_holds_the_pages_module(client):
    script = client.get("/sw.js").get_data(as_text=True)
    urls = [entry["url"] for entry in json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))]
    with client.application.test_request_context():
        url = store.pages_module_url()
    assert url in urls and f'const PAGES_MODULE = "{url}";' in script
    assert not any(name in u for u in urls for name in store.PAGES_MODULE)


def test_the_pages_module_refuses_a_name_declared_twice_or_an_outside_import():
    with pytest.raises(RuntimeError):
        store._joined(("function a() {}\n", "export function a() {}\n"))
    with pytest.raises(RuntimeError):
        store._joined(('import { x } from "./core/words.js";\n',))
    assert store._joined(('import { save } from "./answers.js";\nexport const b = 1;\n',)) == "export const b = 1;\n"


@pytest.mark.parametrize("source", ["import { x } from './y.js';\nexport function f() {}",
                                    "export function f() {}\nexport { f as g };",
                                    "export default function () {}"])
def test_a_store_module_a_classic_script_cannot_hold_is_refused(source):
    with pytest.raises(RuntimeError):
        store._classic(source, "{}")


def test_the_classic_copy_keeps_every_export():
    code = store._classic("export function a() {}\nexport async function b() {}\nexport const c = 1;\nfunction d() {}", '{"v":1}')
    assert code.startswith("var TirkeuStore = (() => {") and 'return { a, b, c, SCHEMA: {"v":1} };' in code
    assert "export" not in code

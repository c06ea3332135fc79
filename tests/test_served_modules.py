"""The phone's scripts and stylesheets are served without their comment-only and blank lines
(webapp/web/comments.py, webapp/web/assets.py). What is served must be the same program: the
stripping is checked on tricky inputs, every served script has the source's tokens with the same
line breaks on the same lines (node with espree, ESLint's parser), node's own tests run on the
served text, and every address's hash is of what it serves."""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest

from webapp.web.comments import strip_script, strip_stylesheet

from .served_files import STATIC, scripts, write_served

ROOT = Path(__file__).resolve().parent.parent
SAME_TOKENS = ROOT / "tests" / "js" / "same-tokens.mjs"


def stripped(text: str) -> str:
    result = strip_script(text, keep_lines=True)
    assert result.count("\n") == text.count("\n")  # every line keeps its number
    assert strip_script(text).replace("\n", "") == result.replace("\n", "")
    return strip_script(text)


def test_comment_lines_and_blank_lines_go_code_and_other_comments_stay():
    source = ('"use strict";\n// a note\n\n  /* a block\n     on two lines */\nconst a = 1; // after code\n'
              "/* before code */ const b = 2;\n\t// indented\nexport { a, b };\n")
    assert stripped(source) == '"use strict";\nconst a = 1; // after code\n/* before code */ const b = 2;\nexport { a, b };\n'
    assert strip_script(source, keep_lines=True) == ('"use strict";\n\n\n\n\nconst a = 1; // after code\n'
                                                     "/* before code */ const b = 2;\n\nexport { a, b };\n")


def test_strings_that_hold_comment_marks_stay():
    source = ('const urls = [\n  "//cdn.example/x.js",\n  \'/* not a comment */\',\n  "http://a/b",\n];\n'
              'const joined = "a\\\n// still the string\\\n";\n')
    assert stripped(source) == source


def test_template_literals_spanning_lines_stay_whole():
    source = ("const text = `first line\n// inside the template\n\n/* inside too */\n${ {a: \"}\"}.a }\n"
              "// still inside, after a substitution\n${`nested\n// nested template\n`}`;\n// a comment\nlet x;\n")
    assert stripped(source) == source.replace("// a comment\n", "")


def test_regular_expressions_with_comment_marks_and_quotes_stay():
    source = ('const r = /x\\/*/g;\n// gone\nconst q = /"/;\n// gone\nconst c = /[/*"`]/;\n// gone\n'
              'function f(s) {\n  return /\'/.test(s);\n}\n// gone\nconst end = "*/";\n')
    assert stripped(source) == source.replace("// gone\n", "")


def test_a_division_is_not_taken_for_a_regular_expression():
    source = ("const half = total / 2, third = (a + b) / 3, q = list[0] / 4 / 5;\n// gone\n"
              "const t = `x\n// kept`;\nconst g = n / 2; const s = \"/*\";\n// gone\nlet y;\n")
    assert stripped(source) == source.replace("// gone\n", "")


def test_a_block_comment_that_does_not_end_a_line_stays():
    source = "/* starts a line */ call();\n/* spans\n lines */ call();\n/* whole */\ncall();\n"
    assert stripped(source) == source.replace("/* whole */\n", "")


def test_stylesheets_lose_only_comment_only_and_blank_lines():
    source = ('/* about */\na { content: "/* not a comment */"; }\n\n  /* two\n  lines */\n'
              "b { background: url(//example.invalid/x.png); } /* after */\n//c { }\n")
    assert strip_stylesheet(source) == ('a { content: "/* not a comment */"; }\n'
                                        "b { background: url(//example.invalid/x.png); } /* after */\n//c { }\n")
    assert strip_stylesheet(source, keep_lines=True).count("\n") == source.count("\n")


@pytest.fixture(scope="module")
def served_dir(tmp_path_factory):
    from webapp import create_app

    directory = tmp_path_factory.mktemp("served")
    write_served(create_app({"TESTING": True}), directory)  # refuses an address whose hash is not of its text
    return directory


def _same_program(source: Path, served: Path, kind: str = "module") -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(SAME_TOKENS), str(source), str(served), kind], cwd=ROOT, capture_output=True,
                          text=True, env={"PATH": "/usr/bin:/usr/local/bin:/bin", "SAME_LINES": "1"})


@pytest.mark.parametrize("name", scripts())
def test_every_served_script_is_the_source_s_program_on_its_lines(served_dir, name):
    run = _same_program(STATIC / name, served_dir / name)
    assert run.returncode == 0, run.stderr
    source, served = (STATIC / name).read_text(encoding="utf-8"), (served_dir / name).read_text(encoding="utf-8")
    if "vendor" in name:
        assert served == source  # its licence is a comment
    else:
        assert not re.search(r"^[ \t]*//", served, re.M) and len(served) < len(source)


def test_the_served_scripts_pass_node_s_tests(served_dir):
    """The node tests that need no golden files, on the served text (scripts/test.sh runs them all)."""
    from webapp.rules.export import rules_json

    (served_dir / "rules.json").write_text(rules_json(), encoding="utf-8")
    run = subprocess.run(["node", "--import", "./tests/js/served.mjs", "--test", "tests/js/evaluator.test.mjs",
                          "tests/js/host-link.test.mjs", "tests/js/store.test.mjs", "tests/js/transliteration.test.mjs"],
                         cwd=ROOT, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/usr/local/bin:/bin", "TIRKEU_SERVED": str(served_dir),
                              "TIRKEU_RULES_JSON": str(served_dir / "rules.json")})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"^# pass [1-9]\d*$", run.stdout, re.M) and re.search(r"^# fail 0$", run.stdout, re.M)


def test_the_pages_module_and_the_service_worker_parse(client, tmp_path):
    """Both are made of the served text (pwa/store.py): the pages' module as a module, /sw.js, with
    core/store.js in it, as a classic script; neither has a comment-only line."""
    sw = client.get("/sw.js").get_data(as_text=True)
    pages = client.get(re.search(r'const PAGES_MODULE = "([^"]+)"', sw).group(1)).get_data(as_text=True)
    for text, kind in ((pages, "module"), (sw, "script")):
        path = tmp_path / f"{kind}.js"
        path.write_text(text, encoding="utf-8")
        run = _same_program(path, path, kind)
        assert run.returncode == 0, run.stderr
        assert not re.search(r"^[ \t]*//", text, re.M), kind


def test_every_precached_address_carries_the_hash_of_what_it_serves(client):
    script = client.get("/sw.js").get_data(as_text=True)
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    stripped_files = 0
    for entry in entries:
        response = client.get(entry["url"])
        body = response.data
        response.close()
        assert hashlib.sha256(body).hexdigest()[:16] == entry["revision"], entry["url"]
        version = re.search(r"[?&]v=(\w+)$", entry["url"])
        if version:
            assert hashlib.sha256(body).hexdigest()[:12] == version.group(1), entry["url"]
            name = entry["url"].split("?")[0].removeprefix("/static/")
            if name.endswith((".js", ".css")):
                source = (STATIC / name).read_bytes()
                assert len(gzip.compress(body, 6)) < len(gzip.compress(source, 6)), name
                stripped_files += 1
    assert stripped_files >= 12


def test_a_static_script_is_served_stripped_with_its_type_and_revalidated(client):
    from webapp.web.assets import served

    with client.application.test_request_context():
        text = served("js/core/words.js")
    response = client.get("/static/js/core/words.js")
    assert response.status_code == 200 and response.data == text
    assert response.mimetype == "text/javascript" and response.headers["Cache-Control"] == "no-cache"
    assert client.get("/static/js/core/words.js", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert client.get("/static/js/no-such-file.js").status_code == 404
    icon = client.get("/static/icons/icon-192.png")
    assert icon.data == (STATIC / "icons" / "icon-192.png").read_bytes()  # any other file, as it is
    icon.close()

"""The documents' golden file (webapp/golden/documents.py) holds what the server's wizard really
shows: each case's errors are the messages on the server's own step page, in the case's language,
and a case without errors is taken to "Check your answers". The phone's modules are checked against
the file by tests/js/documents-golden.test.mjs."""
from __future__ import annotations

import gzip
import html
import json
import re
from collections import Counter

from webapp.documents.answers import STEPS, step_of
from webapp.golden.documents import case_outputs, cases, write_documents_golden

ERROR = re.compile(r'<p class="error-message" id="([\w-]+)-error">(.*?)</p>', re.S)


def _shown_errors(page: str) -> dict:
    """{field id: message} as the step page shows them (without the hidden "Error:" before each)."""
    out = {}
    for field, body in ERROR.findall(page):
        body = re.sub(r'<span class="visually-hidden">.*?</span>', "", body, flags=re.S)
        out[field] = " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())
    return out


def _step_of(name: str) -> str:
    return step_of(name)


def _outputs(app, count: int) -> list[dict]:
    with app.app_context():
        return [case_outputs(case) for case in cases(count)]


def test_the_errors_are_those_of_the_servers_step_pages(app, client, monkeypatch):
    outputs = _outputs(app, 300)
    compared = Counter()
    for case in [c for c in outputs if c["errors"]][:80]:
        monkeypatch.setitem(app.config, "TODAY", case["today"])  # the session's app, put back after
        for step in dict.fromkeys(_step_of(name) for name in case["errors"]):
            response = client.post(f"/{case['language']}/documents/{step}", data={**case["answers"], "nav": "continue"})
            assert response.status_code == 400, (case["answers"], step)
            expected = {name: message for name, message in case["errors"].items() if _step_of(name) == step}
            assert _shown_errors(response.get_data(as_text=True)) == expected, (case["language"], case["today"], case["answers"])
            compared[case["language"]] += len(expected)
    assert set(compared) == {"ru", "kk", "en"} and sum(compared.values()) > 100, compared


def test_a_case_without_errors_reaches_check_your_answers(app, client, monkeypatch):
    valid = [c for c in _outputs(app, 60) if not c["errors"]][:15]
    assert len(valid) >= 10
    for case in valid:
        monkeypatch.setitem(app.config, "TODAY", case["today"])  # the session's app, put back after
        for step in STEPS:
            response = client.post(f"/{case['language']}/documents/{step}", data={**case["answers"], "nav": "continue"})
            assert response.status_code == 200 and not _shown_errors(response.get_data(as_text=True)), (step, case)
        # A name the transliteration cannot spell (Ә) has no Latin spelling: the Cyrillic one is printed.
        assert (case["values"]["name_latin"] or case["values"]["name_cyrillic"]) and case["values"]["made_on"]


def test_the_corpus_is_seeded_and_mixed(app):
    assert cases(300) == cases(300)
    outputs = _outputs(app, 600)
    valid = sum(1 for c in outputs if c["values"] is not None)
    assert 0.3 * len(outputs) <= valid <= 0.7 * len(outputs), valid
    assert all((c["values"] is None) == bool(c["errors"]) for c in outputs)
    assert {_step_of(name) for c in outputs for name in c["errors"]} == set(STEPS)
    assert {c["language"] for c in outputs} == {"ru", "kk", "en"}
    messages = {message for c in outputs for message in c["errors"].values()}
    assert len(messages) > 60  # not one message over and over
    assert any(c["values"] and c["values"]["children"] for c in outputs)
    assert any(c["values"] and c["values"]["warnings"] for c in outputs)
    # Groups: other adults travelling together, each adult's own errors and values (group.people).
    groups = [c for c in outputs if "people" in c]
    assert 0.1 * len(outputs) <= len(groups) <= 0.3 * len(outputs), len(groups)
    assert any(p["values"] for c in groups for p in c["people"][1:]) and any(p["errors"] for c in groups for p in c["people"][1:])
    assert all(c["people"][0] == {"errors": c["errors"], "values": c["values"]} for c in groups)


def test_the_files_hold_the_pages_data(app, client, tmp_path):
    assert write_documents_golden(app, tmp_path, 30, workers=1) == 30
    # Split at "\n" only: the answers hold characters str.splitlines() also splits at (U+0085).
    lines = [line for line in gzip.decompress((tmp_path / "documents.jsonl.gz").read_bytes()).decode().split("\n") if line]
    assert len(lines) == 30 and all(json.loads(line)["name"] for line in lines)
    data = json.loads((tmp_path / "documents.json").read_text())
    assert data["steps"] == list(STEPS) and data["print"]["languages"] == ["ru", "kk", "en"]
    # The checks the phone's page embeds, exactly (today does not change them).
    for language in ("ru", "kk", "en"):
        page = client.get(f"/{language}/documents/offline").get_data(as_text=True)
        embedded = re.search(r'<script type="application/json" id="tirkeu-offline-checks">(.*?)</script>', page, re.S)
        assert json.loads(embedded.group(1)) == data["checks"][language]
        assert data["checks"][language]["steps"] == list(STEPS)
    assert data["print"] == {**client.get("/api/v1/documents/print-data").get_json(),
                             "countries": client.get("/api/v1/countries").get_json()["names"]}

"""The API's description (GET /api/v1/openapi.json) is valid OpenAPI 3.1 and complete; the README
and docs/api.md list what it describes; its examples are accepted; and the example client in
docs/api.md runs, as a bot author would copy it, against a live server."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import jsonschema
import pytest
from openapi_spec_validator import validate
from pypdf import PdfReader
from werkzeug.serving import make_server

from webapp import create_app
from webapp.documents.schema import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"


@pytest.fixture(scope="module")
def document(app):
    with app.test_client() as client:
        return client.get("/api/v1/openapi.json").json


def operations(description: dict) -> set[str]:
    return {f"{method.upper()} {path}" for path, item in description["paths"].items() for method in item}


def test_the_description_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_every_api_route_is_described_and_nothing_else(app, document):
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            routes |= {f"{method} {path}" for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == operations(document)


def test_each_error_it_describes_is_there(document):
    plan = document["paths"]["/api/v1/plan"]["post"]["responses"]
    assert {"200", "400", "413", "415", "429"} <= set(plan)
    assert "Retry-After" in plan["429"]["headers"]
    assert {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} <= set(plan["200"]["headers"])
    pdf = document["paths"]["/api/v1/documents/{name}.pdf"]["post"]
    assert {"200", "400", "404", "413", "415", "429", "503"} <= set(pdf["responses"])
    assert "host.iin" in pdf["description"] and "passport.expires" in pdf["description"]


def test_the_readme_and_docs_list_what_it_describes(document):
    described = {path for path in document["paths"]}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    api_section = readme[readme.index("- **JSON API**"):readme.index("- **Offline**")]
    in_readme = {path.replace("<name>", "{name}") for path in re.findall(r"`(?:GET |POST )?(/api/v1/[^`? ]+)`", api_section)}
    assert in_readme == described
    table = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^\| `(?:GET|POST) (/api/v1/[^` ?]+)", table, re.M)) == described
    assert set(re.findall(r"^\| `(GET|POST) (/api/v1/[^` ?]+)", table, re.M)) == {
        tuple(op.split(" ", 1)) for op in operations(document)}


def test_its_examples_follow_its_schemas_and_are_accepted(client, document):
    schemas = document["components"]["schemas"]
    plan = document["paths"]["/api/v1/plan"]["post"]["requestBody"]["content"]["application/json"]["example"]
    jsonschema.validate(plan, schemas["PlanRequest"])
    answer = client.post("/api/v1/plan", json=plan)
    assert answer.status_code == 200
    jsonschema.validate(answer.json, schemas["Plan"])
    pdf = document["paths"]["/api/v1/documents/{name}.pdf"]["post"]["requestBody"]["content"]["application/json"]
    for name, example in pdf["examples"].items():
        jsonschema.validate(example["value"], schemas["DocumentAnswers"])
        response = client.post("/api/v1/documents/card.pdf", json=example["value"])
        assert response.status_code == 200 and response.data.startswith(b"%PDF"), name


def test_every_vector_answer_follows_the_plan_schema(client, document):
    schema = document["components"]["schemas"]["Plan"]
    count = 0
    for path in sorted(VECTORS.glob("*.json")):
        if path.name == "errors.json":
            continue
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            response = client.post("/api/v1/plan", json=case["input"])
            assert response.status_code == 200, (path.name, case["name"], response.json)
            jsonschema.validate(response.json, schema)
            count += 1
    assert count > 50


def test_a_body_not_sent_as_json_is_a_415(client):
    for path in ("/api/v1/plan", "/api/v1/documents/card.pdf"):
        response = client.post(path, data="citizenship=RU", content_type="application/x-www-form-urlencoded",
                               headers={"Accept-Language": "en"})
        assert response.status_code == 415
        assert response.json == {"errors": {"body": "Send the body as JSON, with the header Content-Type: application/json"}}


def example_client() -> str:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return text.split("<!-- example-client -->", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]


def test_the_example_client_in_the_docs_runs(tmp_path):
    """As a bot author would run it: a real server on a free port, the text copied as it is."""
    server = make_server("127.0.0.1", 0, create_app({"TESTING": True}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        (tmp_path / "client.py").write_text(example_client(), encoding="utf-8")
        run = subprocess.run([sys.executable, "client.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                             env={"TIRKEU_URL": f"http://127.0.0.1:{server.server_port}", "PATH": "/usr/bin:/bin"})
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr
    assert re.search(r"^self_registration \d{4}-\d{2}-\d{2} https://", run.stdout, re.M), run.stdout
    assert re.search(r"^last day of stay: 2026-11-29$", run.stdout, re.M), run.stdout
    assert "refused: {'entry_date': 'Enter a real date in the form YYYY-MM-DD, for example 2026-09-27'}" in run.stdout
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "card.pdf").pages)
    assert "IVANOV" in text and "ИВАНОВ" in text


@pytest.mark.parametrize("field, value", [
    ("person.surname_latin", ""),  # empty, where the passport's name is required
    ("person.surname_latin", "ИВАНОВ"),  # Cyrillic in a Latin field
    ("person.given_names_latin", True),  # was printed as "True"
    ("children[0].date_of_birth", "9426-01-01"),  # a child born in 9426
    ("person.date_of_birth", "2026-09-06"),  # born after today (TODAY is 2026-09-05)
    ("passport.number", " 75 1234567"),  # a space the form would take away: the schema says no
    ("stay.city", "\t"),
    ("host.phone", "+7 701 123 45 67 8901 23"),
    ("person.citizenship", "ru"),
])
def test_what_the_schema_forbids_the_api_refuses_at_that_field(app, client, document, field, value):
    """The defects a contract run found: the schema allowed what the code refused, or the other way."""
    from webapp.api.validation import schema_errors, validator

    body = copy.deepcopy(EXAMPLE)
    container, key = body, field
    for part in re.findall(r"[^.\[\]]+", field)[:-1]:
        container = container[int(part)] if part.isdigit() else container[part]
    key = re.findall(r"[^.\[\]]+", field)[-1]
    container[key] = value
    with app.test_request_context():
        firm, fallback = schema_errors(validator(document["components"]["schemas"]["DocumentAnswers"]), body)
    assert field in {**firm, **fallback}, "the schema allows it"
    response = client.post("/api/v1/documents/card.pdf", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 400 and field in response.json["errors"], response.json

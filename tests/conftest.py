"""Shared fixtures: the app with a fixed "today", an HTTP client, and the shared vectors."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The suite makes hundreds of PDFs and API calls from one address in a minute; the limits
# themselves are tested with their own low settings (tests/test_serving.py).
os.environ.setdefault("TIRKEU_RATELIMIT_PDF", "100000 per minute")
os.environ.setdefault("TIRKEU_RATELIMIT_API", "100000 per minute")

from webapp import create_app  # noqa: E402  (reads the settings above)

VECTORS = Path(__file__).with_name("vectors")
TODAY = "2026-09-05"


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True, "TODAY": TODAY})


@pytest.fixture()
def client(app):
    return app.test_client()


def load_vectors(*names: str) -> list[dict]:
    cases = []
    for name in names:
        for case in json.loads((VECTORS / name).read_text(encoding="utf-8"))["cases"]:
            cases.append(pytest.param(case, id=f"{name[:-5]}: {case['name']}"))
    return cases


@pytest.fixture()
def live_request_log(app, caplog):
    """What Werkzeug's development server logs for one request carrying answers."""
    import threading
    import urllib.request

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    with caplog.at_level("INFO", logger="werkzeug"):
        url = f"http://127.0.0.1:{server.server_port}/en/deadlines/plan?citizenship=RU&entry_date-day=1"
        try:
            urllib.request.urlopen(url).close()
        except urllib.error.HTTPError as error:  # 400: the answers are incomplete on purpose
            error.close()
        thread.join(timeout=10)
    server.server_close()
    return "\n".join(record.getMessage() for record in caplog.records)

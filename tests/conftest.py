"""Shared fixtures: the app with a fixed "today", an HTTP client, and the shared vectors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from webapp import create_app

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

"""The rate limits hold: one count for every worker of an instance (web/shared_counts.py), a ZIP
counted as the documents it holds, X-Forwarded-For believed only from the proxies' addresses."""
from __future__ import annotations

import multiprocessing
import time

import pytest

from webapp import create_app
from webapp.documents.catalog import DOCUMENTS
from webapp.web.shared_counts import PROBES, SLOTS, SharedCounts

from .documents_data import form_answers

TODAY = "2026-09-10"
PLAN = {"citizenship": "RU", "entry_date": "2026-09-01"}


def _count(storage: SharedCounts, times: int) -> None:
    for _ in range(times):
        storage.incr("pdf/203.0.113.9", 60)


def test_every_process_counts_in_the_same_table():
    """As gunicorn's workers, forked from the process that made the storage: 4 × 250 hits are 1 000."""
    storage = SharedCounts()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_count, args=(storage, 250)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert storage.get("pdf/203.0.113.9") == 1000
    assert storage.get("pdf/203.0.113.10") == 0


def test_a_window_ends_and_counts_again_from_nothing():
    storage = SharedCounts()
    assert storage.incr("api/a", 1) == 1 and storage.incr("api/a", 1, amount=4) == 5
    assert storage.get_expiry("api/a") > time.time()
    time.sleep(1.05)
    assert storage.get("api/a") == 0 and storage.incr("api/a", 1) == 1
    storage.clear("api/a")
    assert storage.get("api/a") == 0


def test_a_full_neighbourhood_gives_up_the_window_that_ends_first():
    """More keys than slots to probe: nothing fails, and a key's own count is never another's."""
    storage = SharedCounts()
    keys = [f"pdf/198.51.100.{i}" for i in range(PROBES * 4)]
    for key in keys:
        storage.incr(key, 60)
    assert all(storage.get(key) in (0, 1) for key in keys)
    assert storage.incr(keys[-1], 60) == 2  # the latest is kept
    assert SLOTS >= 1 << 15


def test_the_default_storage_is_the_shared_one():
    app = create_app({"TESTING": True})
    assert app.config["RATELIMIT_STORAGE_URI"] == "tirkeu-shared://"
    from webapp.web.limits import limiter

    assert isinstance(limiter.storage, SharedCounts)


@pytest.fixture()
def limited():
    app = create_app({"TESTING": True, "TODAY": TODAY, "RATELIMIT_PDF": "5 per minute", "RATELIMIT_API": "2 per minute",
                      "PROXIES": 1})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "203.0.113.20"
    return client


def test_a_zip_counts_as_the_documents_it_holds(limited):
    answers = form_answers()
    assert len(DOCUMENTS) == 4
    assert limited.post("/ru/documents/tirkeu-documents.zip", data=answers).status_code == 200  # 4 of 5
    assert limited.post("/ru/documents/card.pdf", data=answers).status_code == 200  # 5 of 5
    refused = limited.post("/ru/documents/card.pdf", data=answers)
    assert refused.status_code == 429 and "Подождите немного" in refused.get_data(as_text=True)


def test_a_zip_with_more_documents_than_are_left_is_refused(limited):
    answers = form_answers()
    for _ in range(2):
        assert limited.post("/en/documents/card.pdf", data=answers).status_code == 200
    refused = limited.post("/en/documents/tirkeu-documents.zip", data=answers)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Please wait a moment" in refused.get_data(as_text=True)


def test_a_refused_client_is_not_named_in_any_log(limited, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    statuses = [limited.post("/api/v1/plan", json=PLAN).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert "203.0.113.20" not in "\n".join(record.getMessage() for record in caplog.records)


def test_forwarded_addresses_are_believed_only_from_a_proxy(limited):
    """From 203.0.113.20, not a proxy: its X-Forwarded-For is ignored, the limit counts it alone."""
    statuses = [limited.post("/api/v1/plan", json=PLAN, headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
                for i in range(3)]
    assert statuses == [200, 200, 429]
    assert "Strict-Transport-Security" not in limited.get("/en/", headers={"X-Forwarded-Proto": "https"}).headers


def test_from_the_proxy_each_forwarded_client_counts_alone(limited):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for client in ("198.51.100.1", "198.51.100.2"):
        statuses = [limited.post("/api/v1/plan", json=PLAN, headers={"X-Forwarded-For": client},
                                 environ_base=proxy).status_code for _ in range(3)]
        assert statuses == [200, 200, 429], client
    https = limited.get("/en/", headers={"X-Forwarded-Proto": "https"}, environ_base=proxy)
    assert https.headers["Strict-Transport-Security"].startswith("max-age=")

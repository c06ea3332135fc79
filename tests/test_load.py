"""Load and faults against gunicorn on 127.0.0.1, with the repository's configuration: a minute of
mixed traffic with no error and flat worker memory; a worker killed mid-traffic is replaced and the
next requests succeed. The figures are written to build/bench/load.json."""
from __future__ import annotations

import json
import os
import signal
import time

import pytest

from bench.common import ROOT, Gunicorn, Traffic, rss_mb, worker_pids

from .documents_data import api_answers

pytestmark = pytest.mark.load

RESULT = ("/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
          "&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026"
          "&previous_stays-0-exit-day=30&previous_stays-0-exit-month=5&previous_stays-0-exit-year=2026")
REQUESTS = [  # (method, path, body, content type): pages, the plan API and PDFs, mixed
    ("GET", "/ru/", None, None),
    ("GET", "/kk/deadlines/", None, None),
    ("GET", RESULT, None, None),
    ("GET", "/ru/documents/offline", None, None),
    ("POST", "/api/v1/plan", json.dumps({"citizenship": "KG", "entry_date": "2026-08-20"}).encode(), "application/json"),
    ("POST", "/api/v1/documents/card.pdf", json.dumps(api_answers()).encode(), "application/json"),
    ("POST", "/api/v1/documents/registration-sheet.pdf", json.dumps(api_answers()).encode(), "application/json"),
]


@pytest.fixture()
def gunicorn(tmp_path):
    # Three workers, no recycling during the test: a worker's memory is followed over the minute.
    with Gunicorn(tmp_path / "gunicorn.log", workers=3) as server:
        yield server


def test_a_minute_of_mixed_traffic_without_an_error(gunicorn):
    port, process = gunicorn.port, gunicorn.process
    with Traffic(port, REQUESTS) as warm_up:
        time.sleep(5)
    assert not warm_up.errors, warm_up.errors[:3]
    pids = worker_pids(process.pid)
    before = {pid: rss_mb(pid) for pid in pids}
    started = time.monotonic()
    with Traffic(port, REQUESTS) as traffic:
        time.sleep(60)
    seconds = time.monotonic() - started
    after = {pid: rss_mb(pid) for pid in pids}
    figures = {"seconds": round(seconds, 1), "requests": traffic.done, "errors": len(traffic.errors),
               "requests_per_s": round(traffic.done / seconds, 1),
               "worker_rss_mb_before": [round(before[p], 1) for p in pids],
               "worker_rss_mb_after": [round(after[p], 1) for p in pids]}
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.json").write_text(json.dumps(figures, indent=2))
    print(figures)
    assert traffic.errors == [], traffic.errors[:5]
    assert traffic.done > 300
    assert worker_pids(process.pid) == pids  # no worker died
    for pid in pids:
        assert after[pid] - before[pid] < 25, figures  # flat: no growth with the requests


def test_a_killed_worker_is_replaced_and_the_next_requests_succeed(gunicorn):
    port, process = gunicorn.port, gunicorn.process
    pids = worker_pids(process.pid)
    with Traffic(port, REQUESTS) as traffic:
        time.sleep(2)
        killed_at = time.monotonic()
        os.kill(pids[0], signal.SIGKILL)  # mid-traffic: whatever it was doing is lost
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (pids[0] in worker_pids(process.pid) or len(worker_pids(process.pid)) < len(pids)):
            time.sleep(0.1)
        replaced = worker_pids(process.pid)
        # The next requests: a few rounds of every client after the replacement (counted, not timed:
        # a loaded machine is slower, not wrong).
        time.sleep(2)
        after, deadline = traffic.done + 3 * len(traffic.threads), time.monotonic() + 60
        while traffic.done < after and time.monotonic() < deadline:
            time.sleep(0.1)
    assert pids[0] not in replaced and len(replaced) == len(pids)
    # Only requests in flight on the killed worker may fail (one per client at most), and none after.
    late = [error for error in traffic.errors if error[0] > killed_at + 2]
    assert len(traffic.errors) <= 4 and late == [], traffic.errors
    assert traffic.done >= after, (traffic.done, after)

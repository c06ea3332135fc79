"""Requests per second on this machine's cores: a wizard page, a step, the plan API, PDFs; with
the same generator through the production stack (nginx, two instances) when asked."""
from __future__ import annotations

import json
from pathlib import Path


def precache_requests() -> list[tuple]:
    """A first visit's offline copy: every precache entry, as a phone's service worker asks for it."""
    from webapp import create_app
    from webapp.pwa import precache

    app = create_app({"TESTING": True})
    with app.app_context():
        entries, _ = precache()
    return [("GET", entry["url"], None, None) for entry in entries]


def requests_by_kind(with_precache: bool = False) -> dict[str, list[tuple]]:
    from urllib.parse import urlencode

    from tests.documents_data import api_answers, form_answers

    step = urlencode({**form_answers(), "nav": "continue"}).encode()
    extra = {"offline precache GETs (a first visit's)": precache_requests()} if with_precache else {}
    return {**extra,
        "wizard page GET": [("GET", "/ru/documents/passport", None, None)],
        "step POST": [("POST", "/ru/documents/passport", step, "application/x-www-form-urlencoded")],
        "plan API": [("POST", "/api/v1/plan", json.dumps({"citizenship": "RU", "entry_date": "2026-09-01"}).encode(),
                      "application/json")],
        "PDF (card)": [("POST", "/api/v1/documents/card.pdf", json.dumps(api_answers()).encode(), "application/json")],
    }


def direct(seconds: float, run: Path) -> dict:
    from .common import Gunicorn, load

    results = {}
    with Gunicorn(run / "gunicorn-bench.log") as server:
        for name, requests in requests_by_kind().items():
            results[name] = load(server.port, requests, seconds, clients=server.workers * 2)
    return results


def through_stack(seconds: float, run: Path) -> dict:
    from deploy.stack import Stack

    from .common import load

    env = {"TIRKEU_RATELIMIT_PDF": "1000000 per minute", "TIRKEU_RATELIMIT_API": "1000000 per minute",
           "TIRKEU_MAX_REQUESTS": "0"}
    results = {}
    # nginx's limit per client address is for people; this load comes from one address.
    with Stack(run / "stack", env=env, client_rate="1000000r/s") as stack:
        port = int(stack.url.rsplit(":", 1)[1])
        for name, requests in requests_by_kind(with_precache=True).items():
            results[name] = load(port, requests, seconds, clients=8)
    return results


def throughput(seconds: float, run: Path) -> dict:
    """PDFs per second over `seconds` on all cores, and the workers' memory before and after."""
    from .common import Gunicorn, load

    with Gunicorn(run / "gunicorn-throughput.log") as server:
        load(server.port, requests_by_kind()["PDF (card)"], 3, clients=server.workers)  # warm
        before = server.worker_rss()
        result = load(server.port, requests_by_kind()["PDF (card)"], seconds, clients=server.workers * 2)
        result.update({"workers": server.workers, "worker_rss_mb_before": before, "worker_rss_mb_after": server.worker_rss()})
    return result

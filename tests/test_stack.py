"""The production stack on 127.0.0.1 (deploy/stack.py): Debian's nginx in front of two gunicorn
instances sharing one Redis. Pages, API and PDFs through nginx; static files from nginx itself;
one rate limit across both instances; an instance killed under traffic; slow clients."""
from __future__ import annotations

import gzip
import http.client
import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest

from deploy.stack import Stack

from .documents_data import api_answers

pytestmark = pytest.mark.load
PDF = json.dumps(api_answers()).encode()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 30):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    with Stack(tmp_path_factory.mktemp("stack")) as running:
        yield running


def test_pages_api_and_pdfs_through_nginx(stack):
    status, headers, body = fetch(f"{stack.url}/kk/deadlines/plan?citizenship=RU&entry_date-day=1"
                                  "&entry_date-month=9&entry_date-year=2026")
    assert status == 200 and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    status, _, body = fetch(f"{stack.url}/api/v1/plan", json.dumps({"citizenship": "RU", "entry_date": "2026-09-01"}).encode())
    assert status == 200 and json.loads(body)["obligations"]
    status, headers, body = fetch(f"{stack.url}/api/v1/documents/card.pdf", PDF)
    assert status == 200 and body.startswith(b"%PDF-") and headers["Cache-Control"] == "no-store"
    for path in ("/sw.js", "/ru/manifest.webmanifest"):
        assert fetch(f"{stack.url}{path}")[1]["Cache-Control"] == "no-cache"
    # nginx's own log: paths only, never the answers in the query string.
    log = (stack.run / "nginx-access.log").read_text()
    assert '"GET /kk/deadlines/plan" 200' in log and "citizenship" not in log and "127.0.0.1" not in log


def test_static_files_come_from_nginx_compressed_and_immutable(stack):
    status, headers, body = fetch(f"{stack.url}/static/icons/icon-192.png?v=anything")
    assert status == 200 and body.startswith(b"\x89PNG")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in headers  # the app never saw this request
    assert not any("/static/icons/" in (stack.run / f"app{i}.log").read_text() for i in (0, 1))


def test_scripts_and_stylesheets_come_from_the_app_as_it_hashes_them_compressed_and_immutable(stack):
    """nginx passes them to the app, which serves them without their comment-only lines
    (webapp/web/assets.py): the file on disk is not what the address's hash is of."""
    import hashlib
    import re

    _, _, page = fetch(f"{stack.url}/ru/deadlines/offline")
    urls = re.findall(r'"(/static/(?:js|css)/[^"?]+\?v=(\w+))"', page.decode())
    assert len(urls) >= 3
    for url, version in urls:
        status, headers, body = fetch(f"{stack.url}{url}", headers={"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert hashlib.sha256(gzip.decompress(body)).hexdigest()[:12] == version, url
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_pages_are_compressed_as_the_benchmark_counts_them_and_revalidated(stack):
    """python -m bench counts gzip at level 6 (and brotli at 6): nginx must send no more than that,
    or the budgets it reports are not what a phone downloads. A page seen before is a 304."""
    import brotli

    url = f"{stack.url}/ru/deadlines/"
    _, _, plain = fetch(url)
    status, headers, body = fetch(url, headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == plain
    assert len(body) <= len(gzip.compress(plain, 6)) + 64
    status, headers, body = fetch(url, headers={"Accept-Encoding": "br"})
    assert status == 200 and headers["Content-Encoding"] == "br" and brotli.decompress(body) == plain
    assert len(body) <= len(brotli.compress(plain, quality=6)) + 64
    status, headers, body = fetch(url, headers={"If-None-Match": headers["ETag"].removeprefix("W/")})
    assert status == 304 and body == b""


def test_one_rate_limit_across_both_instances(tmp_path):
    with Stack(tmp_path, env={"TIRKEU_RATELIMIT_PDF": "4 per minute"}) as limited:
        statuses = [fetch(f"{limited.url}/api/v1/documents/card.pdf", PDF)[0] for _ in range(7)]
        logs = [(limited.run / f"app{i}.log").read_text() for i in (0, 1)]
        refused = fetch(f"{limited.url}/ru/documents/card.pdf", b"", {"Content-Type": "application/x-www-form-urlencoded"})
    assert statuses == [200] * 4 + [429] * 3
    # Both instances served some of them, and counted them in the same place.
    assert all('"POST /api/v1/documents/card.pdf" 200' in log for log in logs), logs
    assert refused[0] == 429 and int(refused[1]["Retry-After"]) > 0
    assert "Подождите немного" in refused[2].decode()


def test_an_instance_killed_under_traffic_costs_only_its_requests_in_flight(stack):
    results, stop, lock = [], threading.Event(), threading.Lock()

    def client():
        while not stop.is_set():
            status = fetch(f"{stack.url}/api/v1/documents/registration-sheet.pdf", PDF, timeout=20)[0] \
                if len(results) % 3 == 0 else fetch(f"{stack.url}/en/deadlines/", timeout=20)[0]
            with lock:
                results.append((time.monotonic(), status))

    threads = [threading.Thread(target=client, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    killed_at = time.monotonic()
    os.killpg(stack.processes["app0"].pid, signal.SIGKILL)  # the instance, master and workers
    time.sleep(8)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    stack.processes.pop("app0").wait(timeout=10)
    stack.start_app(0)  # back for the next tests
    failed = [(t, s) for t, s in results if s != 200]
    after = [s for t, s in results if t > killed_at + 1]
    assert len(failed) <= 4, failed  # at most the requests in flight, one per client
    assert after and all(s == 200 for s in after), failed
    assert len(results) > 40


def test_slow_clients_do_not_block_others(stack):
    """Forty connections that send a request a few bytes at a time (slowloris): nginx holds them,
    and a person's requests are answered as fast as ever."""
    host, port = "127.0.0.1", int(stack.url.rsplit(":", 1)[1])
    slow = []
    for _ in range(40):
        connection = socket.create_connection((host, port), timeout=10)
        connection.sendall(b"GET /ru/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(connection)
    try:
        for round_ in range(5):
            for connection in slow:
                connection.sendall(b"X-a: b\r\n")  # never the blank line that ends the headers
            started = time.monotonic()
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("GET", "/en/deadlines/")
            response = connection.getresponse()
            response.read()
            assert response.status == 200
            assert time.monotonic() - started < 2, f"round {round_}"
            connection.close()
            time.sleep(0.5)
    finally:
        for connection in slow:
            connection.close()

"""The production stack on 127.0.0.1 (deploy/stack.py): Debian's nginx in front of two gunicorn
instances sharing one Redis. Pages, API and PDFs through nginx; static files from nginx itself;
one rate limit across both instances; an instance killed under traffic; slow clients."""
from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from deploy.stack import Stack

from .documents_data import api_answers, form_answers

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
    # Traffic from one address, at a rate no person reaches: nginx's limit per client is tested
    # on its own (test_one_client_is_held_back_and_health_checks_keep_answering).
    with Stack(tmp_path_factory.mktemp("stack"), client_rate="10000r/s") as running:
        yield running


def test_tls_with_http2_as_in_production(stack):
    """nginx terminates TLS with the certificate the stack made for 127.0.0.1 and offers HTTP/2
    (ALPN), the app sends HSTS on https, and brotli goes to a browser that asks for it."""
    import ssl

    context = ssl.create_default_context(cafile=str(stack.tls_cert))
    context.set_alpn_protocols(["h2", "http/1.1"])
    with socket.create_connection(("127.0.0.1", stack.tls_port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
        assert tls.selected_alpn_protocol() == "h2"
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
    connection = http.client.HTTPSConnection("127.0.0.1", stack.tls_port, context=ssl.create_default_context(
        cafile=str(stack.tls_cert)), timeout=10)
    connection.request("GET", "/ru/", headers={"Accept-Encoding": "br, gzip"})
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 200 and response.getheader("Content-Encoding") == "br"
    assert response.getheader("Strict-Transport-Security", "").startswith("max-age=")
    assert len(stack.tls_spki) == 44 and stack.tls_cert.parent == stack.run / "tls"  # made at start, in the run


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


def test_an_instance_killed_under_traffic_costs_no_request(stack):
    """Killed, not stopped: the requests it had in flight are reset, and nginx sends them again to the
    other instance (nothing on the server changes, so a POST may be sent twice)."""
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
    assert not failed, failed  # even those in flight: nginx sends them again to the other instance
    assert after and all(s == 200 for s in after), failed
    assert len(results) > 20


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


def _mixed_load(url: str, stop: threading.Event, results: list, lock: threading.Lock, kind: int) -> None:
    """One client: pages (GET), plans (POST to the API) and PDFs (POST), in turn."""
    plan = json.dumps({"citizenship": "BY" if kind % 2 else "RU", "entry_date": "2026-09-01"}).encode()
    requests = [lambda: fetch(f"{url}/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
                              "&entry_date-year=2026", timeout=20),
                lambda: fetch(f"{url}/api/v1/plan", plan, timeout=20),
                lambda: fetch(f"{url}/api/v1/documents/card.pdf", PDF, timeout=20)]
    turn = kind
    while not stop.is_set():
        status = requests[turn % 3]()[0]
        with lock:
            results.append((turn % 3, status))
        turn += 1


def test_a_rolling_restart_as_the_readme_says_loses_no_request(tmp_path):
    """README, "Rolling out a version": restart the instances one at a time (systemd's restart is a
    SIGTERM, waiting for the instance to stop, then a start), waiting for /healthz before the next.
    Under pages, API plans and PDFs from six clients, not one request may fail: a stopping instance
    finishes what it has, and what its closed socket refuses or resets nginx sends to the other."""
    generous = {"TIRKEU_RATELIMIT_PDF": "100000 per minute", "TIRKEU_RATELIMIT_API": "100000 per minute"}
    with Stack(tmp_path, env=generous, client_rate="10000r/s") as running:
        results, stop, lock = [], threading.Event(), threading.Lock()
        threads = [threading.Thread(target=_mixed_load, args=(running.url, stop, results, lock, i), daemon=True)
                   for i in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        for index in (0, 1, 0):
            running.stop_app(index)  # SIGTERM, and wait for it to end
            running.start_app(index)  # and for its /healthz
            time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    failed = [(kind, status) for kind, status in results if status != 200]
    assert not failed, f"{len(failed)} of {len(results)} failed: {failed[:20]}"
    assert all(sum(1 for kind, _ in results if kind == k) > 30 for k in range(3)), len(results)


def _health(url: str) -> int:
    return fetch(f"{url}/healthz", timeout=5)[0]


def test_one_client_is_held_back_and_health_checks_keep_answering(tmp_path):
    """nginx's limits per client address (deploy/nginx-tirkeu.conf): a client far over the rate is
    answered 429 (a person's first visit, some 40 requests at once, is not), and thousands of
    slow sockets from one address do not exhaust nginx; the health check answers throughout."""
    import resource
    from concurrent.futures import ThreadPoolExecutor

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, 8192), hard), hard))
    with Stack(tmp_path) as running:
        with ThreadPoolExecutor(8) as pool:
            visit = list(pool.map(lambda _: fetch(f"{running.url}/en/deadlines/")[0], range(40)))
        assert visit == [200] * 40  # a first visit's burst
        with ThreadPoolExecutor(16) as pool:
            flood = list(pool.map(lambda _: fetch(f"{running.url}/en/deadlines/")[0], range(600)))
            health = list(pool.map(lambda _: _health(running.url), range(10)))
        assert flood.count(429) > 100 and set(flood) <= {200, 429}, sorted(set(flood))
        assert health == [200] * 10
        slow = []
        try:
            for _ in range(2500):
                connection = socket.create_connection(("127.0.0.1", running.port), timeout=10)
                connection.sendall(b"GET /ru/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                slow.append(connection)
            health = [_health(running.url) for _ in range(25)]
        finally:
            for connection in slow:
                connection.close()
        assert health == [200] * 25
        log = (running.run / "nginx-error.log").read_text()
        assert "worker_connections are not enough" not in log


# Answers no log may hold, in the forms they travel in: a name, a passport number, the deadlines
# journey's query string.
MARKERS = ("QWERTYUIOPOVA", "Qwertyuiopova", "ZX90817263", "citizenship=", "entry_date-")


def _journey_with_markers(url: str) -> list[int]:
    answers = api_answers(**{"person.surname_latin": "QWERTYUIOPOVA", "passport.number": "ZX90817263"})
    body = json.dumps(answers).encode()
    form = urllib.parse.urlencode({"person-surname_latin": "QWERTYUIOPOVA", "person-surname_cyrillic": "Qwertyuiopova",
                                   "passport-number": "ZX90817263"}).encode()
    zip_form = urllib.parse.urlencode(form_answers(answers)).encode()
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    return [fetch(f"{url}/ru/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026")[0],
            fetch(f"{url}/api/v1/documents/registration-sheet.pdf", body)[0],
            fetch(f"{url}/ru/documents/person", form, form_type)[0],
            fetch(f"{url}/ru/documents/tirkeu-documents.zip", zip_form, form_type)[0]]


def _malformed(host: str, port: int) -> None:
    """Requests no client should send, each carrying answers: broken chunked bodies, a body over the
    limit, an address and a header too long, a request line that is not HTTP."""
    query = "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&surname=QWERTYUIOPOVA"
    raw = [b"POST /api/v1/plan HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
           b"zz\r\n{\"surname\": \"QWERTYUIOPOVA\"}\r\n0\r\n\r\n",
           b"POST /ru/documents/person HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
           b"Content-Type: application/x-www-form-urlencoded\r\n\r\n1f\r\nperson-surname_latin=QWERTYUIOPOVA\r\n",
           b"POST /api/v1/documents/card.pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Content-Length: 90000\r\n\r\n"
           + b'{"surname": "QWERTYUIOPOVA", "x": "' + b"a" * 89000 + b'"}',
           f"GET /ru/deadlines/plan?{query}&pad={'a' * 9000} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
           f"GET /ru/deadlines/plan?{query} HTTP/1.1\r\nHost: x\r\nX-Answers: {'QWERTYUIOPOVA' * 800}\r\n\r\n".encode(),
           f"GET /ru/deadlines/plan?{query} HTTP/9.9 QWERTYUIOPOVA\r\nHost: x\r\n\r\n".encode(),
           f"GET\x00/ru/deadlines/plan?{query}\r\n\r\n".encode()]
    for request in raw:
        with socket.create_connection((host, port), timeout=10) as connection:
            connection.sendall(request)
            connection.shutdown(socket.SHUT_WR)
            with contextlib.suppress(OSError):
                while connection.recv(65536):
                    pass


def _open_files_under(folder) -> list[str]:
    """Files under `folder` that some process holds open: nginx unlinks its temporary files as soon
    as it makes them, so they are on disk without being in the folder's listing."""
    held = []
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(folder)):
                held.append(target)
    return held


def test_no_answer_reaches_any_log_or_file(tmp_path):
    """A journey with distinctive answers through the whole stack, one instance restarted under that
    traffic, malformed requests to nginx and to an instance directly: then no log and no file that
    nginx, the instances (their temporary directory included) or Redis wrote holds any of them."""
    run = tmp_path / "run"
    recycled = {"TIRKEU_MAX_REQUESTS": "3", "TIRKEU_MAX_REQUESTS_JITTER": "0"}  # workers come and go
    with Stack(run, env=recycled, client_rate="10000r/s") as running:
        before = {p for p in run.rglob("*") if p.is_file()}
        assert set(_journey_with_markers(running.url)) <= {200, 400}
        stop, statuses = threading.Event(), []

        def traffic():
            while not stop.is_set():
                statuses.extend(_journey_with_markers(running.url))

        thread = threading.Thread(target=traffic, daemon=True)
        thread.start()
        time.sleep(1)
        running.stop_app(0)
        running.start_app(0)
        time.sleep(1)
        stop.set()
        thread.join(timeout=60)
        for port in (running.port, running.app_ports[1]):
            _malformed("127.0.0.1", port)
        # A large wizard body, still arriving: nginx holds what it has in memory, not in a file.
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as uploading:
            body = b"person-surname_latin=QWERTYUIOPOVA&padding=" + b"a" * 40000
            uploading.sendall(b"POST /ru/documents/person HTTP/1.1\r\nHost: x\r\n"
                              b"Content-Type: application/x-www-form-urlencoded\r\n"
                              b"Content-Length: %d\r\n\r\n" % (len(body) + 10) + body)
            time.sleep(0.5)
            assert not _open_files_under(run / "temp"), "a request body in a temporary file"
        assert _health(running.url) == 200
    # Once everything has stopped (a live worker keeps its fonts in its own temporary folder).
    written = {p for p in run.rglob("*") if p.is_file()}
    assert 500 not in statuses and len(statuses) >= 8
    found = {}
    for path in sorted(p for p in run.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", "replace")
        hits = [marker for marker in MARKERS if marker in text]
        if hits:
            found[str(path.relative_to(run))] = hits
    assert not found, found
    # Nothing new but the logs: no request body or response in nginx's temporary folders, no folder
    # left in the instances' temporary directory.
    left = sorted(str(p.relative_to(run)) for p in written - before if not p.name.endswith(".log"))
    assert not left, left

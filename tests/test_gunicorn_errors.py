"""gunicorn on 127.0.0.1 with the repository's configuration, sent what a browser never sends:
a malformed chunked body is a 400 (never a 500, never a traceback, nothing of the body in the log),
gunicorn's own errors are the app's small localized pages with its headers, and recycled workers
leave nothing in the temporary directory."""
from __future__ import annotations

import glob
import json
import os
import signal
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from deploy.stack import free_port, wait_for

from .documents_data import api_answers
from .test_gunicorn import start

SECRET = "Zhanar-Secret-Body-7731"  # in every body sent; must never reach the log


def exchange(port: int, data: bytes) -> tuple[int, dict, bytes]:
    """Send raw bytes, read the whole answer (gunicorn closes the connection after it)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


HEADERS = ("content-security-policy", "referrer-policy", "x-content-type-options", "permissions-policy")


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    port = free_port()
    process = start({"SECRET_KEY": "s" * 64}, port, log)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def chunked(path: str, content_type: str, body: bytes) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
            "Transfer-Encoding: chunked\r\n\r\n").encode() + body


PLAN = json.dumps({"citizenship": "RU", "entry_date": "2026-09-01", "note": SECRET}).encode()
FORM = f"surname={SECRET}&given_names=Zhanar".encode()
MALFORMED = {
    "a chunk size that is not hexadecimal": lambda body: b"zz" + body[:4] + b"\r\n" + body + b"\r\n0\r\n\r\n",
    "a chunk without its terminator": lambda body: f"{len(body):x}\r\n".encode() + body + SECRET.encode() + b"\r\n0\r\n\r\n",
    "a body that stops half way": lambda body: f"{len(body) + 100:x}\r\n".encode() + body,
}


@pytest.mark.parametrize("malformed", MALFORMED)
def test_a_malformed_chunked_body_is_a_localized_400_and_the_log_has_none_of_it(gunicorn, malformed):
    port, log = gunicorn
    status, headers, body = exchange(port, chunked("/api/v1/plan", "application/json", MALFORMED[malformed](PLAN)))
    assert status == 400, body
    assert json.loads(body) == {"errors": {"request": "Не удалось обработать запрос. Проверьте отправленные данные."}}
    status, headers, body = exchange(port, chunked("/kk/documents/person", "application/x-www-form-urlencoded",
                                                    MALFORMED[malformed](FORM)))
    assert status == 400 and "Бұл сұрауды өңдеу мүмкін болмады" in body.decode(), body
    assert all(name in headers for name in HEADERS) and headers["cache-control"] == "no-store"
    time.sleep(0.3)
    output = log.read_text()
    assert '"POST /api/v1/plan" 400' in output and '"POST /kk/documents/person" 400' in output
    assert SECRET not in output and "Zhanar" not in output and "Traceback" not in output and " 500 " not in output


def test_gunicorns_own_errors_are_the_apps_small_localized_pages_with_its_headers(gunicorn):
    port, log = gunicorn
    status, headers, body = exchange(port, f"GET /en/deadlines/plan?surname={SECRET}{'x' * 9000} HTTP/1.1\r\n"
                                           "Host: 127.0.0.1\r\n\r\n".encode())
    assert status == 414 and "The address is too long" in body.decode(), body
    assert len(body) < 2000 and all(name in headers for name in HEADERS) and headers["cache-control"] == "no-store"
    status, headers, body = exchange(port, ("GET /kk/deadlines/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            + "".join(f"X-{i}: {SECRET}\r\n" for i in range(60)) + "\r\n").encode())
    assert status == 431 and '<html lang="kk">' in body.decode() and "Браузер" in body.decode(), body
    assert all(name in headers for name in HEADERS)
    status, headers, body = exchange(port, f"GET /x HTTP/1.1\r\nAccept-Language: en-GB,en;q=0.8\r\n"
                                           f"X-Bad\x01: {SECRET}\r\n\r\n".encode())
    assert status == 400 and "This request could not be handled" in body.decode(), body
    status, headers, body = exchange(port, f"GET /api/v1/{SECRET} HTTP/1.1\r\nX-Bad\x01: 1\r\n\r\n".encode())
    assert status == 400 and headers["content-type"] == "application/json" and json.loads(body)["errors"]["request"]
    time.sleep(0.3)
    output = log.read_text()
    assert "Invalid request: LimitRequestLine" in output and "Invalid request: LimitRequestHeaders" in output
    assert SECRET not in output and "deadlines" not in output and "Traceback" not in output


def render_pdfs(port: int, count: int) -> None:
    pdf = json.dumps(api_answers()).encode()
    for _ in range(count):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/documents/card.pdf", data=pdf,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.read().startswith(b"%PDF-")


def workers_of(master: int) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def test_recycled_and_killed_workers_leave_nothing_in_the_temporary_directory(tmp_path):
    """WeasyPrint copies the documents' fonts to a weasyprint-* folder of the temporary directory;
    a worker recycled (TIRKEU_MAX_REQUESTS) or killed (its time limit, SIGKILL) must not leave it."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    process = start({"SECRET_KEY": "s" * 64, "TMPDIR": str(temp), "TIRKEU_MAX_REQUESTS": "2",
                     "TIRKEU_MAX_REQUESTS_JITTER": "0"}, port, tmp_path / "gunicorn.log")
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        largest = 0
        for _ in range(5):
            render_pdfs(port, 2)
            # glob, not Path.rglob: a folder a worker is removing meanwhile is no error.
            largest = max(largest, len(glob.glob(str(temp / "**" / "weasyprint-*"), recursive=True)))
        for pid in workers_of(process.pid):  # both workers, in the middle of nothing
            os.kill(pid, signal.SIGKILL)
        time.sleep(1)
        wait_for(f"http://127.0.0.1:{port}/healthz")
        render_pdfs(port, 1)
        assert len(list(temp.iterdir())) <= 2  # one folder per live worker at most
    finally:
        process.terminate()
        process.wait(timeout=30)
    log = (tmp_path / "gunicorn.log").read_text()
    assert log.count("Autorestarting worker") >= 3, log
    assert 1 <= largest <= 2
    assert list(temp.iterdir()) == []

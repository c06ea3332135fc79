"""What the measurements share: paths, memory readings, starting gunicorn, a load generator."""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_pids(master: int) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


class Gunicorn:
    """One instance with the repository's configuration, on all cores, logs to a file."""

    def __init__(self, log: Path, workers: int | None = None):
        self.port, self.log = free_port(), log
        self.workers = workers or (os.cpu_count() or 1) + 1

    def __enter__(self) -> "Gunicorn":
        with open(self.log, "w") as output:
            self.process = subprocess.Popen(
                [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "webapp.wsgi:app"], cwd=ROOT, stdout=output,
                stderr=subprocess.STDOUT, env={**os.environ, "SECRET_KEY": "bench" * 8, "TIRKEU_MAX_REQUESTS": "0",
                                               "TIRKEU_BIND": f"127.0.0.1:{self.port}", "TIRKEU_WORKERS": str(self.workers),
                                               "TIRKEU_RATELIMIT_PDF": "1000000 per minute",
                                               "TIRKEU_RATELIMIT_API": "1000000 per minute"})
        deadline = time.monotonic() + 30
        while len(self._workers()) < self.workers or not self._up():
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        return self

    def _workers(self) -> list[int]:
        try:
            return worker_pids(self.process.pid)
        except FileNotFoundError:
            return []

    def _up(self) -> bool:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2).read()
            return True
        except OSError:
            return False

    def worker_rss(self) -> list[float]:
        return [round(rss_mb(pid), 1) for pid in self._workers()]

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def load(port: int, requests: list[tuple], seconds: float, clients: int) -> dict:
    """`clients` threads sending `requests` (method, path, body, content type) in turn for
    `seconds`; requests per second and errors."""
    stop, lock = threading.Event(), threading.Lock()
    counts = {"done": 0, "errors": 0}

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        while not stop.is_set():
            method, path, body, kind = requests[i % len(requests)]
            i += 1
            try:
                connection.request(method, path, body=body, headers={"Content-Type": kind} if kind else {})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                counts["done"] += 1
                counts["errors"] += 0 if ok else 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    elapsed = time.monotonic() - started
    return {"per_s": round(counts["done"] / elapsed, 1), "requests": counts["done"], "errors": counts["errors"],
            "seconds": round(elapsed, 1)}

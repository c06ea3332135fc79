"""What the measurements share: paths, memory readings, starting gunicorn, a load generator."""
from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from deploy.stack import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(master: int) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


class Gunicorn:
    """One instance with the repository's configuration, on all cores, logs to a file."""

    def __init__(self, log: Path, workers: int | None = None):
        self.port, self.log = free_port(), log
        self.workers = workers or (os.cpu_count() or 1) + 1

    def __enter__(self) -> Gunicorn:
        with open(self.log, "w") as output:
            self.process = subprocess.Popen(
                [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "webapp.wsgi:app"], cwd=ROOT, stdout=output,
                stderr=subprocess.STDOUT, env={**os.environ, "SECRET_KEY": "bench" * 8, "TIRKEU_MAX_REQUESTS": "0",
                                               "TIRKEU_BIND": f"127.0.0.1:{self.port}", "TIRKEU_WORKERS": str(self.workers),
                                               "TIRKEU_RATELIMIT_PDF": "1000000 per minute",
                                               "TIRKEU_RATELIMIT_API": "1000000 per minute"})
        wait_for(f"http://127.0.0.1:{self.port}/healthz")
        deadline = time.monotonic() + 30
        while len(self._workers()) < self.workers:  # the first worker answers before the others are up
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start its workers")
            time.sleep(0.1)
        return self

    def _workers(self) -> list[int]:
        try:
            return worker_pids(self.process.pid)
        except FileNotFoundError:
            return []

    def worker_rss(self) -> list[float]:
        return [round(rss_mb(pid), 1) for pid in self._workers()]

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


class Traffic:
    """Client threads sending `requests` (method, path, body, content type) in turn over kept-alive
    connections, from `with` until its end; counts the requests and notes each failure with its time."""

    def __init__(self, port: int, requests: list[tuple], clients: int = 4):
        self.port, self.requests, self.stop = port, requests, threading.Event()
        self.done, self.errors, self.lock = 0, [], threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(clients)]

    def run(self, offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        i = offset
        while not self.stop.is_set():
            method, path, body, kind = self.requests[i % len(self.requests)]
            i += 1
            try:
                connection.request(method, path, body=body, headers={"Content-Type": kind} if kind else {})
                response = connection.getresponse()
                response.read()
                failure = None if response.status == 200 else response.status
            except (OSError, http.client.HTTPException) as error:
                failure = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            with self.lock:
                self.done += 1
                if failure is not None:
                    self.errors.append((time.monotonic(), path, failure))
        connection.close()

    def __enter__(self) -> Traffic:
        self.started = time.monotonic()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)
        self.seconds = time.monotonic() - self.started


def load(port: int, requests: list[tuple], seconds: float, clients: int) -> dict:
    """Requests per second and failures of `clients` threads over `seconds`."""
    with Traffic(port, requests, clients) as traffic:
        time.sleep(seconds)
    return {"per_s": round(traffic.done / traffic.seconds, 1), "requests": traffic.done,
            "errors": len(traffic.errors), "seconds": round(traffic.seconds, 1)}

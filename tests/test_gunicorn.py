"""The production entry point under gunicorn, with the repository's configuration, on 127.0.0.1."""
from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from deploy.stack import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def start(env: dict, port: int, log: Path) -> subprocess.Popen:
    """gunicorn, its logs going to `log` (a pipe nobody reads while it runs would fill up, and
    block every worker that writes a line)."""
    with open(log, "w") as output:
        return subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "webapp.wsgi:app"], cwd=ROOT,
            env={**os.environ, "TIRKEU_BIND": f"127.0.0.1:{port}", "TIRKEU_WORKERS": "2", **env},
            stdout=output, stderr=subprocess.STDOUT)


def test_gunicorn_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run([str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "webapp.wsgi:app"], cwd=ROOT,
                            env={**env, "TIRKEU_BIND": f"127.0.0.1:{free_port()}"},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stdout + result.stderr


def test_access_log_has_no_answers_and_no_address(tmp_path):
    port = free_port()
    process = start({"SECRET_KEY": "s" * 64}, port, tmp_path / "gunicorn.log")
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        query = "citizenship=BY&entry_date-day=17&entry_date-month=9&entry_date-year=2026&checkpoint=kairak"
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/en/deadlines/plan?{query}", timeout=10).read()
        assert b"Belarus" in body
    finally:
        process.terminate()
        process.wait(timeout=30)
    output = (tmp_path / "gunicorn.log").read_text()
    log = [line for line in output.splitlines() if "/en/deadlines/plan" in line]
    assert log and '"GET /en/deadlines/plan" 200' in log[0], output
    assert "citizenship" not in output and "kairak" not in output and "127.0.0.1 -" not in output


def test_a_limit_holds_across_the_workers_of_an_instance(tmp_path):
    """Three workers, one count (web/shared_counts.py): with `memory://` each worker counted alone and a
    client had three times its limit. Each request on a connection of its own, so that the workers
    take them in turn."""
    import json
    import urllib.error

    port = free_port()
    process = start({"SECRET_KEY": "s" * 64, "TIRKEU_WORKERS": "3", "TIRKEU_RATELIMIT_API": "10 per minute"},
                    port, tmp_path / "gunicorn.log")
    statuses = []
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        body = json.dumps({"citizenship": "RU", "entry_date": "2026-09-01"}).encode()
        for _ in range(25):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/plan", data=body,
                                             headers={"Content-Type": "application/json", "Connection": "close"})
            try:
                statuses.append(urllib.request.urlopen(request, timeout=10).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert statuses == [200] * 10 + [429] * 15

"""Tirkeu as in production, on 127.0.0.1: Debian's nginx in front of two gunicorn instances that
share one Redis for the rate limits. nginx answers plain HTTP on one port and, as production does,
TLS with HTTP/2 on another, with a certificate for 127.0.0.1 made at each start (in build/stack/tls/,
never committed; `tls_spki` is its key's hash, for Chromium's --ignore-certificate-errors-spki-list).
Used by the tests (tests/test_stack.py), the benchmark and by hand:

    .venv/bin/python deploy/stack.py start    # prints the address; everything runs in build/stack/
    .venv/bin/python deploy/stack.py stop

Needs nginx, its brotli module, redis-server and openssl (Debian packages); the test command installs them.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import pwd
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "build" / "stack"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError as error:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {seconds} s") from error
            time.sleep(0.2)


class Stack:
    """nginx, two app instances and Redis, each a process of its own; logs in build/stack/."""

    def __init__(self, run: Path = RUN, env: dict | None = None, client_rate: str = "20r/s"):
        """`env` for the instances; `client_rate` is nginx's requests per second per client (a load
        test from one address needs more than a person does)."""
        self.run, self.env, self.client_rate = run, env or {}, client_rate
        self.processes: dict[str, subprocess.Popen] = {}
        self.app_ports: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tls_url(self) -> str:
        return f"https://127.0.0.1:{self.tls_port}"

    def _spawn(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        # The child has its own copy of the log's descriptor: ours is closed once it has started.
        with open(self.run / f"{name}.log", "a") as log:
            process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[name] = process
        return process

    def start_app(self, index: int, extra_env: dict | None = None) -> None:
        """App instance `index` (0 or 1) on its port; started again with `extra_env` for a new version."""
        port = self.app_ports[index]
        self._spawn(f"app{index}", [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "webapp.wsgi:app"], {
            "SECRET_KEY": self.secret, "TIRKEU_BIND": f"127.0.0.1:{port}", "TIRKEU_WORKERS": "2",
            "TIRKEU_PROXIES": "1", "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{self.redis_port}/0",
            # Their temporary files where the tests can see them (none may be left behind).
            "TMPDIR": str(self.run / "tmp"),
            **self.env, **(extra_env or {})})
        wait_for(f"http://127.0.0.1:{port}/healthz")

    def stop_app(self, index: int, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(f"app{index}")
        process.send_signal(sig)
        process.wait(timeout=60)

    def start(self) -> Stack:
        try:
            return self._start()
        except BaseException:
            self.stop()  # what did start must not outlive a failed start (nginx refusing its config)
            raise

    def _start(self) -> Stack:
        self.run.mkdir(parents=True, exist_ok=True)
        (self.run / "tmp").mkdir(exist_ok=True)
        self.secret = self.env.get("SECRET_KEY") or secrets.token_hex(32)
        self.port, self.tls_port, self.redis_port = free_port(), free_port(), free_port()
        self._make_certificate()
        self.app_ports = [free_port(), free_port()]
        # Redis keeps the counts in memory only: no snapshot, no journal, so no address on disk.
        self._spawn("redis", ["redis-server", "--bind", "127.0.0.1", "--port", str(self.redis_port),
                              "--save", "", "--appendonly", "no", "--daemonize", "no"])
        for index in (0, 1):
            self.start_app(index)
        self._write_nginx_conf()
        self._spawn("nginx", ["nginx", "-p", str(self.run), "-c", str(self.run / "nginx.conf"), "-g", "daemon off;"])
        wait_for(f"{self.url}/healthz")
        (self.run / "pids.json").write_text(json.dumps({name: p.pid for name, p in self.processes.items()}))
        return self

    def _make_certificate(self) -> None:
        """A self-signed certificate for 127.0.0.1, valid two days, and its key's SHA-256 (base64)."""
        tls = self.run / "tls"
        tls.mkdir(exist_ok=True)
        self.tls_cert, self.tls_key = tls / "cert.pem", tls / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", str(self.tls_key), "-out", str(self.tls_cert)], check=True, capture_output=True)
        public = subprocess.run(["openssl", "x509", "-in", str(self.tls_cert), "-pubkey", "-noout"],
                                check=True, capture_output=True).stdout
        der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=public, check=True,
                             capture_output=True).stdout
        self.tls_spki = base64.b64encode(hashlib.sha256(der).digest()).decode()

    def _write_nginx_conf(self) -> None:
        server = string.Template((ROOT / "deploy" / "nginx-tirkeu.conf").read_text()).safe_substitute(
            TIRKEU_LISTEN=f"127.0.0.1:{self.port}", TIRKEU_STATIC=str(ROOT / "static"),
            TIRKEU_TLS=f"listen 127.0.0.1:{self.tls_port} ssl http2; ssl_certificate {self.tls_cert}; "
                       f"ssl_certificate_key {self.tls_key};",
            TIRKEU_ACCESS_LOG=str(self.run / "nginx-access.log"), TIRKEU_ERROR_LOG=str(self.run / "nginx-error.log"),
            TIRKEU_CLIENT_RATE=self.client_rate,
            TIRKEU_UPSTREAMS=" ".join(f"server 127.0.0.1:{port} max_fails=0;" for port in self.app_ports))
        (self.run / "tirkeu.conf").write_text(server)
        # The few lines a system nginx.conf has around conf.d/, with every path inside build/stack/.
        temp = self.run / "temp"
        temp.mkdir(exist_ok=True)
        # Started as root (the CI), nginx's workers would become "nobody", who may not read a
        # checkout in a private directory (mktemp -d is 0700): they stay this user, as a
        # non-root start does anyway. Production uses Debian's own nginx.conf and user.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
        (self.run / "nginx.conf").write_text(f"""
{user}
load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;
pid {self.run / 'nginx.pid'};
error_log {self.run / 'nginx-error.log'} warn;
worker_processes 2;
worker_rlimit_nofile 16384;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
    include {self.run / 'tirkeu.conf'};
}}
""")

    def stop(self) -> None:
        for process in list(self.processes.values()):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def stop_from_pids(run: Path = RUN) -> None:
    pids = json.loads((run / "pids.json").read_text()) if (run / "pids.json").exists() else {}
    for pid in pids.values():
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(pid, signal.SIGTERM)
    (run / "pids.json").unlink(missing_ok=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["start"]:
        stack = Stack().start()
        print(f"Tirkeu on {stack.url} and {stack.tls_url} (nginx, HTTP/2), instances on {stack.app_ports}, "
              f"Redis on {stack.redis_port}; "
              f"logs in {stack.run}. Stop: .venv/bin/python deploy/stack.py stop")
    elif sys.argv[1:] == ["stop"]:
        stop_from_pids()
    else:
        sys.exit(__doc__)

"""Time from the first visit to "Ready offline ✓" on a Slow 3G network (400 ms round trip,
400 kbit/s down), in Debian's Chromium.

Chromium's own network emulation (CDP Network.emulateNetworkConditions) slows the page's requests
but not the service worker's: we tried it on the page and on the worker's own target, and the
worker still fetched the whole precache in a fraction of a second. So the link is emulated in
front of the app instead: every response waits one round trip, then shares one 400 kbit/s
downlink with the others, with the size it has when compressed with gzip, as a production proxy
sends it (PNG files as they are). Both figures are printed.

With `stack=True` (python -m bench --stack), also as production serves it: nginx terminating TLS
with HTTP/2, brotli and gzip, in front of two instances (deploy/stack.py), behind a link that
shapes the real connections to the same round trip and rates (bench/shaped_link.py); and, for
comparison, the same with Chromium held to HTTP/1.1.

    python -m bench.offline_ready [--stack]  # prints the figures, writes build/bench/offline_ready.json
"""
from __future__ import annotations

import gzip
import json
import logging
import sys
import threading
import time
from pathlib import Path

ROUND_TRIP_S = 0.400
DOWNLINK_BYTES_PER_S = 400_000 / 8
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/manifest+json")


class SlowLink:
    """WSGI middleware: one round trip per response, then a shared downlink, first come first served."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()
        self.free_at = 0.0
        self.sent = 0

    def __call__(self, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(self.app(environ, capture))
        content_type = dict((k.lower(), v) for k, v in captured["headers"]).get("content-type", "")
        size = len(gzip.compress(body, 6)) if content_type.startswith(COMPRESSIBLE) else len(body)
        time.sleep(ROUND_TRIP_S)
        with self.lock:
            now = time.monotonic()
            start = max(now, self.free_at)
            self.free_at = start + size / DOWNLINK_BYTES_PER_S
            wait = self.free_at - now
            self.sent += size
        time.sleep(wait)
        start_response(captured["status"], captured["headers"])
        return [body]


def visit(base: str, playwright, emulate_in_chromium: bool, args: tuple[str, ...] = ()) -> tuple[float, str]:
    """Seconds from the first request to "Ready offline ✓", and the protocol the page came by."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *args])
    try:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        if emulate_in_chromium:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": ROUND_TRIP_S * 1000,
                "downloadThroughput": DOWNLINK_BYTES_PER_S, "uploadThroughput": DOWNLINK_BYTES_PER_S})
        start = time.monotonic()
        page.goto(f"{base}/ru/")
        page.wait_for_selector("#offline-status.offline-ready", timeout=120_000)
        seconds = time.monotonic() - start
        return seconds, page.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol")
    finally:
        browser.close()


def through_stack(playwright, run: Path) -> dict:
    """TLS and HTTP/2 at nginx, the link shaped in front of it; then HTTP/1.1 on the same link."""
    from bench.shaped_link import ShapedLink
    from deploy.stack import Stack

    figures = {}
    with Stack(run, client_rate="10000r/s") as stack:
        trust = (f"--ignore-certificate-errors-spki-list={stack.tls_spki}",)
        for name, extra in (("h2", ()), ("http1", ("--disable-http2",))):
            with ShapedLink(("127.0.0.1", stack.tls_port), ROUND_TRIP_S, DOWNLINK_BYTES_PER_S * 8,
                            DOWNLINK_BYTES_PER_S * 8) as link:
                seconds, protocol = visit(f"https://127.0.0.1:{link.port}", playwright, False, trust + extra)
            figures[f"tls_{name}_shaped_s"] = round(seconds, 2)
            figures[f"tls_{name}_protocol"] = protocol
            figures[f"tls_{name}_bytes_down"] = link.down.sent
            figures[f"tls_{name}_connections"] = link.connections
    return figures


def main(stack: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.browser.conftest import serving
    from webapp import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the development server's request lines
    app = create_app()
    with app.test_request_context():  # the precache list is computed before the clock starts
        from webapp.pwa import precache
        entries, _ = precache()
    figures = {"precache_entries": len(entries), "round_trip_ms": ROUND_TRIP_S * 1000,
               "downlink_kbit_s": DOWNLINK_BYTES_PER_S * 8 / 1000}
    with sync_playwright() as playwright:
        with serving(app) as base:
            figures["chromium_emulation_s"] = round(visit(base, playwright, emulate_in_chromium=True)[0], 2)
        link = SlowLink(app)
        with serving(link) as base:
            figures["slow_link_s"] = round(visit(base, playwright, emulate_in_chromium=False)[0], 2)
            figures["slow_link_bytes"] = link.sent
        if stack:
            figures.update(through_stack(playwright, Path(__file__).resolve().parent.parent / "build" / "bench" / "stack"))
    return figures


if __name__ == "__main__":
    result = main(stack="--stack" in sys.argv[1:])
    out = Path("build/bench")
    out.mkdir(parents=True, exist_ok=True)
    (out / "offline_ready.json").write_text(json.dumps(result, indent=2))
    for key, value in result.items():
        print(f"{key:24} {value}")

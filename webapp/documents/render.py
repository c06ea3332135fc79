"""PDF rendering with WeasyPrint: one font configuration and one parsed stylesheet per process, a
URL fetcher that serves only our own static files and data: URLs, and a time limit on each render
(the memory limit is the worker's: deploy/gunicorn.conf.py)."""
from __future__ import annotations

import gc
import mimetypes
import signal
import threading
from contextlib import contextmanager
from functools import lru_cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..web.config import ROOT

STATIC = (ROOT / "static").resolve()
# Relative URLs in documents resolve against this address, which names no real host (.invalid is
# reserved); the fetcher maps it to the static folder and never opens a connection.
BASE_URL = "https://static.tirkeu.invalid/"


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(BASE_URL):
            path = (STATIC / url[len(BASE_URL):].split("?")[0]).resolve()
            if path.is_file() and path.is_relative_to(STATIC):
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})
        raise FatalURLFetchingError(f"Documents may only use Tirkeu's own static files, not {url[:80]!r}")


@lru_cache(maxsize=1)
def _shared() -> tuple[FontConfiguration, CSS, StaticOnlyFetcher]:
    fonts = FontConfiguration()
    fetcher = StaticOnlyFetcher()
    stylesheet = CSS(url=BASE_URL + "css/documents.css", font_config=fonts, url_fetcher=fetcher)
    return fonts, stylesheet, fetcher


class RenderFailed(Exception):
    """A render stopped: past its time limit, or out of memory. The worker carries on."""


@contextmanager
def time_limit(seconds: float):
    """Stops what runs inside after `seconds`, with SIGALRM. Signals reach only the main thread,
    where gunicorn's sync workers serve requests; elsewhere (the threaded development server)
    gunicorn's worker timeout is the only bound."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum, frame):
        raise RenderFailed(f"the render ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_pdf(html: str, seconds: float = 10.0) -> bytes:
    """The PDF of one document's HTML (its <title> and <html lang> become the PDF's metadata);
    RenderFailed when it takes longer than `seconds` or runs out of memory."""
    try:
        return _render(html, seconds)
    except MemoryError as error:
        raise RenderFailed("out of memory") from error
    finally:
        _collect_render_garbage()


def _render(html: str, seconds: float) -> bytes:
    fonts, stylesheet, fetcher = _shared()
    with time_limit(seconds):
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)


_long_lived_frozen = False


def _collect_render_garbage() -> None:
    """Frees what a render leaves behind at once. A render's boxes and layouts form reference
    cycles, many holding Pango and cairo memory; they outlive the collector's young generations
    (the render itself triggers those) and wait for a rare full collection, so garbage piles up:
    a worker held about 6 MB more after 1 500 renders (python -m bench). A full collection costs
    under a millisecond because whatever is alive after the first render (modules, the app, the
    fonts, the stylesheet) is frozen out of the collector's view; otherwise each collection would
    walk those 100 000 objects, about 35 ms."""
    global _long_lived_frozen
    gc.collect()
    if not _long_lived_frozen:
        gc.freeze()
        _long_lived_frozen = True

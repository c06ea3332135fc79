"""PDF rendering with WeasyPrint: one font configuration and one parsed stylesheet per process, and
a URL fetcher that serves only our own static files and data: URLs."""
from __future__ import annotations

import mimetypes
from functools import lru_cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..config import ROOT

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


def render_pdf(html: str) -> bytes:
    """The PDF of one document's HTML (its <title> and <html lang> become the PDF's metadata)."""
    fonts, stylesheet, fetcher = _shared()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)

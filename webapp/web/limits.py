"""Abuse limits: requests per client on what costs the most (PDFs) and on the JSON API, so that one
client cannot slow Tirkeu down for everybody else. Counted in memory by default; when several
instances run, in Redis (RATELIMIT_STORAGE_URI=redis://…), so that every instance sees one count.
A client over its limit gets 429 with Retry-After and a message in its language."""
from __future__ import annotations

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# The client's address as the app sees it: behind a proxy, ProxyFix (TIRKEU_PROXIES) makes it the
# address the proxy saw. Kept in the limiter's store for the window only; never logged.
limiter = Limiter(get_remote_address, headers_enabled=True)


def _pdf_limit() -> str:
    return current_app.config["RATELIMIT_PDF"]


def _api_limit() -> str:
    return current_app.config["RATELIMIT_API"]


# Every PDF (wizard, ZIP, API) counts against one budget per client; the API calls against another.
pdf_limit = limiter.shared_limit(_pdf_limit, scope="pdf")
api_limit = limiter.shared_limit(_api_limit, scope="api")

"""Abuse limits: requests per client on what costs the most (PDFs) and on the JSON API, so that one
client cannot slow Tirkeu down for everybody else. When several instances run, counted in Redis
(RATELIMIT_STORAGE_URI=redis://…), so that every instance sees one count; otherwise in memory
shared by every worker of the instance (web/shared_counts.py). A ZIP counts as the documents it
holds. A client over its limit gets 429 with Retry-After and a message in its
language."""
from __future__ import annotations

import logging

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from . import shared_counts  # noqa: F401  (registers the storage tirkeu-shared://)

# The client's address as the app sees it: behind a proxy, ProxyFix (TIRKEU_PROXIES) makes it the
# address the proxy saw. Kept in the limiter's store for the window only; never logged.
limiter = Limiter(get_remote_address, headers_enabled=True)
# Its INFO line for a refused request names the client's address ("ratelimit … (203.0.113.9)
# exceeded"): warnings and above only.
logging.getLogger("flask-limiter").setLevel(logging.WARNING)


def _pdf_limit() -> str:
    return current_app.config["RATELIMIT_PDF"]


def _api_limit() -> str:
    return current_app.config["RATELIMIT_API"]


def _documents_in_zip() -> int:
    from ..documents.catalog import DOCUMENTS

    return len(DOCUMENTS)


# Every PDF (wizard, ZIP, API) counts against one budget per client, a ZIP as the PDFs it holds;
# the API calls against another.
pdf_limit = limiter.shared_limit(_pdf_limit, scope="pdf")
zip_limit = limiter.shared_limit(_pdf_limit, scope="pdf", cost=_documents_in_zip)
api_limit = limiter.shared_limit(_api_limit, scope="api")

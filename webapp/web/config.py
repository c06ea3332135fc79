"""Settings. Defaults are for running on one machine; every value can come from the environment."""
from __future__ import annotations

import os
from pathlib import Path

from .i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


class Config:
    # No sessions, cookies or CSRF tokens: the server keeps no state (see DESIGN.md), so the
    # secret key signs nothing. Production still sets one (issue: production-grade serving).
    SECRET_KEY = os.environ.get("SECRET_KEY")
    WTF_CSRF_ENABLED = False
    BABEL_DEFAULT_LOCALE = "ru"
    # The languages of the pages; tests add a pseudo-locale.
    LANGUAGES = LANGUAGES
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    # The largest legitimate request is a plan with 50 earlier stays: a few kilobytes.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 64 * 1024))
    JSON_SORT_KEYS = False
    # Shown in the footer, so that a person asking for help can say which version they have.
    RELEASE = os.environ.get("TIRKEU_RELEASE", "0.1.0")
    # Fixed "today" for demonstrations and tests; normally the server's date in Kazakhstan.
    TODAY = os.environ.get("TIRKEU_TODAY")
    # Requests per client (webapp/web/limits.py). A person makes a handful of PDFs; a plan call is
    # cheap. With several instances, point every one at the same Redis.
    RATELIMIT_PDF = os.environ.get("TIRKEU_RATELIMIT_PDF", "30 per minute")
    RATELIMIT_API = os.environ.get("TIRKEU_RATELIMIT_API", "300 per minute")
    # One count for every worker of the instance, in shared memory (web/shared_counts.py); with
    # several instances, the same redis://… for all.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "tirkeu-shared://")
    RATELIMIT_HEADERS_ENABLED = True
    # A PDF renders in a fraction of a second; one that takes longer than this is stopped and the
    # person is told to try again (the worker carries on).
    PDF_RENDER_SECONDS = float(os.environ.get("TIRKEU_PDF_RENDER_SECONDS", "10"))
    # How many proxies (nginx, a load balancer) stand in front: their X-Forwarded-For/-Proto are
    # then trusted for the client's address and https. 0 when clients connect directly.
    PROXIES = int(os.environ.get("TIRKEU_PROXIES", "0"))
    # The addresses those proxies connect from: a request from any other address is taken as it
    # came, its X-Forwarded-* ignored (anyone can send them).
    PROXY_ADDRESSES = tuple(os.environ.get("TIRKEU_PROXY_ADDRESSES", "127.0.0.1 ::1").split())

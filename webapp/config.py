"""Settings. Defaults are for running on one machine; every value can come from the environment."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Config:
    # No sessions, cookies or CSRF tokens: the server keeps no state (see DESIGN.md), so the
    # secret key signs nothing. Production still sets one (issue: production-grade serving).
    SECRET_KEY = os.environ.get("SECRET_KEY")
    WTF_CSRF_ENABLED = False
    BABEL_DEFAULT_LOCALE = "ru"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    # The largest legitimate request is a plan with 50 earlier stays: a few kilobytes.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 64 * 1024))
    JSON_SORT_KEYS = False
    # Shown in the footer, so that a person asking for help can say which version they have.
    RELEASE = os.environ.get("TIRKEU_RELEASE", "0.1.0")
    # Fixed "today" for demonstrations and tests; normally the server's date in Kazakhstan.
    TODAY = os.environ.get("TIRKEU_TODAY")

"""What day it is for the person: Kazakhstan's date, not the server's."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

KAZAKHSTAN = ZoneInfo("Asia/Almaty")  # one time zone for the whole country since 1 March 2024


def today() -> date:
    fixed = current_app.config.get("TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return datetime.now(KAZAKHSTAN).date()

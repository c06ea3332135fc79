"""Keeps answers out of logs. The deadlines journey carries its answers in the query string, so a
request line must never be logged with it."""
from __future__ import annotations

import logging
import re

_QUERY = re.compile(r"\?\S*")


class DropQueryStrings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(_QUERY.sub("?…", a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = _QUERY.sub("?…", record.msg)
        return True


def keep_answers_out_of_logs() -> None:
    # Werkzeug's development server logs every request line; gunicorn's access log is configured
    # in its own settings (see README).
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropQueryStrings) for f in logger.filters):
        logger.addFilter(DropQueryStrings())

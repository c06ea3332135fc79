"""What the phone keeps, marked on each route where it is defined, and read back from Flask's URL
map: the precache, what the service worker fetches just after "Ready offline", and what it keeps
when a page is opened. A route without a mark fails tests/test_pwa.py, so a new page cannot be
forgotten offline by accident.

    @bp.get("/what-if")
    @keep(AFTER_READY)
    def what_if(): ...
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, url_for

from ..web.i18n import languages

# Kept when the service worker installs, before "Ready offline" (each entry costs time on a slow
# network and bytes of the precache budget: the journeys' pages and what they need).
INSTALL = "install"
# Fetched once the precache is done and kept: pages and parts the journeys can do without at the
# border's first minute.
AFTER_READY = "after_ready"
# Kept when a person opens it, to be read again offline (the rules and sources, privacy).
OPENED = "opened"
# Never kept: it carries answers (a result, a PDF) or is read by the browser only with a
# connection (the manifest). Given with its reason, so that not keeping is a decision.
NEVER = "never"


@dataclass(frozen=True)
class Keeping:
    when: str
    part: bool = False  # a part a page's script fetches into itself, not a page one navigates to
    reason: str = ""


def keep(when: str, *, part: bool = False, reason: str = ""):
    """Marks a view with how the phone keeps it."""
    if when not in (INSTALL, AFTER_READY, OPENED, NEVER):
        raise ValueError(f"unknown keeping {when!r}")
    if when == NEVER and not reason:
        raise ValueError("say why a route is never kept")

    def mark(view):
        view.offline = Keeping(when, part, reason)
        return view
    return mark


def keeping(app: Flask, endpoint: str) -> Keeping | None:
    return getattr(app.view_functions.get(endpoint), "offline", None)


def marked_urls(app: Flask, when: str, *, part: bool | None = None) -> list[str]:
    """The URLs of every GET route kept `when`, in every language for a route under /<lang>/.
    Call inside a request context (url_for)."""
    urls = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        mark = keeping(app, rule.endpoint)
        if mark is None or mark.when != when or "GET" not in (rule.methods or ()) or (part is not None and mark.part != part):
            continue
        if "lang" in rule.arguments:
            urls += [url_for(rule.endpoint, lang=lang) for lang in languages()]
        else:
            urls.append(url_for(rule.endpoint))
    return urls

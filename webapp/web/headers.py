"""Headers on every response: a strict Content-Security-Policy and its companions, and caching
that never keeps answers (a POST, or a GET with answers in its query string, is `no-store`)."""
from __future__ import annotations

from flask import Flask, g, request

from .i18n import current_language, language_in_url
from .modules import content_security_policy

# No inline script or style (but a page's import map, allowed by its hash: web/modules.py),
# nothing from another origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
    "microphone", "midi", "payment", "serial", "usb", "browsing-topics"))
HSTS = "max-age=31536000; includeSubDomains"


def revalidated(response):
    """A GET without answers is the same for everyone: the browser keeps it and asks again with
    If-None-Match, and an unchanged page comes back as a 304 of a few hundred bytes instead of
    the page (python -m bench: a page seen before; the service worker's install puts every
    offline page in the browser's cache this way)."""
    if "no-store" in response.headers.get("Cache-Control", ""):
        return response
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-cache"
    if "ETag" not in response.headers and not response.is_streamed:
        response.add_etag()
    return response.make_conditional(request)


# What may be in a language: pages, JSON, the documents, calendar files (not scripts, styles, images).
IN_A_LANGUAGE = ("text/html", "application/json", "application/pdf", "text/calendar", "application/zip")


def same_in_every_language() -> None:
    """This response is the same whatever language the browser asks for (the data and the blank
    documents the phone keeps): no Content-Language, no Vary: Accept-Language. The service
    worker's Cache API honours Vary, and its cache.match(url) would no longer find it."""
    g.same_in_every_language = True


def language_headers(response):
    """Content-Language on what is written in a language, and Vary: Accept-Language where that
    language is the browser's choice (the API, pages without one in their address), so that a
    cache in front keeps one copy per language instead of serving one language to everyone."""
    if request.endpoint == "static" or g.get("same_in_every_language") or response.mimetype not in IN_A_LANGUAGE:
        return response
    response.headers.setdefault("Content-Language", current_language())
    if not language_in_url():
        response.vary.add("Accept-Language")
    return response


def security_headers(response):
    response.headers.setdefault("Content-Security-Policy", content_security_policy(CONTENT_SECURITY_POLICY))
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    if response.status_code < 400:
        # Flask-Limiter sends Retry-After on every limited response; it means "wait" only on a
        # 429 (or a 503), and a client that honours it on a 200 would wait for nothing.
        response.headers.pop("Retry-After", None)
    language_headers(response)
    if request.endpoint == "static" and request.args.get("v"):
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    elif request.method == "POST" or request.query_string:
        # A POST, or a GET with answers in its query string (a deadlines result, its calendar
        # file): what comes back shows the answers, so it stays out of every cache.
        response.headers["Cache-Control"] = "no-store"
    elif request.method in ("GET", "HEAD") and response.status_code == 200 and request.endpoint != "static":
        return revalidated(response)
    return response


def init_app(app: Flask) -> None:
    app.after_request(security_headers)

"""Error pages and JSON errors: in the reader's language, never a traceback, never the answers
(the request path carries none; the query string and body are never logged)."""
from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, ServiceUnavailable

# What an error says, in the reader's language (lazy: read when a request has chosen it).
HTTP_ERRORS = {
    400: _l("This request could not be handled. Check what was sent."),
    404: _l("There is nothing at this address. Check the address."),
    405: _l("This address does not accept this method. See the API description."),
    413: _l("Too much data was sent. Send less: at most 50 earlier stays."),
    429: _l("Too many requests. Wait a moment and try again."),
    500: _l("Sorry, something went wrong on our side. Please try again in a few minutes."),
    503: _l("Making the document took too long. Please try again in a minute."),
}


def _is_api() -> bool:
    return request.path.startswith("/api/")


def unavailable(retry_after: int = 30):
    """503 with Retry-After: a PDF that took too long (documents' RenderFailed), for example."""
    if _is_api():
        response = jsonify({"errors": {"request": str(HTTP_ERRORS[503])}})
    else:
        response = current_app.make_response(render_template("error.html", error=ServiceUnavailable()))
    response.status_code = 503
    response.headers["Retry-After"] = str(retry_after)
    return response


def http_error(error: HTTPException):
    # The exception's own headers but its body's type: a 405's Allow (the methods it takes).
    headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
    if _is_api():
        return jsonify({"errors": {"request": str(HTTP_ERRORS.get(error.code, HTTP_ERRORS[400]))}}), error.code, headers
    return render_template("error.html", error=error), error.code, headers


def server_error(error: Exception):
    current_app.logger.exception("Unhandled error on %s", request.path)  # the path carries no answers
    if _is_api():
        return jsonify({"errors": {"request": str(HTTP_ERRORS[500])}}), 500
    return render_template("error.html", error=None), 500


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, server_error)


# The errors that gunicorn (deploy/gunicorn_worker.py) and nginx (static/errors/, written by
# `flask errors write`) answer themselves, before or without the app: a small page each, on its
# own stylesheet (static/errors/error.css, which nginx serves even when no instance is up).
REASONS = {400: "Bad Request", 413: "Content Too Large", 414: "URI Too Long",
           429: "Too Many Requests", 431: "Request Header Fields Too Large", 502: "Bad Gateway", 504: "Gateway Timeout"}


def small_error_page(code: int, language: str) -> str:
    """The small page of `code` in `language`; needs an app context."""
    from .i18n import force_language

    with force_language(language):
        return render_template("errors/small.html", code=code, language=language)


def standalone_error(app: Flask, code: int, path: str = "/", accept_language: str | None = None):
    """The response to an error found before the app saw the request (gunicorn's parser): the
    small page in the language of the path's prefix or of Accept-Language, or the API's JSON, with
    the app's headers. `path` is only used for its first segment."""
    from .headers import security_headers
    from .i18n import languages

    first = path.lstrip("/").split("/", 1)[0].split("?", 1)[0]
    safe_path = "/api/" if first == "api" else f"/{first}/" if first in languages() else "/"
    headers = {"Accept-Language": accept_language} if accept_language else {}
    with app.test_request_context(safe_path, headers=headers):
        from .i18n import _request_language

        if _is_api():
            response = jsonify({"errors": {"request": str(HTTP_ERRORS.get(code, HTTP_ERRORS[400]))}})
        else:
            response = app.make_response(small_error_page(code, _request_language()))
        response.status_code = code
        response = security_headers(response)
        response.headers["Cache-Control"] = "no-store"
        return response

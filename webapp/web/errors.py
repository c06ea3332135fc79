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
    if _is_api():
        return jsonify({"errors": {"request": str(HTTP_ERRORS.get(error.code, HTTP_ERRORS[400]))}}), error.code
    return render_template("error.html", error=error), error.code


def server_error(error: Exception):
    current_app.logger.exception("Unhandled error on %s", request.path)  # the path carries no answers
    if _is_api():
        return jsonify({"errors": {"request": str(HTTP_ERRORS[500])}}), 500
    return render_template("error.html", error=None), 500


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, server_error)

"""A request body that cannot be read (a malformed chunked body, a client that stops half way) is
the client's error: a 400 with the app's localized page or JSON, never a 500 with a traceback,
and nothing of the body in any log. gunicorn raises its parse errors from wsgi.input.read(), with
the bytes it could not parse in their message; this wraps wsgi.input so that they become a
BadRequest, which the app's error handler answers (webapp/web/errors.py) without logging it."""
from __future__ import annotations

from werkzeug.exceptions import BadRequest, HTTPException


class _SafeInput:
    def __init__(self, stream):
        self._stream = stream

    def _call(self, method, *args):
        try:
            return getattr(self._stream, method)(*args)
        except HTTPException:
            raise
        except Exception:
            # `from None`: the error that names the body's bytes is not kept as this one's cause.
            raise BadRequest() from None

    def read(self, *args):
        return self._call("read", *args)

    def readline(self, *args):
        return self._call("readline", *args)

    def readlines(self, *args):
        return self._call("readlines", *args)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class UnreadableBodyIsBadRequest:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if "wsgi.input" in environ:
            environ["wsgi.input"] = _SafeInput(environ["wsgi.input"])
        return self.app(environ, start_response)

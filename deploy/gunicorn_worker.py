"""gunicorn's sync worker, whose own error responses (a request it cannot parse: request line
too long, too many or too large headers, an invalid request line or header) are the app's small
localized page (or the API's JSON) with the app's headers, and whose log line never carries the
request line, a header or a byte of the body. Set by deploy/gunicorn.conf.py (worker_class)."""
from __future__ import annotations

import re

from gunicorn.http import errors
from gunicorn.workers.sync import SyncWorker

# What is kept of what the client sent, to choose the page's language: the start of the
# request, up to the end of its headers (never written anywhere).
_KEPT = 32 * 1024
_PATH = re.compile(rb"^[A-Z]{1,16} +(/[^ \r\n?]{0,16})")
_ACCEPT_LANGUAGE = re.compile(rb"\r\naccept-language:[ \t]*([-a-zA-Z0-9,;=. *]{1,200})", re.IGNORECASE)
_STATUS = ((errors.LimitRequestLine, 414), (errors.LimitRequestHeaders, 431))


class _Recording:
    """The client's socket, keeping the first bytes received (gunicorn's parser reads with recv)."""

    def __init__(self, sock):
        self._sock, self.received = sock, b""

    def recv(self, *args):
        data = self._sock.recv(*args)
        if len(self.received) < _KEPT and b"\r\n\r\n" not in self.received:
            self.received += data[:_KEPT - len(self.received)]
        return data

    def __getattr__(self, name):
        return getattr(self._sock, name)


def status_of(exc: BaseException) -> int:
    return next((status for kind, status in _STATUS if isinstance(exc, kind)), 400)


def request_language_hints(received: bytes) -> tuple[str, str | None]:
    """The path's first characters and the Accept-Language header of the bytes received."""
    path = _PATH.match(received)
    accept = _ACCEPT_LANGUAGE.search(received.split(b"\r\n\r\n", 1)[0])
    return (path.group(1).decode("ascii", "replace") if path else "/",
            accept.group(1).decode("ascii") if accept else None)


class TirkeuSyncWorker(SyncWorker):
    def handle(self, listener, client, addr):
        super().handle(listener, _Recording(client), addr)

    def handle_error(self, req, client, addr, exc):
        from webapp.web.errors import REASONS, standalone_error

        client_error = isinstance(exc, errors.ParseException) and not isinstance(
            exc, (errors.InvalidResponseHeader, errors.InvalidResponseHeaderName, errors.ConfigurationProblem))
        status = status_of(exc) if client_error else 500
        if client_error:
            # The kind of error only: its message quotes the request line, a header or the body.
            self.log.warning("Invalid request: %s", type(exc).__name__)
        else:
            self.log.error("Error handling a request: %s", type(exc).__name__)
        path, accept_language = request_language_hints(getattr(client, "received", b""))
        try:
            response = standalone_error(self.wsgi, status, path, accept_language)
            body = response.get_data()
            head = [f"HTTP/1.1 {status} {REASONS.get(status, 'Internal Server Error')}", "Connection: close"]
            head += [f"{name}: {value}" for name, value in response.headers.items() if name != "Content-Length"]
            head.append(f"Content-Length: {len(body)}")
            client.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        except Exception as error:
            self.log.debug("Failed to send the error page: %s", type(error).__name__)

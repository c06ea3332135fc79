"""X-Forwarded-For and -Proto trusted only from the proxies' own addresses.

werkzeug's ProxyFix trusts the last TIRKEU_PROXIES values of those headers whoever sent them: a
client that reached an instance directly (a port left open, a misrouted request) could choose the
address its limits are counted against, or claim https. Here they count only when the connection
comes from one of TIRKEU_PROXY_ADDRESSES (nginx on the same machine: 127.0.0.1 and ::1); from any
other peer they are dropped, and the peer is the client."""
from __future__ import annotations

from werkzeug.middleware.proxy_fix import ProxyFix

FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
             "HTTP_X_FORWARDED_PORT", "HTTP_X_FORWARDED_PREFIX", "HTTP_FORWARDED")


class FromProxiesOnly:
    def __init__(self, app, proxies: int, addresses: tuple[str, ...]):
        self.app, self.addresses = app, frozenset(addresses)
        self.through_proxies = ProxyFix(app, x_for=proxies, x_proto=proxies)

    def __call__(self, environ, start_response):
        if environ.get("REMOTE_ADDR") in self.addresses:
            return self.through_proxies(environ, start_response)
        for name in FORWARDED:
            environ.pop(name, None)
        return self.app(environ, start_response)

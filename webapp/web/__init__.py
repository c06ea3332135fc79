"""The web plumbing every feature shares: settings, headers, errors, static files, limits,
languages (in the URL, the catalogs, the formatting), logs that never carry answers, the CLI."""
from __future__ import annotations

from flask import Flask
from flask_babel import Babel

from . import assets, errors, headers, language_urls
from .body import UnreadableBodyIsBadRequest
from .catalogs import compile_missing_catalogs
from .config import ROOT
from .i18n import select_locale
from .limits import limiter
from .logs import keep_answers_out_of_logs
from .proxies import FromProxiesOnly

babel = Babel()


class MissingSecretKey(RuntimeError):
    pass


def init_app(app: Flask, *, production: bool) -> None:
    """`production` (webapp/wsgi.py, behind gunicorn) refuses to start without a SECRET_KEY in
    the environment: never a default that production would silently keep."""
    if production and not app.config.get("SECRET_KEY"):
        raise MissingSecretKey(
            "SECRET_KEY is not set. Production needs one in the environment, for example: "
            "SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')")
    if app.config["PROXIES"]:
        # Trust the proxies' X-Forwarded-For and -Proto for the client's address and https, when
        # the request comes from one of their addresses.
        app.wsgi_app = FromProxiesOnly(app.wsgi_app, app.config["PROXIES"], app.config["PROXY_ADDRESSES"])
    app.wsgi_app = UnreadableBodyIsBadRequest(app.wsgi_app)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    compile_missing_catalogs(ROOT / "translations")
    keep_answers_out_of_logs()
    babel.init_app(app, locale_selector=select_locale)
    # Before the limiter: after-request functions run last registered first, so the headers'
    # own rules (web/headers.py) see the limiter's (and may take back its Retry-After on a 200).
    headers.init_app(app)
    limiter.init_app(app)
    language_urls.init_app(app)
    # Scripts and stylesheets without their comment-only lines, at addresses hashed from that text.
    app.view_functions["static"] = assets.send_static
    errors.init_app(app)

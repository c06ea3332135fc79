"""Tirkeu: stay legal in Kazakhstan. `create_app()` builds the Flask application."""
from __future__ import annotations

import flask_babel
from flask import Flask, g, jsonify, render_template, request, url_for
from flask_babel import Babel
from werkzeug.exceptions import HTTPException, ServiceUnavailable
from werkzeug.middleware.proxy_fix import ProxyFix

from . import api, cli, explain, i18n, modules, pages
from .assets import static_url
from .catalogs import compile_missing_catalogs
from .config import ROOT, Config
from .rules import rule_book
from .documents import views as documents
from .documents.render import RenderFailed
from .fields import row_template
from .journeys import deadlines
from .limits import limiter
from .messages import HTTP_ERRORS
from .privacy import keep_answers_out_of_logs
from .pwa import bp as pwa_bp

babel = Babel()

# No inline script or style (but a page's import map, allowed by its hash: webapp/modules.py),
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


class MissingSecretKey(RuntimeError):
    pass


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


def create_app(test_config: dict | None = None, *, production: bool = False) -> Flask:
    """The app. `production` (webapp/wsgi.py, behind gunicorn) refuses to start without a
    SECRET_KEY in the environment: never a default that production would silently keep."""
    app = Flask(__name__, static_folder=str(ROOT / "static"), static_url_path="/static")
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    if production and not app.config.get("SECRET_KEY"):
        raise MissingSecretKey(
            "SECRET_KEY is not set. Production needs one in the environment, for example: "
            "SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')")
    if app.config["PROXIES"]:
        # Trust the proxies' X-Forwarded-For and -Proto for the client's address and https.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXIES"], x_proto=app.config["PROXIES"])
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    compile_missing_catalogs(ROOT / "translations")
    keep_answers_out_of_logs()
    babel.init_app(app, locale_selector=i18n.select_locale)
    limiter.init_app(app)

    app.register_blueprint(pages.bp)
    app.register_blueprint(deadlines.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(documents.print_bp)
    app.register_blueprint(pwa_bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(cli.bp)
    app.register_blueprint(cli.rules_bp)

    @app.url_value_preprocessor
    def pull_language(endpoint, values):
        if values and "lang" in values:
            g.lang = values.pop("lang")

    @app.url_defaults
    def add_language(endpoint, values):
        if "lang" not in values and "lang" in g and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.lang

    app.jinja_env.globals.update(
        country_name=i18n.country_name,
        long_date=i18n.long_date,
        days_left_text=explain.days_left_text,
        obligation_title=explain.obligation_title,
        obligation_steps=explain.obligation_steps,
        obligation_reasoning=explain.obligation_reasoning,
        stay_reasoning=explain.stay_reasoning,
        next_entry_text=explain.next_entry_text,
        window_days=explain.window_days,
        window_run_text=explain.window_run_text,
        next_entry_reasoning=explain.next_entry_reasoning,
        safe_by_text=explain.safe_by_text,
        warning_text=explain.warning_text,
        rule_set_label=explain.rule_set_label,
        source_view=explain.source_view,
        urgent_warnings=explain.URGENT_WARNINGS,
        choice_label=_choice_label,
        language_links=_language_links,
        row_template=row_template,
        # A message with its %(n)d left in, for the phone to number (static/js/rows.js).
        message_pattern=flask_babel.gettext,
    )

    app.jinja_env.filters["groupby_optgroup"] = _groupby_optgroup
    app.jinja_env.filters["zip"] = zip

    @app.context_processor
    def template_helpers():
        return {
            "static_url": static_url,
            "module_scripts": modules.module_scripts,
            "language": i18n.current_language(),
            "language_names": i18n.LANGUAGE_NAMES,
            "rules_checked": rule_book().last_checked,
        }

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", modules.content_security_policy(CONTENT_SECURITY_POLICY))
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if request.endpoint == "static" and request.args.get("v"):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        elif request.method == "POST" or request.query_string:
            # A POST, or a GET with answers in its query string (a deadlines result, its calendar
            # file): what comes back shows the answers, so it stays out of every cache.
            response.headers["Cache-Control"] = "no-store"
        elif request.method == "GET" and response.status_code == 200 and request.endpoint != "static":
            return revalidated(response)
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify({"errors": {"request": str(HTTP_ERRORS.get(error.code, HTTP_ERRORS[400]))}}), error.code
        return render_template("error.html", error=error), error.code

    @app.errorhandler(RenderFailed)
    def render_failed(error: RenderFailed):
        app.logger.warning("PDF render stopped on %s: %s", request.path, error)  # no answers in either
        if request.path.startswith("/api/"):
            response = jsonify({"errors": {"request": str(HTTP_ERRORS[503])}})
        else:
            response = app.make_response(render_template("error.html", error=ServiceUnavailable()))
        response.status_code = 503
        response.headers["Retry-After"] = "30"
        return response

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        app.logger.exception("Unhandled error on %s", request.path)  # the path carries no answers
        if request.path.startswith("/api/"):
            return jsonify({"errors": {"request": str(HTTP_ERRORS[500])}}), 500
        return render_template("error.html", error=None), 500

    return app


def _language_links() -> list[dict]:
    """The same page in each language (keeping the answers in the query string)."""
    endpoint = request.endpoint
    args = dict(request.view_args or {})
    if not endpoint or endpoint == "static" or "lang" not in g or request.method != "GET":
        endpoint, args = "pages.start", {}
    links = []
    for code in i18n.LANGUAGES:
        url = url_for(endpoint, **{**args, "lang": code})
        if request.query_string and endpoint != "pages.start":
            url += "?" + request.query_string.decode("utf-8", "replace")
        links.append({"code": code, "name": i18n.LANGUAGE_NAMES[code], "url": url, "current": code == g.get("lang")})
    return links


def _groupby_optgroup(choices) -> list[tuple[str | None, list]]:
    """Consecutive choices with the same optgroup, in their order (Jinja's groupby would sort)."""
    groups: list[tuple[str | None, list]] = []
    for choice in choices:
        if groups and groups[-1][0] == choice.optgroup:
            groups[-1][1].append(choice)
        else:
            groups.append((choice.optgroup, [choice]))
    return groups


def _choice_label(field) -> str:
    """The label of the option chosen in a select or radio field."""
    return next((str(c.label) for c in field.choices if c.value == field.data), "")

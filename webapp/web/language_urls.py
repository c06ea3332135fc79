"""The language in every page's URL (/ru/…, /kk/…, /en/…): a URL converter built from the app's
languages, so that no route lists them, and the same page's address in each language."""
from __future__ import annotations

import re

from flask import Flask, g, request, url_for
from werkzeug.routing import BaseConverter

from .i18n import language_name, languages


def language_converter(codes: tuple[str, ...]) -> type[BaseConverter]:
    """`<lang:lang>` matches one of `codes` and nothing else (a 404 for /de/…)."""
    class LanguageConverter(BaseConverter):
        regex = "(?:" + "|".join(re.escape(code) for code in codes) + ")"
    return LanguageConverter


def init_app(app: Flask) -> None:
    # Before any blueprint: its rules are compiled with the converters known then.
    app.url_map.converters["lang"] = language_converter(tuple(app.config["LANGUAGES"]))

    @app.url_value_preprocessor
    def pull_language(endpoint, values):
        if values and "lang" in values:
            g.lang = values.pop("lang")

    @app.url_defaults
    def add_language(endpoint, values):
        if "lang" not in values and "lang" in g and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.lang

    app.add_template_global(language_links)


def language_links() -> list[dict]:
    """The same page in each language (keeping the answers in the query string)."""
    endpoint = request.endpoint
    args = dict(request.view_args or {})
    if not endpoint or endpoint == "static" or "lang" not in g or request.method not in ("GET", "HEAD"):
        endpoint, args = "guidance.start", {}
    links = []
    for code in languages():
        url = url_for(endpoint, **{**args, "lang": code})
        if request.query_string and endpoint != "guidance.start":
            url += "?" + request.query_string.decode("utf-8", "replace")
        links.append({"code": code, "name": language_name(code), "url": url, "current": code == g.get("lang")})
    return links

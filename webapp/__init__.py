"""Tirkeu: stay legal in Kazakhstan. `create_app()` builds the Flask application.

The packages are the features: deadlines (journey 1), documents (journey 2), guidance (pages to
read), proof (the wallet), pwa (the offline app), api (JSON for other apps), on the rules (data
and evaluator, no Flask) and two shared kits: forms and web (settings, headers, errors, static
files, limits, languages, logs). docs/design.md explains how they fit.
"""
from __future__ import annotations

from flask import Flask

from . import api, deadlines, forms, guidance, host, proof, pwa, web
from .documents import views as document_views
from .web import MissingSecretKey, cli, site
from .web.config import ROOT, Config

__all__ = ["MissingSecretKey", "create_app"]

BLUEPRINTS = (site.bp, forms.bp, guidance.bp, deadlines.bp, document_views.bp, document_views.print_bp, host.bp, proof.bp,
              pwa.bp, api.bp, cli.bp, cli.rules_bp)


def create_app(test_config: dict | None = None, *, production: bool = False) -> Flask:
    """The app: settings from the environment (web/config.py), then `test_config` over them.
    `production` (webapp/wsgi.py) refuses to start without a SECRET_KEY."""
    app = Flask(__name__, static_folder=str(ROOT / "static"), static_url_path="/static")
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    web.init_app(app, production=production)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    return app

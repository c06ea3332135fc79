"""What every page shares and the addresses outside the journeys: `/` (to the reader's language),
the health check, and the values the base layout and its footer use."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, request, url_for

from ..pwa.offline import NEVER, keep
from ..rules import rule_book
from .assets import static_url
from .i18n import DEFAULT_LANGUAGE, country_name, current_language, language_name, languages, long_date
from .links import linked
from .modules import data_module, module_scripts

bp = Blueprint("site", __name__)


@bp.app_context_processor
def layout_values():
    return {"static_url": static_url, "module_scripts": module_scripts, "data_module": data_module,
            "language": current_language(), "languages": languages, "language_name": language_name,
            "rules_checked": rule_book().last_checked}


@bp.get("/")
@keep(NEVER, reason="a redirect to the reader's language; offline, the start page in it")
def root():
    language = request.accept_languages.best_match(languages()) or DEFAULT_LANGUAGE
    response = redirect(url_for("guidance.start", lang=language), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response


@bp.get("/healthz")
@keep(NEVER, reason="for the load balancer")
def healthz():
    """For the load balancer: this instance answers, and its rules are loaded."""
    response = jsonify({"status": "ok", "release": current_app.config["RELEASE"],
                        "rules_checked": rule_book().last_checked.isoformat()})
    response.headers["Cache-Control"] = "no-store"
    return response


bp.add_app_template_global(long_date, "long_date")
bp.add_app_template_filter(linked, "linked")
bp.add_app_template_global(country_name, "country_name")

"""The start page, the privacy page, the language redirect and the health check."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for

from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .rules import rule_book

bp = Blueprint("pages", __name__)


@bp.get("/")
def root():
    language = request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE
    response = redirect(url_for("pages.start", lang=language), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response


@bp.get("/<any(ru,kk,en):lang>/")
def start():
    return render_template("start.html")


@bp.get("/<any(ru,kk,en):lang>/privacy")
def privacy():
    return render_template("privacy.html")


@bp.get("/healthz")
def healthz():
    """For the load balancer: this instance answers, and its rules are loaded."""
    response = jsonify({"status": "ok", "release": current_app.config["RELEASE"],
                        "rules_checked": rule_book().last_checked.isoformat()})
    response.headers["Cache-Control"] = "no-store"
    return response

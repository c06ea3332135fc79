"""The start page and the language redirect."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

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
    return render_template("start.html", rules_checked=rule_book().last_checked)

"""The start page, the privacy page, the rules and sources page, the language redirect and the
health check."""
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


@bp.get("/<any(ru,kk,en):lang>/device-answers")
def device_answers():
    """The footer's "Your answers on this device", which static/js/answers.js puts in every page."""
    return render_template("device_answers.html")


@bp.get("/<any(ru,kk,en):lang>/send-to-host")
def send_to_host():
    """"Send to your host" on "Check your answers", which static/js/host-link.js puts there."""
    return render_template("send_to_host.html")


@bp.get("/<any(ru,kk,en):lang>/proof")
def proof():
    """Your proof of registration: documents kept on the phone only (static/js/proof-wallet.js)."""
    from .messages import DATE_PARTS_ERRORS, FIELD_ERRORS
    from .proof import MAX_FILE_MB, PROOF_ERRORS, PROOF_KINDS, PROOF_SOURCES

    messages = {**{key: str(text) for key, text in PROOF_ERRORS.items()},
                **{key: str(FIELD_ERRORS[key]) for key in DATE_PARTS_ERRORS}}
    return render_template("proof.html", kinds={key: str(text) for key, text in PROOF_KINDS.items()}, messages=messages,
                           sources=PROOF_SOURCES, max_mb=MAX_FILE_MB)


@bp.get("/<any(ru,kk,en):lang>/what-if")
def what_if():
    """Short sourced answers to the situations people at the border ask about most."""
    from .guidance import WHAT_IF

    return render_template("what_if.html", answers=WHAT_IF)


@bp.get("/<any(ru,kk,en):lang>/checklist")
def checklist():
    """What to carry and check before and at the crossing, ticked on the phone."""
    from .guidance import CHECKLIST, CHECKLIST_NOT_FOUND

    return render_template("checklist.html", items=CHECKLIST, not_found=CHECKLIST_NOT_FOUND)


@bp.get("/<any(ru,kk,en):lang>/rules")
def rules():
    """Every rule set in plain words, how days are counted, every source, and the open questions."""
    from .explain import rule_rows, warning_text
    from .messages import GROUP_NAMES, RULE_SET_SUMMARIES, WARNINGS
    from .rules.calendar import unverified_years
    from .rules.evaluator import Warning

    book = rule_book()
    rule_sets = sorted(book.rule_sets, key=lambda r: r.valid_from)
    cited = {source for rule_set in rule_sets for source in rule_set.cited_sources()}
    return render_template(
        "rules.html", rule_sets=rule_sets, summaries=RULE_SET_SUMMARIES, group_names=GROUP_NAMES,
        rule_rows=rule_rows,
        notes=[warning_text(Warning(code, params)) for rule_set in rule_sets for code, params in rule_set.notes_for(None)],
        windows=book.windows(),
        warnings_text=WARNINGS, last_change=rule_sets[-1].valid_from, unverified_years=unverified_years(),
        other_sources=[source for source in book.sources if source not in cited])


@bp.get("/healthz")
def healthz():
    """For the load balancer: this instance answers, and its rules are loaded."""
    response = jsonify({"status": "ok", "release": current_app.config["RELEASE"],
                        "rules_checked": rule_book().last_checked.isoformat()})
    response.headers["Cache-Control"] = "no-store"
    return response

"""The start page, the rules and sources, "What if…", the border checklist and the privacy page."""
from __future__ import annotations

from flask import Blueprint, render_template

from ..deadlines.explain import rule_rows, warning_text
from ..messages import GROUP_NAMES, RULE_SET_SUMMARIES, WARNINGS
from ..pwa.offline import AFTER_READY, INSTALL, OPENED, keep
from ..rules import rule_book
from ..rules.calendar import unverified_years
from ..rules.evaluator import Warning
from .content import CHECKLIST, CHECKLIST_NOT_FOUND, WHAT_IF

bp = Blueprint("guidance", __name__, url_prefix="/<lang:lang>")


@bp.get("/")
@keep(INSTALL)
def start():
    return render_template("guidance/start.html")


@bp.get("/privacy")
@keep(OPENED)
def privacy():
    return render_template("guidance/privacy.html")


@bp.get("/what-if")
@keep(AFTER_READY)
def what_if():
    """Short sourced answers to the situations people at the border ask about most."""
    return render_template("guidance/what_if.html", answers=WHAT_IF)


@bp.get("/checklist")
@keep(AFTER_READY)
def checklist():
    """What to carry and check before and at the crossing, ticked on the phone."""
    return render_template("guidance/checklist.html", items=CHECKLIST, not_found=CHECKLIST_NOT_FOUND)


@bp.get("/rules")
@keep(OPENED)
def rules():
    """Every rule set in plain words, how days are counted, every source, and the open questions."""
    book = rule_book()
    rule_sets = sorted(book.rule_sets, key=lambda r: r.valid_from)
    cited = {source for rule_set in rule_sets for source in rule_set.cited_sources()}
    return render_template(
        "guidance/rules.html", rule_sets=rule_sets, summaries=RULE_SET_SUMMARIES, group_names=GROUP_NAMES,
        rule_rows=rule_rows,
        notes=[warning_text(Warning(code, params)) for rule_set in rule_sets for code, params in rule_set.notes_for(None)],
        windows=book.windows(),
        warnings_text=WARNINGS, last_change=rule_sets[-1].valid_from, unverified_years=unverified_years(),
        other_sources=[source for source in book.sources if source not in cited])

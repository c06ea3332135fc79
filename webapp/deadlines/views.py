"""Journey 1, "My deadlines": questions -> what to do and by when, and a calendar file.

The answers travel in the query string (GET): nothing is stored, the result page can be
bookmarked, reloaded and switched to another language, and the browser's back button works.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import quote

from flask import Blueprint, Response, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ..case import ROWS, current_rows, documents_query
from ..documents.answers import STEPS
from ..forms.fields import without_odd_list_keys
from ..messages import FIELD_ERRORS
from ..pwa.offline import INSTALL, NEVER, keep
from ..rules import NotCovered, evaluate, inputs, rule_book
from ..rules.places import checkpoint
from ..web.i18n import current_language, place_name
from ..web.today import today
from .calendar_file import REMINDER_BEFORE, plan_calendar
from .forms import ADD_STAY, REMOVE_STAY, DeadlinesForm
from .offline_data import offline_data

bp = Blueprint("deadlines", __name__, url_prefix="/<lang:lang>/deadlines")

STAY_PREFIX = ROWS["prefix"]["deadlines"] + "-"


def _answers() -> tuple[MultiDict, date]:
    # An address of before (a bookmark, the history) names the rows previous_stays-<n>-…: read as today's.
    renamed = MultiDict(current_rows(request.args.items(multi=True), "deadlines"))
    answers = without_odd_list_keys(renamed, ROWS["prefix"]["deadlines"])
    day = today()
    fixed = answers.get("today", "")
    if fixed:  # a "control date", as in 90/180 calculators: what the dates look like on another day
        try:
            candidate = date.fromisoformat(fixed[:10])
            if not inputs.check_today(candidate):
                day = candidate
        except ValueError:
            pass
    return answers, day


def _stay_indices(answers: MultiDict) -> list[str]:
    indices = {key[len(STAY_PREFIX):].split("-", 1)[0] for key in answers if key.startswith(STAY_PREFIX)}
    return sorted(indices, key=int)


def _questions(form: DeadlinesForm, status: int = 200, focus: str | None = None):
    # The earlier stays that can count: those in the longest window of the rules (regimes.json).
    window = max(window_days for _max_days, window_days in rule_book().windows())
    return render_template("deadlines/questions.html", form=form, focus=focus, window=window), status


@bp.get("/")
@keep(INSTALL)
def questions():
    answers, day = _answers()
    form = DeadlinesForm(formdata=answers if answers else None, today=day)
    return _questions(form)


@bp.get("/plan")
@keep(NEVER, reason="it carries the answers; offline, the phone writes it from deadlines.offline")
def plan():
    answers, day = _answers()
    if REMOVE_STAY in answers:
        index = answers.pop(REMOVE_STAY)
        for key in [k for k in answers if k.startswith(f"{STAY_PREFIX}{index}-")]:
            answers.poplist(key)
        return _questions(DeadlinesForm(formdata=answers, today=day))
    if ADD_STAY in answers:
        answers.pop(ADD_STAY)
        form = DeadlinesForm(formdata=answers, today=day)
        if len(form.previous_stays) < inputs.MAX_PREVIOUS_STAYS:
            form.previous_stays.append_entry()
        return _questions(form, focus=form.previous_stays[-1].form.entry.id + "-day")

    form = DeadlinesForm(formdata=answers, today=day)
    valid = form.validate()
    too_many = len(_stay_indices(answers)) > inputs.MAX_PREVIOUS_STAYS
    if too_many:
        form.previous_stays.errors = [FIELD_ERRORS["too_many_stays"]]
    if not valid or too_many:
        return _questions(form, status=400)
    result_input = form.plan_input()
    try:
        result = evaluate(result_input)
    except NotCovered as error:  # already caught by the form's checks; kept as a guard
        form.entry_date.errors = [FIELD_ERRORS[error.code]]
        return _questions(form, status=400)
    point = checkpoint(result_input.checkpoint) if result_input.checkpoint else None
    # "Prepare my documents" starts with the same case, named as the documents name it (webapp/case.py).
    case = documents_query(answers) | {"person-citizenship": result_input.citizenship}
    return render_template(
        "deadlines/plan.html", form=form, plan=result, answers=result_input,
        documents_url=url_for("documents.step", step=STEPS[0], **case),
        checkpoint=place_name(point, current_language()) if point else None,
        query=request.query_string.decode("utf-8", "replace"), reminder_days=REMINDER_BEFORE.days,
    )


@bp.get("/offline")
@keep(INSTALL)
def offline():
    """The frame of a result page for the phone. With no network the service worker answers
    result URLs with it, and static/js/offline-plan.js fills it from the answers in the URL."""
    return render_template("deadlines/offline.html", data=offline_data(current_language()))


@bp.get("/plan.ics")
@keep(NEVER, reason="it carries the answers; offline, the phone writes the calendar file")
def calendar():
    answers, day = _answers()
    form = DeadlinesForm(formdata=answers, today=day)
    if not form.validate():
        return _questions(form, status=400)
    result = evaluate(form.plan_input())
    body = plan_calendar(result, form.plan_input(), current_language())
    response = Response(body, mimetype="text/calendar")
    filename = _("tirkeu-deadlines") + ".ics"
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response

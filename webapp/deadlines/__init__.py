"""Journey 1, "My deadlines": the questions, the result page (and the phone's offline copy of it),
the calendar file, and the sentences that turn a plan into words (explain.py), which the
documents, the API and the calendar file use too."""
from __future__ import annotations

from . import explain
from .views import bp

__all__ = ["bp"]


@bp.record_once
def _template_globals(state):
    """The result's sentences, for the deadlines templates and the documents that print a plan."""
    state.app.jinja_env.globals.update(
        days_left_text=explain.days_left_text, obligation_title=explain.obligation_title,
        obligation_steps=explain.obligation_steps, obligation_reasoning=explain.obligation_reasoning,
        stay_reasoning=explain.stay_reasoning, next_entry_text=explain.next_entry_text,
        next_entry_reasoning=explain.next_entry_reasoning, window_days=explain.window_days,
        window_run_text=explain.window_run_text,
        warning_text=explain.warning_text, rule_set_label=explain.rule_set_label,
        source_view=explain.source_view, urgent_warnings=explain.URGENT_WARNINGS,
        due_date=explain.due_date,
        leave_comes_first=explain.leave_comes_first,
        status_text=explain.status_text, left_on_text=explain.left_on_text, shown_steps=explain.shown_steps,
        leave_title=explain.leave_title, step_lines=explain.step_lines, note_warnings=explain.NOTE_WARNINGS,
        registration_tag=explain.registration_tag, leave_tag=explain.leave_tag)

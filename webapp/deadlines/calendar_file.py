"""A calendar file (.ics) with each deadline and a reminder three days before."""
from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from flask_babel import gettext as _
from icalendar import Alarm, Calendar, Event

from ..rules.evaluator import Plan, PlanInput
from ..web.i18n import long_date
from .explain import URGENT_WARNINGS, obligation_steps, obligation_title, safe_by_text, source_view, warning_text

REMINDER_BEFORE = timedelta(days=3)

# Something to do today, not at a date: each gets an event today that says so. (A missed
# registration deadline has its own event, on its date, which says what to do.)
ACT_NOW_WARNINGS = URGENT_WARNINGS - {"deadline_passed"}


def _event(uid_parts: tuple, day, summary: str, description: str, stamp: datetime,
           remind_before: timedelta = REMINDER_BEFORE) -> Event:
    event = Event()
    digest = hashlib.sha256("|".join(map(str, uid_parts)).encode()).hexdigest()[:24]
    event.add("uid", f"{digest}@tirkeu")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)  # a date: an all-day event on the deadline
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -remind_before)
    event.add_component(alarm)
    return event


def plan_calendar(plan: Plan, answers: PlanInput, language: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Tirkeu//Deadlines//" + language.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Tirkeu: my deadlines in Kazakhstan"))
    stamp = datetime.now(UTC).replace(microsecond=0)
    for warning in plan.warnings:
        if warning.code in ACT_NOW_WARNINGS:
            calendar.add_component(_event(
                (plan.rule_set, answers.entry_date, warning.code), answers.today,
                _("Act now: contact the migration police or call 1414"), warning_text(warning), stamp,
                remind_before=timedelta(0),
            ))
    for obligation in plan.obligations:
        if obligation.deadline is None or obligation.kind == "residence_permit":
            continue
        source = source_view(obligation.sources[0])
        lines = obligation_steps(obligation, answers.accommodation)
        if obligation.safe_by:
            lines.insert(0, safe_by_text(obligation))
        lines.append(_("Source: %(title)s, %(url)s (checked %(date)s)",
                       title=source.title, url=source.url, date=long_date(source.checked)))
        calendar.add_component(_event(
            (plan.rule_set, answers.entry_date, obligation.kind, obligation.deadline),
            obligation.deadline, obligation_title(obligation, answers.accommodation),
            "\n\n".join(lines), stamp,
            # Remind three days before the safe date when there is an earlier reading.
            remind_before=REMINDER_BEFORE + (obligation.deadline - (obligation.safe_by or obligation.deadline)),
        ))
    if plan.stay and plan.stay.leave_by:
        source = source_view(plan.stay.sources[0])
        calendar.add_component(_event(
            (plan.rule_set, answers.entry_date, "leave_by", plan.stay.leave_by),
            plan.stay.leave_by, _("Leave Kazakhstan by %(date)s", date=long_date(plan.stay.leave_by)),
            "\n\n".join([
                _("This is the last day you may stay. To stay longer you need a temporary residence permit before this date; an application in progress does not extend your stay.")
                if any(o.kind == "residence_permit" for o in plan.obligations)
                else _("This is the last day you may stay."),
                _("Source: %(title)s, %(url)s (checked %(date)s)",
                  title=source.title, url=source.url, date=long_date(source.checked)),
            ]), stamp,
        ))
    return calendar.to_ical()

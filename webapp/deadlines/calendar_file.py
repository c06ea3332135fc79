"""A calendar file (.ics) with each date still ahead and a reminder three days before it: a duty
on the date it is shown by (the earlier reading, `explain.due_date`), never after the last day
allowed; no reminder before the day of entry or before today. What is due now is not a date to
remember: one "Act now" event today, while the person is in Kazakhstan (today on or after the day
of entry), gives every warning that asks to act now. It is the only event a stay past its last day
allowed gets: no day after the last day allowed is invented."""
from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from flask_babel import gettext as _
from icalendar import Alarm, Calendar, Event

from ..rules.evaluator import Plan, PlanInput
from ..web.i18n import long_date
from .explain import URGENT_WARNINGS, due_date, obligation_steps, obligation_title, safe_by_lines, source_view, warning_text

REMINDER_BEFORE = timedelta(days=3)

# Something to do today, not at a date: together one event today that says so (a missed
# registration deadline too: a date in the past gets no event of its own).
ACT_NOW_WARNINGS = URGENT_WARNINGS


def remind_before(day: date, answers: PlanInput) -> timedelta:
    """REMINDER_BEFORE, shortened so that the reminder is neither before the day of entry nor in the past."""
    earliest = max(answers.today, answers.entry_date)
    return max(timedelta(0), min(REMINDER_BEFORE, day - earliest))


def _event(uid_parts: tuple, day, summary: str, description: str, stamp: datetime,
           remind_before: timedelta) -> Event:
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
    if plan.ended:  # a stay that has ended: nothing ahead to remind of (the page offers no file then)
        return calendar.to_ical()
    last_day = plan.stay.leave_by if plan.stay else None
    urgent = [warning_text(w) for w in plan.warnings if w.code in ACT_NOW_WARNINGS]
    if urgent and answers.today >= answers.entry_date:
        calendar.add_component(_event(
            (plan.rule_set, answers.entry_date, "act_now"), answers.today,
            _("Act now: contact the migration police or call 1414"), "\n\n".join(urgent), stamp,
            remind_before=timedelta(0),
        ))
    for obligation in plan.obligations:
        if obligation.deadline is None or obligation.kind == "residence_permit" or obligation.deadline < answers.today:
            continue
        # The date shown (the earlier reading); once it has passed, today, while the later one has not.
        day = max(due_date(obligation), answers.today)
        if last_day and day > last_day:
            continue
        source = source_view(obligation.sources[0])
        lines = obligation_steps(obligation, answers.accommodation)
        if obligation.safe_by:
            lines[:0] = safe_by_lines(obligation)
        lines.append(_("Source: %(title)s, %(url)s (checked %(date)s)",
                       title=source.title, url=source.url, date=long_date(source.checked)))
        calendar.add_component(_event(
            (plan.rule_set, answers.entry_date, obligation.kind, obligation.deadline),
            day, obligation_title(obligation, answers.accommodation), "\n\n".join(lines), stamp,
            remind_before=remind_before(day, answers),
        ))
    if last_day and last_day >= answers.today:
        source = source_view(plan.stay.sources[0])
        calendar.add_component(_event(
            (plan.rule_set, answers.entry_date, "leave_by", last_day),
            last_day, _("Leave Kazakhstan by %(date)s", date=long_date(last_day)),
            "\n\n".join([
                _("This is the last day you may stay. To stay longer you need a temporary residence permit before this date; an application in progress does not extend your stay.")
                if any(o.kind == "residence_permit" for o in plan.obligations)
                else _("This is the last day you may stay."),
                _("Source: %(title)s, %(url)s (checked %(date)s)",
                  title=source.title, url=source.url, date=long_date(source.checked)),
            ]), stamp, remind_before=remind_before(last_day, answers),
        ))
    return calendar.to_ical()

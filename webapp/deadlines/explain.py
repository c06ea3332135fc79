"""Turns a Plan into words and links in the reader's language, for pages, the API and .ics files."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _
from flask_babel import gettext as translate_data
from flask_babel import ngettext

from ..messages import HOLIDAYS, OBLIGATION_STEPS, OBLIGATION_TITLES, WARNINGS, rule_words, working_days_text
from ..rules.calendar import DayOff
from ..rules.evaluator import NextEntry, Obligation, Plan, PlanInput, StayLimit, Warning
from ..rules.ruleset import rule_book
from ..web.i18n import current_language, long_date, month_labels, short_day


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str
    url: str
    checked: date

    @property
    def host(self) -> str:
        """The site, as the documents cite a source in a line ("adilet.zan.kz")."""
        return self.url.split("/")[2]


URGENT_WARNINGS = frozenset({"overstay", "limit_used_on_entry", "deadline_passed"})

# Warnings that qualify the dates rather than ask for something (the dates are a plan for an entry
# still ahead, a rule that may give longer, what the sources leave open): the result gathers them
# in one closed "notes" disclosure under its summary, so that they do not push the first thing to
# do off the first screen. The others (a date missed, a stay too long, leaving before registering,
# answers to check, a visa) stay in view above the steps.
NOTE_WARNINGS = frozenset({"planning_mode", "bilateral_agreement", "short_stay_exemption_2020",
                           "thirty_day_visitors_2026_unclear", "rules_changed_during_stay", "bilateral_checkpoint"})

# Lines of a registration step (messages.OBLIGATION_STEPS) that follow or qualify what the person
# does first rather than say it: how the host or the employer notifies (the person gives them what
# they need: that line stays), the owner's confirmation and a refusal, what our sources do not name,
# what proves it is done (the proof line under the step says so too). They are folded under the
# step's "More about this step", with the reasons for its date, so that the step in view is its
# date, its days left and what to do.
STEP_NOTES = frozenset({"notice_channels", "notice_employer", "notice_hotel_how", "notice_result",
                        "self_owner_confirms", "self_owner_refuses", "self_service_address", "self_certificate",
                        "self_no_place_silent"})

# A date this close looks near (an orange tag, on the page and on the phone): two weeks. This is
# the time it takes to act, chosen by us, not a rule: a registration is done only when the owner
# has confirmed it in the app, which may take days, and a refusal means finding another address
# and starting again; leaving needs a ticket; a residence permit is applied for before the last
# day. Nine days left must not look like thirty.
NEAR_DAYS = 14


def near_level(days: int) -> str:
    """The tag of a date `days` ahead: "red" once passed, "orange" when near, "" (calm) else."""
    if days < 0:
        return "red"
    return "orange" if days <= NEAR_DAYS else ""


def due_date(obligation: Obligation) -> date | None:
    """The date a duty is shown by: where the sources allow two readings, the earlier one
    (safe_by); the later reading is told under "Why this date?"."""
    return obligation.safe_by or obligation.deadline


def due_days_left(obligation: Obligation) -> int | None:
    """Days left to `due_date` (the plan's `days_left` counts to the later reading)."""
    if obligation.days_left is None:
        return None
    return obligation.days_left - (obligation.deadline - due_date(obligation)).days


def leave_comes_first(plan: Plan) -> bool:
    """Steps go in date order: the last day allowed first when it comes before registration's date."""
    registration = plan.obligations[0] if plan.obligations else None
    leave_by = plan.stay.leave_by if plan.stay else None
    return bool(registration and leave_by and registration.deadline and leave_by < due_date(registration))


def rule_set_label(rule_set_id: str) -> str:
    rule_set = next(r for r in rule_book().rule_sets if r.id == rule_set_id)
    if rule_set.valid_to:
        return _("Rules for entries from %(start)s to %(end)s.",
                 start=long_date(rule_set.valid_from), end=long_date(rule_set.valid_to))
    return _("Rules for entries from %(start)s.", start=long_date(rule_set.valid_from))


def source_view(source_id: str) -> SourceView:
    source = rule_book().sources[source_id]
    # The titles are extracted from the data file (webapp/rules/extract.py), not from this call.
    return SourceView(source_id, translate_data(source["title"]), source["url"], date.fromisoformat(source["checked"]))


def days_left_text(days: int) -> str:
    if days > 0:
        return ngettext("%(num)d day left", "%(num)d days left", days)
    if days == 0:
        return _("today is the last day")
    return ngettext("%(num)d day overdue", "%(num)d days overdue", -days)


def status_text(obligation: Obligation) -> str | None:
    """What became of a duty of a stay that has ended, in place of the days left (None otherwise)."""
    if obligation.status == "was_due":
        return _("Was due while you were in Kazakhstan")
    if obligation.status == "not_needed":
        return _("You left before this date")
    return None


def left_on_text(plan: Plan) -> str | None:
    """In place of the days left to the last day allowed, once the stay has ended."""
    return _("You left on %(date)s", date=long_date(plan.ended)) if plan.ended else None


def leave_title(plan: Plan) -> str:
    """The last day allowed: a thing to do while the stay goes on, a fact once it has ended."""
    if plan.ended:
        return _("Last day you could stay: %(date)s", date=long_date(plan.stay.leave_by))
    return _("Leave Kazakhstan by %(date)s", date=long_date(plan.stay.leave_by))


def shown_steps(plan: Plan, by_last_day: bool = False) -> list[Obligation]:
    """The obligations after the registration that the result shows: not those a stay that has
    ended no longer needs (a move, a permit to stay longer). Steps go in date order: a permit to
    stay longer is due by the last day allowed, so its step follows the step of leaving by that day
    (`by_last_day`: those; else the others, after the dated steps)."""
    leave_by = plan.stay.leave_by if plan.stay else None
    return [o for o in plan.obligations[1:]
            if o.status != "not_needed" and (leave_by is not None and o.deadline == leave_by) == by_last_day]


def registration_tag(obligation: Obligation) -> dict:
    """The registration's tag, under its step's title: of a stay that has ended, its
    status (grey, past); else the days left to `due_date`, coloured by `near_level`."""
    status = status_text(obligation)
    if status:
        return {"text": status, "level": "past"}
    days = due_days_left(obligation)
    return {"text": days_left_text(days), "level": near_level(days)}


def leave_tag(plan: Plan) -> dict:
    """The last day allowed's tag: once the stay has ended, the day of leaving (red when it was
    after the last day allowed, else past); else the days left, coloured by `near_level`."""
    if plan.ended:
        return {"text": left_on_text(plan), "level": "red" if plan.ended > plan.stay.leave_by else "past"}
    return {"text": days_left_text(plan.stay.days_left), "level": near_level(plan.stay.days_left)}


def day_off_text(day: DayOff) -> str:
    when = short_day(day.day)
    if day.reason == "weekend":
        return _("%(day)s — weekend", day=when)
    estimated = "(estimated)" in day.name
    name = day.name.replace(" (estimated)", "")
    if estimated:  # a religious holiday whose date is fixed only shortly before
        holiday = HOLIDAYS.get(name, name)
        return _("%(day)s — public holiday: %(holiday)s (expected date, not yet announced)", day=when, holiday=holiday)
    if "substituted" in name.lower():
        return _("%(day)s — day off moved by government decree", day=when)
    base = name.replace(" (observed)", "")
    holiday = HOLIDAYS.get(base, base)
    if name.endswith("(observed)"):
        return _("%(day)s — day off for %(holiday)s, moved from the weekend", day=when, holiday=holiday)
    return _("%(day)s — public holiday: %(holiday)s", day=when, holiday=holiday)


def obligation_title(obligation: Obligation, accommodation: str | None) -> str:
    deadline = long_date(due_date(obligation)) if obligation.deadline else ""
    if obligation.status in ("was_due", "not_needed") and obligation.kind in ("self_registration", "host_notification"):
        # A stay that has ended: the date as a fact, not a thing to do (the tag says what became of it).
        if obligation.kind == "self_registration":
            return _("Registration deadline: %(date)s", date=deadline)
        return _("Deadline for the notice of your arrival: %(date)s", date=deadline)
    if obligation.title:  # the registration, as where the person stays words it (accommodation.json)
        return OBLIGATION_TITLES[obligation.title] % {"date": deadline}
    if obligation.kind == "address_change":
        n = obligation.counting.n
        if obligation.who == "self":
            return _("If you move, register your new address within %(days)s", days=working_days_text(n))
        return _("If you move, your new host must notify the migration police within %(days)s", days=working_days_text(n))
    if obligation.kind == "residence_permit":
        if obligation.deadline is None:
            return _("To stay longer you need a temporary residence permit")
        return _("To stay after %(date)s you need a temporary residence permit", date=deadline)
    raise ValueError(obligation.kind)


def obligation_steps(obligation: Obligation, accommodation: str | None) -> list[str]:
    """Where and how to do it. `accommodation` is in the plan already: the registration's steps
    are those of where the person stays (accommodation.json)."""
    if obligation.kind in ("self_registration", "host_notification"):
        return [str(OBLIGATION_STEPS[key]) for key in obligation.steps]
    if obligation.kind == "address_change":
        example = long_date(obligation.counting.start)
        deadline = long_date(obligation.counting.counted[-1])
        if obligation.who == "self":
            return [
                _("Register again in the migration police information system with the new address; the old address is removed automatically."),
                _("For example, if you move on %(day)s, register by %(date)s.", day=example, date=deadline),
            ]
        return [
            _("Each new host notifies the migration police again, in the same ways."),
            _("For example, if you move on %(day)s, your new host must notify by %(date)s.", day=example, date=deadline),
        ]
    if obligation.kind == "residence_permit":
        return [
            _("Apply well before this date. An application in progress does not extend your stay: people have overstayed believing it did."),
            _("You will need a passport valid for at least 180 more days. Ask the migration police which other documents they need."),
        ]
    raise ValueError(obligation.kind)


def step_lines(obligation: Obligation, accommodation: str | None) -> tuple[list[str], list[str]]:
    """A step's lines (`obligation_steps`) as the result shows them: in view, and folded under "More
    about this step". A registration keeps in view all but `STEP_NOTES`; a move or a permit, whose
    titles say what to do, folds them all (the example of a move; that an application does not
    extend the stay, and the passport it needs)."""
    lines = obligation_steps(obligation, accommodation)
    if obligation.kind not in ("self_registration", "host_notification"):
        return [], lines
    keys = obligation.steps
    return ([line for key, line in zip(keys, lines, strict=True) if key not in STEP_NOTES],
            [line for key, line in zip(keys, lines, strict=True) if key in STEP_NOTES])


def obligation_reasoning(obligation: Obligation) -> list[str]:
    """"Why this date?": the rule and the counting, line by line."""
    counting = obligation.counting
    if obligation.kind == "residence_permit":
        return [_("This is the last day you may stay without a permit; see how it is counted under “Leave Kazakhstan”.")]
    if counting is None:
        return []
    if counting.method == "calendar_days":
        # The evaluator gives every calendar-day deadline its earlier reading (safe_by).
        return [
            _("The rule: register no later than calendar day %(n)d after crossing the border.", n=counting.n),
            *safe_by_lines(obligation),
        ]
    if obligation.kind == "address_change":
        lines = [_("The rule: within %(days)s of moving. We count the working days after the day you move, skipping weekends, public holidays and days off moved by decree.", days=working_days_text(counting.n))]
    elif obligation.safe_by:
        lines = [_("The rule: within %(days)s of arrival.", days=working_days_text(counting.n)), *safe_by_lines(obligation)]
    else:
        lines = [_("The rule: within %(days)s of arrival. We count the working days after the day you entered (%(entry)s), skipping weekends, public holidays and days off moved by decree.",
                   days=working_days_text(counting.n), entry=long_date(counting.start))]
    # Day by day, in date order: the working days counted and the days off skipped between them.
    days = [(day, _("Working day %(n)d: %(day)s", n=i, day=short_day(day))) for i, day in enumerate(counting.counted, 1)]
    days += [(day.day, _("Skipped: %(day)s", day=day_off_text(day))) for day in counting.skipped]
    lines += [line for _day, line in sorted(days, key=lambda item: item[0])]
    return lines


def safe_by_lines(obligation: Obligation) -> list[str]:
    """The two readings of a deadline: the earlier one, which is the date shown, then the later one."""
    counting = obligation.counting
    if counting.method == "calendar_days":
        return [
            _("The sources do not say whether the day you crossed the border is day 1. Counting it as day 1, day %(n)d is %(date)s: to be safe, this is the date we give.",
              n=counting.n, date=long_date(obligation.safe_by)),
            _("Read strictly, the rule gives %(date)s: day 1 is then the day after you entered (%(entry)s).",
              date=long_date(obligation.deadline), entry=long_date(counting.start)),
        ]
    return [
        _("Some advisers count the day of arrival itself as the first working day. Counted that way, working day %(n)d is %(date)s: to be safe, this is the date we give.",
          n=counting.n, date=long_date(obligation.safe_by)),
        _("Read strictly, counting from the day after you entered (%(entry)s), the rule gives %(date)s.",
          entry=long_date(counting.start), date=long_date(obligation.deadline)),
    ]


def stay_reasoning(stay: StayLimit, entry: date) -> list[str]:
    lines = [_("The day you enter and the day you leave both count as days of stay.")]
    if stay.window_days:
        lines.append(_("The rule: at most %(max)d days in any %(window)d-day period.",
                       max=stay.max_days_in_window, window=stay.window_days))
        lines.append(ngettext(
            "On the day you entered, your earlier stays gave %(num)d day in the %(window)d days up to that day.",
            "On the day you entered, your earlier stays gave %(num)d days in the %(window)d days up to that day.",
            stay.days_before_entry_in_window, window=stay.window_days))
    if stay.per_entry_days:
        lines.append(_("The rule: at most %(n)d days per entry, the day of entry being day 1.", n=stay.per_entry_days))
    if stay.limited_by == "window":
        lines.append(_("%(date)s is the last day on which no %(window)d-day period holds more than %(max)d days.",
                       date=long_date(stay.leave_by), window=stay.window_days, max=stay.max_days_in_window))
    elif stay.limited_by == "per_entry":
        lines.append(_("Counting the day you entered (%(entry)s) as day 1, day %(n)d is %(date)s.",
                       n=stay.per_entry_days, entry=long_date(entry), date=long_date(stay.leave_by)))
    return lines


@dataclass(frozen=True)
class WindowDays:
    """The days of one window (180 days for 90 in 180), ending on the last day of this stay: which
    were or will be spent in Kazakhstan, as runs of days, for "day by day"."""
    start: date
    end: date
    today: date
    runs: tuple[tuple[date, date], ...]
    used: int
    max_days: int

    @property
    def month_labels(self) -> list[str]:
        """The short name of each month the window touches, in order, as row labels (the
        browser's own names are not there for Kazakh)."""
        names = month_labels(current_language())
        months, day = [], self.start.replace(day=1)
        while day <= self.end:
            months.append(names[day.month - 1])
            day = (day + timedelta(days=32)).replace(day=1)
        return months


def window_days(plan: Plan, answers: PlanInput) -> WindowDays | None:
    stay = plan.stay
    if stay is None or not stay.window_days:
        return None
    today = answers.today
    end = answers.exit_date or (stay.leave_by if stay.leave_by and today <= stay.leave_by else max(today, answers.entry_date))
    start = end - timedelta(days=stay.window_days - 1)
    stays = [(s.entry, s.exit) for s in answers.previous_stays] + [(answers.entry_date, end)]
    window = (start + timedelta(days=i) for i in range(stay.window_days))
    present = [day for day in window if any(first <= day <= last for first, last in stays)]
    runs: list[tuple[date, date]] = []
    for day in present:
        if runs and runs[-1][1] == day - timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return WindowDays(start, end, today, tuple(runs), len(present), stay.max_days_in_window)


def window_run_text(first: date, last: date) -> str:
    if first == last:
        return _("%(day)s: 1 day", day=long_date(first))
    n = (last - first).days + 1
    return ngettext("%(first)s to %(last)s: %(num)d day", "%(first)s to %(last)s: %(num)d days", n,
                    first=long_date(first), last=long_date(last))


def next_entry_text(coming: NextEntry, exit_given: bool, ended: date | None = None) -> str:
    """`exit_given`: the person gave the day they leave (or left); else it is the last day allowed.
    `ended`: the day of leaving of a stay that has ended, when an entry is counted from today on."""
    if ended:
        return ngettext(
            "You left on %(exit)s. You may enter again from %(earliest)s and could then stay %(num)d day, until %(leave_by)s.",
            "You left on %(exit)s. You may enter again from %(earliest)s and could then stay %(num)d days, until %(leave_by)s.",
            coming.days_available, exit=long_date(coming.exit), earliest=long_date(coming.earliest),
            leave_by=long_date(coming.leave_by))
    if coming.exit is None:
        return ngettext(
            "An entry is allowed again from %(earliest)s. You could then stay %(num)d day, until %(leave_by)s.",
            "An entry is allowed again from %(earliest)s. You could then stay %(num)d days, until %(leave_by)s.",
            coming.days_available, earliest=long_date(coming.earliest), leave_by=long_date(coming.leave_by))
    if exit_given:
        return ngettext(
            "Leaving on %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d day, until %(leave_by)s.",
            "Leaving on %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d days, until %(leave_by)s.",
            coming.days_available, exit=long_date(coming.exit), earliest=long_date(coming.earliest),
            leave_by=long_date(coming.leave_by))
    return ngettext(
        "If you stay until %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d day, until %(leave_by)s.",
        "If you stay until %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d days, until %(leave_by)s.",
        coming.days_available, exit=long_date(coming.exit), earliest=long_date(coming.earliest),
        leave_by=long_date(coming.leave_by))


def next_entry_reasoning(coming: NextEntry, rule_set_id: str, since: date | None = None) -> list[str]:
    """Why that day and that many days: the limits of the rules for an entry on that day. `since`:
    today, after a stay that has ended (an entry from then on)."""
    lines = [_("The day you enter and the day you leave both count as days of stay.")]
    if coming.rule_set != rule_set_id:
        lines.append(_("An entry on that day comes under other rules.") + " " + rule_set_label(coming.rule_set))
    if coming.window_days:
        lines.append(_("The rule: at most %(max)d days in any %(window)d-day period.",
                       max=coming.max_days_in_window, window=coming.window_days))
        if since:
            lines.append(_("%(date)s is the first day from %(since)s on which no more than %(max)d days, that day included, fall in the %(window)d days up to it.",
                           date=long_date(coming.earliest), since=long_date(since), max=coming.max_days_in_window,
                           window=coming.window_days))
        elif coming.exit is None:
            lines.append(_("%(date)s is the first day on which no more than %(max)d days, that day included, fall in the %(window)d days up to it.",
                           date=long_date(coming.earliest), max=coming.max_days_in_window, window=coming.window_days))
        else:
            lines.append(_("%(date)s is the first day after you leave on which no more than %(max)d days, that day included, fall in the %(window)d days up to it.",
                           date=long_date(coming.earliest), max=coming.max_days_in_window, window=coming.window_days))
    if coming.per_entry_days:
        lines.append(_("The rule: at most %(n)d days per entry, the day of entry being day 1.", n=coming.per_entry_days))
    if coming.limited_by == "window":
        lines.append(_("%(date)s is the last day on which no %(window)d-day period holds more than %(max)d days.",
                       date=long_date(coming.leave_by), window=coming.window_days, max=coming.max_days_in_window))
    else:
        lines.append(_("Counting the day you entered (%(entry)s) as day 1, day %(n)d is %(date)s.",
                       n=coming.per_entry_days, entry=long_date(coming.earliest), date=long_date(coming.leave_by)))
    return lines


def warning_text(warning: Warning) -> str:
    if warning.code == "limit_used_on_entry":
        return ngettext(
            "On the day you entered you had already spent %(num)d day in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Contact the migration police or call 1414 now.",
            "On the day you entered you had already spent %(num)d days in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Contact the migration police or call 1414 now.",
            warning.params["days"], window=warning.params["window"], max=warning.params["max"])
    if warning.code == "leaving_after_last_day":
        return ngettext(
            "You plan to leave %(num)d day after the last day you may stay, %(leave_by)s. Leave by then, or ask the migration police (free hotline 1414) before that day.",
            "You plan to leave %(num)d days after the last day you may stay, %(leave_by)s. Leave by then, or ask the migration police (free hotline 1414) before that day.",
            warning.params["days"], leave_by=long_date(warning.params["leave_by"]))
    if warning.code == "overstayed":
        return ngettext(
            "You left on %(exit)s, %(num)d day after the last day you could stay, %(leave_by)s. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
            "You left on %(exit)s, %(num)d days after the last day you could stay, %(leave_by)s. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
            warning.params["days"], exit=long_date(warning.params["exit"]), leave_by=long_date(warning.params["leave_by"]))
    if warning.code == "limit_was_used_on_entry":
        return ngettext(
            "On the day you entered you had already spent %(num)d day in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
            "On the day you entered you had already spent %(num)d days in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
            warning.params["days"], window=warning.params["window"], max=warning.params["max"])
    if warning.code == "overstay":
        return ngettext(
            "You should have left by %(leave_by)s. You have stayed %(num)d day too long. Contact the migration police or call 1414 now.",
            "You should have left by %(leave_by)s. You have stayed %(num)d days too long. Contact the migration police or call 1414 now.",
            warning.params["days"], leave_by=long_date(warning.params["leave_by"]))
    # Dates in words; the numbers of a note (regimes.json) as rule_words names them.
    params = rule_words({
        key: long_date(value) if isinstance(value, date) else value
        for key, value in warning.params.items()
    })
    return WARNINGS[warning.code] % params if params else str(WARNINGS[warning.code])


def plan_json(plan: Plan) -> dict:
    """The API's 200 body (DESIGN.md, "JSON API")."""
    def source_json(source_id: str) -> dict:
        view = source_view(source_id)
        return {"id": view.id, "title": view.title, "url": view.url, "checked": view.checked.isoformat()}

    obligations = []
    for ob in plan.obligations:
        item = {
            "kind": ob.kind,
            "who": ob.who,
            "deadline": ob.deadline.isoformat() if ob.deadline else None,
            "days_left": ob.days_left,
            "source": source_json(ob.sources[0]),
        }
        if ob.counting and ob.counting.method == "working_days":
            item["working_days"] = ob.counting.n
        if ob.safe_by:
            item["safe_by"] = ob.safe_by.isoformat()
        item["status"] = ob.status
        if ob.deadline:  # the date the pages, documents and calendar give: safe_by if any, else deadline
            item["date"] = due_date(ob).isoformat()
            item["days_left_to_date"] = due_days_left(ob)
        if ob.title:  # the registration: what is done where the person stays
            item["steps"] = [{"code": key, "message": str(OBLIGATION_STEPS[key])} for key in ob.steps]
            if ob.kind == "self_registration":
                item["confirmed_by"] = ob.confirms
        obligations.append(item)
    stay = None
    if plan.stay:
        stay = {
            "leave_by": plan.stay.leave_by.isoformat() if plan.stay.leave_by else None,
            "days_left": plan.stay.days_left,
            "days_used_in_window": plan.stay.days_used,
            "max_days_in_window": plan.stay.max_days_in_window,
            "window_days": plan.stay.window_days,
            "max_days_per_entry": plan.stay.per_entry_days,
            "counted_to": plan.stay.reference_day.isoformat(),
        }
    return {
        "rule_set": plan.rule_set,
        "group": plan.group,
        "obligations": obligations,
        "stay": stay,
        "warnings": [{"code": w.code, "message": warning_text(w)} for w in plan.warnings],
        "sources": [source_json(s) for s in plan.sources],
        "next_entry": next_entry_json(plan),
        "ended": plan.ended.isoformat() if plan.ended else None,
    }


def next_entry_json(plan: Plan) -> dict | None:
    """Coming back after this stay: from which day, and for how long."""
    coming = plan.next_entry
    if coming is None:
        return None
    return {"exit": coming.exit.isoformat() if coming.exit else None, "earliest": coming.earliest.isoformat(),
            "days_available": coming.days_available, "leave_by": coming.leave_by.isoformat(),
            "rule_set": coming.rule_set}


@dataclass(frozen=True)
class RuleRow:
    title: str
    lines: tuple[str, ...]
    sources: tuple[str, ...]


def rule_rows(rules: dict) -> list[RuleRow]:
    """One group's rules in a rule set, in words: the stay, the registration, a move."""
    stay = rules["stay"]
    stay_lines = []
    if stay["per_entry"]:
        stay_lines.append(_("The rule: at most %(n)d days per entry, the day of entry being day 1.", n=stay["per_entry"]))
    if stay["window"]:
        stay_lines.append(_("The rule: at most %(max)d days in any %(window)d-day period.",
                            max=stay["window"]["max_days"], window=stay["window"]["window_days"]))
    rows = [RuleRow(_("Length of stay"), tuple(stay_lines), tuple(stay["sources"]))]

    registration = rules["registration"]
    if registration["who"] == "self":
        lines = [_("You register yourself online; the owner of the housing confirms in a mobile app."),
                 _("The rule: register no later than calendar day %(n)d after crossing the border.",
                   n=registration["calendar_days"])]
    else:
        lines = [_("The host (the owner, the hotel, the employer or the dormitory) notifies the migration police."),
                 _("Within %(days)s of arrival.", days=working_days_text(registration["working_days"]))]
    rows.append(RuleRow(_("Registration"), tuple(lines), tuple(registration["sources"])))

    moving = rules["address_change"]
    who = (_("You register again at the new address.") if moving["who"] == "self"
           else _("The host at the new address notifies the migration police."))
    rows.append(RuleRow(_("After moving to another address"),
                        (who, _("Within %(days)s of moving.", days=working_days_text(moving["working_days"]))),
                        tuple(moving["sources"])))
    return rows

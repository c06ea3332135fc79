"""What a foreigner in Kazakhstan must do and by when — plain Python, no Flask.

`evaluate(PlanInput)` returns a `Plan`: the obligations with their deadlines and the counting
behind them, the last day the person may stay, and warnings. Wording is left to the caller
(pages, API, PDFs, the calendar file), which turns codes into sentences in the reader's language.
Counting follows docs/design.md ("The rules"):
- days of stay include the day of entry and the day of exit;
- "by the Nth calendar day after crossing" -> entry + N (safe_by: entry + N - 1, the reading
  that counts the day of crossing as day 1);
- "within N working days" -> the Nth working day after the day of entry (safe_by: the Nth
  counting the day of entry itself, when that is earlier);
- 90 in 180 -> on every day D of the stay, days present in [D-179, D] <= 90.

A stay that has ended (the day of leaving, `exit_date`, is before `today`) is told as what applied
to it: `Plan.ended` is that day, the plan opens with the warning "stay_ended", days are counted to
that day (`StayLimit.days_used` on `reference_day` = the day of leaving) and an overstay is the
days between the last day allowed and the day of leaving ("overstayed", in the past: nothing to do
today), none when they left on or before the last day. Each obligation has a `status`:
- "due": still ahead (or today), or a duty of a stay that goes on and has no date (a move);
- "missed": its date has passed and the person is still in Kazakhstan: do it now ("deadline_passed");
- "was_due": the stay has ended and the date fell on or before the day of leaving (past tense, no
  "do it now"; the person may well have done it);
- "not_needed": the stay has ended and the date came after the day of leaving (they left first), a
  move after the stay, or a residence permit to stay past a last day they did not stay past.
Coming back after a stay that has ended is counted for an entry from today on.
"The rules changed during your stay" is said only when the stay's last day (the day of leaving
when given, else the last day allowed while today is not past it, else today) is past the rule
set's `valid_to`. When the last day allowed comes before the registration deadline of a stay that
goes on, the plan opens with "leave_before_registration" (or "leave_before_host_notification"):
the sources give the deadline but do not say what someone who must leave before it does.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

from .calendar import DayOff, WorkingCalendar, kazakhstan_calendar
from .places import checkpoint_warning
from .ruleset import RuleBook, rule_book


@dataclass(frozen=True)
class Stay:
    entry: date
    exit: date


@dataclass(frozen=True)
class PlanInput:
    citizenship: str
    entry_date: date
    today: date
    previous_stays: tuple[Stay, ...] = ()
    # Where the person stays (rules/data/accommodation.json "kinds": "private", "hotel", "employer",
    # "dormitory", "none" for no place yet), or None: not answered.
    accommodation: str | None = None
    checkpoint: str | None = None
    # The last day of this stay, when the person knows it (left already, or a ticket): the day
    # "Coming back" counts from. Without it, the last day they may stay.
    exit_date: date | None = None


@dataclass(frozen=True)
class Counting:
    """How a deadline was reached, for "Why this date?"."""
    method: str  # "calendar_days" or "working_days"
    n: int
    start: date
    counted: tuple[date, ...] = ()
    skipped: tuple[DayOff, ...] = ()


@dataclass(frozen=True)
class Obligation:
    kind: str  # self_registration, host_notification, address_change, residence_permit
    who: str  # "self", "host"; for a host notification by where the person stays: "hotel", "employer", "dormitory"
    deadline: date | None
    days_left: int | None
    sources: tuple[str, ...]
    counting: Counting | None = None
    # Some advisers count the day of arrival as the first working day, and "by calendar day N"
    # does not say whether the day of crossing is day 1; when that reading gives an earlier date
    # we show it as the safe date (DESIGN: "show the earlier date and explain").
    safe_by: date | None = None
    status: str = "due"  # "due", "missed", "was_due" or "not_needed" (the module's docstring)
    # The registration by where the person stays (accommodation.json): the step's title and its
    # steps, message keys; for a self-registration, who confirms it ("owner", "hotel", …; None).
    title: str | None = None
    steps: tuple[str, ...] = ()
    confirms: str | None = None


@dataclass(frozen=True)
class StayLimit:
    leave_by: date | None  # None when the limit was already used up on the day of entry
    days_left: int | None
    days_used: int  # days of presence in the window (or in this stay) on the reference day
    reference_day: date
    max_days_in_window: int | None
    window_days: int | None
    per_entry_days: int | None
    limited_by: str  # "window", "per_entry" or "used_up"
    days_before_entry_in_window: int  # earlier-stay days in the window on the day of entry
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Warning:
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class NextEntry:
    """After this stay: the first day the person may enter again, and how long they could then stay."""
    exit: date | None  # the last day of this stay counted (given, or the last allowed); None: the
    # entry asked about is not allowed at all, and this is the first day one is
    earliest: date
    days_available: int  # from `earliest` to `leave_by`, both counted
    leave_by: date  # the last day of a stay that starts on `earliest`
    rule_set: str  # the rules for an entry on `earliest`, and their limits:
    max_days_in_window: int | None
    window_days: int | None
    per_entry_days: int | None
    limited_by: str  # what ends that stay: "window" or "per_entry"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    rule_set: str
    group: str | None  # None: a visa is needed and these rules do not apply
    obligations: tuple[Obligation, ...]
    stay: StayLimit | None
    warnings: tuple[Warning, ...]
    sources: tuple[str, ...]
    next_entry: NextEntry | None = None
    ended: date | None = None  # the day of leaving, when the stay has ended (before today)


class NotCovered(ValueError):
    """The input is outside what the rules cover (entry before the first rule set, a citizen)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def days_between(first: date, last: date) -> set[date]:
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


# Days further back than this before the entry can never fall inside a window that contains a day
# of this stay (windows are at most a year long), so they are not even collected.
LOOK_BACK = timedelta(days=366)


def _presence_before(stays: tuple[Stay, ...], entry: date) -> set[date]:
    present: set[date] = set()
    for stay in stays:
        first = max(stay.entry, entry - LOOK_BACK)
        last = min(stay.exit, entry - timedelta(days=1))
        if first <= last:
            present |= days_between(first, last)
    return present


def _stay_warnings(stays: tuple[Stay, ...], entry: date) -> list[Warning]:
    warnings = []
    if list(stays) != sorted(stays, key=lambda s: (s.entry, s.exit)):
        warnings.append(Warning("unordered_stays"))
    ordered = sorted(stays, key=lambda s: (s.entry, s.exit))
    overlapping = any(b.entry <= a.exit for a, b in pairwise(ordered))
    if overlapping or any(s.exit >= entry for s in stays):
        warnings.append(Warning("overlapping_stays"))
    return warnings


def _window_count(present: list[date], entry: date, day: date, window_days: int) -> int:
    """Days present in [day - window_days + 1, day], staying continuously since `entry`.
    `present`: the days before `entry`, sorted."""
    start = day - timedelta(days=window_days - 1)
    before = bisect_left(present, entry) - bisect_left(present, min(start, entry))
    return before + (day - max(entry, start)).days + 1


def _first_day(low: date, high: date, holds) -> date | None:
    """The first day in [low, high] on which `holds` is true, for a test that, once true, stays
    true on every later day (a binary search); None if it is false on `high`."""
    if not holds(high):
        return None
    while low < high:
        middle = low + (high - low) // 2
        if holds(middle):
            high = middle
        else:
            low = middle + timedelta(days=1)
    return low


def stay_limit(spec: dict, entry: date, today: date, present: list[date], ended: date | None = None) -> StayLimit:
    """`present`: the days present before `entry`, sorted; `ended`: the day of leaving of a stay
    that has ended, to which the days used are counted."""
    per_entry = spec["per_entry"]
    window = spec["window"]
    reference = ended or max(today, entry)
    candidates: list[tuple[date | None, str]] = []
    before_in_window = 0
    if window:
        max_days, window_days = window["max_days"], window["window_days"]
        before_in_window = _window_count(present, entry, entry, window_days) - 1
        # Each day of the stay adds one and at most one earlier day leaves the window, so the
        # count never falls; it includes the stay, so it passes max_days within max_days + 1 days.
        over = _first_day(entry, entry + timedelta(days=max_days),
                          lambda day: _window_count(present, entry, day, window_days) > max_days)
        last = over - timedelta(days=1)
        candidates.append((last if last >= entry else None, "window" if last >= entry else "used_up"))
        days_used = _window_count(present, entry, reference, window_days)
    else:
        max_days = window_days = None
        days_used = (reference - entry).days + 1
    if per_entry:
        candidates.append((entry + timedelta(days=per_entry - 1), "per_entry"))
    if any(limit is None for limit, _ in candidates):
        leave_by, limited_by = None, "used_up"
    else:
        leave_by, limited_by = min(candidates, key=lambda c: c[0])
    return StayLimit(
        leave_by=leave_by,
        days_left=(leave_by - today).days if leave_by else None,
        days_used=days_used,
        reference_day=reference,
        max_days_in_window=max_days,
        window_days=window_days,
        per_entry_days=per_entry,
        limited_by=limited_by,
        days_before_entry_in_window=before_in_window,
        sources=tuple(spec["sources"]),
    )


def _deadline(spec: dict, start: date, calendar: WorkingCalendar) -> tuple[date, Counting, date | None]:
    if "calendar_days" in spec:
        n = spec["calendar_days"]
        # The sources do not say whether the day of crossing is day 1: if it is, day N is a day
        # earlier, and that is the date to be safe by.
        return start + timedelta(days=n), Counting("calendar_days", n, start), start + timedelta(days=n - 1)
    n = spec["working_days"]
    deadline, counted, skipped = calendar.nth_working_day_after(start, n)
    # The reading that counts the day of arrival itself, when that is a working day.
    counting_arrival_day, _, _ = calendar.nth_working_day_after(start - timedelta(days=1), n)
    safe_by = counting_arrival_day if counting_arrival_day < deadline else None
    return deadline, Counting("working_days", n, start, tuple(counted), tuple(skipped)), safe_by


def _first_entry_allowed(window: dict | None, present: list[date], low: date, high: date) -> date | None:
    """The first day in [low, high] on which an entry finds a day free in its window, if any.
    `present`: the days present before `low`, sorted."""
    if not window:
        return low
    return _first_day(low, high, lambda d: _window_count(present, d, d, window["window_days"]) <= window["max_days"])


def next_entry(rules: RuleBook, group_rules: str, stays: tuple[Stay, ...], last_day: date) -> NextEntry | None:
    """The first day after `last_day` on which an entry leaves at least one day of stay, under the
    rules for an entry on that day, and the stay it would allow. `stays` includes this one."""
    present = sorted(_presence_before(stays, last_day + timedelta(days=1)))
    day = last_day + timedelta(days=1)
    # Windows are at most a year long: a year after leaving, nothing before counts any more.
    horizon = last_day + LOOK_BACK + timedelta(days=1)
    while day <= horizon:
        rule_set = rules.rule_set_for(day)
        if rule_set is None:
            return None
        # Within one rule set the limits stay the same, and the later the entry, the fewer earlier
        # days its window holds: the first day that allows an entry is found by a binary search.
        last = min(horizon, rule_set.valid_to or horizon)
        spec = rule_set.groups[group_rules]["stay"]
        first = _first_entry_allowed(spec["window"], present, day, last)
        if first is not None:
            limit = stay_limit(spec, first, first, present)
            return NextEntry(last_day, first, (limit.leave_by - first).days + 1, limit.leave_by, rule_set.id,
                             limit.max_days_in_window, limit.window_days, limit.per_entry_days, limit.limited_by,
                             limit.sources)
        day = last + timedelta(days=1)
    return None


def evaluate(
    request: PlanInput,
    rules: RuleBook | None = None,
    calendar: WorkingCalendar | None = None,
) -> Plan:
    rules = rules or rule_book()
    calendar = calendar or kazakhstan_calendar()
    entry, today = request.entry_date, request.today

    if request.citizenship in rules.not_foreigners:
        raise NotCovered("citizen")
    rule_set = rules.rule_set_for(entry)
    if rule_set is None:
        raise NotCovered("entry_before_rules")

    warnings: list[Warning] = []
    if entry > today:
        warnings.append(Warning("planning_mode"))
    group = rules.group_of(request.citizenship)
    if group is None:
        warnings.append(Warning("visa_required"))
        return Plan(rule_set.id, None, (), None, tuple(warnings), rules.nationality_sources)
    # Which rules the group follows, and what all its plans are told (nationalities.json).
    group_spec = rules.group_specs[group]
    warnings += [Warning(code) for code in group_spec["warnings"]]
    group_rules = group_spec["rules"]
    spec = rule_set.groups[group_rules]

    warnings += _stay_warnings(request.previous_stays, entry)
    # The day of leaving of a stay that has ended (before today), else None.
    ended = request.exit_date if request.exit_date and request.exit_date < today else None
    stay = stay_limit(spec["stay"], entry, today, sorted(_presence_before(request.previous_stays, entry)), ended)
    # The last day present so far: today, or the day the person left if that was earlier.
    present_until = ended or today
    warnings += _limit_warnings(stay, request, present_until, ended)

    registration = _by_place(_registration(spec["registration"], entry, today, calendar, ended), rules, request.accommodation)
    if registration.status == "missed":
        warnings.append(Warning("deadline_passed", {"kind": registration.kind, "deadline": registration.deadline}))
    obligations = [registration, _address_change(spec["address_change"], entry, today, calendar, ended)]
    if "residence_permit" in spec:
        obligations.append(Obligation(
            kind="residence_permit", who="self", deadline=stay.leave_by,
            days_left=stay.days_left, sources=tuple(spec["residence_permit"]["sources"]),
            status=_permit_status(stay.leave_by, today, ended),
        ))

    warnings += _rule_set_warnings(rule_set, group_rules, request, stay)
    warnings = _opening_warnings(stay, registration, today, ended) + warnings
    coming_back = _coming_back(rules, group_rules, request, stay)
    list_sources = rules.nationality_sources if group_spec["cite_list_sources"] else ()
    sources = _plan_sources(obligations, stay, coming_back, list_sources)
    return Plan(rule_set.id, group, tuple(obligations), stay, tuple(warnings), sources, coming_back, ended)


def stay_end(request: PlanInput, stay: StayLimit) -> date:
    """The last day of this stay: the day of leaving when given, else the last day allowed while
    today is not past it, else today (still there), or the day of entry when that is later."""
    if request.exit_date:
        return request.exit_date
    if stay.leave_by and request.today <= stay.leave_by:
        return stay.leave_by
    return max(request.today, request.entry_date)


def _opening_warnings(stay: StayLimit, registration: Obligation, today: date, ended: date | None) -> list[Warning]:
    """What the plan says first: that the stay has ended, or that the last day allowed comes
    before the registration deadline (the sources do not say what one does then)."""
    if ended:
        return [Warning("stay_ended", {"exit": ended})]
    if stay.leave_by and today <= stay.leave_by < registration.deadline:
        n = registration.counting.n
        if registration.kind == "self_registration":
            return [Warning("leave_before_registration", {"leave_by": stay.leave_by, "deadline": registration.deadline,
                                                          "n": n, "days": n})]
        return [Warning("leave_before_host_notification", {"leave_by": stay.leave_by, "deadline": registration.deadline,
                                                           "working_days": n})]
    return []


def _status(deadline: date | None, today: date, ended: date | None) -> str:
    """An obligation's status by its date (the module's docstring)."""
    if ended:
        return "was_due" if deadline is not None and deadline <= ended else "not_needed"
    return "missed" if deadline is not None and deadline < today else "due"


def _permit_status(leave_by: date | None, today: date, ended: date | None) -> str:
    """A permit is needed to stay past the last day allowed: not needed by one who left by then."""
    if ended:
        return "not_needed" if leave_by is not None and ended <= leave_by else "was_due"
    return _status(leave_by, today, None)


def _limit_warnings(stay: StayLimit, request: PlanInput, present_until: date, ended: date | None) -> list[Warning]:
    """The limit used up on entry, an overstay, or a day of leaving planned past the last day; of a
    stay that has ended, in the past."""
    warnings = []
    if stay.limited_by == "used_up":
        warnings.append(Warning("limit_was_used_on_entry" if ended else "limit_used_on_entry",
                                {"days": stay.days_before_entry_in_window, "max": stay.max_days_in_window,
                                 "window": stay.window_days}))
    elif stay.leave_by < present_until:
        days = (present_until - stay.leave_by).days
        if ended:
            warnings.append(Warning("overstayed", {"days": days, "leave_by": stay.leave_by, "exit": ended}))
        else:
            warnings.append(Warning("overstay", {"days": days, "leave_by": stay.leave_by}))
    if stay.leave_by and request.exit_date and request.exit_date > max(request.today, stay.leave_by):
        # A day of leaving still ahead that is past the last day allowed.
        warnings.append(Warning("leaving_after_last_day", {"days": (request.exit_date - stay.leave_by).days,
                                                            "leave_by": stay.leave_by}))
    return warnings


def _registration(spec: dict, entry: date, today: date, calendar: WorkingCalendar, ended: date | None) -> Obligation:
    deadline, counting, safe_by = _deadline(spec, entry, calendar)
    return Obligation(
        kind=spec["kind"], who=spec["who"], deadline=deadline,
        days_left=(deadline - today).days, sources=tuple(spec["sources"]),
        counting=counting, safe_by=safe_by, status=_status(deadline, today, ended),
    )


def _by_place(registration: Obligation, rules: RuleBook, accommodation: str | None) -> Obligation:
    """Who acts and what is done, by where the person stays; the place's sources after the rule's."""
    place = rules.place_rules(registration.kind, accommodation)
    sources = tuple(dict.fromkeys(registration.sources + tuple(place["sources"])))
    return replace(registration, who=place["who"], sources=sources, title=place["title"],
                   steps=tuple(place["steps"]), confirms=place.get("confirms"))


def _address_change(spec: dict, entry: date, today: date, calendar: WorkingCalendar, ended: date | None) -> Obligation:
    # No date to count from until the person moves; show what moving today would mean. After a
    # stay that has ended there is no move to come.
    _, example, _ = _deadline(spec, max(today, entry), calendar)
    return Obligation(
        kind="address_change", who=spec["who"], deadline=None, days_left=None,
        sources=tuple(spec["sources"]), counting=example, status="not_needed" if ended else "due",
    )


def _rule_set_warnings(rule_set, group_rules: str, request: PlanInput, stay: StayLimit) -> list[Warning]:
    """The rule set's notes for these rules, a stay that runs past the rule set, the checkpoint's warning."""
    warnings = [Warning(code, params) for code, params in rule_set.notes_for(group_rules)]
    if rule_set.valid_to is not None and stay_end(request, stay) > rule_set.valid_to:
        # Sources give the rules by date of entry and say nothing of a stay that runs into new ones.
        warnings.append(Warning("rules_changed_during_stay", {"date": rule_set.valid_to + timedelta(days=1)}))
    checkpoint_code = checkpoint_warning(request.checkpoint, request.citizenship)
    if checkpoint_code:
        warnings.append(Warning(checkpoint_code, {"checkpoint": request.checkpoint}))
    return warnings


def _coming_back(rules: RuleBook, group_rules: str, request: PlanInput, stay: StayLimit) -> NextEntry | None:
    """Coming back: from the day given as the last of this stay, else from the last day allowed;
    after a stay that has ended, an entry from today on (the days before are past). None past the
    last day allowed (an overstay may bring a fine or a ban on entry, which no rule here counts) or
    when the limit was used up on entry."""
    entry, today = request.entry_date, request.today
    last_day = request.exit_date or (stay.leave_by if stay.leave_by and today <= stay.leave_by else None)
    if last_day is not None and stay.leave_by is not None and entry <= last_day <= stay.leave_by:
        stays = request.previous_stays + (Stay(entry, last_day),)
        if last_day < today:
            first = next_entry(rules, group_rules, stays, today - timedelta(days=1))
            return first and replace(first, exit=last_day)
        return next_entry(rules, group_rules, stays, last_day)
    if stay.leave_by is None and request.exit_date is None and today <= entry:
        # The limit is used up on the day of entry, which is still ahead (or today, at the border):
        # the first day an entry is allowed instead.
        first = next_entry(rules, group_rules, request.previous_stays, entry - timedelta(days=1))
        return first and replace(first, exit=None)
    return None


def _plan_sources(obligations: list[Obligation], stay: StayLimit, coming_back: NextEntry | None,
                  list_sources: tuple[str, ...]) -> tuple[str, ...]:
    """Every source the plan cites, once, in the order the plan shows them."""
    sources: list[str] = []
    coming_sources = coming_back.sources if coming_back else ()
    for ids in [o.sources for o in obligations] + [stay.sources, coming_sources, list_sources]:
        sources += [s for s in ids if s not in sources]
    return tuple(sources)

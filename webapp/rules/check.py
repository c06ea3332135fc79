"""`flask rules check`: is the rule data complete, and fresh enough to act on?

Errors make the command (and the test suite) fail: a rule without a source; a cited source that
does not exist or lacks a title, an https link or a check date; rule periods that overlap or leave
a gap; this year or the next without public holidays in the working-day calendar.

Warnings are printed but do not fail: a source last checked more than 180 days ago; a year whose
days off have not yet been compared with the government's decree on moving them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from .calendar import WorkingCalendar, holiday_corrections, kazakhstan_calendar
from .ruleset import DATA, RULE_PARTS, rule_book

STALE_AFTER = timedelta(days=180)
# Fixed-date holidays every year has, whatever the decrees move: 1 January and 22 March (Nauryz).
SURE_DAYS_OFF = ((1, 1), (3, 22))


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_rule_data(today: date) -> Report:
    """The checks on the data the app runs on (webapp/rules/data/)."""
    corrections = holiday_corrections()
    checkpoints = json.loads((DATA / "checkpoints.json").read_text(encoding="utf-8"))
    return check_rules(rule_book(), kazakhstan_calendar(), corrections, today,
                       {"holiday_corrections.json": corrections["checked"], "checkpoints.json": checkpoints["checked"]})


def check_rules(book, calendar: WorkingCalendar, corrections: dict, today: date,
                dated_files: dict[str, str] | None = None) -> Report:
    report = Report()
    cited = _check_rules_cite_sources(book, report)
    _check_sources(book.sources, cited, today, report)
    for name, checked in (dated_files or {}).items():
        _check_date(name, checked, today, report)
    _check_periods(book.rule_sets, report)
    _check_calendar(calendar, corrections, today, report)
    return report


def _check_rules_cite_sources(book, report: Report) -> set[str]:
    cited = set(book.nationality_sources)
    if not book.nationality_sources:
        report.errors.append("the nationality groups cite no source")
    for rule_set in book.rule_sets:
        for group, rules in rule_set.groups.items():
            for part in RULE_PARTS:
                if part not in rules:
                    continue
                sources = rules[part].get("sources") or []
                if not sources:
                    report.errors.append(f"{rule_set.id} / {group} / {part}: no source")
                cited |= set(sources)
    return cited


def _check_sources(sources: dict, cited: set[str], today: date, report: Report) -> None:
    for source_id in sorted(cited - set(sources)):
        report.errors.append(f"source {source_id!r} is cited but not in sources.json")
    for source_id, source in sorted(sources.items()):
        if not source.get("title"):
            report.errors.append(f"source {source_id!r}: no title")
        if not str(source.get("url", "")).startswith("https://"):
            report.errors.append(f"source {source_id!r}: no https link")
        _check_date(f"source {source_id!r}", source.get("checked"), today, report)


def _check_date(what: str, checked: str | None, today: date, report: Report) -> None:
    try:
        day = date.fromisoformat(checked or "")
    except (TypeError, ValueError):
        report.errors.append(f"{what}: no check date (YYYY-MM-DD)")
        return
    if day > today:
        report.errors.append(f"{what}: checked on {day}, after today ({today})")
    elif today - day > STALE_AFTER:
        report.warnings.append(f"{what} was last checked on {day}, {(today - day).days} days ago: read it again")


def _check_periods(rule_sets, report: Report) -> None:
    ordered = sorted(rule_sets, key=lambda r: r.valid_from)
    for rule_set in ordered:
        if rule_set.valid_to is not None and rule_set.valid_to < rule_set.valid_from:
            report.errors.append(f"{rule_set.id} ends ({rule_set.valid_to}) before it starts ({rule_set.valid_from})")
    for earlier, later in zip(ordered, ordered[1:]):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            report.errors.append(f"{earlier.id} and {later.id} overlap: both cover {later.valid_from}")
        elif earlier.valid_to + timedelta(days=1) < later.valid_from:
            report.errors.append(f"no rule set covers an entry from {earlier.valid_to + timedelta(days=1)} "
                                 f"to {later.valid_from - timedelta(days=1)}")
    if ordered and ordered[-1].valid_to is not None:
        report.errors.append(f"no rule set covers an entry after {ordered[-1].valid_to}")


def _check_calendar(calendar: WorkingCalendar, corrections: dict, today: date, report: Report) -> None:
    verified = corrections.get("verified_years", {})
    for year in (today.year, today.year + 1):
        days_off = {day.day for day in calendar.days_off_in(year)}
        missing = [date(year, month, day) for month, day in SURE_DAYS_OFF if date(year, month, day) not in days_off]
        if missing:
            report.errors.append(f"the calendar of {year} lacks public holidays "
                                 f"({', '.join(map(str, missing))}): update the holidays package")
        status = verified.get(str(year), {}).get("status")
        if status != "matches":
            report.warnings.append(f"the days off of {year} are not yet compared with a decree on moving them "
                                   f"(holiday_corrections.json: {status or 'no entry'})")

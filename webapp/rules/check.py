"""`flask rules check`: is the rule data complete, and fresh enough to act on?

Errors make the command (and the test suite) fail: a rule without a source; a cited source that
does not exist or lacks a title, an https link or a check date; rule periods that overlap or leave
a gap; this year or the next without public holidays in the working-day calendar; a nationality
group, a note or a checkpoint kind that refers to rules, sources or warnings that are not there;
a message of the catalogs that writes one of the rules' numbers itself (see check_messages); a
place to stay without its own registration steps for a kind of registration (check_accommodation).

Warnings are printed but do not fail: a source last checked more than 180 days ago; a year whose
days off have not yet been compared with the government's decree on moving them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from babel.messages.pofile import read_po

from .calendar import WorkingCalendar, holiday_corrections, kazakhstan_calendar
from .ruleset import DATA, RULE_PARTS, rule_book

TRANSLATIONS = Path(__file__).parent.parent.parent / "translations"
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
    book = rule_book()
    report = check_rules(book, kazakhstan_calendar(), corrections, today,
                         {"holiday_corrections.json": corrections["checked"], "checkpoints.json": checkpoints["checked"]})
    _check_references(book, checkpoints, report)
    from ..messages import ACCOMMODATIONS, OBLIGATION_STEPS, OBLIGATION_TITLES
    check_accommodation(book, {"labels": set(ACCOMMODATIONS), "titles": set(OBLIGATION_TITLES),
                               "steps": set(OBLIGATION_STEPS)}, report)
    exceptions = json.loads((DATA / "message_numbers.json").read_text(encoding="utf-8"))["exceptions"]
    report.errors += check_messages(catalog_messages(), book, exceptions)
    return report


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


def _check_references(book, checkpoints: dict, report: Report) -> None:
    """What the evaluators read besides the rules: every group's rules exist in every rule set,
    every note cites known sources and names known rules, every checkpoint's kind is described."""
    for group, spec in book.group_specs.items():
        for rule_set in book.rule_sets:
            if spec["rules"] not in rule_set.groups:
                report.errors.append(f"group {group}: {rule_set.id} has no rules {spec['rules']!r}")
    for rule_set in book.rule_sets:
        for note in rule_set.notes:
            _check_note(rule_set, note, book.sources, report)
    _check_checkpoints(checkpoints, report)


# Who notifies for a host notification, by where the person stays (accommodation.json).
NOTIFIERS = frozenset({"host", "hotel", "employer", "dormitory"})


def check_accommodation(book, messages: dict[str, set[str]], report: Report) -> None:
    """Where the person stays (accommodation.json): each kind, and a plan with no answer, has its
    registration for every registration kind the rules use, with who acts, a title and steps the
    messages have, and sources that exist; the question's labels are the same kinds.
    `messages`: the keys of the labels, "titles" and "steps" (webapp/messages.py)."""
    data = book.accommodation
    kinds = list(data.get("kinds", ()))
    if not kinds or len(set(kinds)) != len(kinds):
        report.errors.append("accommodation.json: 'kinds' is empty or repeats a kind")
    if set(kinds) != messages["labels"]:
        report.errors.append(f"accommodation.json: the kinds {sorted(kinds)} are not the question's answers "
                             f"(messages.ACCOMMODATIONS: {sorted(messages['labels'])})")
    used = {rules["registration"]["kind"]: rules["registration"]["who"]
            for rule_set in book.rule_sets for rules in rule_set.groups.values()}
    for kind, who in sorted(used.items()):
        places = data.get("registration", {}).get(kind)
        if places is None:
            report.errors.append(f"accommodation.json: no registration {kind!r}")
            continue
        if set(places) != {*kinds, "not_answered"}:
            report.errors.append(f"accommodation.json / {kind}: places {sorted(places)} are not the kinds and 'not_answered'")
        for place, spec in sorted(places.items()):
            _check_place(f"accommodation.json / {kind} / {place}", spec, who, book.sources, messages, report)


def _check_place(what: str, spec: dict, who: str, sources: dict, messages: dict[str, set[str]], report: Report) -> None:
    if who == "self" and spec.get("who") != "self":
        report.errors.append(f"{what}: the person registers themselves under these rules, not {spec.get('who')!r}")
    elif who != "self" and spec.get("who") not in NOTIFIERS:
        report.errors.append(f"{what}: who notifies is {spec.get('who')!r}, not one of {sorted(NOTIFIERS)}")
    if spec.get("title") not in messages["titles"]:
        report.errors.append(f"{what}: title {spec.get('title')!r} is not in messages.OBLIGATION_TITLES")
    missing = [key for key in spec.get("steps") or () if key not in messages["steps"]]
    if not spec.get("steps") or missing:
        report.errors.append(f"{what}: no steps, or steps not in messages.OBLIGATION_STEPS: {missing}")
    if not spec.get("sources") or not spec.get("why"):
        report.errors.append(f"{what}: no source, or no 'why'")
    for source_id in spec.get("sources") or ():
        if source_id not in sources:
            report.errors.append(f"{what}: source {source_id!r} is not in sources.json")


def _check_note(rule_set, note: dict, sources: dict, report: Report) -> None:
    what = f"{rule_set.id} / note {note.get('code')!r}"
    if not note.get("sources"):
        report.errors.append(f"{what}: no source")
    for source_id in note.get("sources") or ():
        if source_id not in sources:
            report.errors.append(f"{what}: source {source_id!r} is not in sources.json")
    for rules in note.get("for_rules", ()):
        if rules not in rule_set.groups:
            report.errors.append(f"{what}: no rules {rules!r}")
    try:
        rule_set.note_params(note)
    except (KeyError, TypeError):
        report.errors.append(f"{what}: a param names no value of the rules")


def _check_checkpoints(checkpoints: dict, report: Report) -> None:
    kinds = checkpoints["kinds"]
    for point in checkpoints["checkpoints"]:
        if point["kind"] not in kinds:
            report.errors.append(f"checkpoint {point['id']!r}: kind {point['kind']!r} is not described in 'kinds'")
    for kind, spec in kinds.items():
        if spec["open_to"] is not None and not spec.get("warning"):
            report.errors.append(f"checkpoint kind {kind!r}: open to some citizens only, with no warning")


# --- Numbers in messages -------------------------------------------------------------------------
# A sentence that writes "within 3 working days" stays wrong when the rule changes, in three
# languages, with nothing to say so. So no message may write a rule's number: it takes a
# placeholder, filled from the data (webapp/messages.py RuleText, rule_words).
#
# What counts: a whole number in a msgid (or its plural), written as digits standing alone (not
# part of a word or a code such as Z05T3D0, not a placeholder), with an English ordinal ending or
# not ("30th"), that equals a number of the rules: a stay limit (per entry, or the most days in a
# window), a window's length, or a deadline's count of calendar or working days, in any rule set,
# or a number a note gives (regimes.json).
# What does not count, because it cannot be a rule's number of days:
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NOT_RULE_NUMBERS = re.compile("|".join([
    rf"\b\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?",  # a date: "1 July 2026", "11 January"
    rf"(?:{MONTHS}) \d{{4}}",  # a month: "January 2025"
    r"\b\d{1,2} \d{1,2} \d{4}\b",  # a date as typed in three boxes: "27 9 2026"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b",  # a date in figures
    r"\b\d+[- ](?:years?|months?|hours?|minutes?)\b",  # a length in another unit than days
    r"\b(?:article|art\.) \d+",  # an article of a code (517, 518)
    r"\b(?:hotline|call) \d+",  # a phone number (1414)
    r"\b\d+ monthly calculation ind",  # an amount in MCI, as a source gives it
]), re.IGNORECASE)
# Source titles (sources.json) are not checked: a title is how the source names itself, or what it
# said when it was read and dated; it is not rewritten when a rule changes. Any other message with
# such a number is listed in data/message_numbers.json, with the numbers it may write and why.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
NUMBER = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)?(?!\w|[.,]\d)")  # not in a word, a code or a decimal


def rule_numbers(book) -> set[int]:
    """Every number the rules count days with, and the numbers their notes give."""
    numbers: set[int] = set()
    for rule_set in book.rule_sets:
        for rules in rule_set.groups.values():
            stay = rules["stay"]
            numbers |= {stay["per_entry"]} if stay["per_entry"] else set()
            if stay["window"]:
                numbers |= {stay["window"]["max_days"], stay["window"]["window_days"]}
            for part in ("registration", "address_change"):
                numbers |= {rules[part][key] for key in ("calendar_days", "working_days") if key in rules[part]}
        for note in rule_set.notes:
            numbers |= {value for value in rule_set.note_params(note).values() if isinstance(value, int)}
    return numbers


def numbers_in(message: str) -> list[int]:
    """The whole numbers of a message that could be a rule's (see above)."""
    text = NOT_RULE_NUMBERS.sub(" ", PLACEHOLDER.sub(" ", message))
    return [int(number) for number in NUMBER.findall(text)]


def catalog_messages(translations: Path = TRANSLATIONS) -> set[str]:
    """Every msgid (and plural msgid) of the catalogs: the code's messages are all in them
    (tests/test_translations.py), the phone's included."""
    found: set[str] = set()
    for po_file in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        with po_file.open("rb") as source:
            for message in read_po(source):
                if message.id:
                    found |= set(message.id) if isinstance(message.id, tuple) else {message.id}
    return found


def check_messages(messages, book, exceptions: list[dict]) -> list[str]:
    """An error for each message that writes a number of the rules itself; `exceptions`:
    [{"message": the start of a msgid, "numbers": what it may write, "why": …}]."""
    numbers = rule_numbers(book)
    titles = {source["title"] for source in book.sources.values()}
    errors = []
    for message in sorted(set(messages) - titles):
        allowed = {n for exception in exceptions if message.startswith(exception["message"]) for n in exception["numbers"]}
        repeated = sorted({n for n in numbers_in(message) if n in numbers and n not in allowed})
        if repeated:
            errors.append(f"message {message[:80]!r} writes the rules' number {', '.join(map(str, repeated))}: "
                          "use a placeholder filled from the rule data")
    for exception in exceptions:
        if not any(message.startswith(exception["message"]) for message in messages):
            errors.append(f"message_numbers.json: no message starts with {exception['message']!r}: remove the exception")
    return errors


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
    for earlier, later in pairwise(ordered):
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

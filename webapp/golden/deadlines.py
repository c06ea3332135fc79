"""Golden files: Python's own outputs for many cases, which the phone's modules (static/js/core/)
must reproduce exactly (tests/js/golden.test.mjs). For each case: the evaluator's plan, every
sentence of the result page in each language (from webapp/deadlines/explain.py, in the order and shape
of deadlines/plan.html) and the calendar file.

Cases: the hand-worked vectors (tests/vectors/*.json) and a seeded random corpus that walks every
nationality group, entries across every rule period (and before the first), earlier stays
(some overlapping or out of order), days of leaving, "today" before, during and after the stay,
accommodation and checkpoints; then stays that have ended, in every rule period, and last days
allowed near the registration deadline. Written to a directory (build/golden by the test command) as
gzipped JSON lines, with the rule data and each language's words the phone is given, so that
node needs nothing else."""
from __future__ import annotations

import dataclasses
import json
import os
import random
import re
from datetime import date, timedelta
from pathlib import Path

from flask import Flask

from ..rules import NotCovered, PlanInput, Stay, evaluate, rule_book
from ..rules.export import rules_json
from ..rules.inputs import ACCOMMODATIONS
from ..web.config import ROOT
from ..web.i18n import LANGUAGES, force_language, long_date
from .files import worker_app, write_lines

VECTORS = ROOT / "tests" / "vectors"
SEED = 20260901
# Inside the exported calendar (rules_json: two years ahead), so that both evaluators can count
# working days for every case.
FIRST_ENTRY, LAST_ENTRY = date(2019, 12, 1), date(2027, 12, 31)
LAST_TODAY = date(2028, 6, 30)
DTSTAMP = re.compile(rb"^DTSTAMP:\d{8}T\d{6}Z\r$", re.M)
FIXED_STAMP = "20260901T000000Z"
PLURAL_COUNTS = 10_000


def to_json(value):
    """The evaluator's dataclasses as the browser's evaluator gives them: ISO dates, lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def answers_json(answers: PlanInput) -> dict:
    """The answers as the phone's page passes them to the evaluator."""
    return {"citizenship": answers.citizenship, "entry_date": answers.entry_date.isoformat(),
            "today": answers.today.isoformat(),
            "previous_stays": [{"entry": s.entry.isoformat(), "exit": s.exit.isoformat()} for s in answers.previous_stays],
            "accommodation": answers.accommodation, "checkpoint": answers.checkpoint,
            "exit_date": answers.exit_date.isoformat() if answers.exit_date else None}


def result_sentences(plan, answers: PlanInput) -> dict:
    """What the server's result page (deadlines/plan.html and reasons.html) says, in the current
    language, as data: the same shape as static/js/core/explain.js result()."""
    from ..deadlines import explain
    from ..rules.places import checkpoints

    language = explain.current_language()
    names = {point["id"]: point["name"][language] for point in checkpoints()}
    out = {
        "entered": explain._("entered on %(date)s", date=long_date(answers.entry_date)),
        "checkpoint": names.get(answers.checkpoint) if answers.checkpoint else None,
        "as_of": explain._("Dates as of %(date)s.", date=long_date(answers.today)),
        "rule_set": explain.rule_set_label(plan.rule_set),
        "warnings": [{"code": w.code, "urgent": w.code in explain.URGENT_WARNINGS, "note": w.code in explain.NOTE_WARNINGS,
                      "text": explain.warning_text(w)} for w in plan.warnings],
        "steps": [],
        "sources": list(plan.sources),
    }
    if not plan.group:
        return out
    registration, stay = plan.obligations[0], plan.stay
    # In date order, as deadlines/plan.html draws them.
    leave_first = explain.leave_comes_first(plan)
    shown, more = explain.step_lines(registration, answers.accommodation)
    registration_step = {
        "kind": "registration", "title": explain.obligation_title(registration, answers.accommodation),
        "tag": explain.registration_tag(registration), "paragraphs": shown, "more": more,
        "reasoning": explain.obligation_reasoning(registration), "sources": list(registration.sources)}
    if not leave_first:
        out["steps"].append(registration_step)
    if stay.leave_by:
        leave = {"kind": "leave", "title": explain.leave_title(plan),
                 "tag": explain.leave_tag(plan), "reasoning": explain.stay_reasoning(stay, answers.entry_date),
                 "sources": list(stay.sources)}
        if stay.window_days:  # reasons.html day_by_day
            days = explain.window_days(plan, answers)
            leave["days_used"] = explain._("Days used in the %(window)d days up to %(day)s: %(used)d of %(max)d.",
                                           window=stay.window_days, day=long_date(stay.reference_day), used=stay.days_used,
                                           max=stay.max_days_in_window)
            leave["day_by_day"] = {
                "summary": explain._("Days in Kazakhstan from %(start)s to %(end)s: %(used)d of %(max)d.",
                                     start=long_date(days.start), end=long_date(days.end), used=days.used, max=days.max_days),
                "runs": [explain.window_run_text(first, last) for first, last in days.runs],
                "grid": {"start": days.start.isoformat(), "end": days.end.isoformat(), "today": days.today.isoformat(),
                         "runs": " ".join(f"{first.isoformat()}/{last.isoformat()}" for first, last in days.runs),
                         "months": ",".join(days.month_labels)}}
        out["steps"].append(leave)
        for obligation in explain.shown_steps(plan, by_last_day=True):
            out["steps"].append(other_step(obligation, answers))
    if leave_first:
        out["steps"].append(registration_step)
    if plan.next_entry:
        # Folded while the stay goes on, in view after it (deadlines/plan.html).
        coming = [explain.next_entry_text(plan.next_entry, answers.exit_date is not None, plan.ended)]
        out["steps"].append({
            "kind": "next_entry", "title": explain._("Coming back to Kazakhstan"),
            "paragraphs": coming if plan.ended else [], "more": [] if plan.ended else coming,
            "reasoning": explain.next_entry_reasoning(plan.next_entry, plan.rule_set, answers.today if plan.ended else None),
            "sources": list(plan.next_entry.sources)})
    for obligation in explain.shown_steps(plan):
        out["steps"].append(other_step(obligation, answers))
    return out


def other_step(obligation, answers: PlanInput) -> dict:
    """A step of the result after the registration's (deadlines/plan.html other_step)."""
    from ..deadlines import explain

    shown, more = explain.step_lines(obligation, answers.accommodation)
    return {"kind": obligation.kind, "title": explain.obligation_title(obligation, answers.accommodation),
            "paragraphs": shown, "more": more,
            "reasoning": explain.obligation_reasoning(obligation), "sources": list(obligation.sources)}


def calendar_text(plan, answers: PlanInput, language: str) -> str:
    """The .ics the server sends, with its time stamp (the moment it is made) fixed."""
    from ..deadlines.calendar_file import plan_calendar

    body = plan_calendar(plan, answers, language)
    return DTSTAMP.sub(f"DTSTAMP:{FIXED_STAMP}\r".encode(), body).decode("utf-8")


def case_outputs(answers: PlanInput) -> dict:
    """Everything one case gives, in every language (inside an app context)."""
    try:
        plan = evaluate(answers)
    except NotCovered as error:
        return {"answers": answers_json(answers), "error": error.code}
    out = {"answers": answers_json(answers), "plan": to_json(plan), "languages": {}}
    for language in LANGUAGES:
        with force_language(language):
            out["languages"][language] = {"result": result_sentences(plan, answers),
                                          "ics": calendar_text(plan, answers, language) if plan.group else None}
    return out


# --- the cases -----------------------------------------------------------------------------------

def vector_cases() -> list[tuple[str, PlanInput]]:
    """The hand-worked vectors, read as the API reads a body (the form's checks left to it)."""
    from ..api.plan import read_plan_request

    cases = []
    for path in sorted(VECTORS.glob("*.json")):
        if path.name == "errors.json":
            continue
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            answers, errors = read_plan_request(case["input"], date.fromisoformat(case["input"]["today"]))
            if errors:
                raise ValueError(f"{path.name}: {case['name']}: {errors}")
            cases.append((f"{path.name}: {case['name']}", answers))
    return cases


def date_order_cases() -> list[tuple[str, PlanInput]]:
    """Cases for the order and nearness of dates, which the random corpus draws too seldom: a safe
    date the day before a public holiday, the last day allowed before registration's date, today
    between the two readings, reminders that would fall before the entry or in the past."""
    d = date.fromisoformat
    earlier = (Stay(d("2026-07-10"), d("2026-09-15")),)
    cases = [
        ("safe date 31 December, 1 January read strictly", PlanInput("RU", d("2026-12-02"), d("2026-12-02"))),
        ("today between the two readings", PlanInput("RU", d("2026-12-02"), d("2027-01-01"))),
        ("last day before registration's date", PlanInput("RU", d("2026-11-20"), d("2026-12-02"), earlier)),
        ("last day passed before registration's date", PlanInput("RU", d("2026-11-20"), d("2026-12-12"), earlier)),
        ("reminder shortened to today", PlanInput("DE", d("2026-03-20"), d("2026-03-25"), accommodation="private")),
        ("planning: no reminder before the entry", PlanInput("RU", d("2026-12-10"), d("2026-12-02"))),
        ("reminder shortened to the day of entry", PlanInput("US", d("2026-09-08"), d("2026-09-08"), accommodation="hotel")),
    ]
    return [(f"date order: {name}", answers) for name, answers in cases]


def _citizenships(rng: random.Random) -> list[str]:
    """Countries of every group, visa-required ones, and the country whose citizens are not foreigners."""
    from ..web.i18n import country_codes

    book = rule_book()
    by_group: dict[str, list[str]] = {}
    for code, group in sorted(book.groups.items()):
        by_group.setdefault(group, []).append(code)
    visa = sorted(country_codes() - set(book.groups) - set(book.not_foreigners))
    pools = list(by_group.values()) + [visa]
    # Every pool as often as the others, whatever its size; citizens of Kazakhstan now and then.
    return [rng.choice(rng.choice(pools)) for _ in range(40)] + sorted(book.not_foreigners)


def random_cases(count: int, seed: int = SEED) -> list[tuple[str, PlanInput]]:
    from ..rules.places import checkpoints

    rng = random.Random(seed)
    book = rule_book()
    # Entries cluster where the rules change: a stay that runs into new rules, a return under them.
    boundaries = [r.valid_from for r in book.rule_sets] + [r.valid_to for r in book.rule_sets if r.valid_to]
    points = [point["id"] for point in checkpoints()]
    span = (LAST_ENTRY - FIRST_ENTRY).days
    # A tenth each for stays that have ended and for last days near the registration deadline.
    special = count // 10
    cases = []
    for i in range(count - 2 * special):
        citizenship = rng.choice(_citizenships(rng))
        if rng.random() < 0.3:
            entry = rng.choice(boundaries) + timedelta(days=rng.randint(-120, 40))
        else:
            entry = FIRST_ENTRY + timedelta(days=rng.randrange(span + 1))
        entry = min(max(entry, FIRST_ENTRY), LAST_ENTRY)
        # Today: planning ahead, at the border, during the stay, long after the last day.
        today = entry + timedelta(days=rng.choice([rng.randint(-200, -1), 0, rng.randint(1, 35), rng.randint(36, 120),
                                                   rng.randint(121, 400)]))
        today = min(today, LAST_TODAY)
        stays = []
        day = entry - timedelta(days=rng.randint(1, 400))
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5])):
            first = day + timedelta(days=rng.randint(0, 60))
            last = first + timedelta(days=rng.choice([0, rng.randint(1, 30), rng.randint(31, 100)]))
            stays.append(Stay(first, last))
            day = last + timedelta(days=rng.randint(1, 90))
        if stays and rng.random() < 0.1:
            rng.shuffle(stays)
        stays = tuple(s for s in stays if s.entry <= entry + timedelta(days=5))
        exit_date = None
        if rng.random() < 0.45:
            exit_date = entry + timedelta(days=rng.choice([0, rng.randint(1, 29), rng.randint(30, 95), rng.randint(96, 365)]))
        cases.append((f"random {i}", PlanInput(
            citizenship=citizenship, entry_date=entry, today=today, previous_stays=stays,
            accommodation=rng.choice([None, *ACCOMMODATIONS]),
            checkpoint=rng.choice([None, None, rng.choice(points)]), exit_date=exit_date)))
    return cases + ended_cases(special, seed) + last_day_cases(special, seed)


def ended_cases(count: int, seed: int = SEED) -> list[tuple[str, PlanInput]]:
    """Stays that have ended: an entry in each rule period in turn, a day of leaving before, on
    and after the registration deadline and the last day allowed, near the end of the rule set,
    and a "today" from the next day to years later."""
    rng = random.Random(seed + 1)
    book = rule_book()
    cases = []
    for i in range(count):
        rule_set = book.rule_sets[i % len(book.rule_sets)]
        last = rule_set.valid_to or LAST_ENTRY
        entry = rule_set.valid_from + timedelta(days=rng.randrange((last - rule_set.valid_from).days + 1))
        if rng.random() < 0.4:  # a stay that ends just before or just after the rules change
            entry = max(rule_set.valid_from, last - timedelta(days=rng.randint(0, 100)))
        exit_date = entry + timedelta(days=rng.choice([0, rng.randint(1, 10), rng.randint(25, 35), rng.randint(80, 100)]))
        # (The latest day of leaving, LAST_ENTRY + 100 days, is before LAST_TODAY.)
        today = min(exit_date + timedelta(days=rng.choice([1, rng.randint(2, 60), rng.randint(300, 1600)])), LAST_TODAY)
        stays = ((Stay(entry - timedelta(days=rng.randint(100, 200)), entry - timedelta(days=rng.randint(30, 99))),)
                 if rng.random() < 0.4 else ())
        cases.append((f"ended {i}", PlanInput(
            citizenship=rng.choice(_citizenships(rng)), entry_date=entry, today=today, previous_stays=stays,
            accommodation=rng.choice([None, "private", "hotel", "employer"]), exit_date=exit_date)))
    return cases


def last_day_cases(count: int, seed: int = SEED) -> list[tuple[str, PlanInput]]:
    """A last day allowed close to the registration deadline: an earlier stay that leaves from 0 to
    35 days of the window, so that the last day falls before, on or after the deadline."""
    rng = random.Random(seed + 2)
    book = rule_book()
    windowed = [r for r in book.rule_sets if any(g["stay"]["window"] for g in r.groups.values())]
    cases = []
    for i in range(count):
        rule_set = windowed[i % len(windowed)]
        last = rule_set.valid_to or LAST_ENTRY
        entry = rule_set.valid_from + timedelta(days=rng.randrange(60, (last - rule_set.valid_from).days + 1))
        earlier = 90 - rng.randint(0, 35)
        end = entry - timedelta(days=rng.randint(1, 60))
        today = entry + timedelta(days=rng.choice([rng.randint(-20, -1), 0, rng.randint(1, 10), rng.randint(11, 40)]))
        cases.append((f"last day {i}", PlanInput(
            citizenship=rng.choice(_citizenships(rng)), entry_date=entry, today=min(today, LAST_TODAY),
            previous_stays=(Stay(end - timedelta(days=earlier - 1), end),),
            accommodation=rng.choice([None, "private", "hotel", "employer"]))))
    return cases


# --- writing -------------------------------------------------------------------------------------

def _outputs(chunk: list[tuple[str, PlanInput]]) -> list[str]:
    with worker_app().app_context():
        return [json.dumps({"name": name} | case_outputs(answers), ensure_ascii=False, separators=(",", ":"))
                for name, answers in chunk]


def write_golden(app: Flask, directory: Path, count: int, workers: int | None = None) -> dict:
    """Writes rules.json, words-<lang>.json, plurals.json, vectors.jsonl.gz and corpus.jsonl.gz;
    returns counts."""
    from flask_babel import get_translations

    from ..deadlines.offline_data import offline_data

    directory.mkdir(parents=True, exist_ok=True)
    workers = workers or min(2, os.cpu_count() or 1)
    (directory / "rules.json").write_text(rules_json(), encoding="utf-8")
    plurals = {}
    for language in LANGUAGES:
        with app.test_request_context(f"/{language}/"), force_language(language):
            (directory / f"words-{language}.json").write_text(
                json.dumps(offline_data(language), ensure_ascii=False, sort_keys=True), encoding="utf-8")
            # The form gettext picks for each count, beyond any count of days a case gives.
            plurals[language] = [get_translations().plural(n) for n in range(PLURAL_COUNTS)]
    (directory / "plurals.json").write_text(json.dumps(plurals), encoding="utf-8")
    vectors = vector_cases() + date_order_cases()
    corpus = random_cases(count)
    write_lines(directory / "vectors.jsonl.gz", vectors, _outputs, 1)
    write_lines(directory / "corpus.jsonl.gz", corpus, _outputs, workers)
    return {"vectors": len(vectors), "corpus": len(corpus)}

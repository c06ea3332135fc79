"""The rule data for the browser's evaluator (static/js/core/evaluator.js), as one JSON document.

Same data files as the Python evaluator, plus the working-day calendar exported from the
`holidays` package with our corrections, for the years a plan can touch.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from .calendar import kazakhstan_calendar
from .places import checkpoint_kinds, checkpoints
from .ruleset import rule_book

FIRST_YEAR = 2019  # a year before the first rule set, for working days counted from its first day
YEARS_AHEAD = 2  # an entry may be planned up to a year ahead; deadlines run a little past it


def rules_json(today: date | None = None) -> str:
    return _rules_json((today or date.today()).year + YEARS_AHEAD)


@lru_cache(maxsize=2)  # built once a year per process
def _rules_json(last_year: int) -> str:
    book = rule_book()
    calendar = kazakhstan_calendar()
    days_off = {}
    working_weekends = []
    for year in range(FIRST_YEAR, last_year + 1):
        for day in calendar.days_off_in(year):
            days_off[day.day.isoformat()] = {"reason": day.reason, "name": day.name}
        working_weekends += [d.isoformat() for d in calendar.working_weekends_in(year)]
    document = {
        # 2: notes are objects (code, for_rules, params), with group_specs and checkpoint_kinds.
        # 3: with the registration by where the person stays (accommodation.json).
        "version": 3,
        "calendar_years": [FIRST_YEAR, last_year],
        "rule_sets": [
            {"id": r.id, "valid_from": r.valid_from.isoformat(),
             "valid_to": r.valid_to.isoformat() if r.valid_to else None,
             "groups": r.groups, "notes": list(r.notes)}
            for r in book.rule_sets
        ],
        "groups": book.groups,
        "group_specs": book.group_specs,
        "not_foreigners": sorted(book.not_foreigners),
        # Without the "why" (for readers of the data file): the phone needs who acts and the keys.
        "accommodation": {kind: {place: {key: value for key, value in spec.items() if key != "why"}
                                 for place, spec in places.items()}
                          for kind, places in book.accommodation["registration"].items()},
        "nationality_sources": list(book.nationality_sources),
        "checkpoints": {c["id"]: c["kind"] for c in checkpoints()},
        "checkpoint_kinds": {kind: {"open_to": spec["open_to"], "warning": spec.get("warning")}
                             for kind, spec in checkpoint_kinds().items()},
        "days_off": days_off,
        "working_weekends": working_weekends,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

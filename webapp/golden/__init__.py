"""Golden files: Python's complete outputs, case by case, that the phone's modules must give too
(`flask --app webapp golden write build/golden`, checked by `node --test tests/js/`). Written at
test time, never committed: the corpora are seeded, so a failing case can be named and made again."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from .countries import write_countries_golden
from .deadlines import write_golden as write_deadlines_golden
from .documents import write_documents_golden

# How many random cases give every module at least `count` of its own: about one plan in three has
# no calendar file (visa required, or not covered by the rules), and about 40 % of the documents'
# answer sets are valid, the only ones with documents' values (tests/js check the counts).
PLANS_PER_CASE = 8 / 5
ANSWER_SETS_PER_CASE = 13 / 5


def write_golden(app: Flask, directory: Path, count: int, workers: int | None = None) -> dict:
    """Both journeys' golden files, with at least `count` cases for each module; returns the counts."""
    workers = workers or min(2, os.cpu_count() or 1)
    counts = write_deadlines_golden(app, directory, round(count * PLANS_PER_CASE), workers)
    counts["documents"] = write_documents_golden(app, directory, round(count * ANSWER_SETS_PER_CASE), workers)
    counts["countries"] = write_countries_golden(app, directory)
    return counts


__all__ = ["write_golden"]

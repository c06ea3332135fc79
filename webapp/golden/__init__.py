"""Golden files: Python's complete outputs, case by case, that the phone's modules must give too
(`flask --app webapp golden write build/golden`, checked by `node --test tests/js/`). Written at
test time, never committed: the corpora are seeded, so a failing case can be named and made again."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from .deadlines import write_golden as write_deadlines_golden
from .documents import write_documents_golden


def write_golden(app: Flask, directory: Path, count: int, workers: int | None = None) -> dict:
    """Both journeys' golden files, `count` random cases each; returns the counts."""
    workers = workers or min(2, os.cpu_count() or 1)
    counts = write_deadlines_golden(app, directory, count, workers)
    counts["documents"] = write_documents_golden(app, directory, count, workers)
    return counts


__all__ = ["write_golden"]

"""The benchmark command works (in its quick mode): every budget of DESIGN.md gets a figure. The
figures themselves are never asserted here: they are the benchmark's to report."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.load


def test_the_benchmark_command_runs_in_quick_mode():
    result = subprocess.run([sys.executable, "-m", "bench", "--quick"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    table = result.stdout
    for row in ("PDF registration-sheet: median / p95 ms", "cold start", "PDFs/s", "memory growth", "first view kk",
                "largest further step en", "offline precache", "wizard page GETs/s", "plan API calls/s",
                "Python / JavaScript ms"):
        assert row in table, row
    figures = json.loads((ROOT / "build" / "bench" / "results.json").read_text())
    assert figures["mode"] == "quick"
    assert set(figures["pdf"]) == {"registration-sheet", "host-sheet", "iin-sheet", "card"}
    assert figures["pdf"]["card"]["speed-up_vs_naive"] > 0 and figures["server"]["plan API"]["errors"] == 0

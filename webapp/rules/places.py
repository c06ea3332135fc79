"""Places: border checkpoints (data/checkpoints.json) and regions (data/regions.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def checkpoints() -> tuple[dict, ...]:
    path = DATA / "checkpoints.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["checkpoints"])


def checkpoint(checkpoint_id: str) -> dict | None:
    return next((c for c in checkpoints() if c["id"] == checkpoint_id), None)


@lru_cache(maxsize=1)
def regions() -> tuple[dict, ...]:
    path = DATA / "regions.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["regions"])


def region(region_id: str) -> dict | None:
    return next((r for r in regions() if r["id"] == region_id), None)

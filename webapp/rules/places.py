"""Places: border checkpoints (data/checkpoints.json) and regions (data/regions.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=4)
def _places(kind: str) -> dict[str, dict]:
    """data/<kind>.json's list under the key <kind>, by id, in the file's order."""
    items = json.loads((DATA / f"{kind}.json").read_text(encoding="utf-8"))[kind]
    return {item["id"]: item for item in items}


def checkpoints() -> tuple[dict, ...]:
    return tuple(_places("checkpoints").values())


def checkpoint(checkpoint_id: str | None) -> dict | None:
    return _places("checkpoints").get(checkpoint_id)


@lru_cache(maxsize=1)
def checkpoint_kinds() -> dict[str, dict]:
    """What each kind of checkpoint means: {"open_to": ISO codes or None, "warning": code, …}."""
    return json.loads((DATA / "checkpoints.json").read_text(encoding="utf-8"))["kinds"]


def checkpoint_warning(checkpoint_id: str | None, citizenship: str) -> str | None:
    """The warning for a citizen of `citizenship` who names this checkpoint: its kind is not open to them."""
    point = checkpoint(checkpoint_id)
    kind = checkpoint_kinds().get(point["kind"]) if point else None
    if kind and kind["open_to"] is not None and citizenship not in kind["open_to"]:
        return kind["warning"]
    return None


def regions() -> tuple[dict, ...]:
    return tuple(_places("regions").values())


def region(region_id: str | None) -> dict | None:
    return _places("regions").get(region_id)

"""Compiles the translation catalogs at start-up when no .mo file is there yet or a .po is newer.

.mo files are build outputs and not committed; the install and test commands compile them too,
this only makes a fresh clone or a new server work without a separate step.
"""
from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_missing_catalogs(directory: Path) -> None:
    for po in directory.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source)
        with mo.open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)

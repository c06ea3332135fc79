"""How a golden corpus is written: its cases in chunks, each chunk's outputs computed in a worker
process (an app of its own, made once per process), one JSON line per case, gzipped."""
from __future__ import annotations

import gzip
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from flask import Flask

_APP: Flask | None = None


def worker_app() -> Flask:
    """This process's app: a worker process does not inherit the request's."""
    global _APP
    if _APP is None:
        from .. import create_app

        _APP = create_app({"TESTING": True})
    return _APP


def write_lines(path: Path, cases: Sequence, outputs: Callable[[list], list[str]], workers: int) -> None:
    """`outputs(chunk)` gives one JSON line per case of the chunk; it must be a module-level function
    (the worker processes import it)."""
    size = max(1, len(cases) // (workers * 8))
    chunks = [list(cases[i:i + size]) for i in range(0, len(cases), size)]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        if workers == 1:
            results = map(outputs, chunks)
            for lines in results:
                out.write("\n".join(lines) + "\n")
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for lines in pool.map(outputs, chunks):
                    out.write("\n".join(lines) + "\n")

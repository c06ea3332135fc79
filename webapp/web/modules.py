"""The phone's JavaScript modules import one another by relative paths, as node reads them, with no
build step. In the browser an import map sends each of those imports to the file's content-hashed
address: the one the service worker keeps offline and caches may keep for ever (webapp/assets.py).
Each page carries the map of its own modules only, inline before its module script, and the
response's Content-Security-Policy allows that map by its hash: there is no other inline script."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from flask import current_app, g, url_for
from markupsafe import Markup

from .assets import static_url

# How the modules import (tests/test_modules.py checks that every import is written so).
IMPORT = re.compile(r'^import\s[^"\';]*?\bfrom\s+"(\.{1,2}/[^"]+)";$', re.M)


@lru_cache(maxsize=64)
def _imports(path: str, mtime: float) -> tuple[str, ...]:
    text = Path(path).read_text(encoding="utf-8")
    return tuple((Path(path).parent / target).resolve().as_posix() for target in IMPORT.findall(text))


def imported_by(entry: str) -> list[str]:
    """Every static file that `entry` ("js/offline-plan.js") imports, directly or not, in order."""
    root = Path(current_app.static_folder).resolve()
    seen: list[str] = []
    todo = [(root / entry).as_posix()]
    while todo:
        path = todo.pop(0)
        for target in _imports(path, Path(path).stat().st_mtime):
            name = Path(target).relative_to(root).as_posix()
            if name not in seen:
                seen.append(name)
                todo.append(target)
    return seen


def module_scripts(*entries: str) -> Markup:
    """The page's modules, after the one import map of all they import (a page may have only one,
    before its first module)."""
    names = [name for entry in entries for name in imported_by(entry)]
    text = json.dumps({"imports": {url_for("static", filename=name): static_url(name) for name in dict.fromkeys(names)}},
                      separators=(",", ":"))
    g.setdefault("import_maps", set()).add(text)
    tags = [Markup('<script type="importmap">{}</script>').format(Markup(text))]
    tags += [Markup('<script type="module" src="{}"></script>').format(static_url(entry)) for entry in entries]
    return Markup("\n").join(tags)


def content_security_policy(policy: str) -> str:
    """`policy` with the import maps of this response allowed in script-src by their hashes."""
    maps = sorted(g.get("import_maps", ()))
    if not maps:
        return policy
    hashes = " ".join("'sha256-{}'".format(base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii"))
                      for text in maps)
    return policy.replace("script-src 'self'", f"script-src 'self' {hashes}", 1)

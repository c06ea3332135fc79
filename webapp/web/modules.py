"""The phone's JavaScript modules import one another by relative paths, as node reads them, with no
build step. In the browser an import map sends each of those imports to the file's content-hashed
address: the one the service worker keeps offline and caches may keep for ever (web/assets.py).
Every page runs one module, the scripts all pages share as one file (`shared_module`, made by
webapp/pwa/store.py); a page with enhancers of its own (named with `data_module`, which
static/js/start.js imports) carries one map, inline before that module, of them and what they
import, and the response's Content-Security-Policy allows that map by its hash: there is no other
inline script."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from flask import current_app, g, url_for
from markupsafe import Markup

from .assets import static_url

# How the modules import (tests/test_modules.py checks that every import is written so).
IMPORT = re.compile(r'^import\s[^"\';]*?\bfrom\s+"(\.{1,2}/[^"]+)";$', re.M)
# The module every page runs, served as one file at an address of its own (pwa/store.py): the
# static files it holds, and that address.
_SHARED: dict = {"names": frozenset(), "address": None}


def shared_module(names: list[str], address: Callable[[], str]) -> None:
    _SHARED.update(names=frozenset(names), address=address)


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
                if name not in _SHARED["names"]:
                    todo.append(target)
    return seen


def data_module(name: str) -> Markup:
    """`data-module="name"` for a page's own enhancer, static/js/<name>.js, which start.js imports:
    the page's import map (module_scripts, after the markup) gets it and what it imports."""
    g.setdefault("page_modules", []).append(f"js/{name}.js")
    return Markup('data-module="{}"').format(name)


def module_scripts() -> Markup:
    """The page's import map, if its own enhancers need one (a page may have only one, before its
    first module), then the module every page runs."""
    shared = _SHARED["address"]()
    own = list(dict.fromkeys(g.get("page_modules", [])))
    names = dict.fromkeys([name for module in own for name in imported_by(module)] + own)
    tags = []
    if names:
        text = json.dumps({"imports": {url_for("static", filename=name): shared if name in _SHARED["names"] else static_url(name)
                                       for name in names}}, separators=(",", ":"))
        g.setdefault("import_maps", set()).add(text)
        tags.append(Markup('<script type="importmap">{}</script>').format(Markup(text)))
    tags.append(Markup('<script type="module" src="{}"></script>').format(shared))
    return Markup("\n").join(tags)


def content_security_policy(policy: str) -> str:
    """`policy` with the import maps of this response allowed in script-src by their hashes."""
    maps = sorted(g.get("import_maps", ()))
    if not maps:
        return policy
    hashes = " ".join("'sha256-{}'".format(base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii"))
                      for text in maps)
    return policy.replace("script-src 'self'", f"script-src 'self' {hashes}", 1)

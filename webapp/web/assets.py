"""Static files under content-hashed URLs, so they can be cached for ever and still update.

The phone's scripts and stylesheets are served without their comment-only and blank lines
(web/comments.py): the people who read the source need the comments, the offline precache has no
room for them (bench). The text is made from the source file when the file is first asked for (no
build step, nothing generated in the repository), and the hash in its address is of that text, so
that the address, the service worker's revision and what is served are one. The third-party code
under js/vendor/ is served as it is: its licence is a comment it must keep."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Response, current_app, request, send_from_directory, url_for
from werkzeug.security import safe_join

from .comments import strip_script, strip_stylesheet

# Removed lines leave their line break: an error's line number in the served file is the source's.
_STRIPPED = {".js": strip_script, ".css": strip_stylesheet}
_MIMETYPES = {".js": "text/javascript", ".css": "text/css"}


def _strips(filename: str) -> bool:
    return Path(filename).suffix in _STRIPPED and not filename.startswith("js/vendor/")


@lru_cache(maxsize=256)
def _served(path: str, mtime: float, stripped: bool) -> bytes:
    data = Path(path).read_bytes()
    if not stripped:
        return data
    return _STRIPPED[Path(path).suffix](data.decode("utf-8"), keep_lines=True).encode("utf-8")


def served(filename: str) -> bytes:
    """The static file `filename` ("js/core/words.js") as it is served."""
    path = Path(current_app.static_folder) / filename
    return _served(str(path), path.stat().st_mtime, _strips(filename))


@lru_cache(maxsize=256)
def _hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:12]


def static_url(filename: str) -> str:
    return url_for("static", filename=filename, v=_hash(served(filename)))


def send_static(filename: str):
    """The app's `static` view: a script or stylesheet as `served` gives it, any other file as
    Flask sends it."""
    folder = current_app.static_folder
    path = safe_join(folder, filename)
    if not _strips(filename) or path is None or not Path(path).is_file():
        return send_from_directory(folder, filename)
    response = Response(served(filename), mimetype=_MIMETYPES[Path(filename).suffix])
    response.headers["Cache-Control"] = "no-cache"  # web/headers.py: for ever at a hashed address
    response.add_etag()
    return response.make_conditional(request)

"""The phone's scripts as the app serves them, written to a directory for node to run its tests
on (tests/js/served.mjs), each fetched at its content-hashed address:

    .venv/bin/python -m tests.served_files build/served
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"


def scripts() -> list[str]:
    """Every script under static/js/ ("js/core/words.js"), the third-party ones too."""
    return sorted(path.relative_to(STATIC).as_posix() for path in (STATIC / "js").rglob("*.js"))


def write_served(app, directory: Path) -> list[str]:
    """Writes each script as served under `directory` (js/…); refuses one whose address's hash is
    not of what is served."""
    from webapp.web.assets import static_url

    with app.test_request_context():
        urls = {name: static_url(name) for name in scripts()}
    client = app.test_client()
    for name, url in urls.items():
        response = client.get(url)
        body = response.data
        response.close()  # a file Flask sends as it is stays open until then
        if hashlib.sha256(body).hexdigest()[:12] != url.rsplit("v=", 1)[1]:
            raise RuntimeError(f"{url} does not serve the text its hash is of")
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    return list(urls)


if __name__ == "__main__":
    from webapp import create_app

    written = write_served(create_app({"TESTING": True}), Path(sys.argv[1]))
    print(f"{len(written)} scripts as served written to {sys.argv[1]}")

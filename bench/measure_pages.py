"""Bytes on the wire: the first view and each further step, per language (gzip and brotli at
level 6, as deploy/nginx-tirkeu.conf sends them); the whole offline precache; the requests of a
first visit; what a page already seen costs (a 304)."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def _br(data: bytes) -> int:
    return len(brotli.compress(data, quality=6))


def _headers(response) -> int:
    return len(str(response.status_code)) + sum(len(k) + len(v) + 4 for k, v in response.headers.items())


def page_bytes() -> dict:
    from tests.documents_data import form_answers
    from webapp import create_app

    app = create_app({"TESTING": True, "TODAY": "2026-09-05"})
    client = app.test_client()
    answers = form_answers()
    figures = {}
    for lang in ("ru", "kk", "en"):
        first = client.get(f"/{lang}/").data
        # The first view: the page and what it loads (styles, scripts, icon, manifest).
        assets = re.findall(r'(?:href|src)="(/[^"]+\.(?:css|js|png|webmanifest)(?:\?v=\w+)?)"', first.decode())
        # What the page's script fetches at once (the "answers on this device" panel).
        assets += re.findall(r'data-src="(/[^"]+)"', first.decode())
        first_view = _gz(first) + sum(_gz(client.get(url).data) for url in assets)
        steps = {"deadlines questions": client.get(f"/{lang}/deadlines/").data,
                 "deadlines result": client.get(f"/{lang}/deadlines/plan?citizenship=RU&entry_date-day=1"
                                               "&entry_date-month=9&entry_date-year=2026").data,
                 "documents start": client.get(f"/{lang}/documents/").data,
                 "documents first step (no JavaScript)": client.get(f"/{lang}/documents/person").data}
        for before, step in zip(["person", "passport", "entry", "stay", "host", "children"],
                                ["passport", "entry", "stay", "host", "children", "check"], strict=True):
            steps[f"documents {step} (no JavaScript)"] = client.post(f"/{lang}/documents/{before}",
                                                                     data={**answers, "nav": "continue"}).data
        page = client.get(f"/{lang}/deadlines/")
        seen = client.get(f"/{lang}/deadlines/", headers={"If-None-Match": page.headers["ETag"]})
        assert seen.status_code == 304
        figures[lang] = {"first_view_gz": first_view, "first_view_requests": 1 + len(assets),
                         "steps_gz": {name: _gz(body) for name, body in steps.items()},
                         "steps_br": {name: _br(body) for name, body in steps.items()},
                         "page_seen_before_304_bytes": _headers(seen),
                         "steps_raw": {name: len(body) for name, body in steps.items()}}
    return figures


def _precache_bodies(client) -> list[tuple[bytes, str]]:
    import json

    script = client.get("/sw.js").get_data(as_text=True)
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    bodies = []
    for entry in entries:
        response = client.get(entry["url"])
        bodies.append((response.data, entry["url"]))
        response.close()  # a static file's handle
    return bodies


def _sent(body: bytes, url: str, compressed) -> int:
    # PNGs are already compressed: nginx sends them as they are.
    return len(body) if url.split("?")[0].endswith(".png") else compressed(body)


def _name(url: str) -> str:
    """An entry's address without its content hash (?v=… or pages-<hash>.js): the same file across versions."""
    return re.sub(r"-[0-9a-f]{12}\.js$", ".js", url.split("?")[0])


def precache_sizes(client) -> dict[str, int]:
    """Each precache entry's bytes as nginx sends them (gzip level 6), by its name without its hash."""
    return {_name(url): _sent(body, url, _gz) for body, url in _precache_bodies(client)}


def precache() -> dict:
    from webapp import create_app

    app = create_app({"TESTING": True})
    bodies = _precache_bodies(app.test_client())
    sizes = [(_sent(body, url, _gz), url) for body, url in bodies]
    brotli_bytes = sum(_sent(body, url, _br) for body, url in bodies)
    return {"entries": len(bodies), "gzip_bytes": sum(size for size, _ in sizes), "brotli_bytes": brotli_bytes,
            "largest": [f"{url} {size}" for size, url in sorted(sizes, reverse=True)[:5]]}


RECORD = Path(__file__).with_name("precache_sizes.json")

if __name__ == "__main__":
    # python -m bench.measure_pages: writes the sizes each entry has now (bench/precache_sizes.json),
    # the record tests/test_pwa.py compares with when the precache is over its budget.
    import json

    from webapp import create_app

    sizes = precache_sizes(create_app({"TESTING": True}).test_client())
    RECORD.write_text(json.dumps(dict(sorted(sizes.items())), indent=1) + "\n")
    print(f"{sum(sizes.values())} bytes in {len(sizes)} entries written to {RECORD}")

"""Bytes on the wire: the first view and each further step, per language (gzip and brotli at
level 6, as deploy/nginx-tirkeu.conf sends them); the whole offline precache; the requests of a
first visit; what a page already seen costs (a 304)."""
from __future__ import annotations

import gzip
import re

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


def precache() -> dict:
    import json

    from webapp import create_app

    app = create_app({"TESTING": True})
    client = app.test_client()
    script = client.get("/sw.js").get_data(as_text=True)
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    bodies = [(client.get(e["url"]).data, e["url"]) for e in entries]

    def sent(body: bytes, url: str, compressed) -> int:
        # PNGs are already compressed: nginx sends them as they are.
        return len(body) if url.split("?")[0].endswith(".png") else compressed(body)

    sizes = [(sent(body, url, _gz), url) for body, url in bodies]
    brotli_bytes = sum(sent(body, url, _br) for body, url in bodies)
    return {"entries": len(entries), "gzip_bytes": sum(size for size, _ in sizes), "brotli_bytes": brotli_bytes,
            "largest": [f"{url} {size}" for size, url in sorted(sizes, reverse=True)[:5]]}

"""Full-page screenshots of every page at phone width, to look at before a change is called done.

    .venv/bin/python scripts/screenshots.py [OUTPUT_DIR] [WIDTH]

Starts the app on 127.0.0.1 with a fixed date and drives Debian's Chromium.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from webapp import create_app  # noqa: E402  (after the sys.path line above)

PAGES = {
    "start": "",
    "questions": "deadlines/plan?add_stay=1&citizenship=RU",
    "error": "deadlines/plan?citizenship=&entry_date-day=31&entry_date-month=2&entry_date-year=2026",
    "result": "deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
              "&accommodation=private&checkpoint=kairak&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4"
              "&previous_stays-0-entry-year=2026&previous_stays-0-exit-day=30&previous_stays-0-exit-month=5"
              "&previous_stays-0-exit-year=2026",
    "result-2025": "deadlines/plan?citizenship=DE&entry_date-day=18&entry_date-month=3&entry_date-year=2026"
                   "&accommodation=hotel&today=2026-03-20",
    "visa": "deadlines/plan?citizenship=IN&entry_date-day=1&entry_date-month=9&entry_date-year=2026",
    "documents": "documents/",
    "documents-person": "documents/person",
    "documents-on-the-phone": "documents/offline#person",
    "proof": "proof",
    "what-if": "what-if",
    "checklist": "checklist",
}


def main(out: Path, width: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = make_server("127.0.0.1", 0, create_app({"TODAY": "2026-09-05"}), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page(viewport={"width": width, "height": 740}, device_scale_factor=1)
        for lang in ("ru", "kk", "en"):
            for name, path in PAGES.items():
                page.goto(f"{base}/{lang}/{path}")
                for details in page.query_selector_all("details")[:2]:
                    details.evaluate("d => d.open = true")
                page.screenshot(path=str(out / f"{lang}-{name}.png"), full_page=True)
        browser.close()
    server.shutdown()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens"), int(sys.argv[2]) if len(sys.argv) > 2 else 360)

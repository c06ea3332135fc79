"""PDF rendering: per document, warm, in one process, against the naive way (a new
FontConfiguration and WeasyPrint's default fetcher for every render); cold start to a first PDF;
and a worker's memory over many renders."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

from .common import ROOT, rss_mb


def _app_and_forms():
    from flask_babel import force_locale
    from werkzeug.datastructures import MultiDict

    from tests.documents_data import form_answers
    from webapp import create_app
    from webapp.documents.answers import AnswersForm

    app = create_app({"TESTING": True, "TODAY": "2026-09-05"})
    return app, force_locale, MultiDict(form_answers()), AnswersForm


def _html(app, name: str) -> str:
    from datetime import date

    from flask import render_template

    from webapp.documents.catalog import BY_NAME
    from webapp.documents.content import document_context

    app_, force_locale, data, AnswersForm = app
    with app_.test_request_context("/ru/"), force_locale("ru"):
        form = AnswersForm(data, today=date(2026, 9, 5))
        document = BY_NAME[name]
        return render_template(document.template, document=document, **document_context(form, "ru"))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def renders(count: int) -> dict:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from webapp.documents.catalog import DOCUMENTS
    from webapp.documents.render import STATIC, render_pdf

    app = _app_and_forms()
    results = {}
    for document in DOCUMENTS:
        html = _html(app, document.name)
        render_pdf(html)  # warm: fonts and stylesheet loaded once per process
        ours = []
        for _ in range(count):
            started = time.perf_counter()
            render_pdf(html)
            ours.append((time.perf_counter() - started) * 1000)
        naive = []
        for _ in range(max(5, count // 4)):
            started = time.perf_counter()
            fonts = FontConfiguration()
            HTML(string=html, base_url=str(STATIC) + "/").write_pdf(
                stylesheets=[CSS(filename=str(STATIC / "css" / "documents.css"), font_config=fonts)], font_config=fonts)
            naive.append((time.perf_counter() - started) * 1000)
        results[document.name] = {
            "median_ms": round(statistics.median(ours), 1), "p95_ms": round(_percentile(ours, 0.95), 1),
            "naive_median_ms": round(statistics.median(naive), 1),
            "speed-up_vs_naive": round(statistics.median(naive) / statistics.median(ours), 2), "renders": count}
    return results


def cold_start() -> float:
    """Seconds from a new Python process to its first PDF (imports, app, fonts, first render)."""
    code = ("import time; t = time.perf_counter(); import sys; sys.path.insert(0, '.');"
            "from bench.measure_pdf import _app_and_forms, _html; from webapp.documents.render import render_pdf;"
            "render_pdf(_html(_app_and_forms(), 'card')); print(time.perf_counter() - t)")
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return round(float(output.strip().splitlines()[-1]), 2)


def memory_growth(count: int) -> dict:
    """RSS of this process over `count` renders of the registration sheet (after 20 to warm up)."""
    from webapp.documents.render import render_pdf

    html = _html(_app_and_forms(), "registration-sheet")
    for _ in range(20):
        render_pdf(html)
    before = rss_mb()
    for _ in range(count):
        render_pdf(html)
    after = rss_mb()
    return {"renders": count, "rss_mb_before": round(before, 1), "rss_mb_after": round(after, 1),
            "growth_mb": round(after - before, 1)}

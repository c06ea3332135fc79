"""Journey 2, "Prepare my documents": one short step per page, check your answers, download PDFs.

Nothing is stored: every page is a POST that carries all answers (the visible step plus hidden
fields for the others), so going back or changing an answer never loses a later one.
"""
from __future__ import annotations

import io
import zipfile

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from ..case import current_rows
from ..pwa.offline import AFTER_READY, INSTALL, NEVER, keep
from ..web.errors import unavailable
from ..web.i18n import current_language, force_language, languages
from ..web.limits import pdf_limit, zip_limit
from ..web.today import today
from .answers import DOCUMENT_KINDS, HOST_LANGUAGE_FIELD, NAV, RETURN_TO, STEPS, AnswersForm, series_number
from .catalog import BY_NAME, DOCUMENTS
from .content import document_context, in_language
from .offline import offline_checks, offline_words
from .print_data import PAGE_WORDS
from .render import RenderFailed, render_pdf

bp = Blueprint("documents", __name__, url_prefix="/<lang:lang>/documents")
# The blank documents, one page for every language (its words come with the data it loads).
print_bp = Blueprint("print", __name__)

STEP_PATTERN = "<any(" + ",".join(STEPS) + "):step>"


def _answers() -> AnswersForm:
    """The posted answers; on a GET, those in the query (the case "My deadlines" carries over, its
    earlier stays under the deadlines' short name, read as the documents': webapp/case.py), if any."""
    sent = MultiDict(current_rows((request.form if request.method == "POST" else request.args).items(multi=True), "documents"))
    return AnswersForm(sent if sent or request.method == "POST" else None, today=today())


def _previous(step: str) -> str | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index else None


def _next(step: str) -> str:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else "check"


def _step_page(form: AnswersForm, step: str, status: int = 200, show_errors: bool = False, focus: str | None = None):
    return render_template(
        "documents/step.html", form=form, step=step, previous=_previous(step),
        step_number=STEPS.index(step) + 1, step_total=len(STEPS),
        errors=form.error_fields(step) if show_errors else [], focus=focus,
        return_to_check=request.form.get(RETURN_TO) == "check",
        passport_expires_soon=step == "passport" and form.passport.form.expires_soon(form.today),
    ), status


def _check_page(form: AnswersForm):
    if (error := _valid_or_first_error(form)) is not None:
        return error
    return render_template("documents/check.html", form=form, documents=DOCUMENTS, steps=STEPS,
                           passport_expires_soon=form.passport.form.expires_soon(form.today),
                           series_number=series_number, document_kinds=DOCUMENT_KINDS)


@bp.get("/")
@keep(INSTALL)
def start():
    return render_template("documents/start.html", documents=DOCUMENTS, steps=STEPS)


# The buttons that add or remove a row, by step: (list, add, remove-<index>), drawn by rows.js too.
ROW_BUTTONS = {"children": ("children", "add_child", "remove_child-"), "entry": ("previous_stays", "add_stay", "remove_stay-")}


def _rows_page(form: AnswersForm, step: str, nav: str):
    """The step again with a row added or removed, or None when `nav` is no such button."""
    if step not in ROW_BUTTONS:
        return None
    name, add, remove = ROW_BUTTONS[step]
    rows = getattr(form, name)
    if nav == add:
        if len(rows) < rows.max_entries:
            rows.append_entry()
        first = next(iter(rows[-1].form))
        return _step_page(form, step, focus=f"{first.id}-day" if hasattr(first, "parts") else first.id)
    if nav.startswith(remove):
        rows.entries = [row for row in rows if row.id != f"{name}-{nav.removeprefix(remove)}"]
        return _step_page(form, step)
    return None


@bp.route(f"/{STEP_PATTERN}", methods=["GET", "POST"])
@keep(NEVER, reason="a step shows answers; offline, the phone's own documents page takes over")
def step(step: str):
    form = _answers()
    if request.method in ("GET", "HEAD"):  # HEAD answers as GET does
        return _step_page(form, step)
    nav = request.form.get(NAV, "continue")
    if (page := _rows_page(form, step, nav)) is not None:
        return page
    if nav != "continue":  # back, change, or the same step in another language
        return _step_page(form, step)
    if not form.validate_step(step):
        return _step_page(form, step, status=400, show_errors=True)
    following = "check" if request.form.get(RETURN_TO) == "check" else _next(step)
    if following == "check":
        return _check_page(form)
    return _step_page(form, following)


@bp.route("/check", methods=["GET", "POST"])
@keep(NEVER, reason="it shows answers; offline, the phone's own documents page takes over")
def check():
    if request.method in ("GET", "HEAD"):  # the answers are only ever posted: start again
        return redirect(url_for("documents.start"), code=303)
    return _check_page(_answers())


@bp.get("/offline")
@keep(INSTALL)
def offline():
    """Every step on one page that the phone keeps, for the journey without a network."""
    form = AnswersForm(None, today=today())
    return render_template("documents/offline.html", form=form, steps=STEPS, documents=DOCUMENTS,
                           checks=offline_checks(form), words=offline_words(current_language()))


@bp.get("/<name>.pdf")
@bp.get("/tirkeu-documents.zip")
@keep(NEVER, reason="a document needs answers: the GET only sends people back to the journey")
def document_without_answers(name: str | None = None):
    return redirect(url_for("documents.start"), code=303)


def _valid_or_first_error(form: AnswersForm):
    invalid = form.invalid_steps()
    return _step_page(form, invalid[0], status=400, show_errors=True) if invalid else None


def document_pdf(name: str, form: AnswersForm, language: str) -> bytes:
    """The PDF; RenderFailed (answered 503 by the app) when the render is stopped."""
    document = BY_NAME[name]
    with force_language(language):
        html = render_template(document.template, document=document, **document_context(form, language))
    return render_pdf(html, current_app.config["PDF_RENDER_SECONDS"])


def pdf_response(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/<name>.pdf")
@pdf_limit
def pdf(name: str):
    if name not in BY_NAME:
        abort(404)
    form = _answers()
    if (error := _valid_or_first_error(form)) is not None:
        return error
    return pdf_response(document_pdf(name, form, current_language()), f"tirkeu-{name}.pdf")


@bp.post("/tirkeu-documents.zip")
@zip_limit
def all_documents():
    form = _answers()
    if (error := _valid_or_first_error(form)) is not None:
        return error
    language = current_language()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for document in DOCUMENTS:
            archive.writestr(f"tirkeu-{document.name}.pdf", document_pdf(document.name, form, language))
    response = Response(buffer.getvalue(), mimetype="application/zip")
    response.headers["Content-Disposition"] = 'attachment; filename="tirkeu-documents.zip"'
    response.headers["Cache-Control"] = "no-store"
    return response




@bp.get("/send-to-host")
@keep(AFTER_READY, part=True)
def send_to_host():
    """"Send to your host" on "Check your answers", which static/js/host-link.js puts there."""
    return render_template("documents/send_to_host.html", language_field=HOST_LANGUAGE_FIELD)


@bp.app_errorhandler(RenderFailed)
def render_failed(error: RenderFailed):
    current_app.logger.warning("PDF render stopped on %s: %s", request.path, error)  # no answers in either
    return unavailable(retry_after=30)


# The print page fills the documents from this phone's answers, or a host's from the link's "#":
# both are read by its script alone, connection or not.
NOSCRIPT = _l(
    "This page needs JavaScript: it fills the documents on this phone from the answers kept here or inside the link, "
    "which never reach Tirkeu's server. Turn JavaScript on and open the page again.")


@print_bp.get("/documents/print")
@keep(INSTALL)
def blank_documents():
    """Every document with empty slots, kept on the phone: static/js/print-documents.js fills the
    one named after the "#" from the answers on the device and offers the phone's own print or
    save-as-PDF. The same bytes whatever the browser's language, so that one copy serves all."""
    with force_language("ru"):
        documents = [Markup(render_template(d.template, document=d, **document_context(None, "ru"))) for d in DOCUMENTS]
        return render_template("documents/print.html", documents=documents,
                               noscript=[{"language": lang, "text": in_language(NOSCRIPT, lang)} for lang in languages()],
                               failed=[{"language": lang, "text": in_language(PAGE_WORDS["failed"], lang)}
                                       for lang in languages()])

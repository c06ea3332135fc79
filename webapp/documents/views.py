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
from ..web.headers import same_in_every_language
from ..web.i18n import current_language, force_language, language_name, languages
from ..web.limits import pdf_limit, zip_limit
from ..web.today import today
from .answers import (
    DOCUMENT_KINDS,
    HOST_LANGUAGE_FIELD,
    NAV,
    RETURN_TO,
    STEPS,
    TRAVELLER_STEPS,
    AnswersForm,
    TravellerForm,
    series_number,
)
from .catalog import BY_NAME, DOCUMENTS
from .content import OFFICER_LANGUAGES, document_context, in_language
from .group import MAX_ADULTS
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
    return STEPS[index + 1] if index + 1 < len(STEPS) else OTHERS_STEP


# After the first adult's steps and the shared ones: the other adults travelling together.
OTHERS_STEP = "others"
STEP_TOTAL = len(STEPS) + 1


def _url(who: int | None, step: str) -> str:
    """The address of a page: one of the first adult's (and the shared) steps, the list of the
    other adults, or one of another adult's steps (their row's index in the address)."""
    if step == OTHERS_STEP:
        return url_for("documents.others")
    if step == "check":
        return url_for("documents.check")
    return url_for("documents.step", step=step) if who is None else url_for("documents.traveller", index=who, step=step)


def _adult_number(form: AnswersForm, who: int) -> int:
    """Adult 2, 3…: the row's place among the other adults, after the first."""
    return next(n for n, (index, _traveller) in enumerate(form.travellers(), start=1) if index == who)


def _page_fields(traveller: TravellerForm, step: str) -> set[str]:
    """The names of the fields a step shows (the others go in hidden fields)."""
    fields = [field for form in traveller.step_forms(step) for field in form]
    return {field.name for field in fields + (traveller.trip_fields() if step == "entry" else [])}


def _step_page(form: AnswersForm, step: str, status: int = 200, show_errors: bool = False, focus: str | None = None,
               who: int | None = None, return_to_check: bool | None = None):
    traveller = form.page_form(who)
    if who is None:
        previous, number, total = _previous(step), STEPS.index(step) + 1, STEP_TOTAL
        back = _url(None, previous) if previous else None
    else:
        index = TRAVELLER_STEPS.index(step)
        previous, number, total = TRAVELLER_STEPS[index - 1] if index else OTHERS_STEP, index + 1, len(TRAVELLER_STEPS)
        back = _url(who, previous)
    return render_template(
        "documents/step.html", form=traveller, answers=form, step=step, who=who, back=back,
        adult=_adult_number(form, who) if who is not None else None, adult_name=traveller.latin_name()[0],
        shown=_page_fields(traveller, step), action=_url(who, step),
        step_number=number, step_total=total,
        errors=traveller.error_fields(step) if show_errors else [], focus=focus,
        return_to_check=request.form.get(RETURN_TO) == "check" if return_to_check is None else return_to_check,
        passport_expires_soon=step == "passport" and traveller.passport.form.expires_soon(form.today),
    ), status


def _others_page(form: AnswersForm, status: int = 200):
    return render_template("documents/others.html", form=form, answers=form, step=OTHERS_STEP, back=_url(None, STEPS[-1]),
                           step_number=STEP_TOTAL, step_total=STEP_TOTAL, url=_url,
                           return_to_check=request.form.get(RETURN_TO) == "check"), status


def _check_page(form: AnswersForm):
    if (error := _valid_or_first_error(form)) is not None:
        return error
    return render_template("documents/check.html", form=form, documents=DOCUMENTS, steps=STEPS, url=_url,
                           passport_expires_soon=form.passport.form.expires_soon(form.today),
                           series_number=series_number, document_kinds=DOCUMENT_KINDS)


@bp.get("/")
@keep(INSTALL)
def start():
    return render_template("documents/start.html", documents=DOCUMENTS, steps=STEPS)


# The buttons that add or remove a row, by step: (list, add, remove-<index>), drawn by rows.js too.
ROW_BUTTONS = {"children": ("children", "add_child", "remove_child-"), "entry": ("previous_stays", "add_stay", "remove_stay-")}


def _rows_page(form: AnswersForm, step: str, nav: str, who: int | None = None):
    """The step again with a row added or removed, or None when `nav` is no such button."""
    if step not in ROW_BUTTONS:
        return None
    name, add, remove = ROW_BUTTONS[step]
    rows = getattr(form.page_form(who), name)
    if nav == add:
        if len(rows) < rows.max_entries:
            rows.append_entry()
        first = next(iter(rows[-1].form))
        return _step_page(form, step, focus=f"{first.id}-day" if hasattr(first, "parts") else first.id, who=who)
    if nav.startswith(remove):
        rows.entries = [row for row in rows if row.id != f"{rows.id}-{nav.removeprefix(remove)}"]
        return _step_page(form, step, who=who)
    return None


def _answered(form: AnswersForm, step: str, who: int | None = None):
    """The page after a step's answers, or the step again with its errors."""
    nav = request.form.get(NAV, "continue")
    if (page := _rows_page(form, step, nav, who)) is not None:
        return page
    if nav != "continue":  # back, change, or the same step in another language
        return _step_page(form, step, who=who)
    if not form.page_form(who).validate_step(step):
        return _step_page(form, step, status=400, show_errors=True, who=who)
    if request.form.get(RETURN_TO) == "check":
        return _check_page(form)
    if who is None:
        following = _next(step)
        return _others_page(form) if following == OTHERS_STEP else _step_page(form, following)
    index = TRAVELLER_STEPS.index(step)
    return _step_page(form, TRAVELLER_STEPS[index + 1], who=who) if index + 1 < len(TRAVELLER_STEPS) else _others_page(form)


@bp.route(f"/{STEP_PATTERN}", methods=["GET", "POST"])
@keep(NEVER, reason="a step shows answers; offline, the phone's own documents page takes over")
def step(step: str):
    form = _answers()
    if request.method in ("GET", "HEAD"):  # HEAD answers as GET does
        return _step_page(form, step)
    return _answered(form, step)


@bp.route("/others", methods=["GET", "POST"])
@keep(NEVER, reason="it shows answers; offline, the phone's own documents page takes over")
def others():
    """The other adults travelling together: each listed, one more added, one removed."""
    form = _answers()
    if request.method in ("GET", "HEAD"):
        return _others_page(form)
    nav = request.form.get(NAV, "continue")
    if nav == "add_adult" and (added := form.add_other()) is not None:
        index = int(form.others[-1].id.rsplit("-", 1)[1])
        first = added.passport.form.document
        # A new adult goes through all their steps, even one added from "Check your answers".
        return _step_page(form, TRAVELLER_STEPS[0], who=index, focus=f"{first.id}-0", return_to_check=False)
    if nav.startswith("remove_adult-"):
        form.others.entries = [row for row in form.others if row.id != f"{form.others.id}-{nav.removeprefix('remove_adult-')}"]
    elif nav == "continue":
        return _check_page(form)
    return _others_page(form)


@bp.route(f"/others/<int:index>/<any({','.join(TRAVELLER_STEPS)}):step>", methods=["GET", "POST"])
@keep(NEVER, reason="a step shows answers; offline, the phone's own documents page takes over")
def traveller(index: int, step: str):
    """One of another adult's steps: their document, their details, their entry and trip, their children."""
    form = _answers()
    if form.other(index) is None:  # no such adult (removed): the list of those there are
        return _others_page(form)
    if request.method in ("GET", "HEAD"):
        return _step_page(form, step, who=index)
    return _answered(form, step, who=index)


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
    invalid = form.invalid_pages()
    if not invalid:
        return None
    who, step = invalid[0]
    return _step_page(form, step, status=400, show_errors=True, who=who)


# The document made once for the whole group, listing every adult: the host's. Each other document
# is one adult's (?person=2… in its address; tirkeu-card-2.pdf… in the ZIP).
GROUP_DOCUMENT = "host-sheet"


def document_pdf(name: str, form: AnswersForm, language: str, person: int = 1) -> bytes:
    """The PDF of adult `person` (the first: 1), or the group's; RenderFailed (answered 503 by the
    app) when the render is stopped."""
    document = BY_NAME[name]
    people = form.person_forms()
    with force_language(language):
        context = document_context(people[person - 1] if name != GROUP_DOCUMENT else people[0], language,
                                   guests=people if name == GROUP_DOCUMENT else None)
        html = render_template(document.template, document=document, **context)
    return render_pdf(html, current_app.config["PDF_RENDER_SECONDS"])


def pdf_name(name: str, person: int = 1) -> str:
    return f"tirkeu-{name}.pdf" if person == 1 or name == GROUP_DOCUMENT else f"tirkeu-{name}-{person}.pdf"


def _person(form: AnswersForm) -> int:
    """The adult whose document is asked (?person=), 1 when none is named; 404 for none of them."""
    person = request.args.get("person", "1")
    if not (person.isascii() and person.isdigit() and 1 <= int(person) <= len(form.travellers())):
        abort(404)
    return int(person)


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
    person = _person(form)
    if (error := _valid_or_first_error(form)) is not None:
        return error
    return pdf_response(document_pdf(name, form, current_language(), person), pdf_name(name, person))


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
            for person in range(1, 2 if document.name == GROUP_DOCUMENT else len(form.travellers()) + 1):
                archive.writestr(pdf_name(document.name, person), document_pdf(document.name, form, language, person))
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
    same_in_every_language()
    with force_language("ru"):
        documents = [Markup(render_template(d.template, document=d, **document_context(None, "ru"))) for d in DOCUMENTS]
        return render_template("documents/print.html", documents=documents, max_adults=MAX_ADULTS,
                               officer_languages=[(code, language_name(code)) for code in OFFICER_LANGUAGES],
                               noscript=[{"language": lang, "text": in_language(NOSCRIPT, lang)} for lang in languages()],
                               failed=[{"language": lang, "text": in_language(PAGE_WORDS["failed"], lang)}
                                       for lang in languages()])

"""`flask translate extract|update|compile`: wrappers around pybabel with the project's paths."""
from __future__ import annotations

import subprocess
import sys

import click
from babel.messages.pofile import read_po, write_po
from flask import Blueprint
from flask.cli import AppGroup

from .config import ROOT

bp = Blueprint("translate", __name__, cli_group="translate")

TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


@bp.cli.command("extract")
def extract():
    """Collect the messages of the code, templates and rule data into translations/messages.pot."""
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location", "--sort-output",
             "--project", "Tirkeu", "-o", str(POT), "webapp")


SOURCE_LANGUAGE = "en"  # the msgids are English; its catalog repeats them


@bp.cli.command("update")
def update():
    """Extract, then merge new messages into every language's catalog."""
    extract.callback()
    _pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching")
    fill_source_catalog(TRANSLATIONS / SOURCE_LANGUAGE / "LC_MESSAGES" / "messages.po")


def fill_source_catalog(path) -> None:
    """The English catalog says what the msgids say; fill it so no English message is missing."""
    with open(path, "rb") as source:
        catalog = read_po(source)
    for message in catalog:
        if not message.id:
            continue
        message.string = message.id if isinstance(message.id, str) else tuple(
            message.id[min(i, 1)] for i in range(catalog.num_plurals)
        )
        message.flags.discard("fuzzy")
    with open(path, "wb") as target:
        write_po(target, catalog, width=0)


@bp.cli.command("compile")
def compile_catalogs():
    """Compile the catalogs to .mo files (not committed; done on install and before tests)."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


@bp.cli.command("init")
@click.argument("language")
def init(language):
    """Start a catalog for a new language."""
    _pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", language, "--no-wrap")


rules_bp = Blueprint("rules", __name__, cli_group="rules")


@rules_bp.cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def export_rules(path):
    """Write the rule data of the browser's evaluator (as served at /api/v1/rules) to PATH."""
    from pathlib import Path

    from ..rules.export import rules_json

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rules_json(), encoding="utf-8")


@rules_bp.cli.command("check")
@click.option("--today", "on_day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="check as on this day (default: today in Kazakhstan)")
def check_rules_command(on_day):
    """Check the rule data: sources, periods, holiday calendar (errors fail; warnings do not)."""
    from ..rules.check import check_rule_data
    from ..rules.ruleset import rule_book
    from .today import today

    day = on_day.date() if on_day else today()
    report = check_rule_data(day)
    book = rule_book()
    click.echo(f"{len(book.rule_sets)} rule sets, {len(book.sources)} sources, last checked {book.last_checked}; "
               f"checked as on {day}.")
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if report.errors:
        raise SystemExit(1)
    click.echo("The rule data is complete." + (" Read the warnings above." if report.warnings else ""))


golden_cli = AppGroup("golden", help="Python's outputs that the phone's modules must give too (tests/js/golden.test.mjs).")


@golden_cli.command("write")
@click.argument("directory", type=click.Path(file_okay=False, writable=True))
@click.option("--count", default=10_000, show_default=True, help="cases at least for each module, from the seeded random corpora")
@click.option("--workers", default=None, type=int, help="processes (default: up to 2)")
def write_golden_command(directory, count, workers):
    """Write the golden files (rule data, words, vectors and corpora with their outputs) to DIRECTORY."""
    import time
    from pathlib import Path

    from flask import current_app

    from ..golden import write_golden

    started = time.perf_counter()
    counts = write_golden(current_app._get_current_object(), Path(directory), count, workers)
    click.echo(f"{counts['vectors']} vectors, {counts['corpus']} random plans, {counts['documents']} answer sets "
               f"for the documents and {counts['countries']} typed countries written to {directory} "
               f"in {time.perf_counter() - started:.1f} s.")


# Added with the rules' commands, so that create_app need not know of one more blueprint.
rules_bp.record_once(lambda state: state.app.cli.add_command(golden_cli))


errors_cli = AppGroup("errors", help="The small error pages nginx sends itself (deploy/nginx-tirkeu.conf).")
ERROR_PAGES = ROOT / "static" / "errors"
# What nginx answers itself: a body too large, an address too long, headers too large (nginx's
# 494, sent as a 400), an invalid request, a client over its limits, no instance answering, an
# instance answering too late.
NGINX_ERRORS = (400, 413, 414, 429, 502, 504)


def error_pages() -> dict[str, str]:
    """Each page's path under static/errors/ and its text: {language}/{code}.html."""
    from .errors import small_error_page
    from .i18n import LANGUAGES

    return {f"{language}/{code}.html": small_error_page(code, language) for language in LANGUAGES for code in NGINX_ERRORS}


@errors_cli.command("write")
@click.argument("directory", type=click.Path(file_okay=False, writable=True), default=str(ERROR_PAGES))
def write_error_pages(directory):
    """Write nginx's error pages, from the app's templates and catalogs, to DIRECTORY (static/errors/)."""
    from pathlib import Path

    pages = error_pages()
    for name, text in pages.items():
        path = Path(directory) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    click.echo(f"{len(pages)} error pages written to {directory}.")


rules_bp.record_once(lambda state: state.app.cli.add_command(errors_cli))

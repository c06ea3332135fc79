"""/<lang>/host: the same page for every host, in the host's language; the guests' details are
filled in on the host's phone from the link's "#", which never reaches the server."""
from __future__ import annotations

from flask import Blueprint, render_template

from ..deadlines.explain import source_view
from ..documents.content import numeric_date
from ..pwa.offline import OPENED, keep
from .content import DUTIES, FINE, FINE_SOURCE, QUESTIONS

bp = Blueprint("host", __name__, url_prefix="/<lang:lang>")


@bp.get("/host")
@keep(OPENED)
def page():
    source = source_view(FINE_SOURCE)
    fine = FINE % {"source": source.host, "date": numeric_date(source.checked)}
    return render_template("host/page.html", duties=DUTIES, fine=fine, questions=QUESTIONS)

"""Your proof of registration: documents kept on the phone only (static/js/proof-wallet.js), which
mark the registration step of "My deadlines" done. The kinds and messages are in words.py."""
from __future__ import annotations

from flask import Blueprint, render_template

from ..messages import DATE_PARTS_ERRORS, FIELD_ERRORS
from ..pwa.offline import AFTER_READY, keep
from .words import MAX_FILE_MB, PROOF_ERRORS, PROOF_KINDS, PROOF_SOURCES

bp = Blueprint("proof", __name__, url_prefix="/<lang:lang>")


@bp.get("/proof")
@keep(AFTER_READY)
def wallet():
    messages = {**{key: str(text) for key, text in PROOF_ERRORS.items()},
                **{key: str(FIELD_ERRORS[key]) for key in DATE_PARTS_ERRORS}}
    return render_template("proof/wallet.html", kinds={key: str(text) for key, text in PROOF_KINDS.items()},
                           messages=messages, sources=PROOF_SOURCES, max_mb=MAX_FILE_MB)

"""The proof wallet's words: the kinds of document a person keeps on the phone as proof of their
registration, and the messages of its form (static/js/proof-wallet.js checks it on the phone: the
documents never reach the server)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

MAX_FILE_MB = 20
# The first two prove the registration step of "My deadlines" done (kept-files.js): a notification
# the host's notice, a certificate the 2026 self-registration.
PROOF_KINDS = {
    "notification": _l("Notification of arrival (the PDF with a QR code your host received)"),
    "certificate": _l("Registration certificate (from your personal account, from 1 July 2026)"),
    "other": _l("Another document about your stay"),
}
PROOF_ERRORS = {
    "required_kind": _l("Choose which document it is"),
    "required_date": _l("Enter the date on the document"),
    "date_ahead": _l("The date on the document cannot be after today"),
    "required_file": _l("Choose the PDF or the photo of the document"),
    "wrong_type": _l("The file must be a PDF or a photo"),
    "too_big": _l("The file is larger than %(size)d MB. Choose a smaller file or take a photo of the document.",
                  size=MAX_FILE_MB),
    "not_kept": _l("This phone could not keep the file: it may be short of space. Free some space and try again."),
}
# "Accepted" without the PDF is not done (a personal guide); the 2026 certificate (a news report).
PROOF_SOURCES = ("creewick-arrival-notice", "trend-order-923")

"""What the host's page says: for each kind of registration, three steps (what arrives or what
you need, what to check, what to press) with their sources, and the host's questions, answered
from the sources or said to be not found (the research of 2026-12-03, rules/data/sources.json).
Which kind applies to a guest is the guest's plan's (`duty` in static/js/core/document-values.js):
"self" where the guest registers online and the host confirms, "notice" where the host notifies."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..guidance.content import CHILDREN, Answer


@dataclass(frozen=True)
class Duty:
    key: str  # the plan's duty: "self", "notice" (a plan with no date: "undated", shown as "notice")
    title: object
    date_label: object  # beside each guest's date
    steps: tuple  # (what, text) pairs
    sources: tuple[str, ...]
    date_note: object = None


DUTIES = (
    Duty(
        "self", _l("You confirm your guest's registration"), _l("Confirm by"),
        (
            (_l("What arrives"), _l("Once your guest has entered their details and your address in the migration police information system, you get a request in a mobile app to confirm that they stay with you. No source we read names the app.")),
            (_l("What to check"), _l("That the request is for your guest: the name, the document's number and the date of birth as on this page, and your own address.")),
            (_l("What to press"), _l("Confirm before your guest's date. If the details are wrong, or the guest does not stay with you, refuse: the guest cannot then be registered at your address.")),
        ),
        ("inform-order-923", "trend-order-923"),
        _l("The sources give your guest's last day to be registered, not a day of your own: confirm before it."),
    ),
    Duty(
        "notice", _l("You notify the migration police of your guest's arrival"), _l("Notify by"),
        (
            (_l("What you need"), _l("Your digital signature (EDS) for vmp.gov.kz or eqonaq.kz, or the E-Qonaq mobile app; or go in person to the migration police.")),
            (_l("What to check"), _l("Type in your guest's details from this page exactly as they are in the guest's passport, and your address.")),
            (_l("What to press"), _l("Submit the notice by your guest's date. Keep the PDF with the QR code you receive and give your guest a copy: no PDF means it is not done, so submit again.")),
        ),
        ("dos-notification-channels", "zhaikpress-channels", "wpk-notification"),
    ),
)

FINE = _l("If the notice is late, the host answers for it: a warning for a private person; a fine of 10 monthly calculation indices for an official, a small business or a non-profit, 15 for a medium and 20 for a large business (Code of Administrative Offences, article 518; %(source)s, checked %(date)s).")
FINE_SOURCE = "kodeksy-518"

# The host's questions. What the sources say, then what none of them says.
QUESTIONS = (
    Answer(
        "not-owner", _l("I am not the owner (a relative, a tenant)"),
        (
            _l("Before 1 July 2026 the duty to notify is on those who receive foreigners: people and organisations, among them the owners of flats and other housing, hotels, hostels and dormitories."),
            _l("From 1 July 2026 the reports of the new rules speak of “the person providing the place of stay”, not of the owner: that person gets the request in the mobile app and confirms or refuses."),
        ),
        ("oqu-receiving-persons", "dos-notification-channels", "inform-order-923", "zakon-kk-order-923"),
        _l("No source we read says whether a tenant or a relative who lives there may notify or confirm instead of the owner, or whether the owner must agree. Ask the migration police or call 1414."),
    ),
    Answer(
        "no-message", _l("No message has come"),
        (
            _l("Before 1 July 2026: if you notified online and no PDF with a QR code came, the notice is not done. A guide written by a foreigner says the service sometimes shows the application as accepted without answering, and to send it again."),
        ),
        ("creewick-arrival-notice",),
        _l("From 1 July 2026: no source we read says what to do when the request to confirm does not come, nor gives you a deadline of your own; only your guest's deadline is known. Ask your guest whether they have sent their registration with your address, and ask the migration police or call 1414."),
    ),
    Answer(
        "details-wrong", _l("The guest's details are wrong"),
        (
            _l("From 1 July 2026 wrong details are a ground to refuse the registration, as are a stay already over its limit and the refusal of the one who provides the place. Do not confirm a request with details that are not your guest's: refuse it and tell your guest."),
            _l("Before 1 July 2026 you type the details yourself: take them from the guest's passport, not from memory or from this page alone."),
        ),
        ("24kg-order-923", "trend-order-923"),
        _l("No source we read says how a host corrects or withdraws a notice already sent, nor whether a guest whose registration was refused enters the details again. Ask the migration police or call 1414."),
    ),
    CHILDREN,
)

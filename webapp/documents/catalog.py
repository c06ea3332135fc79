"""The documents Tirkeu prepares: name (in URLs and the API), title, template and sources.

Each is a prepared data sheet, never a copy of an official form: no official layout was found
(the team's research notes on the rules; docs/design.md), so each says so on the page.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Document:
    name: str
    title: object  # lazy string
    summary: object
    template: str
    sources: tuple[str, ...]
    page: str = "A4"
    # Its words in the reader's language first, then Russian and Kazakh (content.card_languages);
    # the sheets' are Russian, then Kazakh. The first is the PDF's /Lang.
    reader_first: bool = False


DOCUMENTS = (
    Document("registration-sheet", _l("Registration data sheet"),
             _l("Every field the online registration and the host's notification ask for, filled in, in Russian and Kazakh."),
             "documents/pdf/registration_sheet.html", ("trend-order-923", "24kg-order-923", "dos-notification-channels")),
    Document("host-sheet", _l("Sheet for your host"),
             _l("What your host must confirm or notify, how to do it, with your details ready to type in."),
             "documents/pdf/host_sheet.html",
             ("trend-order-923", "wpk-notification", "dos-notification-channels", "kodeksy-518")),
    Document("iin-sheet", _l("IIN visit sheet"),
             _l("What to bring to the Public Service Centre (ЦОН) for an IIN, and the data they will ask for."),
             "documents/pdf/iin_sheet.html", ("zakon-iin-2024", "bizmedia-iin-2024", "govkz-nonresidents", "adilet-iin-rules")),
    Document("card", _l("Card to show an officer"),
             _l("One small page with your passport, entry, address, host and dates, in your language, Russian and Kazakh."),
             "documents/pdf/card.html", ("trend-order-923", "astanatimes-2023-visa-run"), page="A6", reader_first=True),
)
BY_NAME = {document.name: document for document in DOCUMENTS}

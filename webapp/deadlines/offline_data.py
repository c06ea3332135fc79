"""What the phone needs to write a result page in its language with no network: the language's
messages (as the catalogs have them), date words, country and checkpoint names, source titles.
Embedded as JSON in /<lang>/deadlines/offline, which the service worker keeps."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from flask_babel import get_translations

from ..documents.answers import STEPS
from ..messages import HOLIDAYS, OBLIGATION_STEPS, OBLIGATION_TITLES, WARNINGS
from ..rules import rule_book
from ..rules.inputs import ACCOMMODATIONS
from ..rules.places import checkpoints
from ..web.config import ROOT
from ..web.i18n import calendar_words, long_date, place_name
from ..web.links import phone_links
from .calendar_file import ACT_NOW_WARNINGS, REMINDER_BEFORE
from .explain import NEAR_DAYS, NOTE_WARNINGS, STEP_NOTES, URGENT_WARNINGS, rule_set_label, source_view

# The phone's result page: its layout and the modules that word it. The golden test proves this
# finds every message they use (one missing would be written in English, and differ from Python's).
RENDERERS = tuple(ROOT / "static" / "js" / name
                  for name in ("offline-plan.js", "core/words.js", "core/explain.js", "core/calendar.js"))
# The first string argument of _("...") and ngettext("...", ...) in the renderer.
JS_MESSAGE = re.compile(r'(?<![\w.])(?:_|ngettext)\(\s*("(?:[^"\\]|\\.)*")')


@lru_cache(maxsize=1)
def renderer_msgids() -> frozenset[str]:
    """The messages the phone's renderer uses: only those travel to the phone."""
    return frozenset(json.loads(literal) for renderer in RENDERERS
                     for literal in JS_MESSAGE.findall(renderer.read_text(encoding="utf-8")))


def message_key(msgid: str) -> str:
    """A message's short name on the phone: FNV-1a (32 bits) of its UTF-16 code units, in base 36,
    as static/js/core/words.js key() computes it. The English msgid itself would travel in every
    language's page beside its translation: about 1.7 KB compressed per page of the precache."""
    value = 0x811C9DC5
    units = msgid.encode("utf-16-le")
    for i in range(0, len(units), 2):
        value = ((value ^ int.from_bytes(units[i:i + 2], "little")) * 0x01000193) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, digit = divmod(value, 36)
        out = digits[digit] + out
        if not value:
            return out


def keyed(messages: dict) -> dict:
    """`messages` by their short names; two messages never share one (a collision fails here, not
    on a phone, which would show the wrong sentence)."""
    out = {message_key(msgid): text for msgid, text in messages.items()}
    if len(out) != len(messages):
        raise ValueError("two messages share a short name: change message_key")
    return out


def catalog_messages() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The renderer's messages in the current language: {msgid: text}, {singular: [plural forms]}."""
    catalog = get_translations()._catalog  # gettext keeps plural forms under (msgid, index)
    wanted = renderer_msgids()
    messages: dict[str, str] = {}
    plurals: dict[str, dict[int, str]] = {}
    for key, text in catalog.items():
        if isinstance(key, tuple):
            if key[0] in wanted:
                plurals.setdefault(key[0], {})[key[1]] = text
        elif key in wanted and text != key:  # the phone writes a message missing here as its id
            messages[key] = text
    return messages, {k: [forms[i] for i in sorted(forms)] for k, forms in plurals.items()}


def plural_forms() -> str:
    """The catalog's own plural rule, the expression of its Plural-Forms header that gettext
    evaluates here ("(n != 1)"), so that the phone picks the same form as the server."""
    header = get_translations()._catalog.get("", "")
    forms = next(line.split(":", 1)[1] for line in header.splitlines() if line.lower().startswith("plural-forms:"))
    return forms.split("plural=", 1)[1].strip().rstrip(";")


def offline_data(language: str) -> dict:
    messages, plurals = catalog_messages()
    book = rule_book()
    return {
        "language": language,
        "reminder_days": REMINDER_BEFORE.days,  # the calendar file's reminder, as the server's
        "near_days": NEAR_DAYS,  # a date this close has the orange tag, as on the server's page
        "links": phone_links(),  # phone numbers and sites as links, as the server's `linked`
        "documents_step": STEPS[0],  # "Prepare my documents" starts there, with the case
        "urgent_warnings": sorted(URGENT_WARNINGS),
        "note_warnings": sorted(NOTE_WARNINGS),  # folded under the result's notes, as on the server's page
        "step_notes": sorted(STEP_NOTES),  # a registration's lines under "More about this step"
        "act_now_warnings": sorted(ACT_NOW_WARNINGS),
        "messages": keyed(messages),
        "plurals": keyed(plurals),
        "plural_forms": plural_forms(),
        "calendar": calendar_words(language),
        "checkpoints": {point["id"]: place_name(point, language) for point in checkpoints()},
        "holidays": {name: str(text) for name, text in HOLIDAYS.items()},
        "warnings": {code: str(text) for code, text in WARNINGS.items()},
        "accommodations": list(ACCOMMODATIONS),  # the answers "Where are you staying?" takes
        "obligation_titles": {key: str(text) for key, text in OBLIGATION_TITLES.items()},
        "obligation_steps": {key: str(text) for key, text in OBLIGATION_STEPS.items()},
        "rule_sets": {r.id: rule_set_label(r.id) for r in book.rule_sets},
        "sources": {
            source_id: {"title": view.title, "url": view.url, "checked": long_date(view.checked)}
            for source_id, view in ((s, source_view(s)) for s in book.plan_sources)
        },
    }

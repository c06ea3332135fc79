"""Phone numbers and official sites named in a text, as links: the hotline is a `tel:` link, a
site a link to it. The same list reaches the phone's result page (deadlines/offline_data.py,
static/js/offline-plan.js `linked`), so both write the same links around the same words."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

# What is written in the text -> where the link goes (/work/shared/research/kz-rules.md: the
# unified contact centre 1414, free; vmp.gov.kz, egov.kz, eqonaq.kz for the host's notice).
LINKS = {
    "1414": "tel:1414",
    "vmp.gov.kz": "https://vmp.gov.kz",
    "egov.kz": "https://egov.kz",
    "eqonaq.kz": "https://eqonaq.kz",
}
# A whole word only: not the digits of a date or a longer number, not part of another site's name.
PATTERN = r"(?<![\w.])(" + "|".join(re.escape(word) for word in sorted(LINKS, key=len, reverse=True)) + r")(?![\w-]|\.\w)"
_WORDS = re.compile(PATTERN)


def linked(text) -> Markup:
    """`text`, escaped, with each phone number and site in LINKS as a link."""
    return Markup(_WORDS.sub(lambda m: f'<a href="{LINKS[m.group(1)]}">{m.group(1)}</a>', str(escape(text))))


def phone_links() -> dict:
    """For the phone: the same words and links (static/js/offline-plan.js makes the same pattern)."""
    return LINKS

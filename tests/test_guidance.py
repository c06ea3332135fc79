"""What if…, the border checklist and the proof wallet: every claim cites sources that exist, and
each page says where the sources stop."""
from __future__ import annotations

import html5lib
import pytest

from webapp.guidance.content import CHECKLIST, WHAT_IF
from webapp.proof.words import PROOF_SOURCES
from webapp.rules import rule_book

from .html_checks import check_page


def parse(html: bytes):
    check_page(html.decode())
    return html5lib.parse(html, namespaceHTMLElements=False)


def test_every_cited_source_is_in_the_data():
    sources = rule_book().sources
    cited = {s for answer in WHAT_IF for s in answer.sources} | {s for item in CHECKLIST for s in item.sources}
    cited |= set(PROOF_SOURCES) | {"kodeksy-518"}
    assert cited - set(sources) == set()
    # Every answer rests on sources and says what they do not say.
    assert all(answer.sources and answer.unknown for answer in WHAT_IF)


def test_the_phone_gets_only_the_sources_a_result_can_cite(client):
    """The host's note, the wallet and the guidance cite their sources on their own pages: the
    precached data for results and documents stays as small as the rules need."""
    data = client.get("/api/v1/documents/print-data").get_json()
    assert "oq-overstay" not in data["sources"] and "kodeksy-518" not in data["sources"]
    assert set(data["sources"]) == set(rule_book().plan_sources)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_what_if_answers_with_sources_and_says_what_is_not_known(client, lang):
    page = parse(client.get(f"/{lang}/what-if").data)
    # Each answer folded under its question, with the answer's id (a link to /what-if#<id> opens it).
    sections = page.findall(".//details[@class='details question']")
    assert [s.get("id") for s in sections] == [answer.id for answer in WHAT_IF]
    for section in sections:
        assert section.find("summary").text.strip()
        links = section.findall(".//details[@class='details sources-details']//ul[@class='sources']/li/a")
        assert links and all(a.get("href").startswith("https://") for a in links)
        assert section.find(".//p[@class='not-found']") is not None


def test_what_if_in_english_says_what_the_sources_say(client):
    text = client.get("/en/what-if").get_data(as_text=True)
    assert "more than 3 days up to 5 days a fine of 10 monthly calculation indices" in text
    assert "We did not find the article's text for overstays of more than 5 days" in text
    assert "oq.gov.kz" in text and "Checked on 25 November 2026." in text


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_checklist_has_a_box_per_item_kept_on_the_phone(client, lang):
    page = parse(client.get(f"/{lang}/checklist").data)
    form = page.find(".//form[@data-journey='checklist']")
    boxes = form.findall(".//input[@type='checkbox']")
    assert [b.get("name") for b in boxes] == [item.id for item in CHECKLIST]
    for box in boxes:  # every box has its label
        assert page.find(f".//label[@for='{box.get('id')}']") is not None

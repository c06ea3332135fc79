"""Every PDF is tagged for a screen reader (PDF/UA-1: every text in the structure tree, tables with
header cells, each part's language, the title and XMP metadata), and nothing splits across pages:
a label and its value, a row, a step, a heading and what follows it stay on one page. Checked for
every document in ru, kk and en, with typical answers and with the longest the forms accept."""
from __future__ import annotations

import copy
import re
from functools import cache

import pytest

from webapp.documents.catalog import BY_NAME, DOCUMENTS
from webapp.documents.content import DOCUMENT_LANGUAGES, LABELS, card_languages, in_language
from webapp.documents.group import MAX_ADULTS

from .documents_data import api_answers, longest_answers
from .pdf_structure import Element, TaggedPdf, read

NAMES = [d.name for d in DOCUMENTS]
LANGUAGES = ["ru", "kk", "en"]


def largest_group() -> dict:
    """The longest answers for as many adults as travel together, each with ten children: the
    host's sheet has a part for each."""
    answers = longest_answers()
    other = {key: copy.deepcopy(answers[key]) for key in ("person", "passport", "entry", "children")}
    answers["others"] = [copy.deepcopy(other) for _ in range(MAX_ADULTS - 1)]
    return answers


CASES = {"typical": api_answers, "longest": longest_answers, "group": largest_group}


@pytest.fixture(autouse=True)
def translated(app):
    """The documents' words are looked up in each language (content.in_language)."""
    with app.test_request_context():
        yield


@pytest.fixture(scope="module")
def render(app):
    client = app.test_client()

    @cache
    def pdf(name: str, language: str, case: str) -> TaggedPdf:
        response = client.post(f"/api/v1/documents/{name}.pdf", json=CASES[case](), headers={"Accept-Language": language})
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        return read(response.data)

    return pdf


def languages_of(name: str, language: str) -> tuple[str, ...]:
    return card_languages(language) if BY_NAME[name].reader_first else DOCUMENT_LANGUAGES


def label_words(language: str) -> set[str]:
    """Every label's words in `language`, as a part of a label cell shows them."""
    return {" ".join(in_language(text, language).split()) for text in LABELS.values()}


def blocks(element: Element) -> list[Element]:
    """The document's blocks in reading order: headings, rows, steps, paragraphs (not those inside
    another block), without the page numbers."""
    if element.tag in ("H1", "H2", "TR", "LI", "P"):
        return [element]
    if element.tag == "NonStruct" and re.fullmatch(r"\d+ / \d+", element.text()):
        return []
    return [block for child in element.children for block in blocks(child)]


@pytest.mark.parametrize("case", ["typical", "longest"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_every_text_is_in_a_tag_and_the_title_and_language_are_set(render, name, language, case):
    pdf = render(name, language, case)
    assert pdf.marked and pdf.display_title
    assert not pdf.untagged, [run.text for run in pdf.untagged][:5]
    assert not pdf.orphans, [run.text for run in pdf.orphans][:5]
    first = languages_of(name, language)[0]
    assert pdf.lang == first
    title = " / ".join(in_language(BY_NAME[name].title, lang) for lang in languages_of(name, language)) + " — Tirkeu"
    assert pdf.title == title
    assert pdf.xmp["{http://purl.org/dc/elements/1.1/}title"] == title
    assert pdf.xmp["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
    headings = pdf.elements("H1")
    assert len(headings) == 1 and headings[0].text().startswith(in_language(BY_NAME[name].title, first))


@pytest.mark.parametrize("case", ["typical", "longest"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_tables_have_header_cells_and_each_value_names_its_label(render, name, language, case):
    pdf = render(name, language, case)
    tables = pdf.elements("Table")
    assert tables
    for table in tables:
        headers = {cell.attributes["ID"]: cell for cell in table.walk() if cell.tag == "TH"}
        for row in (e for e in table.walk() if e.tag == "TR"):
            th = [cell for cell in row.children if cell.tag == "TH"]
            td = [cell for cell in row.children if cell.tag == "TD"]
            assert len(th) == 1 and len(td) == 1, row.text()
            assert [str(h) for h in td[0].attributes["/Headers"]] == [th[0].attributes["ID"]]
            assert th[0].attributes["ID"] in headers


@pytest.mark.parametrize("case", ["typical", "longest"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_each_language_is_marked_where_it_is_used(render, name, language, case):
    """Every label is in the document's languages, each part marked with its own and holding that
    language's words; the values (names, numbers, places as typed) are in the document's first."""
    pdf = render(name, language, case)
    expected = languages_of(name, language)
    words = {lang: label_words(lang) for lang in expected}
    for cell in pdf.elements("TH"):
        # An element that wraps onto a second line is a part for each line: the same language.
        parts = [e for e in cell.walk() if e.own_lang]
        merged: list[tuple[str, str]] = []
        for part in parts:
            if merged and merged[-1][0] == part.own_lang:
                merged[-1] = (part.own_lang, merged[-1][1] + " " + part.text())
            else:
                merged.append((part.own_lang, part.text()))
        assert tuple(lang for lang, _ in merged) == expected, cell.text()
        for own_lang, words_there in merged:
            # A line may end at a hyphen ("аты-" / "жөні"): no space is there in the label.
            text = " ".join(words_there.removeprefix("/ ").split()).replace("- ", "-")
            assert text in words[own_lang], (own_lang, text)
    kazakh = [e for e in pdf.root.walk() if e.own_lang == "kk"]
    assert kazakh and all(e.text() for e in kazakh)
    # The words around the sources too ("checked", "Prepared on"), in every language of the document.
    for lang in expected:
        # (an element wrapped onto two lines is one for each: their texts joined)
        in_it = " ".join(e.text().removeprefix("/ ") for e in pdf.root.walk() if e.own_lang == lang)
        assert in_language(LABELS["made_on"], lang) in in_it, lang
        if not BY_NAME[name].reader_first:
            assert in_language(LABELS["checked"], lang) in in_it, lang
    # A value is as typed (names, numbers, streets), in no language of its own; a name chosen
    # from a list is printed in each language of the document, each part marked with its own.
    names = {"ru": {in_language(LABELS["male"], "ru"), "Россия", "Западно-Казахстанская область", "Кайрак"},
             "kk": {in_language(LABELS["male"], "kk"), "Ресей", "Батыс Қазақстан облысы", "Қайрақ"}}
    marked = [(e.own_lang, e.text()) for cell in pdf.elements("TD") for e in cell.walk() if e.own_lang]
    assert {lang for lang, _ in marked} == set(expected)
    for lang in DOCUMENT_LANGUAGES:
        assert names[lang] & {text for own, text in marked if own == lang}, (lang, marked)
    for own, text in marked:  # a Kazakh name is never marked Russian, nor the reverse
        assert not any(text in names[lang] for lang in DOCUMENT_LANGUAGES if lang != own), (own, text)


@pytest.mark.parametrize("case", ["typical", "longest", "group"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_nothing_splits_across_pages(render, name, language, case):
    if case == "group" and name != "host-sheet":
        pytest.skip("only the host's sheet lists every adult of a group")
    pdf = render(name, language, case)
    order = blocks(pdf.root)
    for block in order:
        pages = {run.page for run in block.all_runs()}
        assert len(pages) == 1, f"{block.tag} split across pages {sorted(pages)}: {block.text()[:80]}"
    for row in (b for b in order if b.tag == "TR"):
        label, value = (next(c for c in row.children if c.tag == tag) for tag in ("TH", "TD"))
        assert label.text() and value.text(), f"a row without its label or value on page {row.page + 1}: {row.text()[:80]}"
        # The value starts on the label's line: the tops of their first lines, within a line's height.
        first_label, first_value = max(label.all_runs(), key=lambda r: r.y), max(value.all_runs(), key=lambda r: r.y)
        assert abs(first_label.y - first_value.y) < 6, row.text()[:80]
    for heading, following in zip(order, order[1:], strict=False):
        if heading.tag in ("H1", "H2"):
            assert heading.all_runs()[0].page == following.all_runs()[0].page, \
                f"the heading {heading.text()[:60]!r} ends page {heading.all_runs()[0].page + 1}"
    assert len({run.page for run in pdf.root.all_runs()}) == len(set(range(max(r.page for r in pdf.root.all_runs()) + 1)))

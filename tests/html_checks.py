"""Parses a page the way a reviewer would check it: ids, labels, forms, text."""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import html5lib


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.inputs: list[dict] = []
        self.forms: list[dict] = []
        self.links: list[dict] = []
        self.title = ""
        self._in_title = False
        self.text: list[str] = []
        self._skip = 0
        self._template = 0  # a <template>'s content is inert: not part of the page until copied

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self._template += 1
        if self._template:
            return
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.inputs.append({"tag": tag, **attrs})
        if tag == "form":
            self.forms.append(attrs)
        if tag == "a":
            self.links.append(attrs)
        if tag == "title":
            self._in_title = True
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "template":
            self._template -= 1
        if tag == "title":
            self._in_title = False
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._template:
            return
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.text.append(data)

    @property
    def plain_text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text)).strip()


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def check_page(html: str) -> PageParser:
    """Asserts what every page must satisfy; returns the parsed page for further checks."""
    html5lib.HTMLParser(strict=True).parse(html)  # raises on any HTML parse error
    page = parse(html)
    duplicates = [i for i, n in Counter(page.ids).items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    for field in page.inputs:
        assert field.get("id") in page.label_for, f"input without a label: {field}"
    for form in page.forms:
        assert form.get("action"), "form without an action"
    assert page.title.strip()
    return page

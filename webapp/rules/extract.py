"""Babel extractor for the rule data: the source titles in data/sources.json are messages."""
from __future__ import annotations

import json


def extract_sources(fileobj, keywords, comment_tags, options):
    data = json.load(fileobj)
    for source_id, source in data["sources"].items():
        yield 0, None, source["title"], [f"source: {source_id}"]

"""One person's case, shared by both journeys: which field of "My deadlines" (deadlines/forms.py)
and which of "Prepare my documents" (documents/answers.py) hold each part of it, and the values
that differ between them. No Flask here.

Without JavaScript the result page carries the case to the documents' first step as a query
(`documents_query`); with it, static/js/answers.js copies the parts from one journey's record on
the phone to the other's, with the same table, which reaches the phone in the store's schema
(webapp/pwa/store.py). The answers themselves never reach the server's disk or logs.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

DATE_PARTS = ("day", "month", "year")

# Each part of the case: its field in "My deadlines", its field in the documents, whether it is a
# date typed in three boxes (<name>-day, -month, -year), and a map of values where they differ.
PARTS = (
    {"part": "citizenship", "deadlines": "citizenship", "documents": "person-citizenship"},
    {"part": "entry_date", "deadlines": "entry_date", "documents": "entry-date", "date": True},
    # "Another checkpoint or an airport" is the documents' only: "My deadlines" has no such choice.
    {"part": "checkpoint", "deadlines": "checkpoint", "documents": "entry-checkpoint", "skip": ["other"]},
    {"part": "exit_date", "deadlines": "exit_date", "documents": "exit_date", "date": True},
    {"part": "earlier_stays", "deadlines": "earlier_stays", "documents": "earlier_stays"},
    # Where they stay: the deadlines' accommodation is the documents' kind of host. One line a kind;
    # "none" (no place yet) has no host in the documents, so it is not carried.
    {"part": "accommodation", "deadlines": "accommodation", "documents": "host-kind",
     "values": {"private": "person", "hotel": "hotel", "employer": "organisation", "dormitory": "dormitory"}},
)
# The earlier stays, rows of the same fields in both: <prefix>-<n>-entry, -exit (dates). "My
# deadlines" carries its answers in its address, which must hold all its rows (rules/inputs.py
# MAX_PREVIOUS_STAYS) well under the 8 KB nginx and gunicorn take: its prefix is one letter. Its
# addresses and phones from before named them as the documents do (`formerly`): read as today's.
ROWS = {"prefix": {"deadlines": "s", "documents": "previous_stays"}, "fields": ("entry", "exit"),
        "formerly": {"deadlines": "previous_stays"}}


def _names(part: dict, journey: str) -> list[str]:
    name = part[journey]
    return [f"{name}-{p}" for p in DATE_PARTS] if part.get("date") else [name]


def _row_index(key: str, prefix: str) -> str | None:
    """The index of `<prefix>-<index>-…` when it is a plain number (as WTForms' FieldList reads it)."""
    index = key[len(prefix) + 1:].split("-", 1)[0] if key.startswith(prefix + "-") else ""
    return index if index.isascii() and index.isdigit() and len(index) <= 6 else None


def _row_keys(answers: Mapping[str, str], journey: str) -> Iterable[tuple[str, str]]:
    """(key, the same key under the row prefix of neither journey: <n>-entry-day) for each row answer."""
    prefix = ROWS["prefix"][journey]
    for key in answers:
        rest = key[len(prefix) + 1:].split("-") if _row_index(key, prefix) is not None else []
        if len(rest) == 3 and rest[1] in ROWS["fields"] and rest[2] in DATE_PARTS:
            yield key, key[len(prefix) + 1:]


def current_rows(pairs: Iterable[tuple[str, str]], journey: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of an address or a record with the rows of `journey` under their
    former names (ROWS["formerly"]) renamed as today: <former>-<n>-… is <prefix>-<n>-…, after any
    row of today's name already there (so that none is lost or overwritten). As static/js/core/store.js
    renamedRows, which the phone's store applies to its records."""
    pairs = list(pairs)
    former = ROWS["formerly"].get(journey)
    if not former:
        return pairs
    prefix = ROWS["prefix"][journey]
    today_s = [int(i) for key, _value in pairs if (i := _row_index(key, prefix)) is not None]
    offset = max(today_s) + 1 if today_s else 0
    out = []
    for key, value in pairs:
        index, dash, rest = key[len(former) + 1:].partition("-")
        if dash and _row_index(key, former) is not None:
            key = f"{prefix}-{int(index) + offset}-{rest}"
        out.append((key, value))
    return out


def carried(answers: Mapping[str, str], source: str, target: str) -> dict[str, str]:
    """The case's parts among `answers` of journey `source`, named as journey `target` names them.
    A value with no counterpart (an accommodation "none") is not carried; rows under their former
    names are carried as today's."""
    answers = dict(current_rows(answers.items(), source))
    out: dict[str, str] = {}
    for part in PARTS:
        values = part.get("values", {})
        mapping = values if source == "deadlines" else {v: k for k, v in values.items()}
        for from_name, to_name in zip(_names(part, source), _names(part, target), strict=True):
            value = (answers.get(from_name) or "").strip()
            if value in part.get("skip", ()):
                value = ""
            elif values:
                value = mapping.get(value, "")
            if value:
                out[to_name] = value
    for key, row in _row_keys(answers, source):
        if value := (answers.get(key) or "").strip():
            out[f"{ROWS['prefix'][target]}-{row}"] = value
    return out


def accommodation(host_kind: str | None) -> str | None:
    """The deadlines' accommodation for the documents' kind of host (None: none that matches)."""
    part = next(p for p in PARTS if p["part"] == "accommodation")
    return {v: k for k, v in part["values"].items()}.get(host_kind or "")


def documents_query(answers: Mapping[str, str]) -> dict[str, str]:
    """The documents' first step's query for the answers of "My deadlines"."""
    return carried(answers, "deadlines", "documents")


def phone_case() -> dict:
    """The table for the phone (static/js/answers.js): the same parts, in the store's schema."""
    keys = ("deadlines", "documents", "date", "values", "skip")
    return {"parts": [{key: part[key] for key in keys if key in part} for part in PARTS],
            "rows": dict(ROWS, fields=list(ROWS["fields"])), "date_parts": list(DATE_PARTS)}

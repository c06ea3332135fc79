"""People who travel together: several adults who share one place to stay and one host.

The first adult's answers keep the names of one person's case (person-*, passport-*, entry-*,
exit_date, earlier_stays, previous_stays-*, children-*), so that every link, the answers kept on
phones, the API and the deadlines' carry-over read them as before; each further adult's are the
same names after `others-<n>-`. `people` splits a group's answers into one person's answers for
each adult, the shared stay-* and host-* in each: every document, plan and check of one person
then works on it unchanged. As static/js/core/group.js people(), its twin on the phone (the
documents' golden files prove both give the same).
"""
from __future__ import annotations

from collections.abc import Iterable

OTHERS = "others"
# Ten adults in all, each with up to ten children (answers.MAX_CHILDREN): the groups the issue
# speaks of ("we are seven people") fit, and the wizard's page, which carries every answer as
# hidden fields, stays under the body limit (config MAX_CONTENT_LENGTH, 64 KB) for ten adults
# with a few earlier stays each; the host's sheet stays a few pages.
MAX_ADULTS = 10
# The answers every adult shares: asked once, for all.
SHARED = ("stay", "host")


def other_index(key: str) -> tuple[int, str] | None:
    """(n, the rest) of `others-<n>-<rest>` when n is a plain number, as WTForms' FieldList reads it."""
    if not key.startswith(OTHERS + "-"):
        return None
    index, dash, rest = key[len(OTHERS) + 1:].partition("-")
    if not (dash and index.isascii() and index.isdigit() and len(index) <= 6):
        return None
    return int(index), rest


def people(pairs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """One person's answers for each adult, the first adult's first, then the others in the order
    of their index (at most MAX_ADULTS in all); each has the shared stay-* and host-*."""
    first: dict[str, str] = {}
    shared: dict[str, str] = {}
    others: dict[int, dict[str, str]] = {}
    for key, value in pairs:
        if key.startswith(OTHERS + "-"):
            if (found := other_index(key)) is not None:
                others.setdefault(found[0], {})[found[1]] = value
        elif key.split("-", 1)[0] in SHARED:
            shared[key] = value
        else:
            first[key] = value
    adults = [first] + [others[n] for n in sorted(others)][:MAX_ADULTS - 1]
    return [{**adult, **shared} for adult in adults]

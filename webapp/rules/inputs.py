"""Checks on what a person or a client sends, shared by the form and the JSON API.

Returns error codes per field; the caller words them in the reader's language
(webapp/messages.py). No Flask here.
"""
from __future__ import annotations

from datetime import date, timedelta

from .evaluator import Stay
from .ruleset import rule_book

EARLIEST_DATE = date(2000, 1, 1)
LATEST_TODAY = date(2100, 12, 31)
MAX_PREVIOUS_STAYS = 50
MAX_DAYS_AHEAD = 366  # planning mode: an entry up to a year ahead
# Where the person stays: the kinds of rules/data/accommodation.json, each with its own steps.
ACCOMMODATIONS = tuple(rule_book().accommodation["kinds"])
# The answer to "Have you stayed in Kazakhstan before?": "No earlier stays" and not answered differ
# (a last day counted without the stays a person did not give is no last day to print).
EARLIER_STAYS = ("yes", "no")


def check_entry_date(entry: date, today: date) -> str | None:
    if entry < rule_book().first_entry_covered:
        return "entry_before_rules"
    if entry > today + timedelta(days=MAX_DAYS_AHEAD):
        return "too_far_ahead"
    return None


def check_today(today: date) -> str | None:
    if not EARLIEST_DATE <= today <= LATEST_TODAY:
        return "today_out_of_range"
    return None


def check_citizenship(code: str, known_codes: frozenset[str]) -> str | None:
    if code in rule_book().not_foreigners:
        return "citizen"
    if code not in known_codes:
        return "unknown_country"
    return None


def check_stay_date(day: date, today: date) -> str | None:
    if day < EARLIEST_DATE:
        return "too_early"
    if day > today + timedelta(days=MAX_DAYS_AHEAD):
        return "too_far_ahead"
    return None


def check_stay(stay: Stay) -> str | None:
    """Error code for the exit field of an earlier stay."""
    if stay.exit < stay.entry:
        return "exit_before_entry"
    return None


def check_earlier_stays(answer: str | None, stays: int) -> str | None:
    """Error code for the yes/no answer to earlier stays, given how many stays were added."""
    if answer and answer not in EARLIER_STAYS:
        return "invalid_earlier_stays"
    if answer == "yes" and not stays:
        return "earlier_stays_missing"
    if answer == "no" and stays:
        return "earlier_stays_given"
    return None


def stays_known(answer: str | None, stays: int) -> bool:
    """Whether the earlier stays were answered: "no", or stays given."""
    return answer == "no" or stays > 0

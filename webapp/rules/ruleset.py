"""Loads the rule data (data/*.json): rule sets by date of entry, nationality groups, sources."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
# The parts of a group's rules; each cites its sources.
RULE_PARTS = ("stay", "registration", "address_change", "residence_permit")


def load_data(name: str) -> dict:
    """A file of the data folder (webapp/rules/data)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class RuleSet:
    id: str
    valid_from: date
    valid_to: date | None
    groups: dict
    notes: tuple[dict, ...]  # {"code", "for_rules"?, "params"?, "sources", "why"}: regimes.json

    def covers(self, entry: date) -> bool:
        return self.valid_from <= entry and (self.valid_to is None or entry <= self.valid_to)

    def rule_value(self, path: str):
        """A value of this rule set's rules by its path, "group.part.key" ("eaeu.stay.per_entry")."""
        node = self.groups
        for key in path.split("."):
            node = node[key]
        return node

    def notes_for(self, rules: str | None) -> list[tuple[str, dict]]:
        """The notes a plan under the rules `rules` ("eaeu", "visa_free_30"; None: any) gets, as
        (code, params), the params' rule references resolved."""
        return [(note["code"], self.note_params(note)) for note in self.notes
                if rules is None or "for_rules" not in note or rules in note["for_rules"]]

    def note_params(self, note: dict) -> dict:
        return {name: self.rule_value(value["rule"]) if isinstance(value, dict) else value
                for name, value in note.get("params", {}).items()}

    def cited_sources(self) -> list[str]:
        """Every source its rules cite, once each, in the order of the data."""
        cited = [source for rules in self.groups.values() for part in RULE_PARTS if part in rules
                 for source in rules[part].get("sources") or ()]
        return list(dict.fromkeys(cited))


@dataclass(frozen=True)
class RuleBook:
    rule_sets: tuple[RuleSet, ...]
    groups: dict[str, str]  # ISO country code -> group id
    # group id -> {"rules": the group's rules in a rule set, "warnings": given to all its plans,
    # "cite_list_sources": whether its plans cite nationality_sources} (nationalities.json)
    group_specs: dict[str, dict]
    not_foreigners: frozenset[str]
    sources: dict[str, dict]
    nationality_sources: tuple[str, ...]  # where the list of visa-free countries comes from
    # Where the person stays: the kinds, and per registration kind and place who acts, the step's
    # title and steps (message keys) and sources (accommodation.json).
    accommodation: dict = field(default_factory=dict)

    @property
    def first_entry_covered(self) -> date:
        return min(r.valid_from for r in self.rule_sets)

    @property
    def plan_sources(self) -> list[str]:
        """The sources a result can cite (the rules' and the list of visa-free countries'), in the
        order of the data: what the phone needs offline. The others are cited by the pages that
        show them (the host's note, the proof wallet, "What if…", the border checklist)."""
        cited = [source for rule_set in self.rule_sets for source in rule_set.cited_sources()]
        cited += [source for places in self.accommodation.get("registration", {}).values()
                  for place in places.values() for source in place["sources"]]
        return list(dict.fromkeys(cited + list(self.nationality_sources)))

    def place_rules(self, registration_kind: str, accommodation: str | None) -> dict:
        """Who acts and which steps, for a registration of this kind by where the person stays
        (None: not answered)."""
        return self.accommodation["registration"][registration_kind][accommodation or "not_answered"]

    @property
    def last_checked(self) -> date:
        return max(date.fromisoformat(s["checked"]) for s in self.sources.values())

    def rule_set(self, rule_set_id: str) -> RuleSet:
        return next(r for r in self.rule_sets if r.id == rule_set_id)

    def rule_set_for(self, entry: date) -> RuleSet | None:
        return next((r for r in self.rule_sets if r.covers(entry)), None)

    def group_of(self, country: str) -> str | None:
        """'eaeu', 'visa_free_30', 'visa_free_90_bilateral', or None for visa-required."""
        return self.groups.get(country)

    def windows(self) -> list[tuple[int, int]]:
        """Every (max_days, window_days) limit of the rules, once each, in the order of the data."""
        found = [(rules["stay"]["window"]["max_days"], rules["stay"]["window"]["window_days"])
                 for rule_set in self.rule_sets for rules in rule_set.groups.values() if rules["stay"]["window"]]
        return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def rule_book() -> RuleBook:
    regimes = load_data("regimes.json")
    nationalities = load_data("nationalities.json")
    rule_sets = tuple(
        RuleSet(
            id=r["id"],
            valid_from=date.fromisoformat(r["valid_from"]),
            valid_to=date.fromisoformat(r["valid_to"]) if r["valid_to"] else None,
            groups=r["groups"],
            notes=tuple(r["notes"]),
        )
        for r in regimes["rule_sets"]
    )
    group_specs = {
        group: {"rules": spec["rules"], "warnings": list(spec["warnings"]), "cite_list_sources": spec["cite_list_sources"]}
        for group, spec in nationalities["groups"].items()
    }
    groups = {
        code: group
        for group, spec in nationalities["groups"].items()
        for code in spec["countries"]
    }
    return RuleBook(
        rule_sets=rule_sets,
        groups=groups,
        group_specs=group_specs,
        not_foreigners=frozenset(nationalities["not_foreigners"]),
        sources=load_data("sources.json")["sources"],
        nationality_sources=tuple(nationalities["list_sources"]),
        accommodation=load_data("accommodation.json"),
    )

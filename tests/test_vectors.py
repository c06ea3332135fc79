"""The shared vectors (tests/vectors/*.json) through the Python evaluator and through the API."""
from __future__ import annotations

from datetime import date

import pytest

from webapp.rules import PlanInput, Stay, evaluate

from .conftest import load_vectors

PLAN_VECTORS = load_vectors("registration.json", "stay_limits.json", "warnings.json", "next_entry.json", "ended.json",
                            "accommodation.json")


def _evaluator_view(case_input: dict) -> dict:
    """The evaluator's Plan in the shape of the API answer, for the fields the vectors check."""
    plan = evaluate(PlanInput(
        citizenship=case_input["citizenship"],
        entry_date=date.fromisoformat(case_input["entry_date"]),
        today=date.fromisoformat(case_input["today"]),
        previous_stays=tuple(
            Stay(date.fromisoformat(s["entry"]), date.fromisoformat(s["exit"]))
            for s in case_input.get("previous_stays", [])
        ),
        accommodation=case_input.get("accommodation"),
        checkpoint=case_input.get("checkpoint"),
        exit_date=date.fromisoformat(case_input["exit_date"]) if "exit_date" in case_input else None,
    ))

    def iso(d):
        return d.isoformat() if d else None

    obligations = {}
    for ob in plan.obligations:
        obligations[ob.kind] = {
            "deadline": iso(ob.deadline), "who": ob.who, "days_left": ob.days_left, "safe_by": iso(ob.safe_by),
            "working_days": ob.counting.n if ob.counting and ob.counting.method == "working_days" else None,
            "status": ob.status,
            "confirmed_by": ob.confirms,
        }
    stay = None
    if plan.stay:
        stay = {"leave_by": iso(plan.stay.leave_by), "days_used_in_window": plan.stay.days_used,
                "max_days_in_window": plan.stay.max_days_in_window, "counted_to": iso(plan.stay.reference_day)}
    coming = plan.next_entry
    next_entry = coming and {"exit": iso(coming.exit), "earliest": iso(coming.earliest), "days_available": coming.days_available,
                             "leave_by": iso(coming.leave_by), "rule_set": coming.rule_set}
    return {"rule_set": plan.rule_set, "group": plan.group, "obligations": obligations, "stay": stay,
            "warnings": sorted(w.code for w in plan.warnings), "next_entry": next_entry, "ended": iso(plan.ended),
            "warning_params": {w.code: {k: iso(v) if isinstance(v, date) else v for k, v in w.params.items()}
                               for w in plan.warnings}}


def _api_view(body: dict) -> dict:
    obligations = {
        ob["kind"]: {**ob, "safe_by": ob.get("safe_by"), "working_days": ob.get("working_days"),
                     "confirmed_by": ob.get("confirmed_by")}
        for ob in body["obligations"]
    }
    return {"rule_set": body["rule_set"], "group": body["group"], "obligations": obligations,
            "stay": body["stay"], "warnings": sorted(w["code"] for w in body["warnings"]), "next_entry": body["next_entry"],
            "ended": body["ended"]}


def _check(actual: dict, expect: dict) -> None:
    for key in ("rule_set", "group", "ended"):
        if key in expect:
            assert actual[key] == expect[key], key
    if "obligations" in expect:
        _check_obligations(actual["obligations"], expect["obligations"])
    _check_part(actual, expect, "stay")
    if "warnings" in expect:
        assert actual["warnings"] == sorted(expect["warnings"])
    # The API's warnings carry their message, not their params: those are checked on the evaluators.
    for code, params in expect.get("warning_params", {}).items():
        if "warning_params" in actual:
            assert actual["warning_params"][code] == params, f"{code} params"
    _check_part(actual, expect, "next_entry")


def _check_obligations(actual: dict, expect: dict) -> None:
    if expect == {}:
        assert actual == {}
    for kind, fields in expect.items():
        assert kind in actual, f"no {kind} obligation"
        for field, value in fields.items():
            assert actual[kind][field] == value, f"{kind}.{field}"


def _check_part(actual: dict, expect: dict, part: str) -> None:
    """A part that may be None ("stay", "next_entry"): None where the vector says so, else the
    fields the vector gives."""
    if part not in expect:
        return
    if expect[part] is None:
        assert actual[part] is None
    else:
        for field, value in expect[part].items():
            assert actual[part][field] == value, f"{part}.{field}"


@pytest.mark.parametrize("case", PLAN_VECTORS)
def test_evaluator(case):
    _check(_evaluator_view(case["input"]), case["expect"])


@pytest.mark.parametrize("case", PLAN_VECTORS)
def test_api(client, case):
    response = client.post("/api/v1/plan", json=case["input"])
    assert response.status_code == 200, response.json
    _check(_api_view(response.json), case["expect"])


@pytest.mark.parametrize("case", load_vectors("errors.json"))
def test_api_errors(client, case):
    response = client.post("/api/v1/plan", json=case["input"], headers={"Accept-Language": "en"})
    assert response.status_code == 400
    errors = response.json["errors"]
    for field in case["expect"]["errors"]:
        assert field in errors, f"no message for {field}: {errors}"
        assert errors[field].strip(), field


def test_there_are_enough_vectors():
    assert len(PLAN_VECTORS) >= 40

"""Stay and registration rules of Kazakhstan: data files and the evaluator (no Flask here)."""
from .evaluator import NotCovered, Plan, PlanInput, Stay, evaluate
from .ruleset import rule_book

__all__ = ["NotCovered", "Plan", "PlanInput", "Stay", "evaluate", "rule_book"]

"""The Python and JavaScript evaluators, 10 000 plans each, on the same inputs."""
from __future__ import annotations

import json
import random
import subprocess
import time
from datetime import date, timedelta

from .common import ROOT

JS = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const { evaluate } = await import(pathToFileURL(process.argv[1]));
const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const inputs = JSON.parse(readFileSync(0, "utf8"));
const started = process.hrtime.bigint();
for (const input of inputs) evaluate(input, data);
console.log(Number(process.hrtime.bigint() - started) / 1e6);
"""


def inputs(count: int) -> list[dict]:
    rng = random.Random(7)
    countries = ["RU", "BY", "KG", "AM", "DE", "US", "UZ", "TJ", "CN", "IN"]
    plans = []
    for _ in range(count):
        entry = date(2023, 1, 1) + timedelta(days=rng.randrange(1300))
        stays = []
        day = entry - timedelta(days=rng.randrange(10, 170))
        for _ in range(rng.randrange(3)):
            stays.append({"entry": day.isoformat(), "exit": (day + timedelta(days=rng.randrange(1, 20))).isoformat()})
            day += timedelta(days=25)
        plans.append({"citizenship": rng.choice(countries), "entry_date": entry.isoformat(),
                      "today": (entry + timedelta(days=rng.randrange(60))).isoformat(),
                      "previous_stays": [s for s in stays if s["exit"] < entry.isoformat()]})
    return plans


def compare(count: int) -> dict:
    from webapp.rules import PlanInput, Stay, evaluate
    from webapp.rules.export import rules_json

    plans = inputs(count)
    started = time.perf_counter()
    for plan in plans:
        evaluate(PlanInput(plan["citizenship"], date.fromisoformat(plan["entry_date"]), date.fromisoformat(plan["today"]),
                           previous_stays=tuple(Stay(date.fromisoformat(s["entry"]), date.fromisoformat(s["exit"]))
                                                for s in plan["previous_stays"])))
    python_ms = (time.perf_counter() - started) * 1000
    rules = ROOT / "build" / "bench" / "rules.json"
    rules.parent.mkdir(parents=True, exist_ok=True)
    rules.write_text(rules_json(date(2026, 9, 5)))
    evaluator = ROOT / "static" / "js" / "core" / "evaluator.js"
    output = subprocess.run(["node", "--input-type=module", "-e", JS, str(evaluator), str(rules)],
                            input=json.dumps(plans), capture_output=True, text=True, check=True).stdout
    javascript_ms = float(output.strip())
    return {"plans": count, "python_ms": round(python_ms, 1), "javascript_ms": round(javascript_ms, 1),
            "python_per_plan_us": round(python_ms * 1000 / count, 1),
            "javascript_per_plan_us": round(javascript_ms * 1000 / count, 1)}

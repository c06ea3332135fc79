// The browser's evaluator (static/js/core/evaluator.js) against the shared vectors, on the data the app
// serves. Run by scripts/test.sh after exporting that data:  node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

import { evaluate } from "../../static/js/core/evaluator.js";

const root = new URL("../../", import.meta.url);
const data = JSON.parse(readFileSync(new URL(process.env.TIRKEU_RULES_JSON || "build/rules.json", root)));
const vectorDir = new URL("tests/vectors/", root);

function view(plan) {
  const obligations = {};
  for (const o of plan.obligations) {
    obligations[o.kind] = {
      deadline: o.deadline, who: o.who, days_left: o.days_left, safe_by: o.safe_by,
      working_days: o.counting && o.counting.method === "working_days" ? o.counting.n : null, status: o.status,
      confirmed_by: o.confirms,
    };
  }
  const stay = plan.stay && {
    leave_by: plan.stay.leave_by, days_used_in_window: plan.stay.days_used, max_days_in_window: plan.stay.max_days_in_window,
    counted_to: plan.stay.reference_day,
  };
  return { rule_set: plan.rule_set, group: plan.group, ended: plan.ended, obligations, stay, warnings: plan.warnings.map((w) => w.code).sort(),
           next_entry: plan.next_entry, warning_params: Object.fromEntries(plan.warnings.map((w) => [w.code, w.params])) };
}

function check(actual, expect) {
  for (const key of ["rule_set", "group", "ended"]) if (key in expect) assert.equal(actual[key], expect[key], key);
  if ("obligations" in expect) {
    if (Object.keys(expect.obligations).length === 0) assert.deepEqual(actual.obligations, {});
    for (const [kind, fields] of Object.entries(expect.obligations)) {
      assert.ok(kind in actual.obligations, `no ${kind} obligation`);
      for (const [field, value] of Object.entries(fields)) assert.equal(actual.obligations[kind][field], value, `${kind}.${field}`);
    }
  }
  if ("stay" in expect) {
    if (expect.stay === null) assert.equal(actual.stay, null);
    else for (const [field, value] of Object.entries(expect.stay)) assert.equal(actual.stay[field], value, `stay.${field}`);
  }
  if ("warnings" in expect) assert.deepEqual(actual.warnings, [...expect.warnings].sort());
  for (const [code, params] of Object.entries(expect.warning_params || {})) assert.deepEqual(actual.warning_params[code], params, `${code} params`);
  if ("next_entry" in expect) {
    if (expect.next_entry === null) assert.equal(actual.next_entry, null);
    else for (const [field, value] of Object.entries(expect.next_entry)) assert.equal(actual.next_entry[field], value, `next_entry.${field}`);
  }
}

let count = 0;
for (const file of readdirSync(vectorDir).filter((f) => f.endsWith(".json") && f !== "errors.json")) {
  for (const vector of JSON.parse(readFileSync(new URL(file, vectorDir))).cases) {
    count += 1;
    test(`${file}: ${vector.name}`, () => check(view(evaluate(vector.input, data)), vector.expect));
  }
}

test("there are enough vectors", () => assert.ok(count >= 40, `${count} vectors`));

test("citizens of Kazakhstan and entries before the rules are not covered", () => {
  assert.throws(() => evaluate({ citizenship: "KZ", entry_date: "2026-09-01", today: "2026-09-01" }, data), { code: "citizen" });
  assert.throws(() => evaluate({ citizenship: "RU", entry_date: "2019-12-31", today: "2020-01-05" }, data), { code: "entry_before_rules" });
});

test("a date past the exported calendar is refused, not guessed", () => {
  const short = { ...data, calendar_years: [data.calendar_years[0], 2024] };
  assert.throws(() => evaluate({ citizenship: "DE", entry_date: "2025-05-01", today: "2025-05-01" }, short), { code: "calendar_out_of_range" });
});

test("a group's rules, its warnings, the notes and the checkpoints' kinds are the data's", () => {
  const turkey = { citizenship: "TR", entry_date: "2026-09-01", today: "2026-09-01" };
  let plan = evaluate(turkey, data);
  assert.equal(plan.obligations[0].kind, "host_notification");
  assert.deepEqual(plan.warnings.map((w) => w.code), ["bilateral_agreement", "thirty_day_visitors_2026_unclear"]);

  const asEaeu = { ...data, group_specs: { ...data.group_specs, visa_free_90_bilateral: { rules: "eaeu", warnings: [], cite_list_sources: false } } };
  plan = evaluate(turkey, asEaeu);
  assert.equal(plan.obligations[0].kind, "self_registration");
  assert.equal(plan.obligations[0].deadline, "2026-10-01");
  assert.deepEqual(plan.warnings, []);
  assert.ok(!data.nationality_sources.some((id) => plan.sources.includes(id)));

  const belarus = { citizenship: "BY", entry_date: "2026-09-01", today: "2026-09-01", checkpoint: "kurmangazy" };
  assert.deepEqual(evaluate(belarus, data).warnings, []);
  const closed = { ...data, checkpoint_kinds: { ...data.checkpoint_kinds, multilateral: { open_to: ["RU"], warning: "bilateral_checkpoint" } } };
  assert.deepEqual(evaluate(belarus, closed).warnings, [{ code: "bilateral_checkpoint", params: { checkpoint: "kurmangazy" } }]);
});

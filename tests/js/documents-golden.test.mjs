// The documents journey's modules against Python's own outputs, case by case: core/checks.js gives
// each field's first error as the server's wizard does, in the case's language, and
// core/document-values.js every value the documents print (webapp/documents/content.py
// document_values), both run on the data the phone's pages give them. Written by
// `flask --app webapp golden write build/golden` (webapp/golden/documents.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

import { compare, tally, verdict } from "./tally.mjs";

import { errors, letterRanges } from "../../static/js/core/checks.js";
import { values } from "../../static/js/core/document-values.js";
import { people } from "../../static/js/core/group.js";

const root = new URL("../../", import.meta.url);
const directory = new URL((process.env.TIRKEU_GOLDEN || "build/golden").replace(/\/?$/, "/"), root);
const MIN_CASES = Number(process.env.TIRKEU_GOLDEN_MIN || 10000);

if (!existsSync(new URL("documents.json", directory))) {
  throw new Error(`no golden files in ${directory.pathname}: run flask --app webapp golden write build/golden`);
}
const data = JSON.parse(readFileSync(new URL("documents.json", directory)));
const rules = JSON.parse(readFileSync(new URL("rules.json", directory)));


const checked = { checks: tally(), values: tally(), people: tally() };
const seen = { groups: 0, count: 0, languages: new Set(), fields: new Set(), steps: new Set() };
const lines = createInterface({ input: createReadStream(new URL("documents.jsonl.gz", directory)).pipe(createGunzip()), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const golden = JSON.parse(line), label = `${golden.name} (${golden.language}, today ${golden.today})`;
  seen.count += 1;
  seen.languages.add(golden.language);
  for (const name of Object.keys(golden.errors)) { seen.fields.add(name.replace(/^(children|previous_stays)-\d+-/, "$1-*-")); seen.steps.add(stepOf(name)); }
  compare(checked.checks, label, () => assert.deepEqual(errors(golden.answers, data.checks[golden.language], golden.today), golden.errors));
  if (golden.values) {
    compare(checked.values, label, () => assert.deepEqual(values(golden.answers, data.print, rules, golden.today, golden.language), golden.values));
  }
  // A group: each adult's own answers as core/group.js splits them, checked and valued as one person's.
  if (golden.people) {
    seen.groups += 1;
    const split = people(golden.answers, data.max_adults);
    compare(checked.people, label, () => assert.equal(split.length, golden.people.length));
    golden.people.forEach(function (person, i) {
      const own = `${label}, adult ${i + 1}`;
      if (!split[i]) return;
      compare(checked.people, own, () => assert.deepEqual(errors(split[i], data.checks[golden.language], golden.today), person.errors));
      if (person.values) {
        compare(checked.people, own, () => assert.deepEqual(values(split[i], data.print, rules, golden.today, golden.language), person.values));
      }
    });
  }
}

// The step a field is asked on: its name's first part, or the step whose rows or other fields hold it.
function stepOf(name) {
  const checks = data.checks[data.print.languages[0]];
  return Object.keys(checks.rows).find((step) => name.startsWith(checks.rows[step].prefix + "-"))
    || Object.keys(checks.step_fields).find((step) => checks.step_fields[step].includes(name)) || name.split("-")[0];
}

test("the golden file holds enough cases, of every kind", () => {
  // Each module on at least MIN_CASES answer sets: the checks on all, the values on the valid ones.
  assert.ok(seen.count >= MIN_CASES && checked.values.cases >= MIN_CASES, `${seen.count} cases, ${checked.values.cases} valid`);
  assert.deepEqual([...seen.languages].sort(), [...data.print.languages].sort());
  assert.deepEqual([...seen.steps].sort(), [...data.steps].sort()); // an error in every step
  assert.ok(seen.fields.size >= Object.keys(data.checks[data.print.languages[0]].fields).length * 0.8, [...seen.fields].join(" "));
  // Both valid and invalid answer sets, many of each.
  assert.ok(checked.values.cases >= seen.count * 0.3 && checked.values.cases <= seen.count * 0.7, `${checked.values.cases} valid`);
});
test("checks.js takes the letters the server takes, from the page's steps between them", () => {
  for (const checks of Object.values(data.checks)) {
    for (const [script, ranges] of Object.entries(data.letter_ranges)) assert.deepEqual(letterRanges(checks.letters[script]), ranges, script);
  }
});
test("checks.js gives each field's first error as the server's wizard does", (t) => verdict(t, checked.checks));
test("group.js splits a group into each adult's answers as the server does, and there are groups", (t) => {
  assert.ok(seen.groups >= seen.count * 0.1, `${seen.groups} groups of ${seen.count} cases`);
  verdict(t, checked.people);
});
test("document-values.js gives every value of the documents as the server's PDF", (t) => verdict(t, checked.values));

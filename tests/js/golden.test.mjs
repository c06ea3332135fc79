// The phone's modules (static/js/core/) against Python's own outputs, case by case: the plan, every
// sentence of the result page in ru, kk and en, and the calendar file. The golden files are written
// by `flask --app webapp golden write build/golden` (scripts/test.sh does it before this test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

import { compare, tally, verdict } from "./tally.mjs";

import { evaluate } from "../../static/js/core/evaluator.js";
import { explainer } from "../../static/js/core/explain.js";
import { pluralRule } from "../../static/js/core/words.js";
import { calendarText } from "../../static/js/core/calendar.js";

const root = new URL("../../", import.meta.url);
const directory = new URL((process.env.TIRKEU_GOLDEN || "build/golden").replace(/\/?$/, "/"), root);
const LANGUAGES = ["ru", "kk", "en"];
const STAMP = new Date(Date.UTC(2026, 8, 1)); // webapp/golden/deadlines.py FIXED_STAMP
const MIN_CORPUS = Number(process.env.TIRKEU_GOLDEN_MIN || 10000);

if (!existsSync(new URL("rules.json", directory))) {
  throw new Error(`no golden files in ${directory.pathname}: run flask --app webapp golden write build/golden`);
}
const rules = JSON.parse(readFileSync(new URL("rules.json", directory)));
const words = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(new URL(`words-${l}.json`, directory)))]));
const explainers = Object.fromEntries(LANGUAGES.map((l) => [l, explainer(words[l])]));


async function run(file) {
  const checks = { evaluator: tally(), result: tally(), calendar: tally() };
  let count = 0;
  const lines = createInterface({ input: createReadStream(new URL(file, directory)).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const golden = JSON.parse(line), name = golden.name;
    count += 1;
    if (golden.error) {
      compare(checks.evaluator, name, () => assert.throws(() => evaluate(golden.answers, rules), { code: golden.error }));
      continue;
    }
    compare(checks.evaluator, name, () => assert.deepEqual(evaluate(golden.answers, rules), golden.plan));
    // Each module on Python's plan, so that a difference is found in the module that makes it.
    for (const language of LANGUAGES) {
      const expected = golden.languages[language], explained = explainers[language];
      compare(checks.result, `${name} (${language})`, () => assert.deepEqual(explained.result(golden.plan, golden.answers), expected.result));
      if (expected.ics === null) continue;
      const ics = await calendarText(golden.plan, golden.answers, explained, words[language], STAMP);
      compare(checks.calendar, `${name} (${language})`, () => assert.equal(ics, expected.ics));
    }
  }
  return { count, checks };
}

test("words.js picks gettext's plural form for every count, from the catalog's own rule", () => {
  const expected = JSON.parse(readFileSync(new URL("plurals.json", directory)));
  for (const language of LANGUAGES) {
    const rule = pluralRule(words[language].plural_forms);
    assert.deepEqual(expected[language].map((_, n) => rule(n)), expected[language], language);
  }
});

const vectors = await run("vectors.jsonl.gz");
const corpus = await run("corpus.jsonl.gz");

test("the golden files hold the vectors and a large enough corpus", () => {
  assert.ok(vectors.count >= 40, `${vectors.count} vectors`);
  // Each module is checked on at least MIN_CORPUS cases of its own, each in every language.
  assert.ok(corpus.checks.evaluator.cases >= MIN_CORPUS, `${corpus.checks.evaluator.cases} plans`);
  assert.ok(corpus.checks.result.cases >= MIN_CORPUS * LANGUAGES.length, `${corpus.checks.result.cases} results`);
  assert.ok(corpus.checks.calendar.cases >= MIN_CORPUS * LANGUAGES.length, `${corpus.checks.calendar.cases} calendar files`);
});

for (const [label, set] of [["vectors", vectors], ["corpus", corpus]]) {
  test(`evaluator.js gives Python's plan (${label})`, (t) => verdict(t, set.checks.evaluator));
  test(`explain.js gives the result page's sentences in ru, kk and en (${label})`, (t) => verdict(t, set.checks.result));
  test(`calendar.js gives the server's calendar file (${label})`, (t) => verdict(t, set.checks.calendar));
}

// The phone's country matching (core/country-match.js, the combobox's list) against Python's
// (webapp/forms/country_match.py, the server's "Did you mean"), text by text: the country a text
// names and the list of those it may name, in ru, kk and en. Written by
// `flask --app webapp golden write build/golden` (webapp/golden/countries.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

import { compare, tally, verdict } from "./tally.mjs";

import { countryIndex, countryMatches, findCountry } from "../../static/js/core/country-match.js";

const root = new URL("../../", import.meta.url);
const directory = new URL((process.env.TIRKEU_GOLDEN || "build/golden").replace(/\/?$/, "/"), root);

if (!existsSync(new URL("countries-golden.json", directory))) {
  throw new Error(`no golden files in ${directory.pathname}: run flask --app webapp golden write build/golden`);
}
const data = JSON.parse(readFileSync(new URL("countries.json", directory)));
const cases = JSON.parse(readFileSync(new URL("countries-golden.json", directory)));
const index = countryIndex(data);

test("the phone finds the country the server finds, and lists what the server suggests", (t) => {
  const found = tally(), listed = tally();
  const kinds = { found: 0, none: 0, close: 0 };
  for (const golden of cases) {
    const name = JSON.stringify(golden.typed);
    compare(found, name, () => assert.equal(findCountry(index, golden.typed), golden.find));
    for (const lang of Object.keys(golden.matches)) {
      compare(listed, `${name} (${lang})`, () => assert.deepEqual(countryMatches(index, golden.typed, lang), golden.matches[lang]));
    }
    kinds[golden.find ? "found" : golden.matches.en.length ? "close" : "none"] += 1;
  }
  verdict(t, found);
  verdict(t, listed);
  // The corpus holds every kind of text: named at once, only listed (beginnings, typos), nothing.
  for (const [kind, least] of Object.entries({ found: 300, close: 300, none: 40 })) assert.ok(kinds[kind] >= least, `${kinds[kind]} texts of kind ${kind}`);
});

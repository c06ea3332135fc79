// The Latin spelling offered for the Russian internal passport's Cyrillic name (core/checks.js
// icaoLatin), on the examples tests/test_internal_passport.py gives documents/transliteration.py;
// the golden documents compare the two on every drawn name (name_latin).
import { test } from "node:test";
import assert from "node:assert/strict";

import { icaoLatin, seriesNumber } from "../../static/js/core/checks.js";

test("the transliteration is the one Russian foreign passports use", () => {
  for (const [cyrillic, latin] of [["Юлия Щеглова", "IULIIA SHCHEGLOVA"], ["Подъячев", "PODIEIACHEV"], ["Ильич", "ILICH"],
    ["Ёлкин-Эрдман", "ELKIN-ERDMAN"], ["Хуснутдинов Цой", "KHUSNUTDINOV TSOI"], ["Жыжыкина", "ZHYZHYKINA"], ["Д'Арк", "D'ARK"],
    ["Әлия", ""]]) {
    assert.equal(icaoLatin(cyrillic), latin, cyrillic);
  }
});

test("the series and number is printed as the passport has it", () => {
  for (const typed of ["45 12 345678", "4512345678", "4512 345678", "45 12345678"]) assert.equal(seriesNumber(typed), "45 12 345678");
  assert.equal(seriesNumber("45 12 34567"), "45 12 34567"); // not one: as typed
});

// Comparing a module with Python's golden outputs over many cases: every case is compared, the
// first differences are kept in full, and the test fails once, saying how many cases differed.
import assert from "node:assert/strict";

export function tally() { return { cases: 0, failed: 0, first: [] }; }

export function compare(record, name, check) {
  record.cases += 1;
  try {
    check();
  } catch (error) {
    record.failed += 1;
    if (record.first.length < 3) record.first.push(`${name}: ${error.message}`);
  }
}

export function verdict(t, record) {
  t.diagnostic(`${record.cases} cases`);
  assert.ok(record.cases > 0, "no cases");
  assert.equal(record.failed, 0, `${record.failed} of ${record.cases} cases differ from Python's:\n\n${record.first.join("\n\n")}`);
}

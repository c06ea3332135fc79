// node tests/js/same-tokens.mjs <source> <served> [module|script]: exits 0 when the served text
// is the same program as the source (tests/test_served_modules.py): it parses, its tokens are the
// source's in the same order, with a line break between two tokens exactly where the source has
// one (so that automatic semicolons fall the same), on the same line numbers as the source.
import { readFileSync } from "node:fs";
import * as espree from "espree";

const [sourcePath, servedPath, sourceType = "module"] = process.argv.slice(2);
const options = { ecmaVersion: "latest", sourceType, tokens: true, loc: true };

function tokens(path) {
  const program = espree.parse(readFileSync(path, "utf8"), options);
  return program.tokens.map((token, i, all) => ({
    type: token.type, value: token.value, line: token.loc.start.line,
    breakBefore: i > 0 && token.loc.start.line > all[i - 1].loc.end.line,
  }));
}

const before = tokens(sourcePath), after = tokens(servedPath);
const sameLines = process.env.SAME_LINES === "1";
if (before.length !== after.length) {
  console.error(`${servedPath}: ${after.length} tokens, the source has ${before.length}`);
  process.exit(1);
}
for (let i = 0; i < before.length; i++) {
  const a = before[i], b = after[i];
  if (a.type !== b.type || a.value !== b.value || a.breakBefore !== b.breakBefore || (sameLines && a.line !== b.line)) {
    console.error(`${servedPath}: token ${i} ${JSON.stringify(b)} differs from the source's ${JSON.stringify(a)}`);
    process.exit(1);
  }
}
console.log(`${servedPath}: ${after.length} tokens, the same as the source's`);

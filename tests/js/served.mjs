// Runs node's tests on the phone's modules as the app serves them (webapp/web/assets.py: without
// their comment-only lines), not as they are written:
//   TIRKEU_SERVED=build/served node --import ./tests/js/served.mjs --test tests/js/
// where build/served/js/… holds each static/js file as served (scripts/test.sh and
// tests/test_served_modules.py write it). Every import of a file under static/js/ goes there.
import { register } from "node:module";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const served = process.env.TIRKEU_SERVED;
if (!served) throw new Error("TIRKEU_SERVED names the directory of the served modules");
const directory = pathToFileURL(served.replace(/\/?$/, "/")).href;
if (!existsSync(new URL("js/core/evaluator.js", directory))) throw new Error(`no served modules in ${served}`);
const source = new URL("../../static/", import.meta.url).href;

register("./served-hooks.mjs", import.meta.url, { data: { source, directory } });

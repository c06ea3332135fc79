// Starts the enhancers the markup names (data-module) and the page-wide ones, in this order
// (docs/design.md, "The phone's logic").
import { bindForms, showPanel } from "./answers.js";
import { countryList, dayGrid, focusOnLoad, openTarget, phoneLink } from "./app.js";
import { keptFiles } from "./kept-files.js";
import { offlineStatus } from "./offline.js";
import { rows } from "./rows.js";

const SHARED = { rows, "offline-status": offlineStatus, "day-grid": dayGrid, "phone-link": phoneLink, "device-answers": showPanel };
function named(name) { return Array.from(document.querySelectorAll('[data-module~="' + name + '"]')); }

// Rows before the page's submit handlers; the answers once the country lists are drawn and the
// page's own enhancers have started and what they returned has resolved.
const listsDrawn = Promise.all(named("country-list").map(countryList));
for (const name in SHARED) named(name).forEach(SHARED[name]);
// A page's own: its file's init(), the page's import map sending it to its kept address.
const pageModules = [];
for (const el of document.querySelectorAll("[data-module]")) {
  const name = el.dataset.module;
  if (!(name in SHARED || name === "answers" || name === "country-list")) pageModules.push(import("/static/js/" + name + ".js").then((module) => module.init(el)));
}
// What an init() returns, the answers wait for (the phone's documents page: the steps it copies for each
// adult): never a promise that waits for the answers. One that cannot start holds up no one's.
bindForms(named("answers"), Promise.all([listsDrawn, Promise.allSettled(pageModules)]));
keptFiles(document);
openTarget();
focusOnLoad();

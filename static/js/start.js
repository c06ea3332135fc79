// Starts the enhancers the markup names (data-module) and the page-wide ones, in this order
// (docs/design.md, "The phone's logic").
import { bindForms, showPanel } from "./answers.js";
import { countryList, dayGrid, focusOnLoad, phoneLink } from "./app.js";
import { keptFiles } from "./kept-files.js";
import { offlineStatus } from "./offline.js";
import { rows } from "./rows.js";

const SHARED = { rows, "offline-status": offlineStatus, "day-grid": dayGrid, "phone-link": phoneLink, "device-answers": showPanel };
function named(name) { return Array.from(document.querySelectorAll('[data-module~="' + name + '"]')); }

// Rows before the page's submit handlers; the answers once the country lists are drawn.
const listsDrawn = Promise.all(named("country-list").map(countryList));
for (const name in SHARED) named(name).forEach(SHARED[name]);
bindForms(named("answers"), listsDrawn);
keptFiles(document);
focusOnLoad();
// A page's own: its file's init(), the page's import map sending it to its kept address.
for (const el of document.querySelectorAll("[data-module]")) {
  const name = el.dataset.module;
  if (!(name in SHARED || name === "answers" || name === "country-list")) import("/static/js/" + name + ".js").then((module) => module.init(el));
}

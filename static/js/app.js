// Progressive enhancement only: every page works without this file (start.js starts it).
import { countryIndex, countryMatches, findCountry } from "./core/country-match.js";
// Move focus to the error summary, or to the field a button asked for (after "Add an earlier stay").
export function focusOnLoad() {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); return; }
  var form = document.querySelector("form[data-focus]");
  if (form) {
    var field = document.getElementById(form.getAttribute("data-focus"));
    if (field) field.focus();
  }
}

// A link to one folded answer ("What if…", the rules page: /what-if#moving) opens it, and the
// <details> around it, on load and when the "#" changes. Chromium does so itself; browsers that
// do not would show the question closed, as if the link had led nowhere. (Our ids are plain ASCII.)
export function openTarget() {
  function open() {
    var target = document.getElementById(location.hash.slice(1));
    for (var box = target && target.closest("details"); box; box = box.parentElement.closest("details")) box.open = true;
  }
  open();
  window.addEventListener("hashchange", open);
}

// The days of a window as a grid: a row per month, a column per day of the month; the days
// in Kazakhstan filled, those still ahead (to the last day) hatched, today outlined. The words
// beside it say the same (the grid is aria-hidden). Runs come as "first/last first/last".
export function dayGrid(box) {
  function day(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000; }
  var start = day(box.getAttribute("data-start")), end = day(box.getAttribute("data-end"));
  var today = day(box.getAttribute("data-today")), months = box.getAttribute("data-months").split(","), rows = 0;
  var runs = (box.getAttribute("data-runs") || "").split(" ").filter(Boolean).map(function (run) {
    return run.split("/").map(day);
  });
  function present(d) { return runs.some(function (r) { return r[0] <= d && d <= r[1]; }); }
  function cell(kind) {
    var c = document.createElement("i");
    c.className = "day " + kind;
    return c;
  }
  box.textContent = "";
  var row = null, year = null;
  for (var d = start; d <= end; d++) {
    var date = new Date(d * 86400000), dayOfMonth = date.getUTCDate();
    if (!row || dayOfMonth === 1) {
      if (date.getUTCFullYear() !== year) {
        year = date.getUTCFullYear();
        var heading = document.createElement("p");
        heading.className = "day-year";
        heading.textContent = String(year);
        box.appendChild(heading);
      }
      row = document.createElement("div");
      row.className = "day-row";
      var label = document.createElement("span");
      label.className = "day-month";
      label.textContent = months[rows++];
      row.appendChild(label);
      for (var before = 1; before < dayOfMonth; before++) row.appendChild(cell("day-out"));
      box.appendChild(row);
    }
    var kind = !present(d) ? "day-absent" : d > today ? "day-ahead" : "day-present";
    row.appendChild(cell(kind + (d === today ? " day-today" : "")));
  }
  var legend = document.createElement("p");
  legend.className = "day-legend";
  [["day-present", "data-present"], ["day-ahead", "data-ahead"], ["day-absent", "data-absent"]].forEach(function (item) {
    var entry = document.createElement("span");
    entry.appendChild(cell(item[0]));
    entry.appendChild(document.createTextNode(" " + box.getAttribute(item[1])));
    legend.appendChild(entry);
  });
  box.appendChild(legend);
  box.hidden = false;
}

// Without this file the country is typed (the server finds it by its name). Here the box becomes a
// combobox (the ARIA Authoring Practices' list autocomplete): as one types, a list of the countries
// the text may name (core/country-match.js, as the server matches), the most common first when the
// box is empty; the field the form sends (and the phone keeps) holds the chosen country's code, or
// the text as typed, which the server then finds or explains. The list opens below the box in the
// page, only after the person's own input (it moves nothing else before that). The form resolves
// when the list's data is there: start.js puts the saved answers back only then.
export function countryList(input) {
  return fetch(input.getAttribute("data-countries-url")).then(function (response) {
    if (!response.ok) throw new Error("no countries");
    return response.json();
  }).then(function (data) { combobox(input, countryIndex(data)); })
    .catch(function () { /* the box stays: the server finds the country by its name */ });
}

var SHOWN = 10; // options while typing; an empty box shows the common ones, then every country

function combobox(input, index) {
  var lang = document.documentElement.lang, names = index.data.names, id = input.id;
  var field = document.createElement("input"); // what the form sends: a code, or the text typed
  field.type = "text";
  field.hidden = true;
  field.name = input.name;
  field.value = input.getAttribute("data-code") || input.value;
  input.removeAttribute("name");
  var list = document.createElement("ul");
  list.className = "combobox-list";
  list.id = id + "-list";
  list.setAttribute("role", "listbox");
  var label = document.querySelector('label[for="' + id + '"]');
  if (label) list.setAttribute("aria-label", label.textContent.trim());
  list.hidden = true;
  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");
  input.after(list, status, field);
  var codes = [], active = -1;

  function nameOf(code) { return names[code] ? names[code][lang] : code; }
  function showValue() { input.value = names[field.value] ? nameOf(field.value) : field.value; }
  // answers.js puts saved answers in the field the form sends (and empties it on "Delete all").
  field.addEventListener("tirkeu:value", showValue);
  function send(value) {
    if (field.value === value) return;
    field.value = value;
    field.dispatchEvent(new Event("change", { bubbles: true })); // answers.js saves it
  }
  function options() {
    var typed = input.value.trim();
    if (typed) return countryMatches(index, typed, lang, SHOWN);
    var rest = index.data.order[lang].filter(function (code) { return index.data.common.indexOf(code) === -1; });
    return index.data.common.concat(rest);
  }
  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function highlight(next) {
    var items = list.children;
    if (!codes.length) return;
    active = (next + codes.length) % codes.length;
    Array.prototype.forEach.call(items, function (item, i) { item.setAttribute("aria-selected", String(i === active)); });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }
  function open() {
    // Citizens of Kazakhstan are not foreigners: the box refuses "Kazakhstan" with its reason.
    codes = options().filter(function (code) { return code !== "KZ"; });
    list.textContent = "";
    codes.forEach(function (code, i) {
      var item = document.createElement("li");
      item.id = id + "-option-" + code;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.className = "combobox-option" + (!input.value.trim() && i === index.data.common.length ? " combobox-rest" : "");
      item.textContent = nameOf(code);
      item.setAttribute("data-code", code);
      list.appendChild(item);
    });
    list.hidden = !codes.length;
    input.setAttribute("aria-expanded", String(!!codes.length));
    status.textContent = codes.length ? "" : input.getAttribute("data-search-empty");
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (codes.length && input.value.trim()) highlight(0); // Enter takes the best match
  }
  function choose(code) {
    send(code);
    input.value = nameOf(code);
    close();
  }

  input.addEventListener("input", function () {
    // Before the form's own listener (answers.js), which then keeps what the field holds.
    field.value = findCountry(index, input.value) || input.value.trim();
    open();
  });
  input.addEventListener("click", function () { if (list.hidden) open(); else close(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) open();
      highlight(active === -1 ? (event.key === "ArrowDown" ? 0 : codes.length - 1) : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && !list.hidden && active !== -1) {
      event.preventDefault(); // a choice, not the form's submission
      choose(codes[active]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("change", function () {
    // Leaving the box: a name it resolves to is shown as the list would (what the form sends).
    if (names[field.value] && findCountry(index, input.value) === field.value) input.value = nameOf(field.value);
    send(field.value);
  });
  input.addEventListener("blur", function () { setTimeout(close, 0); });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); }); // the box keeps the focus
  list.addEventListener("click", function (event) {
    var item = event.target.closest("[data-code]");
    if (item) choose(item.getAttribute("data-code"));
  });
  showValue();
}
// Journeys whose steps the phone can run itself start there: no network between steps.
export function phoneLink(link) { link.href = link.getAttribute("data-phone-href"); }

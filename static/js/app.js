// Progressive enhancement only: every page works without this file (start.js starts it).
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

// A search box that narrows a long <select> of countries as you type.
function searchableSelect(select) {
  var input = document.createElement("input");
  input.type = "search";
  input.className = "input country-search";
  input.id = select.id + "-search";
  input.setAttribute("autocomplete", "off");
  input.setAttribute("aria-controls", select.id);
  var label = document.createElement("label");
  label.className = "date-input-label";
  label.htmlFor = input.id;
  label.textContent = select.getAttribute("data-search-label");
  var status = document.createElement("p");
  status.className = "hint";
  status.setAttribute("aria-live", "polite");
  select.parentNode.insertBefore(label, select);
  select.parentNode.insertBefore(input, select);
  select.parentNode.insertBefore(status, select);

  function normalise(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ё/g, "е");
  }
  input.addEventListener("input", function () {
    var query = normalise(input.value.trim());
    var options = Array.prototype.slice.call(select.options, 1); // read now: a page may add them later
    var first = null;
    options.forEach(function (option) {
      var match = !query || normalise(option.text).indexOf(query) !== -1 || option.value.toLowerCase() === query;
      option.hidden = !match;
      option.disabled = !match;
      if (match && !first) first = option;
    });
    status.textContent = first ? "" : select.getAttribute("data-search-empty");
    if (query && first) select.value = first.value;
  });
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

// Without this file the country is typed (the server finds it by its name). Here the box becomes
// the list of countries from the copy the phone keeps (/api/v1/countries), searchable. The form
// resolves when the list is there: start.js puts the saved answers back only then.
export function countryList(input) {
  return fetch(input.getAttribute("data-countries-url")).then(function (response) {
    if (!response.ok) throw new Error("no countries");
    return response.json();
  }).then(function (countries) {
    var lang = document.documentElement.lang;
    var select = document.createElement("select");
    select.className = "select" + (input.classList.contains("input-error") ? " input-error" : "");
    select.id = input.id;
    select.name = input.name;
    var typing = document.getElementById(input.id + "-typing");
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== input.id + "-typing";
    });
    if (described.length) select.setAttribute("aria-describedby", described.join(" "));
    ["data-search-label", "data-search-empty"].forEach(function (name) { select.setAttribute(name, input.getAttribute(name)); });
    select.appendChild(new Option(input.getAttribute("data-choose"), ""));
    countries.order[lang].forEach(function (code) {
      if (code !== "KZ") select.appendChild(new Option(countries.names[code][lang], code)); // citizens are not foreigners
    });
    select.value = input.getAttribute("data-code") || "";
    if (typing) typing.remove();
    input.parentNode.replaceChild(select, input);
    searchableSelect(select);
  }).catch(function () { /* the box stays: the server finds the country by its name */ });
}
// Journeys whose steps the phone can run itself start there: no network between steps.
export function phoneLink(link) { link.href = link.getAttribute("data-phone-href"); }

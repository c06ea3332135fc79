// "Prepare my documents" without a network: every step is on this one page, which the phone keeps.
// One step shows at a time (#person … #children, #check); the answers are checked as the server
// checks them (webapp/documents/answers.py, with its messages from webapp/documents/offline.py)
// and kept on the device by answers.js; the documents are printed from the blank print pages.
import { dateParts, tidy, words as wordsFor } from "./core/words.js";

(function () {
  var root = document.getElementById("offline-documents");
  var form = document.getElementById("wizard");
  if (!root || !form || !window.TirkeuAnswers) return;
  var checks = JSON.parse(document.getElementById("tirkeu-offline-checks").textContent);
  var words = wordsFor(JSON.parse(document.getElementById("tirkeu-offline-words").textContent));
  var STEPS = ["person", "passport", "entry", "stay", "host", "children"];
  // Today in Kazakhstan, as the server takes it (a fixed date only where the server has one set).
  var today = root.getAttribute("data-today") || new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
  var returnToCheck = false;

  // --- the server's checks ----------------------------------------------------------------
  var MARK = /\p{Mn}/u, CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;

  function addDays(iso, days) {
    var day = new Date(iso + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }
  function yearsBefore(iso, years) {
    var year = +iso.slice(0, 4) - years, rest = iso.slice(4);
    if (rest === "-02-29") rest = "-02-28";
    return String(year).padStart(4, "0") + rest;
  }
  function kazakhIdentifier(number) {
    if (!/^\d{12}$/.test(number)) return false;
    var digits = number.split("").map(Number);
    var weightSets = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]];
    for (var w = 0; w < weightSets.length; w++) {
      var sum = 0;
      for (var i = 0; i < 11; i++) sum += digits[i] * weightSets[w][i];
      if (sum % 11 !== 10) return sum % 11 === digits[11];
    }
    return false;
  }
  function personName(value, scripts) {
    var chars = Array.from(value), anyLetter = false;
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (checks.name_punctuation.indexOf(c) !== -1 || MARK.test(c)) continue;
      // The letters the server takes for each script (webapp/forms/validators.py letter_ranges).
      var code = c.codePointAt(0);
      if (!scripts.some(function (s) { return checks.letters[s].some(function (r) { return code >= r[0] && code <= r[1]; }); })) return false;
      anyLetter = true;
    }
    return anyLetter;
  }
  function textError(spec, raw) {
    var value = tidy(raw);
    if (!value) return spec.required;
    for (var i = 0; i < spec.checks.length; i++) {
      var c = spec.checks[i], length = Array.from(value).length;
      var failed = (c.max_length && length > c.max_length) ||
        (c.scripts && !personName(value, c.scripts)) ||
        (c.plain && CONTROL.test(value)) ||
        (c.chars && (length < c.min || length > c.max || Array.from(value).some(function (ch) { return c.chars.indexOf(ch) === -1; }))) ||
        (c.kazakh_identifier && !kazakhIdentifier(value));
      if (failed) return c.message;
    }
    return null;
  }
  // A date typed in three boxes, read as webapp/forms/fields.py DatePartsField reads it.
  function readDate(name) {
    var typed = {};
    ["day", "month", "year"].forEach(function (p) {
      var field = form.elements.namedItem(name + "-" + p);
      typed[p] = field ? field.value : "";
    });
    return dateParts(typed);
  }

  // Each field of a step: its name, the element to link to, and what it holds.
  function fieldsOf(section) {
    return Array.prototype.map.call(section.querySelectorAll(".form-group"), function (group) {
      var dateBox = group.querySelector(".date-input");
      var control = group.querySelector("select") || group.querySelector("input[name]"); // not the country search box
      var name = dateBox ? control.name.replace(/-day$/, "") : control.name;
      // The field's id is its name, as WTForms makes it (a radio's inputs are <id>-0, <id>-1…).
      return { group: group, name: name, id: name, kind: dateBox ? "date" : control.type === "radio" ? "radio" : control.tagName === "SELECT" ? "select" : "text",
               spec: checks.fields[name] || checks.fields[name.replace(/^children-\d+-/, "children-*-")] };
    });
  }
  function choiceValue(field) {
    if (field.kind === "radio") {
      var checked = field.group.querySelector("input:checked");
      return checked ? checked.value : "";
    }
    var select = field.group.querySelector("select");
    return select.value && Array.prototype.some.call(select.options, function (o) { return o.value === select.value && !o.disabled; }) ? select.value : "";
  }
  function checkField(field) {
    if (field.kind === "date") {
      var date = readDate(field.name);
      if (date.empty) return { message: field.spec.required };
      if (date.error) return { message: checks.messages[date.error], part: date.part };
      return { iso: date.iso };
    }
    if (field.kind === "radio" || field.kind === "select") return { message: choiceValue(field) ? null : field.spec.required };
    return { message: textError(field.spec, field.group.querySelector("input").value) };
  }
  function dateValue(name) { var date = readDate(name); return date.iso || null; }

  // The checks across fields, as the forms' check() and validate_step() make them.
  function crossCheck(step, results) {
    function fail(name, key) {
      var result = results[name];
      if (result && !result.message) { result.message = checks.messages[key]; result.part = null; }
    }
    function iso(name) { return results[name] && !results[name].message ? results[name].iso : null; }
    if (step === "person") {
      var born = iso("person-date_of_birth");
      if (born && !(born >= "1900-01-01" && born <= today)) fail("person-date_of_birth", "date_of_birth_past");
    } else if (step === "passport") {
      var issued = iso("passport-issued"), expires = iso("passport-expires");
      if (issued && issued > today) fail("passport-issued", "issued_future");
      if (issued && expires && expires <= issued) fail("passport-expires", "expires_before_issued");
      else if (expires && expires < today) fail("passport-expires", "expired");
      var birth = dateValue("person-date_of_birth");
      if (iso("passport-issued") && birth && iso("passport-issued") < birth) fail("passport-issued", "issued_before_birth");
    } else if (step === "entry") {
      var entry = iso("entry-date");
      if (entry && entry < checks.first_entry) fail("entry-date", "entry_before_rules");
      else if (entry && entry > addDays(today, checks.max_days_ahead)) fail("entry-date", "too_far_ahead");
    } else if (step === "children") {
      Object.keys(results).forEach(function (name) {
        var born = /-date_of_birth$/.test(name) ? iso(name) : null;
        if (born && !(born > yearsBefore(today, 18) && born <= today)) fail(name, "child_date_of_birth");
      });
    }
  }

  function section(step) { return form.querySelector('section[data-step="' + step + '"]'); }

  function errorsOf(step) {
    var fields = fieldsOf(section(step)), results = {};
    fields.forEach(function (field) { results[field.name] = checkField(field); });
    crossCheck(step, results);
    return fields.filter(function (field) { return results[field.name].message; }).map(function (field) {
      return { field: field, message: results[field.name].message, part: results[field.name].part };
    });
  }

  // --- errors on the page, as macros.html draws them ----------------------------------------
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    if (text) node.textContent = text;
    return node;
  }
  function clearErrors(part) {
    Array.prototype.forEach.call(part.querySelectorAll(".error-message"), function (node) { node.remove(); });
    Array.prototype.forEach.call(part.querySelectorAll(".form-group-error"), function (node) { node.classList.remove("form-group-error"); });
    Array.prototype.forEach.call(part.querySelectorAll(".input-error"), function (node) { node.classList.remove("input-error"); });
    Array.prototype.forEach.call(part.querySelectorAll("[aria-describedby]"), function (node) {
      var ids = node.getAttribute("aria-describedby").split(" ").filter(function (id) { return !/-error$/.test(id); });
      if (ids.length) node.setAttribute("aria-describedby", ids.join(" ")); else node.removeAttribute("aria-describedby");
    });
    var summary = part.querySelector("[data-error-summary]");
    if (summary) summary.textContent = "";
  }
  function showErrors(step, errors) {
    var part = section(step);
    var list = el("ul");
    errors.forEach(function (error) {
      var field = error.field, group = field.group;
      var anchor = field.kind === "date" ? field.id + "-" + (error.part || "day") : field.kind === "radio" ? field.id + "-0" : field.id;
      group.classList.add("form-group-error");
      var message = el("p", { "class": "error-message", id: field.id + "-error" });
      message.appendChild(el("span", { "class": "visually-hidden" }, root.getAttribute("data-error-prefix")));
      message.appendChild(document.createTextNode(" " + error.message));
      var after = group.querySelector(".hint") || group.querySelector("legend, label");
      after.parentNode.insertBefore(message, after.nextSibling);
      var described = group.querySelector("fieldset") || group.querySelector("select") || group.querySelector("input");
      var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(Boolean).concat([field.id + "-error"]);
      described.setAttribute("aria-describedby", ids.join(" "));
      Array.prototype.forEach.call(group.querySelectorAll("input.input, select"), function (input) {
        if (field.kind !== "date" || !error.part || input.id === field.id + "-" + error.part) input.classList.add("input-error");
      });
      var item = el("li");
      item.appendChild(el("a", { href: "#" + anchor, "data-field": anchor }, error.message));
      list.appendChild(item);
    });
    var summary = el("div", { "class": "error-summary", role: "alert", tabindex: "-1" });
    summary.appendChild(el("h2", { "class": "error-summary-title" }, root.getAttribute("data-problem")));
    summary.appendChild(list);
    part.querySelector("[data-error-summary]").appendChild(summary);
    document.title = root.getAttribute("data-error-prefix") + " " + part.getAttribute("data-title") + root.getAttribute("data-title-suffix");
    summary.focus();
  }

  // --- children (static/js/rows.js draws and removes them) ---------------------------------
  function children() { return section("children").querySelector("[data-rows]").tirkeuRows; }
  function childBlocks() { return children().rows(); }

  // --- check your answers -------------------------------------------------------------------
  function shownValue(field) {
    if (field.kind === "date") { var iso = dateValue(field.name); return iso ? words.longDate(iso) : ""; }
    if (field.kind === "radio") { var checked = field.group.querySelector("input:checked"); return checked ? field.group.querySelector('label[for="' + checked.id + '"]').textContent.trim() : ""; }
    if (field.kind === "select") { var select = field.group.querySelector("select"); return select.value ? select.options[select.selectedIndex].text : ""; }
    return tidy(field.group.querySelector("input").value);
  }
  function labelOf(field) {
    var label = field.group.querySelector("legend, label.label");
    return label.textContent.trim();
  }
  function summaryRow(list, label, value, step, focusId) {
    var row = el("div", { "class": "summary-row" });
    row.appendChild(el("dt", { "class": "summary-key" }, label));
    row.appendChild(el("dd", { "class": "summary-value" }, value || "—"));
    var actions = el("dd", { "class": "summary-actions" });
    var link = el("a", { href: "#" + step, "data-change": focusId }, root.getAttribute("data-change"));
    link.appendChild(el("span", { "class": "visually-hidden" }, " " + label));
    actions.appendChild(link);
    row.appendChild(actions);
    list.appendChild(row);
  }
  function drawSummary() {
    var box = section("check").querySelector("[data-summary]");
    box.textContent = "";
    STEPS.forEach(function (step) {
      box.appendChild(el("h2", null, section(step).getAttribute("data-title")));
      var list = el("dl", { "class": "summary-list" });
      if (step === "children") {
        var blocks = childBlocks();
        Array.prototype.forEach.call(blocks, function (block) {
          var parts = fieldsOf(block).map(shownValue);
          summaryRow(list, block.querySelector(".stay-title").textContent, (parts[0] + " " + parts[1]).trim() + ", " + parts[2], step, block.id + "-surname");
        });
        if (!blocks.length) summaryRow(list, section(step).getAttribute("data-title"), root.getAttribute("data-none"), step, "children");
      } else {
        fieldsOf(section(step)).forEach(function (field) {
          summaryRow(list, labelOf(field), shownValue(field), step, field.kind === "date" ? field.id + "-day" : field.kind === "radio" ? field.id + "-0" : field.id);
        });
      }
      box.appendChild(list);
    });
    var expires = dateValue("passport-expires");
    section("check").querySelector("[data-passport-warning]").hidden = !(expires && expires >= today && expires < addDays(today, checks.passport_warning_days));
  }

  // --- moving between steps -----------------------------------------------------------------
  var moved = false; // the first view shows where the page opens; later ones move the focus

  function show(view, focusId) {
    if (view === "check") {
      var invalid = STEPS.filter(function (step) { return errorsOf(step).length; });
      if (invalid.length) { show(invalid[0]); continueFrom(invalid[0]); return; }
      drawSummary();
      // The print page prints these answers only: checked, and not changed since.
      var answers = window.TirkeuAnswers;
      answers.store.then(function (s) { return s.set("documents-checked", answers.fingerprint(answers.collect(form))); });
    }
    Array.prototype.forEach.call(form.querySelectorAll("section[data-step]"), function (part) {
      part.hidden = part.getAttribute("data-step") !== view;
      if (part.hidden) clearErrors(part);
    });
    var part = section(view);
    document.title = part.getAttribute("data-title") + root.getAttribute("data-title-suffix");
    if (window.location.hash !== "#" + view) history.replaceState(null, "", "#" + view);
    // The other languages open the same step, with the answers from the device.
    Array.prototype.forEach.call(document.querySelectorAll("nav.languages a"), function (link) {
      link.href = link.href.split("#")[0] + "#" + view;
    });
    var target = focusId && document.getElementById(focusId);
    if (target) target.focus();
    else if (moved) {
      // A new step without a new page: say so to screen readers by moving to its heading.
      window.scrollTo(0, 0);
      part.querySelector("h1").setAttribute("tabindex", "-1");
      part.querySelector("h1").focus();
    }
  }
  function go(view, focusId) {
    moved = true;
    if (window.location.hash !== "#" + view) history.pushState(null, "", "#" + view);
    show(view, focusId);
  }
  function continueFrom(step) {
    var errors = errorsOf(step);
    clearErrors(section(step));
    if (errors.length) { showErrors(step, errors); return false; }
    return true;
  }
  function next(step) {
    if (!continueFrom(step)) return;
    var following = returnToCheck || step === "children" ? "check" : STEPS[STEPS.indexOf(step) + 1];
    if (following === "check") returnToCheck = false;
    go(following);
  }
  function currentView() {
    var view = window.location.hash.slice(1);
    return STEPS.indexOf(view) !== -1 || view === "check" ? view : STEPS[0];
  }

  // The phone's own print page for a PDF's address (/ru/documents/card.pdf -> /documents/print#ru/card).
  function printUrl(pdfPath) {
    var parts = /^\/(\w+)\/documents\/([\w-]+)\.pdf$/.exec(pdfPath);
    return root.getAttribute("data-print-url") + "#" + parts[1] + "/" + parts[2];
  }

  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return; // a child added or removed (rows.js)
    var button = event.submitter;
    var action = button && button.getAttribute("formaction");
    if (action) return; // a PDF: kept-files.js asks the server, or opens the print page offline
    event.preventDefault();
    next(currentView());
  });
  form.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-change]");
    if (link) { event.preventDefault(); returnToCheck = true; go(link.getAttribute("href").slice(1), link.getAttribute("data-change")); return; }
    var fix = event.target.closest("a[data-field]");
    if (fix) { event.preventDefault(); var field = document.getElementById(fix.getAttribute("data-field")); if (field) field.focus(); }
  });
  window.addEventListener("hashchange", function () { moved = true; show(currentView()); });

  // A form posted while offline (see the service worker): carry on where the person was.
  function posted(params) {
    var from = params.get("_from") || "", nav = params.get("nav") || "continue";
    var match = /\/documents\/([\w-]+?)(\.pdf|\.zip)?$/.exec(from);
    var target = match ? match[1] : "person";
    if (match && match[2] === ".pdf") { window.location.replace(printUrl(from)); return; }
    if (match && match[2] === ".zip") { show("check"); return; }
    returnToCheck = params.get("return_to") === "check";
    if (STEPS.indexOf(target) === -1) { show(target === "check" ? "check" : STEPS[0]); return; }
    show(target);
    if (nav === "add_child") { var added = children().add(); if (added) added.querySelector("input").focus(); }
    else if (nav.indexOf("remove_child-") === 0) children().remove(nav.slice("remove_child-".length));
    else if (nav === "continue") next(target);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var hash = window.location.hash;
    // show() replaces a posted form's answers in the address with the step's name: nothing of
    // them stays in the history.
    window.TirkeuAnswers.ready.then(function () {
      if (hash.indexOf("#_from=") === 0) posted(new URLSearchParams(hash.slice(1)));
      else show(currentView());
    });
  });
})();

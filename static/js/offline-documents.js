// "Prepare my documents" without a network: every step on one kept page, one shown at a time
// (#passport … #check), checked as the server checks (core/checks.js), kept by answers.js.
import { addDays, dateOf, documentKind, FOREIGN_PASSPORT, stepErrors } from "./core/checks.js";
import { tidy, words as wordsFor } from "./core/words.js";
import { collect, fingerprint, ready, store } from "./answers.js";
import { rowsOf } from "./rows.js";

export function init(root) {
  var form = document.getElementById("wizard");
  var checks = JSON.parse(document.getElementById("tirkeu-offline-checks").textContent);
  var words = wordsFor(JSON.parse(document.getElementById("tirkeu-offline-words").textContent));
  var STEPS = checks.steps;
  // Today in Kazakhstan, as the server takes it (or the server's fixed date).
  var today = root.getAttribute("data-today") || new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
  var returnToCheck = false;

  // --- the answers as the form would post them
  function datePart(typed, name) {
    ["day", "month", "year"].forEach(function (p) {
      var field = form.elements.namedItem(name + "-" + p);
      typed[name + "-" + p] = field ? field.value : "";
    });
    return typed;
  }
  function dateValue(name) { return dateOf(datePart({}, name), name); }

  function fieldsOf(section) {
    return Array.from(section.querySelectorAll(".form-group"), function (group) {
      var dateBox = group.querySelector(".date-input");
      var control = group.querySelector("select") || group.querySelector("input[name]"); // not the search box
      var name = dateBox ? control.name.replace(/-day$/, "") : control.name;
      // The id is the name, as WTForms makes it (a radio's inputs: <id>-0, <id>-1…).
      return { group: group, name: name, id: name, kind: dateBox ? "date" : control.type === "radio" ? "radio" : control.tagName === "SELECT" ? "select" : "text" };
    });
  }
  // A radio's checked value; an option only while the search leaves it offered.
  function choiceValue(field) {
    if (field.kind === "radio") {
      var checked = field.group.querySelector("input:checked");
      return checked ? checked.value : "";
    }
    var select = field.group.querySelector("select"), option = select.options[select.selectedIndex];
    return option && !option.disabled ? select.value : "";
  }
  function typedAnswers() {
    var typed = {};
    STEPS.forEach(function (step) {
      fieldsOf(section(step)).forEach(function (field) {
        if (field.kind === "date") datePart(typed, field.name);
        else typed[field.name] = field.kind === "text" ? field.group.querySelector("input").value : choiceValue(field);
      });
    });
    return typed;
  }

  function section(step) { return form.querySelector('section[data-step="' + step + '"]'); }

  function errorsOf(step) {
    var fields = {};
    fieldsOf(section(step)).forEach(function (field) { fields[field.name] = field; });
    return stepErrors(step, typedAnswers(), checks, today).map(function (error) {
      return { field: fields[error.name], message: error.message, part: error.part };
    });
  }

  // --- errors, as macros.html draws them
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    if (text) node.textContent = text;
    return node;
  }
  function clearErrors(part) {
    part.querySelectorAll(".error-message").forEach(function (node) { node.remove(); });
    part.querySelectorAll(".form-group-error").forEach(function (node) { node.classList.remove("form-group-error"); });
    part.querySelectorAll(".input-error").forEach(function (node) { node.classList.remove("input-error"); });
    part.querySelectorAll("[aria-describedby]").forEach(function (node) {
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
      group.querySelectorAll("input.input, select").forEach(function (input) {
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

  // --- children (rows.js draws and removes them)
  function children() { return rowsOf(section("children").querySelector("[data-rows]")); }
  function childBlocks() { return children().rows(); }

  // --- check your answers
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
          var other = field.group.closest("[data-for-document]");
          if (other && other.hidden) return; // not a field of the chosen document (document-kind.js)
          summaryRow(list, labelOf(field), shownValue(field), step, field.kind === "date" ? field.id + "-day" : field.kind === "radio" ? field.id + "-0" : field.id);
        });
      }
      box.appendChild(list);
    });
    var expires = documentKind(typedAnswers(), checks) === FOREIGN_PASSPORT ? dateValue("passport-expires") : null;
    section("check").querySelector("[data-passport-warning]").hidden = !(expires && expires >= today && expires < addDays(today, checks.passport_warning_days));
  }

  // --- moving between steps
  var moved = false; // the first view leaves the focus where the page opens

  function show(view, focusId) {
    if (view === "check") {
      var invalid = STEPS.filter(function (step) { return errorsOf(step).length; });
      if (invalid.length) { show(invalid[0]); continueFrom(invalid[0]); return; }
      drawSummary();
      // The print page prints these answers only: checked, and not changed since.
      store.then(function (s) { return s.set("documents-checked", fingerprint(collect(form))); });
    }
    form.querySelectorAll("section[data-step]").forEach(function (part) {
      part.hidden = part.getAttribute("data-step") !== view;
      if (part.hidden) clearErrors(part);
    });
    var part = section(view);
    document.title = part.getAttribute("data-title") + root.getAttribute("data-title-suffix");
    if (window.location.hash !== "#" + view) history.replaceState(null, "", "#" + view);
    // The other languages open the same step.
    document.querySelectorAll("nav.languages a").forEach(function (link) {
      link.href = link.href.split("#")[0] + "#" + view;
    });
    var target = focusId && document.getElementById(focusId);
    if (target) target.focus();
    else if (moved) {
      // A new step without a new page: screen readers are told by the focus on its heading.
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

  // /ru/documents/card.pdf -> /documents/print#ru/card
  function printUrl(pdfPath) {
    var parts = /^\/(\w+)\/documents\/([\w-]+)\.pdf$/.exec(pdfPath);
    return root.getAttribute("data-print-url") + "#" + parts[1] + "/" + parts[2];
  }

  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return; // a child added or removed (rows.js)
    var button = event.submitter;
    var action = button && button.getAttribute("formaction");
    if (action) return; // a PDF: kept-files.js
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
    var target = match ? match[1] : STEPS[0];
    if (match && match[2] === ".pdf") { window.location.replace(printUrl(from)); return; }
    if (match && match[2] === ".zip") { show("check"); return; }
    returnToCheck = params.get("return_to") === "check";
    if (STEPS.indexOf(target) === -1) { show(target === "check" ? "check" : STEPS[0]); return; }
    show(target);
    var row = /^(add|remove)_(child|stay)(?:-(.+))?$/.exec(nav), rows = row && rowsOf(section(target).querySelector("[data-rows]"));
    if (rows && row[1] === "add") { var added = rows.add(); if (added) added.querySelector("input").focus(); }
    else if (rows) rows.remove(row[3]);
    else if (nav === "continue") next(target);
  }

  var hash = window.location.hash;
  // show() puts the step's name in place of a posted form's answers: none stay in the history.
  ready.then(function () {
    if (hash.indexOf("#_from=") === 0) posted(new URLSearchParams(hash.slice(1)));
    else show(currentView());
  });
}

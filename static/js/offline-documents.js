// "Prepare my documents" without a network: every step on one kept page, one shown at a time
// (#passport … #children, #others, each other adult's #others-<n>-passport …, #check), checked as
// the server checks (core/checks.js), kept by answers.js. Another adult's steps are the first
// adult's as the page came, copied with their own names (others-<n>-…, documents/group.py).
import { addDays, dateOf, documentKind, FOREIGN_PASSPORT, stepErrors } from "./core/checks.js";
import { otherIndices, people, personName } from "./core/group.js";
import { tidy, words as wordsFor } from "./core/words.js";
import { collect, fingerprint, ready, save, store } from "./answers.js";
import { countryList } from "./app.js";
import { bindDocument } from "./document-kind.js";
import { rows as drawRows, rowsOf } from "./rows.js";

export function init(root) {
  var form = document.getElementById("wizard");
  var checks = JSON.parse(document.getElementById("tirkeu-offline-checks").textContent);
  var words = wordsFor(JSON.parse(document.getElementById("tirkeu-offline-words").textContent));
  var STEPS = checks.steps, TRAVELLER_STEPS = checks.traveller_steps;
  var others = section("others"), adultsBox = form.querySelector("[data-adults]");
  var adultWords = JSON.parse(others.getAttribute("data-adult-words"));
  // The first adult's steps as this page came (the page again, from the phone's cache offline),
  // fetched before the kept answers are put back (start.js waits for what init returns): each
  // other adult's steps are copies of them. Without them no one can be added; none is lost.
  var blank = null;
  var pristine = fetch(window.location.pathname, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.text();
  }).then(function (html) {
    var page = new DOMParser().parseFromString(html, "text/html"), box = document.createElement("div");
    TRAVELLER_STEPS.forEach(function (step) { box.appendChild(document.importNode(page.querySelector('section[data-step="' + step + '"]'), true)); });
    blank = box;
  }).catch(function () { others.querySelector("[data-add-adult]").hidden = true; });
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
      var control = group.querySelector("select") || group.querySelector("input[name]"); // not the combobox's box
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
    form.querySelectorAll("section[data-step]").forEach(function (part) {
      if (/^(others|check)$/.test(part.getAttribute("data-step"))) return; // no answers: the host's link is asked there
      fieldsOf(part).forEach(function (field) {
        if (field.kind === "date") datePart(typed, field.name);
        // The field the form sends: the country's combobox shows a name and sends its code.
        else typed[field.name] = field.kind === "text" ? field.group.querySelector("input[name]").value : choiceValue(field);
      });
    });
    return typed;
  }

  function section(step) { return form.querySelector('section[data-step="' + step + '"]'); }

  // A view's adult: null for the first adult's steps and the shared ones, else the row's index.
  function adultOf(view) { var match = /^others-(\d{1,6})-(\w+)$/.exec(view); return match ? { index: +match[1], step: match[2] } : null; }
  function prefixOf(index) { return "others-" + index + "-"; }
  // One adult's answers under one person's names, with the shared ones: core/group.js people().
  function adultAnswers(answers, index) {
    return people(answers, checks.max_adults)[otherIndices(answers).indexOf(index) + 1] || {};
  }
  // `answers`: the typed ones, when the caller has them already.
  function errorsOf(view, answers) {
    if (view === "others" || view === "check") return [];
    var fields = {}, adult = adultOf(view), step = view, prefix = "";
    answers = answers || typedAnswers();
    fieldsOf(section(view)).forEach(function (field) { fields[field.name] = field; });
    if (adult) {
      // Checked as one person's answers, with the place to stay and the host everyone shares (group.js).
      prefix = prefixOf(adult.index);
      step = adult.step;
      answers = adultAnswers(answers, adult.index);
    }
    return stepErrors(step, answers, checks, today).map(function (error) {
      return { field: fields[prefix + error.name], message: error.message, part: error.part };
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
  function childBlocks(view) { return rowsOf(section(view).querySelector("[data-rows]")).rows(); }

  // --- the other adults travelling together: each a copy of the first adult's steps, renamed
  function adults() { return Array.prototype.slice.call(adultsBox.querySelectorAll("[data-adult]")); }
  function numbered(pattern, values) {
    return pattern.replace(/%\((\w+)\)[ds]/g, function (whole, key) { return values[key]; });
  }
  // Each other adult's name by their row's index, from one reading of the page.
  function adultNames() {
    var answers = typedAnswers(), group = people(answers, checks.max_adults), names = {};
    otherIndices(answers).forEach(function (index, i) { names[index] = personName(group[i + 1] || {}); });
    return names;
  }
  // Each adult's number (2, 3…: after the first) in their steps' titles, as the server's step.html.
  function numberAdults() {
    adults().forEach(function (part, i) {
      part.querySelectorAll("section[data-step]").forEach(function (step) {
        var title = numbered(step.getAttribute("data-pattern-title"), { n: i + 2 });
        step.setAttribute("data-title", title);
        step.querySelector("h1").textContent = title;
        var count = step.querySelector(".step-count");
        count.textContent = numbered(count.getAttribute("data-pattern"), { n: i + 2, step: count.getAttribute("data-step-number"), total: count.getAttribute("data-steps") });
      });
    });
  }
  // Every name and id in `node` (and in a row's own template, rows.js) after `prefix`.
  function prefixed(node, prefix) {
    var all = Array.prototype.slice.call(node.querySelectorAll("*"));
    (node.getAttribute ? [node].concat(all) : all).forEach(function (one) { // an element, or a template's content
      ["id", "name", "for", "aria-describedby", "data-rows", "data-step"].forEach(function (attribute) {
        var value = one.getAttribute(attribute);
        if (value) one.setAttribute(attribute, value.split(" ").map(function (part) { return prefix + part; }).join(" "));
      });
      if (one.content) prefixed(one.content, prefix);
    });
  }
  // One more adult, row `index` (the next free one when not given); `saved`: their answers kept
  // on the phone (else offered the first adult's entry and citizenship, as the server offers them).
  function addAdult(index, saved) {
    var present = adults();
    if (index === undefined) {
      if (present.length >= +others.getAttribute("data-max")) return null;
      index = present.reduce(function (most, part) { return Math.max(most, +part.getAttribute("data-adult") + 1); }, 0);
    }
    if (!blank) return null;
    var part = blank.cloneNode(true), to = prefixOf(index);
    // The first adult's steps, said of this adult (as the server's step.html says them).
    part.querySelectorAll("section[data-step]").forEach(function (step, i) {
      step.hidden = true;
      step.setAttribute("data-pattern-title", adultWords.titles[step.getAttribute("data-step")]);
      step.querySelector("a.back-link").setAttribute("href", "#" + (i ? to + TRAVELLER_STEPS[i - 1] : "others"));
      var count = step.querySelector(".step-count");
      count.setAttribute("data-pattern", adultWords.count);
      count.setAttribute("data-step-number", i + 1);
      count.setAttribute("data-steps", TRAVELLER_STEPS.length);
      var heading = step.querySelector("h1");
      heading.parentNode.insertBefore(el("p", { "class": "hint" }, adultWords.hint), heading.nextSibling);
      step.querySelector("button[data-continue]").setAttribute("data-continue", "");
    });
    prefixed(part, to);
    part.setAttribute("data-adult", index);
    adultsBox.appendChild(part);
    var country = part.querySelector('[data-module~="country-list"]');
    if (!saved) {
      ["entry-date-day", "entry-date-month", "entry-date-year", "entry-checkpoint"].forEach(function (name) {
        var mine = form.elements.namedItem(name), theirs = form.elements.namedItem(to + name);
        if (mine && theirs) theirs.value = mine.value;
      });
      var purpose = form.querySelector('input[name="entry-purpose"]:checked');
      var same = purpose && part.querySelector('input[name="' + to + 'entry-purpose"][value="' + purpose.value + '"]');
      if (same) same.checked = true;
      // By its name: namedItem would also find the combobox's box, which has the field's id.
      var citizenship = form.querySelector('[name="person-citizenship"]');
      if (country && citizenship && citizenship.value) country.setAttribute("data-code", citizenship.value);
    } else if (country && saved[to + "person-citizenship"]) {
      country.setAttribute("data-code", saved[to + "person-citizenship"]);
    }
    if (country) countryList(country);
    part.querySelectorAll('[data-module~="rows"]').forEach(function (container) {
      drawRows(container);
      if (saved) rowsOf(container).restore(saved);
    });
    bindDocument(form, part, to);
    numberAdults();
    return part;
  }
  function removeAdult(index) {
    var part = adultsBox.querySelector('[data-adult="' + index + '"]');
    if (part) part.remove();
    numberAdults();
    save(form.getAttribute("data-journey"), form);
  }
  // The list on the "others" view: each adult with their name, to change or remove.
  function drawOthers() {
    var list = others.querySelector("[data-adults-list]"), present = adults(), names = adultNames();
    list.textContent = "";
    present.forEach(function (part, i) {
      var index = +part.getAttribute("data-adult"), n = i + 2, name = names[index];
      var block = el("div", { "class": "stay", id: "adult-" + index });
      block.appendChild(el("h2", { "class": "stay-title" }, numbered(others.getAttribute("data-adult-title"), { n: n }) + (name ? ": " + name : "")));
      var change = el("a", { "class": "button button-secondary", href: "#" + prefixOf(index) + TRAVELLER_STEPS[0], role: "button", draggable: "false" },
        numbered(others.getAttribute("data-change-adult"), { n: n }));
      var remove = el("button", { "class": "button button-secondary", type: "submit", name: "nav", value: "remove_adult-" + index, "data-remove-adult": index },
        numbered(others.getAttribute("data-remove-adult"), { n: n }));
      block.appendChild(change);
      block.appendChild(document.createTextNode(" "));
      block.appendChild(remove);
      list.appendChild(block);
    });
    var full = present.length >= +others.getAttribute("data-max");
    others.querySelector("[data-add-adult]").hidden = full;
    others.querySelector("[data-adults-full]").hidden = !full;
  }
  // On the summary, each other adult's own documents (print: #<lang>/<document>/<n>, as the
  // print page reads it; download: ?person=<n>, as the server's); the host's sheet is everyone's.
  function offerEachAdultsDocuments(names) {
    var list = section("check");
    list.querySelectorAll("[data-adult-documents]").forEach(function (node) { node.remove(); });
    list.querySelectorAll("li[data-document]").forEach(function (item) {
      if (item.getAttribute("data-document") === "host-sheet") return;
      var print = item.querySelector("a.button"), download = item.querySelector("button[formaction]");
      adults().forEach(function (part, i) {
        var n = i + 2, name = names[part.getAttribute("data-adult")] || numbered(others.getAttribute("data-adult-title"), { n: n });
        var box = el("div", { "data-adult-documents": "" });
        box.appendChild(el("p", { "class": "document-for" }, numbered(others.getAttribute("data-adult-title"), { n: n }) + ": " + name));
        var link = print.cloneNode(true);
        link.href = print.getAttribute("href") + "/" + n;
        link.querySelector(".visually-hidden").textContent = ": " + download.getAttribute("data-title") + ", " + name;
        var button = download.cloneNode(true);
        button.setAttribute("formaction", download.getAttribute("formaction") + "?person=" + n);
        button.textContent = numbered(item.parentNode.getAttribute("data-download-for"), { title: download.getAttribute("data-title"), name: name });
        box.appendChild(link);
        box.appendChild(document.createTextNode(" "));
        var officer = item.querySelector("a[data-officer-link]"); // the card's
        if (officer) {
          var shown = officer.cloneNode(true);
          shown.href = officer.getAttribute("href").replace(/\/officer$/, "/" + n + "/officer");
          shown.appendChild(el("span", { "class": "visually-hidden" }, ": " + name));
          box.appendChild(shown);
          box.appendChild(document.createTextNode(" "));
        }
        box.appendChild(button);
        item.appendChild(box);
      });
    });
  }
  // The views in order: the first adult's steps and the shared ones, the list of the others, each
  // other adult's steps, the summary.
  function views() {
    var all = STEPS.concat(["others"]);
    adults().forEach(function (part) {
      var prefix = prefixOf(part.getAttribute("data-adult"));
      all = all.concat(TRAVELLER_STEPS.map(function (step) { return prefix + step; }));
    });
    return all.concat(["check"]);
  }
  // When answers.js puts the kept answers back (before it fills the fields): each adult kept.
  form.addEventListener("tirkeu:restore", function (event) {
    var saved = event.detail;
    otherIndices(saved).slice(0, +others.getAttribute("data-max")).forEach(function (index) {
      if (!adultsBox.querySelector('[data-adult="' + index + '"]')) addAdult(index, saved);
    });
  });

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
  // One view's rows of the summary.
  function summarise(list, view) {
    if (/children$/.test(view)) {
      var blocks = childBlocks(view);
      Array.prototype.forEach.call(blocks, function (block) {
        var parts = fieldsOf(block).map(shownValue);
        summaryRow(list, block.querySelector(".stay-title").textContent, (parts[0] + " " + parts[1]).trim() + ", " + parts[2], view, block.id + "-surname");
      });
      if (!blocks.length) summaryRow(list, section("children").getAttribute("data-title"), root.getAttribute("data-none"), view, "children");
      return;
    }
    fieldsOf(section(view)).forEach(function (field) {
      var other = field.group.closest("[data-for-document]");
      if (other && other.hidden) return; // not a field of the chosen document (document-kind.js)
      summaryRow(list, labelOf(field), shownValue(field), view, field.kind === "date" ? field.id + "-day" : field.kind === "radio" ? field.id + "-0" : field.id);
    });
  }
  function drawSummary() {
    var box = section("check").querySelector("[data-summary]");
    box.textContent = "";
    STEPS.forEach(function (step) {
      box.appendChild(el("h2", null, section(step).getAttribute("data-title")));
      var list = el("dl", { "class": "summary-list" });
      summarise(list, step);
      box.appendChild(list);
    });
    // Each other adult's answers under their name, as the server's summary (check.html).
    var names = adultNames();
    adults().forEach(function (part, i) {
      var index = +part.getAttribute("data-adult"), name = names[index];
      box.appendChild(el("h2", null, numbered(others.getAttribute("data-adult-title"), { n: i + 2 }) + (name ? ": " + name : "")));
      var list = el("dl", { "class": "summary-list" });
      TRAVELLER_STEPS.forEach(function (step) { summarise(list, prefixOf(index) + step); });
      box.appendChild(list);
    });
    var together = el("dl", { "class": "summary-list" });
    summaryRow(together, others.getAttribute("data-title"), adults().length ? String(adults().length) : root.getAttribute("data-none"), "others", "add-adult");
    box.appendChild(together);
    offerEachAdultsDocuments(names);
    var expires = documentKind(typedAnswers(), checks) === FOREIGN_PASSPORT ? dateValue("passport-expires") : null;
    section("check").querySelector("[data-passport-warning]").hidden = !(expires && expires >= today && expires < addDays(today, checks.passport_warning_days));
  }

  // --- moving between steps
  var moved = false; // the first view leaves the focus where the page opens

  function show(view, focusId) {
    if (view === "check") {
      var answers = typedAnswers(); // read once for every view
      var invalid = views().filter(function (one) { return errorsOf(one, answers).length; });
      if (invalid.length) { show(invalid[0]); continueFrom(invalid[0]); return; }
      drawSummary();
      // The print page prints these answers only: checked, and not changed since.
      store.then(function (s) { return s.set("documents-checked", fingerprint(collect(form))); });
    }
    form.querySelectorAll("section[data-step]").forEach(function (part) {
      part.hidden = part.getAttribute("data-step") !== view;
      if (part.hidden) clearErrors(part);
    });
    if (view === "others") drawOthers();
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
    var all = views(), adult = adultOf(step);
    // After another adult's last step, back to the list of adults; after the list, the summary.
    var following = returnToCheck || step === "others" ? "check" : adult && adult.step === TRAVELLER_STEPS[TRAVELLER_STEPS.length - 1] ? "others" : all[all.indexOf(step) + 1];
    if (following === "check") returnToCheck = false;
    go(following);
  }
  function currentView() {
    var view = window.location.hash.slice(1);
    return views().indexOf(view) !== -1 ? view : STEPS[0];
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
    if (button && (button.hasAttribute("data-add-row") || button.hasAttribute("data-remove-row"))) return; // rows.js (an adult's rows: after us)
    event.preventDefault();
    if (button && button.hasAttribute("data-add-adult")) { startAdult(); return; }
    if (button && button.hasAttribute("data-remove-adult")) { removeAdult(button.getAttribute("data-remove-adult")); drawOthers(); others.querySelector("[data-add-adult]").focus(); return; }
    next(currentView());
  });
  form.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-change]");
    if (link) { event.preventDefault(); returnToCheck = true; go(link.getAttribute("href").slice(1), link.getAttribute("data-change")); return; }
    var fix = event.target.closest("a[data-field]");
    if (fix) { event.preventDefault(); var field = document.getElementById(fix.getAttribute("data-field")); if (field) field.focus(); }
  });
  window.addEventListener("hashchange", function () { moved = true; show(currentView()); });

  function startAdult() {
    var part = addAdult();
    returnToCheck = false; // a new adult goes through all their steps, even one added from the summary
    if (!part) { drawOthers(); return; }
    var first = prefixOf(part.getAttribute("data-adult")) + TRAVELLER_STEPS[0];
    go(first, section(first).querySelector("input").id);
  }

  // A form posted while offline (see the service worker): carry on where the person was.
  function posted(params) {
    var address = (params.get("_from") || "").split("?"), from = address[0], nav = params.get("nav") || "continue";
    var person = /^person=(\d{1,2})$/.exec(address[1] || ""); // another adult's document
    var match = /\/documents\/([\w-]+?)(\.pdf|\.zip)?$/.exec(from);
    var target = match ? match[1] : STEPS[0];
    var traveller = /\/documents\/others\/(\d{1,6})\/(\w+)$/.exec(from); // another adult's step
    if (traveller) target = views().indexOf(prefixOf(traveller[1]) + traveller[2]) !== -1 ? prefixOf(traveller[1]) + traveller[2] : "others";
    if (match && match[2] === ".pdf") { window.location.replace(printUrl(from) + (person ? "/" + person[1] : "")); return; }
    if (match && match[2] === ".zip") { show("check"); return; }
    returnToCheck = params.get("return_to") === "check";
    if (views().indexOf(target) === -1) { show(STEPS[0]); return; }
    show(target);
    if (target === "others" && nav === "add_adult") { startAdult(); return; }
    if (target === "others" && nav.indexOf("remove_adult-") === 0) { removeAdult(nav.slice("remove_adult-".length)); drawOthers(); return; }
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
  return pristine;
}

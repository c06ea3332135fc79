// Answers on the device: what a person types is saved as they type (the device store, core/store.js)
// and put back when they return, even offline. Nothing here is ever sent anywhere. Pages get it
// with the scripts every page runs in one module, /pages-<hash>.js (webapp/pwa/store.py drops the
// imports between them).
import { SCHEMA, isAnswer, openStore, renamedRows } from "./core/store.js";

export const store = openStore(SCHEMA, window);
function answer(name) { return isAnswer(SCHEMA, name); }

export function collect(form) {
  var answers = {};
  Array.prototype.forEach.call(form.elements, function (field) {
    if (!answer(field.name) || field.type === "submit" || field.type === "button" || field.type === "file") return;
    if ((field.type === "radio" || field.type === "checkbox") && !field.checked) return;
    answers[field.name] = field.value;
  });
  return answers;
}

function restore(form, saved, addMissing) {
  Object.keys(saved).forEach(function (name) {
    if (!answer(name)) return;
    var fields = fieldsNamed(form, name);
    if (!fields.length) {
      // An empty answer needs no hidden field; one would shadow the row drawn for it later.
      if (!addMissing || !saved[name]) return;
      var hidden = document.createElement("input");
      hidden.type = "hidden"; hidden.name = name; hidden.value = saved[name];
      form.appendChild(hidden);
      return;
    }
    if (fields[0].type === "checkbox") {
      Array.prototype.forEach.call(fields, function (f) { if (f.value === saved[name]) f.checked = true; });
    } else if (fields[0].type === "radio") {
      var anyChecked = Array.prototype.some.call(fields, function (f) { return f.checked; });
      if (!anyChecked) Array.prototype.forEach.call(fields, function (f) { f.checked = f.value === saved[name]; });
    } else if (!fields[0].value) {
      setValue(fields[0], saved[name]);
    }
  });
}

// A value written here, not typed: a field drawn from another (the country's combobox, app.js)
// is told, to show it.
function setValue(field, value) {
  field.value = value;
  field.dispatchEvent(new CustomEvent("tirkeu:value"));
}

// As webapp/case.py `carried`, with its table in the schema.
function caseNames(part, journey) {
  return part.date ? SCHEMA.case.date_parts.map(function (p) { return part[journey] + "-" + p; }) : [part[journey]];
}
// Each journey names its rows of earlier stays with its own prefix (s-<n>-… in "My deadlines").
export function rowPrefix(journey) { return SCHEMA.case.rows.prefix[journey]; }
function rowPattern(journey) {
  return new RegExp("^" + rowPrefix(journey) + "-\\d{1,6}-(" + SCHEMA.case.rows.fields.join("|") + ")-(" + SCHEMA.case.date_parts.join("|") + ")$");
}
// Answers with the journey's rows under their other names (an address of before; the documents'
// link from the result), named as the journey names them.
export function currentRows(answers, journey) {
  var former = SCHEMA.case.rows.also_read[journey];
  return former ? renamedRows(answers, former, rowPrefix(journey)) : answers;
}
export function carried(answers, source, target) {
  var out = {}, row = rowPattern(source);
  answers = currentRows(answers, source);
  SCHEMA.case.parts.forEach(function (part) {
    var to = caseNames(part, target);
    caseNames(part, source).forEach(function (name, i) {
      var value = (answers[name] || "").trim(), values = part.values;
      if ((part.skip || []).indexOf(value) !== -1) value = "";
      else if (values) value = (source === "deadlines" ? values[value] : Object.keys(values).find(function (k) { return values[k] === value; })) || "";
      if (value) out[to[i]] = value;
    });
  });
  Object.keys(answers).forEach(function (key) {
    if (row.test(key) && answers[key].trim()) out[rowPrefix(target) + key.slice(rowPrefix(source).length)] = answers[key].trim();
  });
  return out;
}
// The other journey's record gets this one's case, whole: a part cleared here is cleared there.
function shareCase(s, journey, answers) {
  var other = { deadlines: "documents", documents: "deadlines" }[journey];
  if (!other) return Promise.resolve();
  var names = [].concat.apply([], SCHEMA.case.parts.map(function (part) { return caseNames(part, other); }));
  return s.get(other).then(function (saved) {
    var merged = {};
    Object.keys(saved || {}).forEach(function (key) { if (!rowPattern(other).test(key) && names.indexOf(key) === -1) merged[key] = saved[key]; });
    return s.set(other, Object.assign(merged, carried(answers, journey, other)));
  });
}

// A page writes to the device only what changed on it since it last agreed with the device (its
// baseline): never the fields the server drew again (a reloaded, re-posted step) or an older tab's.
// On load and whenever another tab saves (BroadcastChannel) or this one is shown again, the
// device's answers replace the page's, except those changed here since. A change about to leave
// with a submit is also kept in sessionStorage (synchronous) for the next page of this tab.
var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("tirkeu-answers") : null;
var PENDING = "tirkeu-pending:";
function own(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }

function changes(form) { // {name: value or null (gone)} since the baseline
  var now = collect(form), base = form.tirkeuBaseline || {}, out = {};
  Object.keys(now).forEach(function (name) { if (now[name] !== base[name]) out[name] = now[name]; });
  Object.keys(base).forEach(function (name) { if (!own(now, name)) out[name] = null; });
  return out;
}

function apply(saved, diff) {
  var merged = Object.assign({}, saved);
  Object.keys(diff).forEach(function (name) { if (diff[name] === null) delete merged[name]; else merged[name] = diff[name]; });
  return merged;
}

function pending(journey, diff) { // read (and forget) or, with diff, keep this tab's last changes
  try {
    if (diff) { sessionStorage.setItem(PENDING + journey, JSON.stringify(diff)); return null; }
    var kept = JSON.parse(sessionStorage.getItem(PENDING + journey) || "null");
    sessionStorage.removeItem(PENDING + journey);
    return kept;
  } catch { return null; }
}

var persisted = null; // resolves true when the phone promised not to clear the answers
function askPersist() {
  if (!persisted) {
    persisted = navigator.storage && navigator.storage.persist
      ? navigator.storage.persist().catch(function () { return false; }) : Promise.resolve(false);
    persisted.then(function (kept) { if (!kept) document.dispatchEvent(new CustomEvent("tirkeu:not-persisted")); });
  }
  return persisted;
}

export function save(journey, form) {
  // Never before the saved answers are back on the page (or when they could not be).
  if (form.tirkeuRestored === false) return Promise.resolve();
  var diff = changes(form), names = Object.keys(diff), base = form.tirkeuBaseline || {};
  if (!names.length) return Promise.resolve();
  askPersist();
  form.tirkeuBaseline = collect(form);
  return store.then(function (s) {
    return s.get(journey).then(function (saved) { // read again just before writing: another tab's changes stay
      // A field still empty here that this tab never had an answer for is not this tab's answer:
      // another tab's, written since, stays (a tab opened while another saved wrote "" over it).
      // An empty field with nothing saved is still written: an added row, left empty, stays.
      names.forEach(function (name) { if (diff[name] === "" && !own(base, name) && saved && saved[name]) delete diff[name]; });
      var answers = apply(saved || {}, diff);
      return s.set(journey, answers).then(function () { return shareCase(s, journey, answers); });
    });
  }).then(function () { if (channel) channel.postMessage({ journey: journey }); });
}

function fieldsNamed(form, name) {
  return form.querySelectorAll('[name="' + (window.CSS && CSS.escape ? CSS.escape(name) : name.replace(/["\\]/g, "")) + '"]');
}

// The device's value in the page's field, whatever the page had.
function put(form, name, value, addMissing) {
  var fields = fieldsNamed(form, name);
  if (!fields.length) {
    if (addMissing && value) restore(form, { [name]: value }, true);
    return;
  }
  if (fields[0].type === "checkbox" || fields[0].type === "radio") {
    Array.prototype.forEach.call(fields, function (f) { f.checked = value !== null && f.value === value; });
  } else if (value === null && fields[0].type === "hidden") {
    fields[0].remove();
  } else {
    setValue(fields[0], value === null ? "" : value);
  }
}

// The device's answers over the page's, but for what was changed here since the baseline.
function sync(journey, form, addMissing) {
  return store.then(function (s) { return s.get(journey); }).then(function (saved) {
    saved = saved || {};
    var mine = changes(form), base = form.tirkeuBaseline || {};
    Object.keys(saved).concat(Object.keys(base)).forEach(function (name) {
      if (own(mine, name) || !answer(name)) return;
      var value = own(saved, name) ? saved[name] : null;
      if (value !== (own(base, name) ? base[name] : null)) put(form, name, value, addMissing);
    });
    form.tirkeuBaseline = collect(form);
  });
}

// The answers as one string, to tell whether they changed since they were checked.
export function fingerprint(answers) {
  return JSON.stringify(Object.keys(answers || {}).filter(function (k) { return answer(k) && answers[k]; }).sort()
    .map(function (k) { return [k, answers[k]]; }));
}

function fromQuery() {
  var answers = {};
  new URLSearchParams(window.location.search).forEach(function (value, key) { answers[key] = value; });
  return answers;
}

// Only a query that holds this form's answers replaces the saved ones (not ?utm_source=…).
function answersInQuery(form) {
  return Object.keys(fromQuery()).some(function (name) { return answer(name) && form.elements.namedItem(name); });
}

function bind(form, fieldsReady) {
  var journey = form.getAttribute("data-journey");
  form.tirkeuRestored = false;
  var fresh = form.hasAttribute("data-fresh"); // no answers came with this page: take the device's
  // Once the fields the page draws (the country lists) are there. If they cannot be drawn, the
  // answers are neither put back nor saved: nothing is overwritten.
  var ready = Promise.resolve(fieldsReady).then(function () { return store; }).then(function (s) {
    return s.get(journey).then(function (saved) {
      var left = pending(journey); // this tab's last changes, if the page left before they were written
      if (!left) return saved;
      saved = apply(saved || {}, left);
      return s.set(journey, saved).then(function () { return saved; });
    });
  }).then(function (saved) {
    form.tirkeuBaseline = saved ? Object.assign({}, saved) : {};
    if (fresh && answersInQuery(form)) {
      // Served from the phone's cache with answers in the URL ("Change your answers" offline);
      // the documents' first step with the case "My deadlines" carried: the rest stays.
      saved = journey === "documents" ? Object.assign({}, saved, currentRows(fromQuery(), journey)) : currentRows(fromQuery(), journey);
    }
    // Rows for some answers (an earlier stay, a child: rows.js) are drawn now, before they are filled.
    if (saved && fresh) form.dispatchEvent(new CustomEvent("tirkeu:restore", { detail: saved }));
    // Anything without a field on this page travels on as a hidden field, never dropped.
    if (saved && fresh) restore(form, saved, true);
    // A page the server drew with answers (a posted step, reloaded or not; an old tab's): the
    // device's answers win over its fields; what the device lacks is taken from the page.
    if (saved && !fresh) Object.keys(saved).forEach(function (name) { if (answer(name)) put(form, name, saved[name], false); });
    if (!fresh) {
      var drawn = collect(form);
      Object.keys(drawn).forEach(function (name) { if (!own(form.tirkeuBaseline, name) && drawn[name]) delete drawn[name]; });
      form.tirkeuBaseline = drawn; // what the device lacks and the page has is then written
    }
    form.tirkeuRestored = true;
    return save(journey, form);
  }).catch(function () { form.tirkeuRestored = false; });
  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(function () { save(journey, form); }, 150); }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented || !form.tirkeuRestored) { save(journey, form); return; } // a row added or removed: the page stays
    var diff = changes(form);
    pending(journey, diff);
    save(journey, form).then(function () { pending(journey); }); // written: nothing left for the next page
  });
  // Another tab's change, or the page shown again: once this page has its answers back (a change
  // that comes while they are being put back is synced right after, not missed).
  function again() {
    ready.then(function () { if (form.tirkeuRestored) return sync(journey, form, true); }).catch(function () { /* kept as it is */ });
  }
  if (channel) channel.addEventListener("message", function (event) { if (event.data && event.data.journey === journey) again(); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") again(); });
  window.addEventListener("pageshow", function (event) { if (event.persisted) again(); });
  return ready;
}

export function forgetEverything() {
  return store.then(function (s) { return s.clear(); }).then(function () {
    document.dispatchEvent(new CustomEvent("tirkeu:forgotten")); // the list of kept PDFs empties
    try { Object.keys(localStorage).forEach(function (k) { if (k.indexOf(SCHEMA.localPrefix) === 0) localStorage.removeItem(k); }); } catch { /* no storage */ }
    try { sessionStorage.clear(); } catch { /* no storage */ }
    document.querySelectorAll("form[data-journey]").forEach(function (form) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.type === "radio" || field.type === "checkbox") field.checked = false;
        else if (field.tagName === "SELECT") field.selectedIndex = 0;
        else if (field.type === "hidden" && answer(field.name)) field.remove();
        else if (field.type !== "submit" && field.type !== "button" && field.type !== "hidden") setValue(field, "");
      });
    });
  });
}

function exportFile() {
  return store.then(function (s) { return s.all(); }).then(function (all) {
    var blob = new Blob([JSON.stringify({ tirkeu: 1, answers: all }, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "tirkeu-answers.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
}

function importFile(file) {
  return file.text().then(function (text) {
    var data = JSON.parse(text);
    if (!data || data.tirkeu !== 1 || typeof data.answers !== "object") throw new Error("not a Tirkeu file");
    return store.then(function (s) {
      return Promise.all(Object.keys(data.answers).filter(function (k) { return k === "deadlines" || k === "documents"; })
        .map(function (k) { return s.set(k, data.answers[k]); }));
    });
  });
}

var restored;
// Resolves when every form on the page has its answers back from the device.
export const ready = new Promise(function (resolve) { restored = resolve; });

// The forms that keep their answers (data-module="answers"), started by start.js.
export function bindForms(forms, fieldsReady) {
  Promise.all(forms.map(function (form) { return bind(form, fieldsReady); })).then(restored, restored);
}

// A part of a page that only JavaScript can use, fetched from the slot's data-src (the service
// worker keeps it) and put in the slot's place: resolves with the part.
export function fetchPart(slot, selector) {
  return fetch(slot.getAttribute("data-src")).then(function (response) {
    if (!response.ok) throw new Error("no " + selector);
    return response.text();
  }).then(function (html) {
    var part = new DOMParser().parseFromString(html, "text/html").querySelector(selector);
    slot.replaceWith(document.adoptNode(part));
    return part;
  });
}

// The footer's panel (data-module="device-answers"), fetched: pages without JavaScript, which
// cannot use it, do not carry it. After the page has loaded: it is not urgent.
export function showPanel(slot) {
  if (document.readyState !== "complete") { window.addEventListener("load", function () { showPanel(slot); }); return; }
  fetchPart(slot, "#device-answers").then(bindPanel).catch(function () { /* no panel: the answers are still kept */ });
}

// Where answers are typed, a plain notice when they are not kept (no storage at all) or may be
// cleared (the phone refused storage.persist()), with "save to a file". Not kept: before the form,
// to be read before typing. May be cleared (most phones that have not installed Tirkeu): after
// it, by the button that sends it, so that it moves none of the fields above it (no layout shift).
function notice(panel, attribute) {
  document.querySelectorAll("form[data-journey]").forEach(function (form) {
    var box = form.parentNode.querySelector("[data-storage-notice]");
    if (!box) {
      box = document.createElement("div");
      box.className = "warning storage-notice";
      box.setAttribute("data-storage-notice", "");
      box.setAttribute("role", "status");
      var text = document.createElement("p"), button = document.createElement("button");
      button.type = "button";
      button.className = "button button-secondary";
      button.textContent = panel.querySelector("[data-export]").textContent;
      button.addEventListener("click", exportFile);
      box.append(text, button);
    }
    if (attribute === "data-not-kept") form.before(box);
    else form.after(box);
    box.setAttribute("data-kind", attribute);
    box.querySelector("p").textContent = panel.getAttribute(attribute);
  });
}

function bindPanel(panel) {
  panel.hidden = false;
  store.then(function (s) {
    if (s.lasting) return;
    panel.querySelector("[data-kept-claim]").hidden = true; // it would not be true here
    notice(panel, "data-not-kept");
  });
  function refused() { store.then(function (s) { if (s.lasting) notice(panel, "data-may-clear"); }); }
  if (persisted) persisted.then(function (kept) { if (!kept) refused(); });
  else document.addEventListener("tirkeu:not-persisted", refused);
  var status = panel.querySelector("[data-answers-status]");
  function say(attribute) { status.textContent = panel.getAttribute(attribute); }
  panel.querySelector("[data-forget]").addEventListener("click", function () {
    forgetEverything().then(function () { say("data-forgotten"); });
  });
  panel.querySelector("[data-export]").addEventListener("click", exportFile);
  panel.querySelector("[data-import]").addEventListener("change", function (event) {
    if (!event.target.files.length) return;
    importFile(event.target.files[0]).then(function () {
      say("data-imported");
      document.querySelectorAll("form[data-journey]").forEach(function (form) {
        store.then(function (s) { return s.get(form.getAttribute("data-journey")); }).then(function (saved) {
          if (saved) restore(form, saved, form.getAttribute("data-journey") === "documents");
        });
      });
    }, function () { say("data-import-failed"); });
  });
}

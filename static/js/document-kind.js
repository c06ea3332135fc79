// The fields follow the document the person crossed with (documents/answers.py VARIANTS): the
// passport step's date of expiry and hints, the labels (offline), and, for the Russian internal
// passport, the Latin spelling offered from the Cyrillic as Russian foreign passports spell it
// (core/checks.js icaoLatin), until the person types another. Without this file every part shows
// and the server checks what the chosen document has. Each other adult travelling together has
// their own document: bindDocument(form, their part of the page, "others-<n>-") (offline-documents.js).
import { FOREIGN_PASSPORT, icaoLatin, RU_INTERNAL_PASSPORT } from "./core/checks.js";
import { ready } from "./answers.js";

var LATIN = { "person-surname_cyrillic": "person-surname_latin", "person-given_names_cyrillic": "person-given_names_latin" };

export function init(el) {
  var form = el.closest("form");
  if (!form || form.hasAttribute("data-document-bound")) return; // the offline page has both steps
  form.setAttribute("data-document-bound", "");
  bindDocument(form, form, "");
}

// The fields named <prefix><name> in `scope`: the first adult's are outside every [data-adult].
export function bindDocument(form, scope, prefix) {
  var offered = {}; // the Latin spelling last offered, by field: replaced while not changed
  // The labels that differ from the passport's: with the offline page's checks, or the step's own.
  var checks = document.getElementById("tirkeu-offline-checks"), own = document.getElementById("tirkeu-document-labels");
  var labels = checks ? JSON.parse(checks.textContent).document_labels : own ? JSON.parse(own.textContent) : {};
  function labelOf(name) { return scope.querySelector('label.label[for="' + prefix + name + '"]'); }
  function field(name) { return form.elements.namedItem(prefix + name); }
  var passport = {}; // the passport's labels: the page's when it was drawn for the passport
  Object.keys(labels).forEach(function (kind) {
    Object.keys(labels[kind]).forEach(function (name) {
      var label = labelOf(name);
      if (label) passport[name] = (labels[FOREIGN_PASSPORT] || {})[name] || label.textContent;
    });
  });

  function kind() {
    var chosen = field("passport-document");
    return (chosen && chosen.value) || FOREIGN_PASSPORT;
  }
  function offer(cyrillicName) {
    var latin = field(LATIN[cyrillicName]), cyrillic = field(cyrillicName);
    if (!latin || !cyrillic || kind() !== RU_INTERNAL_PASSPORT) return;
    if (latin.value && latin.value !== offered[latin.name]) return; // typed by the person
    latin.value = offered[latin.name] = icaoLatin(cyrillic.value.trim().split(/\s+/).join(" "));
  }
  function follow() {
    var current = kind();
    scope.querySelectorAll("[data-for-document]").forEach(function (part) {
      if (!prefix && part.closest("[data-adult]")) return; // another adult's
      part.hidden = part.getAttribute("data-for-document").split(" ").indexOf(current) === -1;
    });
    Object.keys(passport).forEach(function (name) {
      labelOf(name).textContent = (labels[current] || {})[name] || passport[name];
    });
    Object.keys(LATIN).forEach(offer);
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === prefix + "passport-document") follow();
  });
  form.addEventListener("input", function (event) {
    var name = event.target.name || "";
    if (name.indexOf(prefix) === 0 && Object.prototype.hasOwnProperty.call(LATIN, name.slice(prefix.length))) offer(name.slice(prefix.length));
  });
  follow();
  ready.then(follow); // the answers kept on the phone are back (answers.js)
}

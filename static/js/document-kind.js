// The fields follow the document the person crossed with (documents/answers.py VARIANTS): the
// passport step's date of expiry and hints, the labels (offline), and, for the Russian internal
// passport, the Latin spelling offered from the Cyrillic as Russian foreign passports spell it
// (core/checks.js icaoLatin), until the person types another. Without this file every part shows
// and the server checks what the chosen document has.
import { FOREIGN_PASSPORT, icaoLatin, RU_INTERNAL_PASSPORT } from "./core/checks.js";
import { ready } from "./answers.js";

var LATIN = { "person-surname_cyrillic": "person-surname_latin", "person-given_names_cyrillic": "person-given_names_latin" };

export function init(el) {
  var form = el.closest("form");
  if (!form || form.hasAttribute("data-document-bound")) return; // the offline page has both steps
  form.setAttribute("data-document-bound", "");
  var offered = {}; // the Latin spelling last offered, by field: replaced while not changed
  // The labels that differ from the passport's: with the offline page's checks, or the step's own.
  var checks = document.getElementById("tirkeu-offline-checks"), own = document.getElementById("tirkeu-document-labels");
  var labels = checks ? JSON.parse(checks.textContent).document_labels : own ? JSON.parse(own.textContent) : {};
  var passport = {}; // the passport's labels: the page's when it was drawn for the passport
  Object.keys(labels).forEach(function (kind) {
    Object.keys(labels[kind]).forEach(function (name) {
      var label = form.querySelector('label.label[for="' + name + '"]');
      if (label) passport[name] = (labels[FOREIGN_PASSPORT] || {})[name] || label.textContent;
    });
  });

  function kind() {
    var field = form.elements.namedItem("passport-document");
    return (field && field.value) || FOREIGN_PASSPORT;
  }
  function offer(cyrillicName) {
    var latin = form.elements.namedItem(LATIN[cyrillicName]), cyrillic = form.elements.namedItem(cyrillicName);
    if (!latin || !cyrillic || kind() !== RU_INTERNAL_PASSPORT) return;
    if (latin.value && latin.value !== offered[latin.name]) return; // typed by the person
    latin.value = offered[latin.name] = icaoLatin(cyrillic.value.trim().split(/\s+/).join(" "));
  }
  function follow() {
    var current = kind();
    form.querySelectorAll("[data-for-document]").forEach(function (part) {
      part.hidden = part.getAttribute("data-for-document").split(" ").indexOf(current) === -1;
    });
    Object.keys(passport).forEach(function (name) {
      var label = form.querySelector('label.label[for="' + name + '"]');
      label.textContent = (labels[current] || {})[name] || passport[name];
    });
    Object.keys(LATIN).forEach(offer);
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "passport-document") follow();
  });
  form.addEventListener("input", function (event) {
    if (Object.prototype.hasOwnProperty.call(LATIN, event.target.name)) offer(event.target.name);
  });
  follow();
  ready.then(follow); // the answers kept on the phone are back (answers.js)
}

// Rows a person adds and removes (earlier stays, children), drawn on the phone from a <template>
// of one row, so that adding or removing one needs no network. Without JavaScript the same
// buttons go to the server, which draws the same rows. Markup: a container [data-rows=<prefix>]
// with data-title, data-remove ("… %(n)d") and data-max; rows [data-row] with [data-row-title]
// and a [data-remove-row=<index>] button; an [data-add-row] button; the <template data-row-template>.
import { save } from "./answers.js";

const drawn = new WeakMap();
// The rows of a container rows() has set up: { add, remove, rows, restore } (offline-documents.js uses them).
export function rowsOf(container) { return drawn.get(container); }

export function rows(container) {
  var prefix = container.getAttribute("data-rows");
  var form = container.closest("form");
  var template = container.querySelector("template[data-row-template]");
  var addButton = container.querySelector("[data-add-row]");
  var max = +container.getAttribute("data-max");

  function rows() { return container.querySelectorAll("[data-row]"); }
  function numbered(attribute, n) { return container.getAttribute(attribute).replace("%(n)d", n); }
  function renumber() {
    Array.prototype.forEach.call(rows(), function (row, i) {
      row.querySelector("[data-row-title]").textContent = numbered("data-title", i + 1);
      row.querySelector("[data-remove-row]").textContent = numbered("data-remove", i + 1);
    });
  }

  function add(index) {
    if (rows().length >= max) return null;
    if (index === undefined) { // after every index in use, by a row or by any field of the form
      index = 0;
      var used = new RegExp("^" + prefix + "-(\\d{1,6})-");
      Array.prototype.forEach.call(form.elements, function (field) {
        var match = used.exec(field.name || "");
        if (match) index = Math.max(index, +match[1] + 1);
      });
    }
    var row = template.content.firstElementChild.cloneNode(true);
    [row].concat(Array.prototype.slice.call(row.querySelectorAll("*"))).forEach(function (node) {
      ["id", "name", "for", "aria-describedby"].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value) node.setAttribute(attribute, value.split(prefix + "-0").join(prefix + "-" + index));
      });
    });
    var remove = row.querySelector("[data-remove-row]");
    remove.value = remove.value.replace(/0$/, String(index));
    remove.setAttribute("data-remove-row", index);
    container.insertBefore(row, addButton);
    renumber();
    return row;
  }

  function remove(index) {
    var row = document.getElementById(prefix + "-" + index);
    if (row) row.remove();
    renumber();
    save(form.getAttribute("data-journey"), form);
  }

  // When answers.js puts the saved answers back: a row for each one saved, first (for rows drawn
  // after that, offline-documents.js calls it).
  function restore(saved) {
    var indices = {};
    Object.keys(saved).forEach(function (key) {
      var match = new RegExp("^" + prefix + "-(\\d{1,6})-").exec(key);
      // Every saved row, even one added and left empty: the person sees what they added.
      if (match && !document.getElementById(prefix + "-" + match[1])) indices[+match[1]] = true;
    });
    Object.keys(indices).map(Number).sort(function (a, b) { return a - b; }).forEach(function (i) { add(i); });
  }
  form.addEventListener("tirkeu:restore", function (event) { restore(event.detail); });

  // Runs before the pages' own submit handlers (start.js starts rows first), which then see
  // defaultPrevented and leave the button alone.
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !container.contains(button)) return;
    if (button.hasAttribute("data-add-row")) {
      event.preventDefault();
      var row = add();
      if (row) row.querySelector("input").focus();
    } else if (button.hasAttribute("data-remove-row")) {
      event.preventDefault();
      remove(button.getAttribute("data-remove-row"));
      addButton.focus();
    }
  });
  drawn.set(container, { add: add, remove: remove, rows: rows, restore: restore });
}

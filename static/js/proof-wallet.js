// Your proof of registration: the PDF of the notification of arrival, the registration certificate
// or a photo of either, kept on this phone only (the device store's "proofs", core/store.js), and
// listed with the date on it. The form is never posted. "My deadlines" marks the registration done
// when such a proof dated on or after the entry is kept (kept-files.js).
import { dateParts, fill, numericDate } from "./core/words.js";
import { store } from "./answers.js";

export function init(form) {
  var list = document.querySelector("[data-proof-list]");
  var words = JSON.parse(document.getElementById("tirkeu-proof-words").textContent);
  var status = form.querySelector("[data-proof-status]");
  var links = []; // object URLs of the list, released when it is drawn again
  var undo = form.querySelector("[data-proof-undo]"), removed = null;
  form.hidden = false;

  // Today in Kazakhstan, as the server takes it (a fixed date only where the server has one set).
  function today() { return form.getAttribute("data-today") || new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date()); }
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // --- the form's checks, each message next to its field and in the summary -----------------
  function check() {
    var errors = [];
    var kind = form.querySelector("input[name=kind]:checked");
    if (!kind) errors.push({ group: "proof-kind-group", anchor: "proof-kind-0", message: words.messages.required_kind });
    var date = dateParts({ day: form.elements["date-day"].value, month: form.elements["date-month"].value,
                          year: form.elements["date-year"].value });
    var dateError = date.empty ? "required_date" : date.error || (date.iso > today() ? "date_ahead" : null);
    if (dateError) errors.push({ group: "proof-date-group", anchor: "proof-date-" + (date.part || "day"), part: date.part, message: words.messages[dateError] });
    var file = form.elements.file.files[0];
    // Some phones give no type (a HEIC photo, a file from a cloud drive): the name's ending then.
    var type = file && (file.type || (/\.pdf$/i.test(file.name) ? "application/pdf" : /\.(jpe?g|png|gif|webp|heic|heif)$/i.test(file.name) ? "image/*" : ""));
    var fileError = !file ? "required_file"
      : !(type === "application/pdf" || /^image\//.test(type)) ? "wrong_type"
      : file.size > +form.getAttribute("data-max-mb") * 1024 * 1024 ? "too_big" : null;
    if (fileError) errors.push({ group: "proof-file-group", anchor: "proof-file", message: words.messages[fileError] });
    return { errors: errors, kind: kind && kind.value, date: date.iso, file: file };
  }

  function clearErrors() {
    form.querySelector("[data-error-summary]").textContent = "";
    Array.prototype.forEach.call(form.querySelectorAll(".error-message"), function (node) { node.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll(".form-group-error"), function (node) { node.classList.remove("form-group-error"); });
    Array.prototype.forEach.call(form.querySelectorAll(".input-error"), function (node) { node.classList.remove("input-error"); });
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-described]"), function (node) {
      node.setAttribute("aria-describedby", node.getAttribute("data-error-described"));
      if (!node.getAttribute("aria-describedby")) node.removeAttribute("aria-describedby");
      node.removeAttribute("data-error-described");
    });
  }

  function showErrors(errors) {
    var items = el("ul");
    errors.forEach(function (error) {
      var group = document.getElementById(error.group), id = error.group.replace(/-group$/, "") + "-error";
      group.classList.add("form-group-error");
      var message = el("p", { "class": "error-message", id: id });
      message.appendChild(el("span", { "class": "visually-hidden" }, form.getAttribute("data-error-prefix")));
      message.appendChild(document.createTextNode(" " + error.message));
      var after = group.querySelector(".hint") || group.querySelector("legend, label");
      after.parentNode.insertBefore(message, after.nextSibling);
      var described = group.querySelector("fieldset") || group.querySelector("input");
      described.setAttribute("data-error-described", described.getAttribute("aria-describedby") || "");
      described.setAttribute("aria-describedby", ((described.getAttribute("aria-describedby") || "") + " " + id).trim());
      Array.prototype.forEach.call(group.querySelectorAll("input.input, input.file-input"), function (input) {
        if (!error.part || input.id === "proof-date-" + error.part) input.classList.add("input-error");
      });
      var item = el("li");
      item.appendChild(el("a", { href: "#" + error.anchor }, error.message));
      items.appendChild(item);
    });
    var summary = el("div", { "class": "error-summary", role: "alert", tabindex: "-1" });
    summary.appendChild(el("h2", { "class": "error-summary-title" }, form.getAttribute("data-problem")));
    summary.appendChild(items);
    form.querySelector("[data-error-summary]").appendChild(summary);
    summary.focus();
  }

  // --- the list ------------------------------------------------------------------------------
  function proofs() {
    return store.then(function (s) { return s.proofs.list(); }).then(function (kept) {
      return kept.sort(function (a, b) { return b.date.localeCompare(a.date) || b.added.localeCompare(a.added); });
    });
  }

  function draw() {
    return proofs().then(function (kept) {
      links.forEach(URL.revokeObjectURL);
      links = [];
      var items = list.querySelector("ul");
      items.textContent = "";
      kept.forEach(function (proof) {
        var item = el("li", { "class": "proof-item" });
        var title = fill(list.getAttribute("data-dated"), { kind: words.kinds[proof.kind], date: numericDate(proof.date) });
        item.appendChild(el("p", { "class": "proof-title" }, title));
        item.appendChild(el("p", { "class": "small" }, fill(list.getAttribute("data-added"), { name: proof.name, date: numericDate(proof.added) })));
        var actions = el("p", { "class": "button-row" });
        // Saved to the phone's files and opened by its own viewer: the page's security policy would
        // not let a PDF or a photo show in a tab of this site.
        var open = el("a", { "class": "button button-secondary", href: URL.createObjectURL(proof.blob), download: proof.name });
        links.push(open.href);
        open.textContent = list.getAttribute("data-open");
        open.appendChild(el("span", { "class": "visually-hidden" }, ": " + title));
        var remove = el("button", { "class": "button button-secondary", type: "button" }, list.getAttribute("data-remove"));
        remove.appendChild(el("span", { "class": "visually-hidden" }, ": " + title));
        remove.addEventListener("click", function () {
          store.then(function (s) { return s.proofs.remove(proof.key); }).then(draw).then(function () {
            status.textContent = fill(form.getAttribute("data-removed"), { kind: words.kinds[proof.kind], date: numericDate(proof.date) });
            // It may have been the only copy: one step back, until the next change.
            removed = proof;
            undo.hidden = false;
            undo.focus();
          });
        });
        actions.appendChild(open);
        actions.appendChild(remove);
        item.appendChild(actions);
        items.appendChild(item);
      });
      if (!kept.length) items.appendChild(el("li", null, list.getAttribute("data-none")));
      list.hidden = false;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    status.textContent = "";
    var answer = check();
    if (answer.errors.length) { showErrors(answer.errors); return; }
    var record = { proof: true, kind: answer.kind, date: answer.date, added: today(),
                   name: answer.file.name, type: answer.file.type, blob: answer.file };
    store.then(function (s) {
      record.key = s.schema.prefixes.proof + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      return s.proofs.put(record.key, record);
    }).then(function () {
      form.reset();
      removed = null;
      undo.hidden = true;
      return draw();
    }).then(function () {
      status.textContent = fill(form.getAttribute("data-kept"), { kind: words.kinds[record.kind], date: numericDate(record.date) });
    }, function () {
      showErrors([{ group: "proof-file-group", anchor: "proof-file", message: words.messages.not_kept }]);
    });
  });

  undo.addEventListener("click", function () {
    var proof = removed;
    if (!proof) return;
    store.then(function (s) { return s.proofs.put(proof.key, proof); }).then(draw).then(function () {
      removed = null;
      undo.hidden = true;
      status.textContent = fill(form.getAttribute("data-kept"), { kind: words.kinds[proof.kind], date: numericDate(proof.date) });
      form.querySelector("button[type=submit]").focus();
    });
  });
  store.then(function (s) { form.querySelector("[data-memory-only]").hidden = s.durable; });
  document.addEventListener("tirkeu:forgotten", draw);
  draw();
}

// PDFs on this phone. A PDF downloaded with a connection is also kept on the device (the device
// store's "files", core/store.js, opened by answers.js) and listed on the documents pages, to open
// again offline. A PDF asked for without a connection is remembered: the phone's own print page
// opens at once, and the PDF is made as soon as the app is open with a connection again. Nothing
// is kept on the server.
import { store } from "./answers.js";

// /<language>/documents/<name>.pdf: the first part is the page's language, whichever the app has.
var PDF_PATH = /^\/([\w-]+)\/documents\/([\w-]+)\.pdf$/;
var links = []; // object URLs of the list, released when it is drawn again

function numericDate(iso) { return iso.slice(8, 10) + "." + iso.slice(5, 7) + "." + iso.slice(0, 4); }
function fill(text, values) { return text.replace(/\{(\w+)\}/g, function (m, key) { return values[key]; }); }

function download(blob, filename) {
  var link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

function keep(request, blob) {
  return store.then(function (s) {
    return s.files.put(request.language + "/" + request.name, {
      name: request.name, language: request.language, title: request.title, blob: blob,
      made: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date())
    }).then(function () { return s.files.remove(s.schema.prefixes.pending + request.language + "/" + request.name); });
  });
}

var WAIT_MS = 45000; // a connection that is up but carries nothing counts as none

// The PDF (a Blob), or null when the server refused the answers (400); a failure otherwise.
function ask(request, body) {
  var controller = window.AbortController ? new AbortController() : null;
  var timer = controller && setTimeout(function () { controller.abort(); }, WAIT_MS);
  return fetch(request.path, { method: "POST", body: body, credentials: "same-origin", signal: controller && controller.signal })
    .then(function (response) {
      clearTimeout(timer);
      var isPdf = (response.headers.get("Content-Type") || "").indexOf("application/pdf") === 0;
      if (response.ok && isPdf) return response.blob();
      if (response.status === 400) return null;
      throw new Error("answered " + response.status); // a deploy, an overloaded server: try again later
    });
}

// "Download … (PDF)" on the documents pages.
function intercept(form) {
  var bypass = false;
  form.addEventListener("submit", function (event) {
    var button = event.submitter, action = button && button.getAttribute("formaction");
    var match = action && PDF_PATH.exec(action);
    if (!match || bypass) return;
    event.preventDefault();
    var request = { path: action, language: match[1], name: match[2], title: button.getAttribute("data-title") || match[2] };
    var body = new URLSearchParams(new FormData(form));
    var printPage = "/documents/print#" + request.language + "/" + request.name;
    function later() {
      store.then(function (s) { return s.files.put(s.schema.prefixes.pending + request.language + "/" + request.name, { name: request.name, language: request.language, title: request.title, pending: true }); })
        .then(function () { window.location.href = printPage; });
    }
    if (navigator.onLine === false) { later(); return; }
    say(box().getAttribute("data-making") || "");
    ask(request, body).then(function (blob) {
      say("");
      if (!blob) { bypass = true; form.requestSubmit(button); return; } // the server shows what to fix
      keep(request, blob).then(function () { download(blob, "tirkeu-" + request.name + ".pdf"); draw(); });
    }, later);
  });
}

// Made when the connection is back, from the answers on the device at that moment.
var finishing = false;
function finishPending() {
  if (finishing || navigator.onLine === false) return Promise.resolve();
  finishing = true;
  return store.then(function (s) {
    return Promise.all([s.files.list(), s.get("documents")]).then(function (loaded) {
      var pending = loaded[0].filter(function (f) { return f.pending; }), answers = loaded[1] || {};
      return Promise.all(pending.map(function (f) {
        var request = { path: "/" + f.language + "/documents/" + f.name + ".pdf", language: f.language, name: f.name, title: f.title };
        return ask(request, new URLSearchParams(answers)).then(function (blob) {
          if (blob) return keep(request, blob).then(function () { f.ready = true; });
          return s.files.remove(s.schema.prefixes.pending + f.language + "/" + f.name).then(function () { f.refused = true; });
        }, function () { /* still no connection: it stays pending */ });
      })).then(function () { return pending; });
    });
  }).then(function (pending) {
    finishing = false;
    draw(pending.filter(function (f) { return f.ready || f.refused; }));
  }, function () { finishing = false; });
}

// The list on the documents pages.
function box() { return document.querySelector("[data-kept-files]") || document.createElement("section"); }
// The live region stays outside the list, which is hidden while empty: a hidden one says nothing.
function say(text) {
  var status = document.querySelector("[data-kept-status]");
  if (status) status.textContent = text;
}

function draw(news) {
  var box = document.querySelector("[data-kept-files]");
  if (!box) return;
  store.then(function (s) { return s.files.list(); }).then(function (files) {
    links.forEach(URL.revokeObjectURL);
    links = [];
    var list = box.querySelector("ul");
    list.textContent = "";
    files.sort(function (a, b) { return (a.title + a.language).localeCompare(b.title + b.language); });
    files.forEach(function (f) {
      var item = document.createElement("li");
      if (f.pending) {
        item.textContent = fill(box.getAttribute("data-pending"), { title: f.title });
      } else {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(f.blob);
        links.push(link.href);
        link.download = "tirkeu-" + f.name + ".pdf";
        link.textContent = fill(box.getAttribute("data-file"), { title: f.title, date: numericDate(f.made) });
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    box.hidden = !files.length;
    if (news && news.length) {
      say(news.map(function (f) { return fill(box.getAttribute(f.ready ? "data-ready" : "data-refused"), { title: f.title }); }).join(" "));
    }
  });
}

// "My deadlines": the registration step is done when the proof wallet (/<lang>/proof) keeps the
// proof of that kind of registration (the host's notice: the notification; the 2026
// self-registration: the certificate) dated on or after this entry. Only the phone knows: the
// server's page and the phone's own page are marked here alike. A proof dated after the deadline
// is done, and late: its tag keeps its colour.
var PROVES = { host_notification: "notification", self_registration: "certificate" };
function markRegistration() {
  var step = document.querySelector("[data-registration-entry]");
  if (!step) return;
  var entry = step.getAttribute("data-registration-entry"), deadline = step.getAttribute("data-registration-deadline");
  var wanted = PROVES[step.getAttribute("data-registration-kind")];
  var status = step.querySelector("[data-proof-line]"), text = status.querySelector("[data-proof-text]");
  // Every tag that counts down to it (the registration step's, on the server's page and the phone's).
  var tags = document.querySelectorAll("[data-registration-tag]");
  Array.prototype.forEach.call(tags, function (tag) { // as drawn, before any proof (again after "Delete all")
    if (!tag.hasAttribute("data-shown")) tag.setAttribute("data-shown", tag.textContent + "|" + tag.className);
    var shown = tag.getAttribute("data-shown").split("|");
    tag.textContent = shown[0];
    tag.className = shown[1];
  });
  if (!text.hasAttribute("data-none")) text.setAttribute("data-none", text.textContent);
  text.textContent = text.getAttribute("data-none");
  status.hidden = false;
  store.then(function (s) { return s.proofs.list(); }).then(function (proofs) {
    var proof = proofs.filter(function (f) { return f.kind === wanted && f.date >= entry; })
      .sort(function (a, b) { return a.date.localeCompare(b.date); })[0];
    if (!proof) return;
    var late = deadline && proof.date > deadline;
    text.textContent = fill(status.getAttribute(late ? "data-done-late" : "data-done"), { date: numericDate(proof.date) });
    Array.prototype.forEach.call(tags, function (tag) {
      tag.textContent = status.getAttribute(late ? "data-done-late-tag" : "data-done-tag");
      if (!late) tag.className = "tag";
    });
  });
}

export function keptFiles(page) {
  Array.prototype.forEach.call(page.querySelectorAll('form[data-journey="documents"]'), intercept);
  draw();
  finishPending();
  markRegistration();
  document.addEventListener("tirkeu:plan-drawn", markRegistration); // the phone's own result page
  window.addEventListener("online", finishPending);
  document.addEventListener("tirkeu:forgotten", function () { draw(); markRegistration(); });
}

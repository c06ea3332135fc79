// Answers on the device: what a person types is saved as they type (IndexedDB, or localStorage
// where IndexedDB is missing, e.g. some private windows, or memory as the last resort) and put
// back when they return, even offline. Nothing here is ever sent anywhere.
(function () {
  "use strict";
  var DB = "tirkeu", STORE = "answers", FILES = "files", LOCAL_PREFIX = "tirkeu-answers:";
  // host_language: the choice of "Send to your host" (host-link.js), not an answer.
  var SKIP = { nav: true, add_stay: true, remove_stay: true, return_to: true, _from: true, host_language: true };

  function indexedDbStore() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      // Version 2 adds the PDFs kept on the device (kept-files.js) beside the answers.
      var request = indexedDB.open(DB, 2);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
        if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
      };
      request.onerror = function () { reject(request.error); };
      request.onsuccess = function () {
        var db = request.result;
        function run(mode, action, name) {
          return new Promise(function (done, fail) {
            var tx = db.transaction(name || STORE, mode), store = tx.objectStore(name || STORE), result = action(store);
            tx.oncomplete = function () { done(result && result.result); };
            tx.onerror = function () { fail(tx.error); };
          });
        }
        resolve({
          get: function (key) { return run("readonly", function (s) { return s.get(key); }); },
          set: function (key, value) { return run("readwrite", function (s) { s.put(value, key); }); },
          clear: function () {
            return run("readwrite", function (s) { s.clear(); }).then(function () { return run("readwrite", function (s) { s.clear(); }, FILES); });
          },
          files: {
            put: function (key, record) { return run("readwrite", function (s) { s.put(record, key); }, FILES); },
            remove: function (key) { return run("readwrite", function (s) { s.delete(key); }, FILES); },
            list: function () { return run("readonly", function (s) { return s.getAll(); }, FILES); }
          },
          all: function () {
            return run("readonly", function (s) { return s.getAll(); }).then(function (values) {
              return run("readonly", function (s) { return s.getAllKeys(); }).then(function (keys) {
                var out = {};
                keys.forEach(function (key, i) { out[key] = values[i]; });
                return out;
              });
            });
          }
        });
      };
    });
  }

  function localStore() {
    var memory = {}, local = null;
    try { localStorage.setItem(LOCAL_PREFIX + "test", "1"); localStorage.removeItem(LOCAL_PREFIX + "test"); local = localStorage; } catch (e) { local = null; }
    function keys() {
      if (!local) return Object.keys(memory);
      var found = [];
      for (var i = 0; i < local.length; i++) if (local.key(i).indexOf(LOCAL_PREFIX) === 0) found.push(local.key(i).slice(LOCAL_PREFIX.length));
      return found;
    }
    var files = {}; // PDFs are too big for localStorage: without IndexedDB they last as long as the page
    return {
      files: {
        kept: false, // the proof wallet says so
        put: function (key, record) { files[key] = record; return Promise.resolve(); },
        remove: function (key) { delete files[key]; return Promise.resolve(); },
        list: function () { return Promise.resolve(Object.keys(files).map(function (k) { return files[k]; })); }
      },
      get: function (key) { return Promise.resolve(local ? JSON.parse(local.getItem(LOCAL_PREFIX + key) || "null") : memory[key] || null); },
      set: function (key, value) { if (local) local.setItem(LOCAL_PREFIX + key, JSON.stringify(value)); else memory[key] = value; return Promise.resolve(); },
      clear: function () { keys().forEach(function (k) { if (local) local.removeItem(LOCAL_PREFIX + k); }); memory = {}; files = {}; return Promise.resolve(); },
      all: function () { var out = {}; return Promise.all(keys().map(function (k) { return this.get(k).then(function (v) { out[k] = v; }); }, this)).then(function () { return out; }); }
    };
  }

  var store = indexedDbStore().catch(function () { return localStore(); });

  function collect(form) {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || SKIP[field.name] || field.type === "submit" || field.type === "button" || field.type === "file") return;
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) return;
      answers[field.name] = field.value;
    });
    return answers;
  }

  function restore(form, saved, addMissing) {
    Object.keys(saved).forEach(function (name) {
      if (SKIP[name]) return;
      var fields = form.querySelectorAll('[name="' + (window.CSS && CSS.escape ? CSS.escape(name) : name.replace(/["\\]/g, "")) + '"]');
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
        fields[0].value = saved[name];
      }
    });
  }

  var persistAsked = false;
  function save(journey, form) {
    // Never before the saved answers are back on the page (or when they could not be): an empty
    // form must not overwrite them.
    if (form.tirkeuRestored === false) return Promise.resolve();
    if (!persistAsked && navigator.storage && navigator.storage.persist) {
      persistAsked = true;
      navigator.storage.persist(); // keep the answers when the phone runs short of space
    }
    return store.then(function (s) { return s.set(journey, collect(form)); });
  }

  // The answers as one string, to tell whether they changed since they were checked.
  function fingerprint(answers) {
    return JSON.stringify(Object.keys(answers || {}).filter(function (k) { return !SKIP[k] && answers[k]; }).sort()
      .map(function (k) { return [k, answers[k]]; }));
  }

  function fromQuery() {
    var answers = {};
    new URLSearchParams(window.location.search).forEach(function (value, key) { answers[key] = value; });
    return answers;
  }

  // Only a query that holds this form's answers replaces the saved ones (not ?utm_source=…).
  function answersInQuery(form) {
    return Object.keys(fromQuery()).some(function (name) { return !SKIP[name] && form.elements.namedItem(name); });
  }

  function bind(form) {
    var journey = form.getAttribute("data-journey");
    form.tirkeuRestored = false;
    var fresh = form.hasAttribute("data-fresh"); // no answers came with this page: take the device's
    // A page that draws some fields itself (the list of countries) says when they are there. If it
    // cannot draw them, its answers are neither put back nor saved: nothing is overwritten.
    var ready = Promise.resolve(form.tirkeuFieldsReady).then(function () { return store; }).then(function (s) { return s.get(journey); }).then(function (saved) {
      if (fresh && answersInQuery(form)) {
        // Served from the phone's cache with answers in the URL ("Change your answers" offline).
        saved = fromQuery();
      }
      // Rows for some answers (an earlier stay, a child: rows.js) are drawn now, before they are filled.
      if (saved && fresh) form.dispatchEvent(new CustomEvent("tirkeu:restore", { detail: saved }));
      // Anything without a field on this page travels on as a hidden field, never dropped.
      if (saved && fresh) restore(form, saved, true);
      form.tirkeuRestored = true;
      if (!fresh || saved) return save(journey, form); // the page's answers are now the latest
    }).catch(function () { form.tirkeuRestored = false; });
    var timer = null;
    function later() { clearTimeout(timer); timer = setTimeout(function () { save(journey, form); }, 150); }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function () { save(journey, form); });
    return ready;
  }

  function forgetEverything() {
    return store.then(function (s) { return s.clear(); }).then(function () {
      document.dispatchEvent(new CustomEvent("tirkeu:forgotten")); // the list of kept PDFs empties
      try { Object.keys(localStorage).forEach(function (k) { if (k.indexOf(LOCAL_PREFIX) === 0) localStorage.removeItem(k); }); } catch (e) { /* no storage */ }
      try { sessionStorage.clear(); } catch (e) { /* no storage */ }
      document.querySelectorAll("form[data-journey]").forEach(function (form) {
        Array.prototype.forEach.call(form.elements, function (field) {
          if (field.type === "radio" || field.type === "checkbox") field.checked = false;
          else if (field.tagName === "SELECT") field.selectedIndex = 0;
          else if (field.type === "hidden" && field.name && !SKIP[field.name]) field.remove();
          else if (field.type !== "submit" && field.type !== "button" && field.type !== "hidden") field.value = "";
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
  window.TirkeuAnswers = {
    store: store, forgetEverything: forgetEverything, save: save, collect: collect, fingerprint: fingerprint, fetchPart: fetchPart,
    // Resolves when every form on the page has its answers back from the device.
    ready: new Promise(function (resolve) { restored = resolve; })
  };

  document.addEventListener("DOMContentLoaded", function () {
    var bound = Array.prototype.map.call(document.querySelectorAll("form[data-journey]"), bind);
    Promise.all(bound).then(restored, restored);
    var slot = document.getElementById("device-answers");
    if (!slot) return;
    // The panel is fetched (the phone keeps it once fetched): pages without JavaScript, which
    // cannot use it, do not carry it. After the page has loaded: it is not urgent.
    if (document.readyState === "complete") showPanel(slot);
    else window.addEventListener("load", function () { showPanel(slot); });
  });

  // A part of a page that only JavaScript can use, fetched from the slot's data-src (the service
  // worker keeps it) and put in the slot's place: resolves with the part.
  function fetchPart(slot, selector) {
    return fetch(slot.getAttribute("data-src")).then(function (response) {
      if (!response.ok) throw new Error("no " + selector);
      return response.text();
    }).then(function (html) {
      var part = new DOMParser().parseFromString(html, "text/html").querySelector(selector);
      slot.replaceWith(document.adoptNode(part));
      return part;
    });
  }

  function showPanel(slot) {
    fetchPart(slot, "#device-answers").then(bindPanel).catch(function () { /* no panel: the answers are still kept */ });
  }

  function bindPanel(panel) {
    panel.hidden = false;
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
})();

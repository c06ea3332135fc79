// The device store: the only code that opens the phone's database. What a person types, and the
// PDFs and proofs they keep, stay on the phone: nothing here sends or logs anything.
// The schema (name, version, stores, key prefixes, migrations) is defined once on the server,
// webapp/pwa/store.py, and passed in. No DOM: tests/js/store.test.mjs runs it on fake-indexeddb.
// The service worker holds this file as a classic script: export only with `export function` or
// `export const`, and import nothing. Whole-line comments like these are left out of what the
// phone gets (webapp/pwa/store.py).

// Buttons and hidden controls the server reads as navigation are not answers, and never kept.
export function isAnswer(schema, name) {
  return !!name && schema.notAnswers.indexOf(name) < 0;
}

// A record's answers <from>-<n>-… renamed <to>-<n>-…, numbered after any <to>-<m> already there,
// so that none is lost or overwritten: a journey's rows under their former names (webapp/case.py
// current_rows does the same to an address). A new object; the record itself is left as it was.
export function renamedRows(record, from, to) {
  var names = Object.keys(record || {}), out = {}, offset = 0;
  function row(name, prefix) { return name.indexOf(prefix + "-") === 0 ? /^(\d{1,6})(?:-([\s\S]*))?$/.exec(name.slice(prefix.length + 1)) : null; }
  names.forEach(function (name) { var found = row(name, to); if (found) offset = Math.max(offset, +found[1] + 1); });
  names.forEach(function (name) {
    var found = row(name, from);
    out[found && found[2] !== undefined ? to + "-" + (+found[1] + offset) + "-" + found[2] : name] = record[name];
  });
  return out;
}

// Brings a database of any older version to the schema's, inside the upgrade's own transaction:
// if a step fails, the whole upgrade is undone and the older version stays whole. Stores are only
// created, records only moved and answers only renamed, never dropped.
function upgrade(db, tx, oldVersion, schema) {
  var steps = schema.migrations.filter(function (step) { return step.version > oldVersion && step.version <= schema.version; });
  var moves = [], renames = [];
  steps.forEach(function (step) {
    (step.create || []).forEach(function (name) { if (!db.objectStoreNames.contains(name)) db.createObjectStore(name); });
    moves = moves.concat(step.move || []);
    renames = renames.concat(step.rename || []);
  });
  renames.forEach(function (rename) {
    var records = tx.objectStore(rename.store), request = records.get(rename.key);
    request.onsuccess = function () {
      if (request.result) records.put(renamedRows(request.result, rename.from, rename.to), rename.key);
    };
  });
  (function next(i) {
    if (i >= moves.length) return;
    var move = moves[i], to = tx.objectStore(move.to), cursor = tx.objectStore(move.from).openCursor();
    cursor.onsuccess = function () {
      var found = cursor.result;
      if (!found) return next(i + 1);
      if (typeof found.key === "string" && found.key.indexOf(move.prefix) === 0) {
        to.put(found.value, found.key);
        found.delete();
      }
      found.continue();
    };
  })(0);
}

function done(request) {
  return new Promise(function (resolve, reject) {
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });
}

function indexedDbStore(schema, idb) {
  var opened = null;
  function connection() {
    if (!opened) {
      var request = idb.open(schema.name, schema.version);
      request.onupgradeneeded = function (event) { upgrade(request.result, request.transaction, event.oldVersion, schema); };
      // "blocked" while a tab of the previous version holds it open: the upgrade, and what is
      // saved meanwhile, wait for that tab to close.
      opened = done(request).then(function (db) {
        // A newer version in another tab: let it upgrade; this tab opens again when it next needs to.
        db.onversionchange = function () { db.close(); opened = null; };
        return db;
      }, function (error) { opened = null; throw error; });
    }
    return opened;
  }

  function run(names, mode, action) {
    return connection().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(names, mode), request = action(tx);
        tx.oncomplete = function () { resolve(request && request.result); };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function bucket(name) {
    function one(mode, action) { return run([name], mode, function (tx) { return action(tx.objectStore(name)); }); }
    return {
      get: function (key) { return one("readonly", function (s) { return s.get(key); }); },
      put: function (key, value) { return one("readwrite", function (s) { s.put(value, key); }); },
      remove: function (key) { return one("readwrite", function (s) { s.delete(key); }); },
      list: function () { return one("readonly", function (s) { return s.getAll(); }); },
      entries: function () { // {key: value}
        var keys;
        return one("readonly", function (s) { keys = s.getAllKeys(); return s.getAll(); }).then(function (values) {
          var out = {};
          keys.result.forEach(function (key, i) { out[key] = values[i]; });
          return out;
        });
      }
    };
  }

  return connection().then(function () {
    return shape(schema, true, bucket, function () {
      return run(schema.stores, "readwrite", function (tx) { schema.stores.forEach(function (name) { tx.objectStore(name).clear(); }); });
    }, function () {
      var closing = opened;
      opened = null;
      return Promise.resolve(closing && closing.then(function (db) { db.close(); }));
    });
  });
}

// Without IndexedDB (some private windows): the answers in localStorage, else in memory; PDFs and
// proofs, too big for localStorage, last as long as the page (durable: false, which the proof
// wallet says).
function fallbackStore(schema, env) {
  var local = null, prefix = schema.localPrefix, kinds = {};
  try {
    local = env.localStorage || null;
    if (local) { local.setItem(prefix + "test", "1"); local.removeItem(prefix + "test"); }
  } catch { local = null; }
  // The renames of every version, each time: renaming again changes nothing, and a tab of an older
  // version may have written the former names since.
  schema.migrations.forEach(function (step) {
    (step.rename || []).forEach(function (rename) {
      try {
        var kept = local && rename.store === schema.answers && local.getItem(prefix + rename.key);
        if (kept) local.setItem(prefix + rename.key, JSON.stringify(renamedRows(JSON.parse(kept), rename.from, rename.to)));
      } catch { /* left as it was: a full localStorage */ }
    });
  });
  function later(action) { // a full localStorage rejects
    return function (key, value) { return Promise.resolve().then(function () { return action(key, value); }); };
  }
  function bucket(name) {
    var inLocal = local && name === schema.answers, records = {};
    var kind = kinds[name] = {
      keys: function () {
        if (!inLocal) return Object.keys(records);
        var found = [];
        for (var i = 0; i < local.length; i++) if (local.key(i).indexOf(prefix) === 0) found.push(local.key(i).slice(prefix.length));
        return found;
      },
      get: function (key) { return inLocal ? JSON.parse(local.getItem(prefix + key) || "null") : key in records ? records[key] : null; },
      put: function (key, value) { if (inLocal) local.setItem(prefix + key, JSON.stringify(value)); else records[key] = value; },
      remove: function (key) { if (inLocal) local.removeItem(prefix + key); else delete records[key]; }
    };
    return {
      get: later(kind.get), put: later(kind.put), remove: later(kind.remove),
      list: later(function () { return kind.keys().map(kind.get); }),
      entries: later(function () {
        var out = {};
        kind.keys().forEach(function (key) { out[key] = kind.get(key); });
        return out;
      })
    };
  }
  var store = shape(schema, false, bucket, later(function () {
    schema.stores.forEach(function (name) { kinds[name].keys().forEach(kinds[name].remove); });
  }), later(function () {}));
  store.lasting = !!local; // answers in memory only are gone when the page closes, which pages say
  return store;
}

// What callers use: each object store by name (store.answers, .files, .proofs), everything cleared
// at once, and the answers' own get/set/all, keyed by journey.
function shape(schema, durable, bucket, clear, close) {
  var store = { schema: schema, durable: durable, lasting: durable, clear: clear, close: close };
  schema.stores.forEach(function (name) { store[name] = bucket(name); });
  store.get = store[schema.answers].get;
  store.set = store[schema.answers].put;
  store.all = store[schema.answers].entries;
  return store;
}

// The store, opened and brought up to the schema's version; where IndexedDB is missing or cannot
// be opened, the fallback, which never fails. env has indexedDB and localStorage: a window, the
// service worker's global, or a test's fakes.
export function openStore(schema, env) {
  env = env || globalThis;
  var idb;
  try { idb = env.indexedDB; } catch { idb = null; }
  if (!idb) return Promise.resolve(fallbackStore(schema, env));
  return indexedDbStore(schema, idb).catch(function () { return fallbackStore(schema, env); });
}

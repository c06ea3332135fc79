// The device store (static/js/core/store.js) on fake-indexeddb, with the schema the server hands
// to the phone (webapp/pwa/store.py): a database of today's version 2, written exactly as the
// previous answers.js, kept-files.js and proof-wallet.js wrote it, upgrades with nothing lost; a
// failed upgrade leaves it as it was; the service worker's classic copy of the module does the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { IDBFactory } from "fake-indexeddb";
import { isAnswer, openStore, renamedRows } from "../../static/js/core/store.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PYTHON = existsSync(ROOT + ".venv/bin/python") ? ROOT + ".venv/bin/python" : "python3";
function python(code) { return execFileSync(PYTHON, ["-c", code], { cwd: ROOT, encoding: "utf8" }); }

const SCHEMA = JSON.parse(python("from webapp.pwa.store import schema_json; print(schema_json())"));

function request(req) {
  return new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
}

// A phone of today: the database as main's answers.js opened it (version 2, "answers" and
// "files") with what the three scripts put in it.
const PDF = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]); // "%PDF-1.7"
const OLD = {
  answers: { deadlines: { citizenship: "KG", "entry_date-day": "1", "entry_date-month": "9", "entry_date-year": "2026" },
             documents: { "person-surname_latin": "IVANOV", "stay-street": "Әйтеке би көшесі" },
             "documents-checked": "[[\"person-surname_latin\",\"IVANOV\"]]", checklist: { passport: "yes" } },
  files: {
    "ru/registration": { name: "registration", language: "ru", title: "Registration data", blob: PDF, made: "2026-09-05" },
    "pending/kk/host-sheet": { name: "host-sheet", language: "kk", title: "Sheet for the host", pending: true },
    "proof/m3k2abc123": { proof: true, key: "proof/m3k2abc123", kind: "notification", date: "2026-06-22", added: "2026-09-05",
                          name: "notification.pdf", type: "application/pdf", blob: PDF },
  },
};

async function versionTwo(idb, contents = OLD) {
  const open = idb.open("tirkeu", 2);
  open.onupgradeneeded = () => {
    for (const name of ["answers", "files"]) if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name);
  };
  const db = await request(open);
  const tx = db.transaction(["answers", "files"], "readwrite");
  for (const [key, value] of Object.entries(contents.answers)) tx.objectStore("answers").put(value, key);
  for (const [key, value] of Object.entries(contents.files)) tx.objectStore("files").put(value, key);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
}

async function raw(idb) {
  const db = await request(idb.open("tirkeu"));
  const out = { version: db.version, stores: [...db.objectStoreNames].sort() };
  for (const name of out.stores) {
    const tx = db.transaction(name);
    const [keys, values] = await Promise.all([request(tx.objectStore(name).getAllKeys()), request(tx.objectStore(name).getAll())]);
    out[name] = Object.fromEntries(keys.map((key, i) => [key, values[i]]));
  }
  db.close();
  return out;
}

test("the schema comes from the server: one database, its stores, and the fields that are not answers", () => {
  assert.equal(SCHEMA.name, "tirkeu");
  assert.ok(SCHEMA.version > 2, "today's phones hold version 2");
  assert.deepEqual(SCHEMA.stores, ["answers", "files", "proofs"]);
  for (const name of ["nav", "return_to", "add_stay", "remove_stay", "host_language", "_from"]) assert.equal(isAnswer(SCHEMA, name), false, name);
  for (const name of ["citizenship", "person-surname_latin", "children-0-surname"]) assert.equal(isAnswer(SCHEMA, name), true, name);
  assert.equal(isAnswer(SCHEMA, ""), false);
});

test("a new phone gets every store of the schema's version", async () => {
  const idb = new IDBFactory();
  const store = await openStore(SCHEMA, { indexedDB: idb });
  assert.equal(store.durable, true);
  await store.set("deadlines", { citizenship: "BY" });
  await store.files.put("en/host-sheet", { name: "host-sheet", blob: PDF });
  await store.proofs.put("proof/x", { proof: true, kind: "certificate", date: "2026-07-01" });
  assert.deepEqual(await store.get("deadlines"), { citizenship: "BY" });
  assert.deepEqual(await store.all(), { deadlines: { citizenship: "BY" } });
  await store.close();
  const after = await raw(idb);
  assert.equal(after.version, SCHEMA.version);
  assert.deepEqual(after.stores, SCHEMA.stores);
  assert.deepEqual(Object.keys(after.files), ["en/host-sheet"]);
  assert.deepEqual(Object.keys(after.proofs), ["proof/x"]);
});

test("today's version 2 upgrades with every answer, PDF and proof kept, the proofs in their own store", async () => {
  const idb = new IDBFactory();
  await versionTwo(idb);
  const store = await openStore(SCHEMA, { indexedDB: idb });
  assert.equal(store.durable, true);
  assert.deepEqual(await store.all(), OLD.answers);
  const files = await store.files.entries();
  assert.deepEqual(Object.keys(files).sort(), ["pending/kk/host-sheet", "ru/registration"]);
  assert.deepEqual(files["ru/registration"], OLD.files["ru/registration"]);
  assert.deepEqual(await store.proofs.entries(), { "proof/m3k2abc123": OLD.files["proof/m3k2abc123"] });
  assert.deepEqual((await store.proofs.list())[0].blob, PDF);
  await store.close();

  const after = await raw(idb);
  assert.equal(after.version, SCHEMA.version);
  assert.deepEqual(after.stores, ["answers", "files", "proofs"]);
  // Opening again changes nothing: the upgrade ran once.
  const again = await openStore(SCHEMA, { indexedDB: idb });
  assert.deepEqual(await again.all(), OLD.answers);
  assert.equal((await again.proofs.list()).length, 1);
  assert.equal((await again.files.list()).length, 2);
  await again.close();
});

test("a phone of version 1 (answers only, before the PDFs) gets the PDFs' and the proofs' stores", async () => {
  const idb = new IDBFactory();
  const open = idb.open("tirkeu", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("answers");
  const db = await request(open);
  await request(db.transaction("answers", "readwrite").objectStore("answers").put({ citizenship: "RU" }, "deadlines"));
  db.close();
  const store = await openStore(SCHEMA, { indexedDB: idb });
  assert.deepEqual(await store.all(), { deadlines: { citizenship: "RU" } });
  assert.deepEqual(await store.files.list(), []);
  assert.deepEqual(await store.proofs.list(), []);
  await store.close();
});

test("an upgrade that fails leaves version 2 as it was, and the page gets a store that still works", async () => {
  const idb = new IDBFactory();
  await versionTwo(idb);
  // A broken migration: it moves records into a store no step creates.
  const broken = { ...SCHEMA, version: SCHEMA.version + 1,
                   migrations: [...SCHEMA.migrations, { version: SCHEMA.version + 1, move: [{ from: "files", to: "missing", prefix: "" }] }] };
  const store = await openStore(broken, { indexedDB: idb });
  assert.equal(store.durable, false); // the memory fallback, for this page only
  await store.set("deadlines", { citizenship: "KZ" });
  const after = await raw(idb);
  assert.equal(after.version, 2);
  assert.deepEqual(after.stores, ["answers", "files"]);
  assert.deepEqual(after.answers, OLD.answers);
  assert.deepEqual(after.files, OLD.files);
});

test("delete all: answers, PDFs and proofs go, the database stays usable", async () => {
  const idb = new IDBFactory();
  await versionTwo(idb);
  const store = await openStore(SCHEMA, { indexedDB: idb });
  await store.clear();
  assert.deepEqual(await store.all(), {});
  assert.deepEqual(await store.files.list(), []);
  assert.deepEqual(await store.proofs.list(), []);
  await store.set("documents", { "person-sex": "female" });
  assert.deepEqual(await store.get("documents"), { "person-sex": "female" });
  await store.close();
});

test("a tab of this version lets a newer one upgrade, and opens the store again when it needs it", async () => {
  const idb = new IDBFactory();
  const store = await openStore(SCHEMA, { indexedDB: idb });
  await store.set("deadlines", { citizenship: "AM" });
  const next = { ...SCHEMA, version: SCHEMA.version + 1, migrations: [...SCHEMA.migrations, { version: SCHEMA.version + 1, create: ["later"] }] };
  const newer = await openStore(next, { indexedDB: idb }); // would wait for ever if the first kept its connection
  assert.equal(newer.durable, true);
  assert.deepEqual(await newer.get("deadlines"), { citizenship: "AM" });
  await newer.close();
  // The older tab's schema is behind the database now: its next use fails, nothing is overwritten.
  await assert.rejects(store.set("deadlines", {}));
  assert.deepEqual((await raw(idb)).answers.deadlines, { citizenship: "AM" });
});

function fakeLocalStorage() {
  const items = new Map();
  return {
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
    items,
  };
}

test("without IndexedDB the answers go to localStorage under the schema's prefix, files to memory", async () => {
  const local = fakeLocalStorage();
  local.setItem("other-app", "untouched");
  const store = await openStore(SCHEMA, { indexedDB: undefined, localStorage: local });
  assert.equal(store.durable, false);
  await store.set("deadlines", { citizenship: "UZ" });
  await store.proofs.put("proof/y", { proof: true });
  assert.equal(local.getItem(SCHEMA.localPrefix + "deadlines"), JSON.stringify({ citizenship: "UZ" }));
  assert.deepEqual(await store.all(), { deadlines: { citizenship: "UZ" } });
  assert.equal(await store.get("documents"), null);
  assert.equal((await store.proofs.list()).length, 1);
  await store.clear();
  assert.deepEqual([...local.items.keys()], ["other-app"]);
  assert.deepEqual(await store.proofs.list(), []);
});

test("without any storage the answers live in memory", async () => {
  const store = await openStore(SCHEMA, { get localStorage() { throw new Error("SecurityError"); } });
  await store.set("documents", { "host-kind": "person" });
  assert.deepEqual(await store.get("documents"), { "host-kind": "person" });
});

test("the classic copy of the module (pages and the service worker) opens, upgrades and saves the same way", async () => {
  const code = python("from webapp import create_app\nfrom webapp.pwa.store import classic_store\n" +
                      "app = create_app({'TESTING': True})\nwith app.app_context(): print(classic_store())");
  assert.doesNotMatch(code, /^\s*(import|export)\b/m);
  const idb = new IDBFactory();
  await versionTwo(idb);
  const worker = { indexedDB: idb, Promise, Object, JSON };
  worker.self = worker;
  worker.globalThis = worker;
  vm.createContext(worker);
  vm.runInContext(code, worker);
  const { TirkeuStore } = worker; // a `var`: a property of the global, as window.TirkeuStore on a page
  assert.deepEqual(JSON.parse(JSON.stringify(TirkeuStore.SCHEMA)), SCHEMA);
  const store = await TirkeuStore.openStore(TirkeuStore.SCHEMA, worker);
  await store.set("documents", { "passport-number": "75 1234567" });
  await store.close();
  const after = await raw(idb);
  assert.equal(after.version, SCHEMA.version);
  assert.deepEqual(after.answers.documents, { "passport-number": "75 1234567" });
  assert.deepEqual(Object.keys(after.proofs), ["proof/m3k2abc123"]);
  assert.equal(TirkeuStore.isAnswer(SCHEMA, "nav"), false);
});

// "My deadlines" names its earlier stays s-<n>-… since version 4 (webapp/case.py ROWS); before, as
// the documents do, previous_stays-<n>-…. Phones keep what they had, renamed.
const FORMER_STAYS = { citizenship: "RU", "previous_stays-0-entry-day": "01", "previous_stays-0-exit-year": "2025",
                       "previous_stays-12-entry-month": "10", "previous_stays-x-entry-day": "5" };

test("rows under their former names are renamed as the server renames an address, none lost or overwritten", () => {
  const cases = [
    [FORMER_STAYS, "previous_stays", "s"],
    [{ "s-2-entry-day": "3", "previous_stays-01-exit-day": "4", "previous_stays-3": "5", "previous_stays-4-": "6" }, "previous_stays", "s"],
    [{ "s-0-entry-day": "1" }, "previous_stays", "s"],
  ];
  assert.deepEqual(renamedRows(cases[0][0], "previous_stays", "s"), {
    citizenship: "RU", "s-0-entry-day": "01", "s-0-exit-year": "2025", "s-12-entry-month": "10", "previous_stays-x-entry-day": "5" });
  assert.deepEqual(renamedRows(cases[1][0], "previous_stays", "s"),
                   { "s-2-entry-day": "3", "s-4-exit-day": "4", "previous_stays-3": "5", "s-7-": "6" });
  const server = JSON.parse(python("import json\nfrom webapp.case import current_rows\n" +
    `print(json.dumps([dict(current_rows(record.items(), 'deadlines')) for record, _f, _t in json.loads(${JSON.stringify(JSON.stringify(cases))})]))`));
  assert.deepEqual(cases.map(([record, from, to]) => renamedRows(record, from, to)), server);
});

for (const version of [2, 3]) {
  test(`a phone of version ${version} gets the deadlines' earlier stays under today's names; the documents keep theirs`, async () => {
    const idb = new IDBFactory();
    const documents = { "previous_stays-0-entry-day": "1", "person-surname_latin": "IVANOV" };
    await versionTwo(idb, { answers: { deadlines: FORMER_STAYS, documents }, files: {} });
    if (version === 3) await openStore({ ...SCHEMA, version: 3, migrations: SCHEMA.migrations.slice(0, 3) }, { indexedDB: idb }).then((s) => s.close());
    assert.equal((await raw(idb)).version, version);
    const store = await openStore(SCHEMA, { indexedDB: idb });
    assert.deepEqual(await store.get("deadlines"), renamedRows(FORMER_STAYS, "previous_stays", "s"));
    assert.equal((await store.get("deadlines"))["s-12-entry-month"], "10");
    assert.deepEqual(await store.get("documents"), documents);
    await store.close();
    const again = await openStore(SCHEMA, { indexedDB: idb }); // opened again: renamed once
    assert.deepEqual(await again.get("deadlines"), renamedRows(FORMER_STAYS, "previous_stays", "s"));
    await again.close();
  });
}

test("without IndexedDB the record in localStorage is renamed too, each time it is opened", async () => {
  const local = fakeLocalStorage();
  local.setItem(SCHEMA.localPrefix + "deadlines", JSON.stringify(FORMER_STAYS));
  local.setItem(SCHEMA.localPrefix + "documents", JSON.stringify({ "previous_stays-0-entry-day": "1" }));
  const store = await openStore(SCHEMA, { indexedDB: undefined, localStorage: local });
  assert.deepEqual(await store.get("deadlines"), renamedRows(FORMER_STAYS, "previous_stays", "s"));
  assert.deepEqual(await store.get("documents"), { "previous_stays-0-entry-day": "1" });
  // A tab of the version before writes the former names again: the next page renames them, after today's.
  local.setItem(SCHEMA.localPrefix + "deadlines", JSON.stringify({ "s-0-entry-day": "1", "previous_stays-0-entry-day": "2" }));
  const next = await openStore(SCHEMA, { indexedDB: undefined, localStorage: local });
  assert.deepEqual(await next.get("deadlines"), { "s-0-entry-day": "1", "s-1-entry-day": "2" });
});

"""A phone of today upgrades: its database as the previous version of the app wrote it (version 2,
"answers" and "files", opened by answers.js; PDFs written by kept-files.js, proofs by
proof-wallet.js) is opened by the new app, upgraded by static/js/core/store.js, and everything in it
is still there and shown: the answers in their forms, the kept PDF in the list, the proof in the
wallet."""
from __future__ import annotations

import base64

import pytest

from .conftest import STORE, wait_value

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PROOF = b"%PDF-1.7\n% the notification of arrival\n%%EOF\n"
PROOF_KEY = "proof/m3k2c1abc123"

# The previous app's own code, word for word where it touches the database: answers.js opened
# "tirkeu" at version 2 with these stores and put the answers under the journey's name;
# kept-files.js put a PDF under "<lang>/<name>" (one asked for offline, under "pending/…", is made
# or refused as soon as a page is open with a connection: tests/js/store.test.mjs keeps one);
# proof-wallet.js put a proof under "proof/<id>" in "files", with proof: true.
WRITE_VERSION_2 = """async ([pdf, proof, proofKey]) => {
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("tirkeu", 2);
    request.onupgradeneeded = function () {
      var db = request.result;
      if (!db.objectStoreNames.contains("answers")) db.createObjectStore("answers");
      if (!db.objectStoreNames.contains("files")) db.createObjectStore("files");
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => resolve(request.result);
  });
  const tx = db.transaction(["answers", "files"], "readwrite");
  tx.objectStore("answers").put({"citizenship": "BY", "entry_date-day": "3", "entry_date-month": "9",
                                 "entry_date-year": "2026", "accommodation": "private", "earlier_stays": "yes",
                                 "previous_stays-0-entry-day": "1", "previous_stays-0-entry-month": "4",
                                 "previous_stays-0-entry-year": "2026", "previous_stays-0-exit-day": "30",
                                 "previous_stays-0-exit-month": "5", "previous_stays-0-exit-year": "2026"}, "deadlines");
  tx.objectStore("answers").put({"person-surname_latin": "IVANOVA", "person-given_names_latin": "ANNA"}, "documents");
  tx.objectStore("files").put({name: "registration", language: "en", title: "Registration data",
                               blob: new Blob([bytes(pdf)], {type: "application/pdf"}), made: "2026-09-04"}, "en/registration");
  tx.objectStore("files").put({proof: true, key: proofKey, kind: "notification", date: "2026-06-22", added: "2026-09-01",
                               name: "notification.pdf", type: "application/pdf",
                               blob: new Blob([bytes(proof)], {type: "application/pdf"})}, proofKey);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
  return db.version;
}"""

# The database as it is now, read past the app: its version, stores and keys.
READ = """() => new Promise((resolve, reject) => {
  const request = indexedDB.open("tirkeu");
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result, names = [...db.objectStoreNames].sort(), out = {version: db.version, stores: names};
    const tx = db.transaction(names);
    names.forEach((name) => {
      const keys = tx.objectStore(name).getAllKeys();
      keys.onsuccess = () => { out[name] = keys.result.sort(); };
    });
    tx.oncomplete = () => { db.close(); resolve(out); };
  };
})"""


def test_a_phone_of_today_keeps_its_answers_pdfs_and_proofs_through_the_upgrade(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    # A page of the site that runs none of its scripts, so that nothing opens the database first.
    page.goto(f"{live_server}/healthz")
    assert page.evaluate(WRITE_VERSION_2, [base64.b64encode(PDF).decode(), base64.b64encode(PROOF).decode(), PROOF_KEY]) == 2

    # The answers, back in their forms.
    page.goto(f"{live_server}/en/deadlines/")
    wait_value(page, "#entry_date-year", "2026")
    assert page.input_value("[name=citizenship]") == "BY"
    assert page.input_value("#entry_date-day") == "3" and page.input_value("#entry_date-month") == "9"
    assert page.is_checked("input[name=accommodation][value=private]")
    # The earlier stay, kept under the former names, is in its row under today's (webapp/case.py ROWS).
    assert page.input_value("#s-0-entry-month") == "4" and page.input_value("#s-0-exit-day") == "30"
    assert not page.query_selector("[name^=previous_stays]")
    kept = page.evaluate(STORE + ".then(s => s.get('deadlines'))")
    assert kept["s-0-exit-year"] == "2026" and not any(key.startswith("previous_stays") for key in kept)
    page.goto(f"{live_server}/en/documents/person")
    wait_value(page, "#person-surname_latin", "IVANOVA")
    assert page.input_value("#person-given_names_latin") == "ANNA"

    upgraded = page.evaluate(READ)
    assert upgraded == {"version": 4, "stores": ["answers", "files", "proofs"], "answers": ["deadlines", "documents"],
                        "files": ["en/registration"], "proofs": [PROOF_KEY]}

    # The kept PDF, listed on the documents pages with its own bytes.
    page.goto(f"{live_server}/en/documents/")
    page.wait_for_selector("[data-kept-files] a[download='tirkeu-registration.pdf']")
    listed = page.inner_text("[data-kept-files]")
    assert "Registration data" in listed and "04.09.2026" in listed
    assert "notification" not in listed  # the proof is the wallet's, not a PDF made here
    assert page.evaluate(STORE + ".then(s => s.files.get('en/registration')).then(f => f.blob.text())") == PDF.decode()

    # The proof, listed in the wallet, opened as it was kept.
    page.goto(f"{live_server}/en/proof")
    page.wait_for_selector(".proof-item")
    items = page.inner_text("[data-proof-list]")
    assert "dated 22.06.2026" in items and "notification.pdf, added on 01.09.2026" in items
    assert page.evaluate(STORE + ".then(s => s.proofs.list()).then(p => p[0].blob.text())") == PROOF.decode()

    # "My deadlines" still finds it: the registration step is marked done by the proof.
    plan = ("citizenship=RU&entry_date-day=20&entry_date-month=6&entry_date-year=2026&accommodation=private"
            "&today=2026-06-22")
    page.goto(f"{live_server}/en/deadlines/plan?{plan}")
    page.wait_for_selector("[data-proof-line]:has-text('Done: your proof dated 22.06.2026 is kept on this phone.')")
    assert page.inner_text("[data-registration-entry] [data-registration-tag]") == "Done"
    assert page.evaluate(READ) == upgraded  # opened again: nothing moved twice, nothing lost
    context.close()

// The link sent to a host (static/js/core/host-link.js): what the guest's phone encodes, the host's
// phone decodes, letters and dates intact; a link cut short or changed is refused, not misread.
import { test } from "node:test";
import assert from "node:assert/strict";

import * as hostLink from "../../static/js/core/host-link.js";
import { dateParts } from "../../static/js/core/words.js";

const ANSWERS = {
  "person-surname_latin": "IVANOV", "person-given_names_latin": "IVAN", "person-surname_cyrillic": "ИВАНОВ",
  "person-given_names_cyrillic": "ИВАН", "person-patronymic": "", "person-date_of_birth-day": "27",
  "person-date_of_birth-month": "03", "person-date_of_birth-year": "1990", "person-sex": "male", "person-citizenship": "RU",
  "passport-document": "foreign_passport", "passport-number": "75 1234567", "passport-issued-day": "15", "passport-issued-month": "6", "passport-issued-year": "2020",
  "passport-expires-day": "15", "passport-expires-month": "6", "passport-expires-year": "2030",
  "entry-date-day": "1", "entry-date-month": "9", "entry-date-year": "2026", "entry-checkpoint": "kairak", "entry-purpose": "private",
  "stay-region": "west_kazakhstan", "stay-city": "Уральск", "stay-street": "ӘҒҚҢӨҰҮҺІ әғқңөұүһі көшесі", "stay-house": "12",
  "stay-flat": "", "stay-postcode": "", "host-kind": "person", "host-name": "Қуанышбаева Әйгерім", "host-iin": "",
  "host-bin": "", "host-phone": "+7 701 123 45 67",
  "children-0-surname": "Иванова", // not on the host's sheet: not in the link
};

// The answers as the host's sheet reads them: only those the link carries, dates as YYYY-MM-DD.
function dates(answers) {
  const out = {};
  for (const name of hostLink.FIELDS) {
    out[name] = name + "-day" in answers
      ? dateParts({ day: answers[name + "-day"], month: answers[name + "-month"], year: answers[name + "-year"] }).iso || ""
      : answers[name] || ""; // not answered: empty, as the link carries it
  }
  return out;
}

test("the host's phone reads back what the guest's phone put in the link", async () => {
  const payload = await hostLink.encode(ANSWERS);
  assert.match(payload, /^3z[A-Za-z0-9_-]+$/); // compressed, URL-safe, nothing to escape in a message
  assert.ok(!payload.includes("IVANOV"));
  const back = await hostLink.decode(payload);
  assert.deepEqual(dates(back), dates(ANSWERS));
  for (const left of ["children-0-surname", "person-sex", "entry-purpose", "person-patronymic", "stay-postcode"]) {
    assert.ok(!(left in back), left); // not on the host's sheet: not in the link
  }
  assert.equal(hostLink.link("https://tirkeu.example", "kk", payload), "https://tirkeu.example/documents/print#kk/host-sheet/" + payload);
});

test("a browser that cannot compress sends the answers uncompressed, still readable", async () => {
  const saved = globalThis.CompressionStream;
  globalThis.CompressionStream = undefined;
  try {
    const payload = await hostLink.encode(ANSWERS);
    assert.match(payload, /^3j/);
    assert.deepEqual(dates(await hostLink.decode(payload)), dates(ANSWERS));
  } finally {
    globalThis.CompressionStream = saved;
  }
});

test("no character changed on the way turns into other answers", async () => {
  const payload = await hostLink.encode(ANSWERS);
  const original = JSON.stringify(dates(await hostLink.decode(payload)));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let refused = 0;
  for (let i = 2; i < payload.length; i++) {
    for (const c of [alphabet[(alphabet.indexOf(payload[i]) + 1) % 64], alphabet[(alphabet.indexOf(payload[i]) + 31) % 64]]) {
      const changed = payload.slice(0, i) + c + payload.slice(i + 1);
      try {
        // The last character's spare bits may change nothing: then the answers are the same.
        assert.equal(JSON.stringify(dates(await hostLink.decode(changed))), original, `changed at ${i}`);
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        refused += 1;
      }
    }
  }
  assert.ok(refused >= 2 * (payload.length - 3));
});

test("a link cut short, changed or from elsewhere is refused", async () => {
  const payload = await hostLink.encode(ANSWERS);
  await assert.rejects(hostLink.decode(payload.slice(0, -12)));
  await assert.rejects(hostLink.decode(payload.slice(0, 20) + (payload[20] === "A" ? "B" : "A") + payload.slice(21)));
  await assert.rejects(hostLink.decode("4z" + payload.slice(2))); // no such version
  await assert.rejects(hostLink.decode("2z" + payload.slice(2))); // a version 3 link read as version 2
  await assert.rejects(hostLink.decode("1z" + payload.slice(2))); // or as version 1
  await assert.rejects(hostLink.decode(""));
  const plain = "1j" + Buffer.from(JSON.stringify(["only one"])).toString("base64url");
  await assert.rejects(hostLink.decode(plain));
  const saved = globalThis.DecompressionStream;
  globalThis.DecompressionStream = undefined;
  try {
    await assert.rejects(hostLink.decode(payload), (error) => error.oldBrowser === true);
  } finally {
    globalThis.DecompressionStream = saved;
  }
});

// As host-link.js withChecksum, to make a link as a phone of before version 2 sent it.
function plainLink(version, values) {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  let a = 1, b = 0;
  for (const byte of bytes) { a = (a + byte) % 65521; b = (b + a) % 65521; }
  return version + "j" + Buffer.concat([Buffer.from(bytes), Buffer.from([b >>> 8, b & 255, a >>> 8, a & 255])]).toString("base64url");
}

test("a link sent before the document was asked (version 1) still opens, as a passport's", async () => {
  const values = hostLink.FIELDS.slice(0, 21).map((name) => (dates(ANSWERS)[name] || ""));
  assert.equal(values.length, 21);
  const back = await hostLink.decode(plainLink(1, values));
  assert.equal(back["passport-document"], "");
  assert.equal(back["passport-number"], "75 1234567");
  assert.equal(back["person-surname_cyrillic"], "ИВАНОВ");
  assert.equal(back["entry-date-year"], "2026");
  await assert.rejects(hostLink.decode(plainLink(1, values.concat(["foreign_passport"])))); // 22 answers are no version 1
});

test("the day of leaving and the earlier stays travel in the link (version 3), as the form has them", async () => {
  const trip = { ...ANSWERS, "exit_date-day": "20", "exit_date-month": "12", "exit_date-year": "2026", earlier_stays: "yes",
                 "previous_stays-0-entry-day": "10", "previous_stays-0-entry-month": "7", "previous_stays-0-entry-year": "2026",
                 "previous_stays-0-exit-day": "15", "previous_stays-0-exit-month": "9", "previous_stays-0-exit-year": "2026",
                 "previous_stays-4-entry-day": "1", "previous_stays-4-entry-month": "3", "previous_stays-4-entry-year": "2026",
                 "previous_stays-4-exit-day": "20", "previous_stays-4-exit-month": "3", "previous_stays-4-exit-year": "2026" };
  const payload = await hostLink.encode(trip);
  assert.match(payload, /^3z/);
  const back = await hostLink.decode(payload);
  assert.equal(back.earlier_stays, "yes");
  assert.deepEqual([back["exit_date-day"], back["exit_date-month"], back["exit_date-year"]], ["20", "12", "2026"]);
  assert.deepEqual(Object.keys(back).filter((k) => k.startsWith("previous_stays-")).sort(), [
    "previous_stays-0-entry-day", "previous_stays-0-entry-month", "previous_stays-0-entry-year",
    "previous_stays-0-exit-day", "previous_stays-0-exit-month", "previous_stays-0-exit-year",
    "previous_stays-1-entry-day", "previous_stays-1-entry-month", "previous_stays-1-entry-year",
    "previous_stays-1-exit-day", "previous_stays-1-exit-month", "previous_stays-1-exit-year"]);
  assert.deepEqual([back["previous_stays-1-entry-day"], back["previous_stays-1-exit-month"]], ["1", "3"]);
  // "No earlier stays" is an answer too; a link without the trip (version 2) leaves it not answered.
  const none = await hostLink.decode(await hostLink.encode({ ...ANSWERS, earlier_stays: "no" }));
  assert.equal(none.earlier_stays, "no");
  assert.ok(!Object.keys(none).some((k) => k.startsWith("previous_stays-")));
  const version2 = await hostLink.decode(plainLink(2, hostLink.FIELDS.slice(0, 22).map((name) => (dates(ANSWERS)[name] || ""))));
  assert.equal(version2.earlier_stays, "");
  assert.equal(version2["passport-number"], "75 1234567");
});

test("earlier stays that are not pairs of dates are refused", async () => {
  const values = hostLink.FIELDS.slice(0, 24).map((name) => (dates(ANSWERS)[name] || ""));
  for (const bad of ["2026-07-10", "2026-07-10/2026-09-15  2026-03-01/2026-03-20", "x/y", Array(51).fill("2026-07-10/2026-09-15").join(" ")]) {
    await assert.rejects(hostLink.decode(plainLink(3, values.concat([bad]))), bad.slice(0, 30));
  }
  assert.ok(await hostLink.decode(plainLink(3, values.concat(["2026-07-10/2026-09-15"]))));
});

test("the document crossed with travels in the link", async () => {
  const internal = { ...ANSWERS, "passport-document": "ru_internal_passport", "passport-number": "4512345678" };
  const back = await hostLink.decode(await hostLink.encode(internal));
  assert.equal(back["passport-document"], "ru_internal_passport");
  assert.equal(back["passport-number"], "4512345678");
});

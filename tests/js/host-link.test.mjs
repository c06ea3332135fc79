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

// Version 4's answers of one guest: those of every version, and the children with them.
function guest(answers) {
  const out = dates(answers);
  for (const [key, value] of Object.entries(answers)) {
    if (key.startsWith("children-") && !/-date_of_birth-/.test(key)) out[key] = value;
  }
  return out;
}

async function one(payload) {
  const guests = await hostLink.decode(payload);
  assert.equal(guests.length, 1);
  return guests[0];
}

test("the host's phone reads back what the guest's phone put in the link", async () => {
  const payload = await hostLink.encode(ANSWERS);
  assert.match(payload, /^4z[A-Za-z0-9_-]+$/); // compressed, URL-safe, nothing to escape in a message
  assert.ok(!payload.includes("IVANOV"));
  const back = await one(payload);
  assert.deepEqual(dates(back), dates(ANSWERS));
  for (const left of ["person-sex", "entry-purpose", "person-patronymic", "stay-postcode"]) {
    assert.ok(!(left in back), left); // not on the host's sheet: not in the link
  }
  assert.equal(hostLink.link("https://tirkeu.example", "kk", payload), "https://tirkeu.example/kk/host#" + payload);
  assert.equal(hostLink.sheetLink("https://tirkeu.example", "kk", payload), "https://tirkeu.example/documents/print#kk/host-sheet/" + payload);
});

const CHILDREN = {
  "children-0-surname": "Иванова", "children-0-given_names": "Мария",
  "children-0-date_of_birth-day": "5", "children-0-date_of_birth-month": "4", "children-0-date_of_birth-year": "2019",
  "children-3-surname": "IVANOV", "children-3-given_names": "PAVEL",
  "children-3-date_of_birth-day": "30", "children-3-date_of_birth-month": "11", "children-3-date_of_birth-year": "2022",
};
// Three adults travelling together, two children with the second (as the host's link carries them).
const PARTY = [
  { ...ANSWERS, earlier_stays: "no" },
  { ...ANSWERS, "person-surname_latin": "PETROVA", "person-surname_cyrillic": "ПЕТРОВА", "passport-number": "76 7654321",
    "entry-date-day": "3", earlier_stays: "yes", "previous_stays-0-entry-day": "1", "previous_stays-0-entry-month": "3",
    "previous_stays-0-entry-year": "2026", "previous_stays-0-exit-day": "20", "previous_stays-0-exit-month": "3",
    "previous_stays-0-exit-year": "2026", ...CHILDREN },
  { ...ANSWERS, "person-surname_latin": "SIDOROV", "person-citizenship": "BY", "passport-document": "foreign_passport",
    "passport-number": "MP1234567", "stay-city": "not the first guest's: the place is one", earlier_stays: "no" },
];

test("every guest of a party, and each child with the guest responsible, travel in one link", async () => {
  const back = await hostLink.decode(await hostLink.encode(PARTY));
  assert.equal(back.length, 3);
  assert.deepEqual(back.map((g) => g["person-surname_latin"]), ["IVANOV", "PETROVA", "SIDOROV"]);
  assert.deepEqual(back.map((g) => g["passport-number"]), ["75 1234567", "76 7654321", "MP1234567"]);
  assert.deepEqual(back.map((g) => g["stay-city"]), ["Уральск", "Уральск", "Уральск"]); // the place and the host are shared
  assert.deepEqual(back.map((g) => g["entry-date-day"]), ["1", "3", "1"]);
  assert.equal(back[1]["previous_stays-0-exit-day"], "20");
  assert.ok(!("previous_stays-0-exit-day" in back[0]));
  // The children, renumbered from 0, with the second guest only.
  assert.deepEqual([back[1]["children-0-given_names"], back[1]["children-1-given_names"]], ["Мария", "PAVEL"]);
  assert.deepEqual([back[1]["children-1-date_of_birth-day"], back[1]["children-1-date_of_birth-month"],
    back[1]["children-1-date_of_birth-year"]], ["30", "11", "2022"]);
  assert.ok(!Object.keys(back[0]).some((k) => k.startsWith("children-")));
  assert.ok(!Object.keys(back[2]).some((k) => k.startsWith("children-")));
});

test("past one code's length, each guest has a code of their own, each a link that reads back", async () => {
  const whole = await hostLink.links("https://tirkeu.example", "ru", PARTY, 4000);
  assert.deepEqual(whole.codes, [whole.link]); // short enough: one code, the link itself
  const split = await hostLink.links("https://tirkeu.example", "ru", PARTY, whole.link.length - 1);
  assert.equal(split.link, whole.link);
  assert.equal(split.codes.length, 3);
  for (const [i, code] of split.codes.entries()) {
    assert.ok(code.length < whole.link.length && code.startsWith("https://tirkeu.example/ru/host#4"));
    const guests = await hostLink.decode(code.split("#")[1]);
    assert.deepEqual(guests.map((g) => g["passport-number"]), [PARTY[i]["passport-number"]]);
  }
  assert.equal((await hostLink.decode(split.codes[1].split("#")[1]))[0]["children-1-given_names"], "PAVEL");
  // A guest too long for any code: no code, said by a null.
  assert.deepEqual((await hostLink.links("https://tirkeu.example", "ru", PARTY, 40)).codes, [null, null, null]);
});

test("a browser that cannot compress sends the answers uncompressed, still readable", async () => {
  const saved = globalThis.CompressionStream;
  globalThis.CompressionStream = undefined;
  try {
    const payload = await hostLink.encode(PARTY);
    assert.match(payload, /^4j/);
    assert.deepEqual((await hostLink.decode(payload)).map(guest), (await hostLink.decode(await hostLink.encode(PARTY))).map(guest));
  } finally {
    globalThis.CompressionStream = saved;
  }
});

test("no character changed on the way turns into other answers", async () => {
  const payload = await hostLink.encode(ANSWERS);
  const original = JSON.stringify(dates(await one(payload)));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let refused = 0;
  for (let i = 2; i < payload.length; i++) {
    for (const c of [alphabet[(alphabet.indexOf(payload[i]) + 1) % 64], alphabet[(alphabet.indexOf(payload[i]) + 31) % 64]]) {
      const changed = payload.slice(0, i) + c + payload.slice(i + 1);
      try {
        // The last character's spare bits may change nothing: then the answers are the same.
        assert.equal(JSON.stringify(dates(await one(changed))), original, `changed at ${i}`);
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
  await assert.rejects(hostLink.decode("5z" + payload.slice(2))); // no such version
  await assert.rejects(hostLink.decode("3z" + payload.slice(2))); // a version 4 link read as version 3
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
  const back = await one(plainLink(1, values));
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
  assert.match(payload, /^4z/);
  const back = await one(payload);
  assert.equal(back.earlier_stays, "yes");
  assert.deepEqual([back["exit_date-day"], back["exit_date-month"], back["exit_date-year"]], ["20", "12", "2026"]);
  assert.deepEqual(Object.keys(back).filter((k) => k.startsWith("previous_stays-")).sort(), [
    "previous_stays-0-entry-day", "previous_stays-0-entry-month", "previous_stays-0-entry-year",
    "previous_stays-0-exit-day", "previous_stays-0-exit-month", "previous_stays-0-exit-year",
    "previous_stays-1-entry-day", "previous_stays-1-entry-month", "previous_stays-1-entry-year",
    "previous_stays-1-exit-day", "previous_stays-1-exit-month", "previous_stays-1-exit-year"]);
  assert.deepEqual([back["previous_stays-1-entry-day"], back["previous_stays-1-exit-month"]], ["1", "3"]);
  // "No earlier stays" is an answer too; a link without the trip (version 2) leaves it not answered.
  const none = await one(await hostLink.encode({ ...ANSWERS, earlier_stays: "no" }));
  assert.equal(none.earlier_stays, "no");
  assert.ok(!Object.keys(none).some((k) => k.startsWith("previous_stays-")));
  const version3 = await one(plainLink(3, hostLink.FIELDS.map((name) => (dates(trip)[name] || ""))
    .map((v, i) => (hostLink.FIELDS[i] === "previous_stays" ? "2026-07-10/2026-09-15" : v))));
  assert.deepEqual([version3["previous_stays-0-exit-day"], version3.earlier_stays, version3["exit_date-day"]], ["15", "yes", "20"]);
  const version2 = await one(plainLink(2, hostLink.FIELDS.slice(0, 22).map((name) => (dates(ANSWERS)[name] || ""))));
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
  const back = await one(await hostLink.encode(internal));
  assert.equal(back["passport-document"], "ru_internal_passport");
  assert.equal(back["passport-number"], "4512345678");
});

test("a version 4 link that is not every guest's answers is refused", async () => {
  const shared = hostLink.SHARED.map(() => ""), own = hostLink.GUEST.map(() => "");
  const child = ["A", "B", "2020-01-01"];
  for (const bad of [[shared, [], []], [shared, [own], [[...child, 1]]], [shared, [own], [[...child, -1]]],
    [shared, [own], [[...child, "0"]]], [shared, Array(11).fill(own), []], [shared.slice(1), [own], []],
    [shared, [own.slice(1)], []], [shared, [own], Array(11).fill([...child, 0])], [shared, [own], [[...child.slice(1), 0]]]]) {
    await assert.rejects(hostLink.decode(plainLink(4, bad)), JSON.stringify(bad).slice(0, 60));
  }
  const fine = await hostLink.decode(plainLink(4, [shared, Array(10).fill(own), Array(10).fill([...child, 9])]));
  assert.equal(fine.length, 10);
  assert.equal(fine[9]["children-9-surname"], "A");
});

// The host's link: the answers the host's sheet needs, after the "#" (never sent to a server).
import { childIndices, dateOf, rowIndices } from "./checks.js";

// What the host's sheet prints or counts from, in version 1's order: a new answer goes at the
// end with a new version, so that links already sent still open (a version's answers are the
// first of these; those it has not are empty). Version 2: the document crossed with. Version 3:
// the day of leaving and the earlier stays, so that the host's sheet prints the guest's last day
// (links of before leave them not answered: the sheet prints no last day and says why).
var VERSION_1 = ["person-surname_latin", "person-given_names_latin", "person-surname_cyrillic",
  "person-given_names_cyrillic", "person-date_of_birth", "person-citizenship",
  "passport-number", "passport-issued", "passport-expires", "entry-date", "entry-checkpoint",
  "stay-region", "stay-city", "stay-street", "stay-house", "stay-flat",
  "host-kind", "host-name", "host-iin", "host-bin", "host-phone"];
// The earlier stays, in one answer: "2026-07-10/2026-09-15 2026-03-01/2026-03-20" (at most 50, as
// rules/inputs.py MAX_PREVIOUS_STAYS).
var STAYS = "previous_stays", STAY = /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/, MAX_STAYS = 50;
export const FIELDS = VERSION_1.concat(["passport-document", "exit_date", "earlier_stays", "previous_stays"]);
var COUNTS = { 1: VERSION_1.length, 2: VERSION_1.length + 1, 3: FIELDS.length };
var DATES = ["person-date_of_birth", "passport-issued", "passport-expires", "entry-date", "exit_date"];
// Version 4: every guest staying at the place, and the children with them. What they share (the
// place and the host) once, then each guest's own answers, then each child with the guest
// responsible for them: [[SHARED…], [[GUEST…], …], [[CHILD…, guest's index], …]].
export const SHARED = FIELDS.filter(function (name) { return /^(stay|host)-/.test(name); });
export const GUEST = FIELDS.filter(function (name) { return SHARED.indexOf(name) === -1; });
export const CHILD = ["surname", "given_names", "date_of_birth"];
// As many guests as a party shares one place with (the documents ask at most 10 children of each).
export const MAX_GUESTS = 10, MAX_CHILDREN = 10;
var VERSION = "4";
// "z": deflate-raw JSON; "j": plain, from a browser that cannot compress. Both end with an
// Adler-32 (deflate-raw has none): a character changed on the way must not become another name.
var PAYLOAD = /^([1234])([zj])([A-Za-z0-9_-]{1,12000})$/;
var MAX_BYTES = 65536; // a crafted link must not unpack into gigabytes
var MAX_ANSWER = 200;
export const SHEET = "host-sheet";

function toBase64Url(bytes) {
  var text = "";
  for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function fromBase64Url(text) {
  var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
function through(stream, bytes) {
  var reader = new Blob([bytes]).stream().pipeThrough(stream).getReader(), chunks = [], total = 0;
  function pump() {
    return reader.read().then(function (step) {
      if (step.done) {
        var out = new Uint8Array(total), at = 0;
        chunks.forEach(function (chunk) { out.set(chunk, at); at += chunk.length; });
        return out;
      }
      total += step.value.length;
      if (total > MAX_BYTES) { reader.cancel(); throw new Error("too long"); }
      chunks.push(step.value);
      return pump();
    });
  }
  return pump();
}
function adler32(bytes) {
  var a = 1, b = 0;
  for (var i = 0; i < bytes.length; i++) { a = (a + bytes[i]) % 65521; b = (b + a) % 65521; }
  return [b >>> 8, b & 255, a >>> 8, a & 255];
}
function withChecksum(bytes) {
  var out = new Uint8Array(bytes.length + 4);
  out.set(bytes);
  out.set(adler32(bytes), bytes.length);
  return out;
}
function checked(bytes) {
  var body = bytes.slice(0, -4), sum = adler32(body);
  if (bytes.length < 5 || sum.some(function (byte, i) { return byte !== bytes[body.length + i]; })) throw new Error("changed");
  return body;
}

// One answer of the link from the answers as the form posts them (a date as YYYY-MM-DD, the
// earlier stays as "entry/exit" pairs).
function valueOf(answers, name) {
  if (name === STAYS) {
    return rowIndices(answers, STAYS).map(function (i) {
      var entry = dateOf(answers, STAYS + "-" + i + "-entry"), exit = dateOf(answers, STAYS + "-" + i + "-exit");
      return entry && exit ? entry + "/" + exit : "";
    }).filter(Boolean).join(" ");
  }
  return DATES.indexOf(name) !== -1 ? dateOf(answers, name) || "" : String(answers[name] || "").trim();
}

// The guests' answers (each as the form posts them; one guest's alone will do) -> the part after
// the "#". The place and the host are the first guest's.
export function encode(guests) {
  var people = Array.isArray(guests) ? guests : [guests];
  var children = [];
  people.forEach(function (answers, guest) {
    childIndices(answers).forEach(function (i) {
      children.push(CHILD.map(function (name) {
        var key = "children-" + i + "-" + name;
        return name === "date_of_birth" ? dateOf(answers, key) || "" : String(answers[key] || "").trim();
      }).concat([guest]));
    });
  });
  var values = [SHARED.map(function (name) { return valueOf(people[0], name); }),
    people.map(function (answers) { return GUEST.map(function (name) { return valueOf(answers, name); }); }), children];
  var bytes = withChecksum(new TextEncoder().encode(JSON.stringify(values)));
  if (typeof CompressionStream === "undefined") return Promise.resolve(VERSION + "j" + toBase64Url(bytes));
  return through(new CompressionStream("deflate-raw"), bytes).then(function (packed) {
    return VERSION + "z" + toBase64Url(packed);
  });
}

function answer(value, name) {
  var longest = name === STAYS ? MAX_STAYS * 22 : MAX_ANSWER;
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  return typeof value === "string" && value.length <= longest && !/[\u0000-\u001f\u007f]/.test(value) &&
    (name !== STAYS || stays(value) !== null);
}
function answers(list, names) {
  return Array.isArray(list) && list.length === names.length && list.every(function (v, i) { return answer(v, names[i]); });
}
function putDate(out, name, iso) {
  var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "") || ["", "", "", ""];
  out[name + "-year"] = parts[1];
  out[name + "-month"] = parts[2] ? String(+parts[2]) : "";
  out[name + "-day"] = parts[3] ? String(+parts[3]) : "";
}
// The answers of `names` (the first `count` in the link, the rest empty) put as the form has them.
function put(out, names, values, count) {
  names.forEach(function (name, i) {
    var value = i < count ? values[i] : "";
    if (name === STAYS) {
      stays(value).forEach(function (pair, row) {
        putDate(out, STAYS + "-" + row + "-entry", pair[0]);
        putDate(out, STAYS + "-" + row + "-exit", pair[1]);
      });
    } else if (DATES.indexOf(name) === -1) out[name] = value;
    else putDate(out, name, value);
  });
  return out;
}

// A link of before version 4: one guest, no children.
function oneGuest(values, count) {
  if (!Array.isArray(values) || values.length !== count || !values.every(function (v, i) { return answer(v, FIELDS[i]); })) {
    throw new Error("not a Tirkeu host link");
  }
  return [put({}, FIELDS, values, count)];
}
function everyGuest(values) {
  var ok = Array.isArray(values) && values.length === 3 && answers(values[0], SHARED) && Array.isArray(values[1]) &&
    values[1].length >= 1 && values[1].length <= MAX_GUESTS && values[1].every(function (g) { return answers(g, GUEST); }) &&
    Array.isArray(values[2]) && values[2].length <= MAX_CHILDREN * values[1].length && values[2].every(function (c) {
      return Array.isArray(c) && c.length === CHILD.length + 1 && answers(c.slice(0, -1), CHILD) &&
        Number.isInteger(c[CHILD.length]) && c[CHILD.length] >= 0 && c[CHILD.length] < values[1].length;
    });
  if (!ok) throw new Error("not a Tirkeu host link");
  var guests = values[1].map(function (own) { return put(put({}, SHARED, values[0], SHARED.length), GUEST, own, GUEST.length); });
  var counts = guests.map(function () { return 0; });
  values[2].forEach(function (child) {
    var guest = child[CHILD.length], prefix = "children-" + counts[guest]++ + "-";
    guests[guest][prefix + "surname"] = child[0];
    guests[guest][prefix + "given_names"] = child[1];
    putDate(guests[guest], prefix + "date_of_birth", child[2]);
  });
  return guests;
}

// -> every guest's answers as the form holds them (a link of before version 4: one guest);
// refuses a link cut short or changed (`oldBrowser`: this browser cannot unpack it).
export function decode(payload) {
  var match = PAYLOAD.exec(payload || "");
  if (!match) return Promise.reject(new Error("not a Tirkeu host link"));
  var version = match[1], packing = match[2];
  if (packing === "z" && typeof DecompressionStream === "undefined") {
    var old = new Error("cannot decompress");
    old.oldBrowser = true;
    return Promise.reject(old);
  }
  var bytes;
  try { bytes = fromBase64Url(match[3]); } catch (error) { return Promise.reject(error); }
  var unpacked = packing === "j" ? Promise.resolve(bytes) : through(new DecompressionStream("deflate-raw"), bytes);
  return unpacked.then(function (plain) {
    var values = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(checked(plain)));
    return version === VERSION ? everyGuest(values) : oneGuest(values, COUNTS[version]);
  });
}

// The earlier stays' answer -> [[entry, exit], …], or null when it is not one.
function stays(text) {
  var pairs = text ? text.split(" ") : [];
  if (pairs.length > MAX_STAYS || pairs.some(function (pair) { return !STAY.test(pair); })) return null;
  return pairs.map(function (pair) { return pair.split("/"); });
}

// The host's page, in the host's language (webapp/host/views.py).
export function link(origin, language, payload) {
  return origin + "/" + language + "/host#" + payload;
}
// The host's sheets to print, one for each guest (static/js/print-documents.js): the page every
// link of before version 4 opened, which still opens them.
export function sheetLink(origin, language, payload) {
  return origin + "/documents/print#" + language + "/" + SHEET + "/" + payload;
}

// The link and the QR codes the host scans: one code holds the whole link while it is at most
// `longest` characters (a denser code is hard to read off a phone's screen); past that, a code for
// each guest (the place, the host, the guest and their children). A guest's link longer than that
// too (the earlier stays of years) gets no code: `codes` has null in its place.
export function links(origin, language, guests, longest) {
  var people = Array.isArray(guests) ? guests : [guests];
  return encode(people).then(function (payload) {
    var whole = link(origin, language, payload);
    if (whole.length <= longest || people.length === 1) {
      return { link: whole, payload: payload, codes: [whole.length <= longest ? whole : null] };
    }
    return Promise.all(people.map(function (guest) {
      return encode([guest]).then(function (own) { var one = link(origin, language, own); return one.length <= longest ? one : null; });
    })).then(function (codes) { return { link: whole, payload: payload, codes: codes }; });
  });
}


// The host's link: the answers the host's sheet needs, after the "#" (never sent to a server).
import { dateOf, rowIndices } from "./checks.js";

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
var VERSION = "3";
// "z": deflate-raw JSON; "j": plain, from a browser that cannot compress. Both end with an
// Adler-32 (deflate-raw has none): a character changed on the way must not become another name.
var PAYLOAD = /^([123])([zj])([A-Za-z0-9_-]{1,4000})$/;
var MAX_BYTES = 16384; // a crafted link must not unpack into gigabytes
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

// The answers (as the form posts them) -> the part after "host-sheet/".
export function encode(answers) {
  var values = FIELDS.map(function (name) {
    if (name === STAYS) {
      return rowIndices(answers, STAYS).map(function (i) {
        var entry = dateOf(answers, STAYS + "-" + i + "-entry"), exit = dateOf(answers, STAYS + "-" + i + "-exit");
        return entry && exit ? entry + "/" + exit : "";
      }).filter(Boolean).join(" ");
    }
    return DATES.indexOf(name) !== -1 ? dateOf(answers, name) || "" : String(answers[name] || "").trim();
  });
  var bytes = withChecksum(new TextEncoder().encode(JSON.stringify(values)));
  if (typeof CompressionStream === "undefined") return Promise.resolve(VERSION + "j" + toBase64Url(bytes));
  return through(new CompressionStream("deflate-raw"), bytes).then(function (packed) {
    return VERSION + "z" + toBase64Url(packed);
  });
}

// -> the answers as the form holds them; refuses a link cut short or changed (`oldBrowser`: this
// browser cannot unpack it).
export function decode(payload) {
  var match = PAYLOAD.exec(payload || "");
  if (!match) return Promise.reject(new Error("not a Tirkeu host link"));
  var count = COUNTS[match[1]], packing = match[2];
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
    if (!Array.isArray(values) || values.length !== count || values.some(function (v, i) {
      var longest = FIELDS[i] === STAYS ? MAX_STAYS * 22 : MAX_ANSWER;
      // eslint-disable-next-line no-control-regex -- control characters are what it refuses
      return typeof v !== "string" || v.length > longest || /[\u0000-\u001f\u007f]/.test(v);
    }) || (count > FIELDS.indexOf(STAYS) && !stays(values[FIELDS.indexOf(STAYS)]))) {
      throw new Error("not a Tirkeu host link");
    }
    var answers = {};
    function putDate(name, iso) {
      var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "") || ["", "", "", ""];
      answers[name + "-year"] = parts[1];
      answers[name + "-month"] = parts[2] ? String(+parts[2]) : "";
      answers[name + "-day"] = parts[3] ? String(+parts[3]) : "";
    }
    FIELDS.forEach(function (name, i) {
      if (name === STAYS) {
        stays(i < count ? values[i] : "").forEach(function (pair, row) {
          putDate(STAYS + "-" + row + "-entry", pair[0]);
          putDate(STAYS + "-" + row + "-exit", pair[1]);
        });
      } else if (DATES.indexOf(name) === -1) answers[name] = i < count ? values[i] : "";
      else putDate(name, values[i]);
    });
    return answers;
  });
}

// The earlier stays' answer -> [[entry, exit], …], or null when it is not one.
function stays(text) {
  var pairs = text ? text.split(" ") : [];
  if (pairs.length > MAX_STAYS || pairs.some(function (pair) { return !STAY.test(pair); })) return null;
  return pairs.map(function (pair) { return pair.split("/"); });
}

export function link(origin, language, payload) {
  return origin + "/documents/print#" + language + "/" + SHEET + "/" + payload;
}


// "Send to your host": the link that opens the sheet for the host on the host's own phone, filled
// in. The answers the sheet needs travel inside the link, after the "#", which a browser never
// sends to a server. Made on "Check your answers" (below, with its QR code; offline too), read by
// print-documents.js on the host's phone; node tests check the two agree.
import { dateParts } from "./core/words.js";

const hostLink = (function () {
  // Only the answers the host's sheet prints or counts its dates from, in the order they travel
  // (version 1 of the link): not the sex, patronymic, purpose of the trip, postcode or children,
  // which it does not show. A new answer goes at the end with a new version number, so that links
  // already sent still open.
  var FIELDS = ["person-surname_latin", "person-given_names_latin", "person-surname_cyrillic",
    "person-given_names_cyrillic", "person-date_of_birth", "person-citizenship",
    "passport-number", "passport-issued", "passport-expires", "entry-date", "entry-checkpoint",
    "stay-region", "stay-city", "stay-street", "stay-house", "stay-flat",
    "host-kind", "host-name", "host-iin", "host-bin", "host-phone"];
  var DATES = ["person-date_of_birth", "passport-issued", "passport-expires", "entry-date"];
  var VERSION = "1";
  // After the version, "z": the JSON compressed (deflate-raw); "j": as it is, from a browser that
  // cannot compress. Either way it ends with its Adler-32 checksum: deflate-raw has none, and a
  // character changed on the way must not turn into another name on the host's sheet.
  var PAYLOAD = new RegExp("^" + VERSION + "([zj])([A-Za-z0-9_-]{1,4000})$");
  var MAX_BYTES = 16384; // far more than 21 answers of at most 120 characters
  var MAX_ANSWER = 200;
  var SHEET = "host-sheet";

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
  // Bytes through a (de)compression stream, stopping past MAX_BYTES (a crafted link must not
  // unpack into gigabytes).
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

  // A date typed in three boxes (person-date_of_birth-day, -month, -year) as YYYY-MM-DD.
  function isoDate(answers, name, dateParts) {
    return dateParts({ day: answers[name + "-day"], month: answers[name + "-month"], year: answers[name + "-year"] }).iso || "";
  }

  // The answers (as answers.js collects a form) -> the part of the link after "host-sheet/".
  function encode(answers, dateParts) {
    var values = FIELDS.map(function (name) {
      return DATES.indexOf(name) !== -1 ? isoDate(answers, name, dateParts) : String(answers[name] || "").trim();
    });
    var bytes = withChecksum(new TextEncoder().encode(JSON.stringify(values)));
    if (typeof CompressionStream === "undefined") return Promise.resolve(VERSION + "j" + toBase64Url(bytes));
    return through(new CompressionStream("deflate-raw"), bytes).then(function (packed) {
      return VERSION + "z" + toBase64Url(packed);
    });
  }

  // The part after "host-sheet/" -> the answers, as the form would hold them (dates in three parts).
  // Rejects a link that was cut short or changed; `oldBrowser` on the error when this browser
  // cannot unpack a compressed link.
  function decode(payload) {
    var match = PAYLOAD.exec(payload || "");
    if (!match) return Promise.reject(new Error("not a Tirkeu host link"));
    if (match[1] === "z" && typeof DecompressionStream === "undefined") {
      var old = new Error("cannot decompress");
      old.oldBrowser = true;
      return Promise.reject(old);
    }
    var bytes;
    try { bytes = fromBase64Url(match[2]); } catch (error) { return Promise.reject(error); }
    var unpacked = match[1] === "j" ? Promise.resolve(bytes) : through(new DecompressionStream("deflate-raw"), bytes);
    return unpacked.then(function (plain) {
      var values = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(checked(plain)));
      if (!Array.isArray(values) || values.length !== FIELDS.length || values.some(function (v) {
        return typeof v !== "string" || v.length > MAX_ANSWER || /[\u0000-\u001f\u007f]/.test(v);
      })) {
        throw new Error("not a Tirkeu host link");
      }
      var answers = {};
      FIELDS.forEach(function (name, i) {
        if (DATES.indexOf(name) === -1) { answers[name] = values[i]; return; }
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values[i]) || ["", "", "", ""];
        answers[name + "-year"] = parts[1];
        answers[name + "-month"] = parts[2] ? String(+parts[2]) : "";
        answers[name + "-day"] = parts[3] ? String(+parts[3]) : "";
      });
      return answers;
    });
  }

  // The whole link, opening the sheet with the host's words in `language`.
  function link(origin, language, payload) {
    return origin + "/documents/print#" + language + "/" + SHEET + "/" + payload;
  }

  var api = { FIELDS: FIELDS, encode: encode, decode: decode, link: link, SHEET: SHEET };
  // Node imports the codec alone; a page also gets the section.
  if (typeof document !== "undefined") document.addEventListener("DOMContentLoaded", fetchSection);
  return api;

  // The section is fetched (the phone keeps it once fetched): "Check your answers" without
  // JavaScript, which cannot use it, does not carry it.
  function fetchSection() {
    var slot = document.querySelector("[data-send-to-host-slot]");
    if (!slot || !window.fetch || !window.TirkeuAnswers) return;
    window.TirkeuAnswers.fetchPart(slot, "[data-send-to-host]").then(bindSection)
      .catch(function () { /* no section: the PDF for the host is still there */ });
  }


  // The section on "Check your answers" (macros.html send_to_host): the link, to share or copy,
  // and its QR code to scan from this screen.
  function bindSection() {
    var section = document.querySelector("[data-send-to-host]");
    var form = document.getElementById("wizard");
    if (!section || !form || !window.TirkeuAnswers || !window.TextEncoder) return;
    var result = section.querySelector("[data-host-link-result]");
    var field = section.querySelector("[data-host-link]");
    var status = section.querySelector("[data-host-link-status]");
    var figure = section.querySelector("[data-host-qr]");
    var share = section.querySelector("[data-host-share]");
    section.hidden = false;

    function language() {
      var chosen = section.querySelector("input[name=host_language]:checked");
      return chosen ? chosen.value : document.documentElement.lang;
    }

    // The QR code as an SVG: one path of dark squares, a quiet zone of 4 modules around it.
    function qrSvg(text) {
      var qr = window.qrcodegen.QrCode.encodeText(text, window.qrcodegen.QrCode.Ecc.LOW);
      var size = qr.size + 8, path = [];
      for (var y = 0; y < qr.size; y++) {
        for (var x = 0; x < qr.size; x++) if (qr.getModule(x, y)) path.push("M" + (x + 4) + "," + (y + 4) + "h1v1h-1z");
      }
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", "0 0 " + size + " " + size);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", figure.getAttribute("data-label"));
      svg.setAttribute("shape-rendering", "crispEdges");
      var background = document.createElementNS(svg.namespaceURI, "rect");
      background.setAttribute("width", size); background.setAttribute("height", size); background.setAttribute("fill", "#fff");
      var dark = document.createElementNS(svg.namespaceURI, "path");
      dark.setAttribute("d", path.join("")); dark.setAttribute("fill", "#000");
      svg.appendChild(background); svg.appendChild(dark);
      return svg;
    }

    function show(url) {
      field.value = url;
      result.hidden = false;
      var box = figure.querySelector("[data-host-qr-code]");
      box.textContent = "";
      // The QR encoder is kept by the phone once Tirkeu is ready offline; without it, the link alone.
      if (window.qrcodegen) {
        box.appendChild(qrSvg(url));
        figure.hidden = false;
      } else {
        figure.hidden = true;
      }
      share.hidden = !navigator.share;
    }

    section.querySelector("[data-host-link-make]").addEventListener("click", function () {
      status.textContent = "";
      var answers = window.TirkeuAnswers.collect(form);
      encode(answers, dateParts).then(function (payload) {
        show(link(window.location.origin, language(), payload));
        // Said, not read out: a screen reader would spell the 400 characters of the link.
        status.textContent = section.getAttribute("data-made");
        (share.hidden ? section.querySelector("[data-host-copy]") : share).focus();
      }, function () { status.textContent = section.getAttribute("data-failed"); });
    });
    // A link made for one language or one set of answers is not left showing once they change.
    section.addEventListener("change", function (event) { if (event.target.name === "host_language") result.hidden = true; });
    window.addEventListener("hashchange", function () { result.hidden = true; });

    section.querySelector("[data-host-copy]").addEventListener("click", function () {
      var copied = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(field.value)
        : Promise.reject(new Error("no clipboard"));
      copied.then(function () { status.textContent = section.getAttribute("data-copied"); }, function () {
        field.focus();
        field.select();
        status.textContent = section.getAttribute("data-copy-by-hand");
      });
    });
    share.addEventListener("click", function () {
      navigator.share({ title: section.getAttribute("data-share-title"), url: field.value }).catch(function () { /* closed */ });
    });
  }
})();

export const { FIELDS, encode, decode, link, SHEET } = hostLink;

// "Send to your host" on "Check your answers": the link (core/host-link.js) and its QR codes.
import { links } from "./core/host-link.js";
import { people, personName } from "./core/group.js";
import { collect, fetchPart } from "./answers.js";

// The longest link one code holds: 850 characters make a code of version 20 (97 modules, error
// correction L), about 3 px a module on a 320 px screen, which a phone's camera still reads off
// another screen; a longer link gets a code for each guest (core/host-link.js links).
var QR_LONGEST = 850;

// Started on the section's slot, fetched: without JavaScript the page has no use for it.
export function init(slot) {
  fetchPart(slot, "[data-send-to-host]").then(bindSection)
    .catch(function () { /* no section: the PDF for the host is still there */ });

  function bindSection() {
    var section = document.querySelector("[data-send-to-host]");
    var form = document.getElementById("wizard");
    if (!section || !form || !window.TextEncoder) return;
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

    // One path of dark squares, a quiet zone of 4 modules.
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

    // The codes, each with what it holds when there are several; a link too long for one is said.
    function showCodes(codes, guests) {
      var box = figure.querySelector("[data-host-qr-code]"), caption = figure.querySelector("[data-host-qr-caption]");
      box.textContent = "";
      codes.forEach(function (code, i) {
        var part = document.createElement("div");
        part.className = "host-qr-part";
        if (codes.length > 1) {
          var title = document.createElement("p");
          title.textContent = figure.getAttribute("data-each").replace("{number}", i + 1).replace("{count}", codes.length)
            .replace("{name}", guests[i]);
          part.appendChild(title);
        }
        if (code) part.appendChild(qrSvg(code));
        else {
          var none = document.createElement("p");
          none.textContent = figure.getAttribute("data-too-long");
          part.appendChild(none);
        }
        box.appendChild(part);
      });
      caption.textContent = figure.getAttribute(codes.length > 1 ? "data-several" : "data-one");
    }

    function show(made, guests) {
      field.value = made.link;
      result.hidden = false;
      // The encoder comes after "Ready offline": until then, the link alone.
      figure.hidden = !window.qrcodegen;
      if (window.qrcodegen) showCodes(made.codes, guests);
      share.hidden = !navigator.share;
    }

    section.querySelector("[data-host-link-make]").addEventListener("click", function () {
      status.textContent = "";
      // Each adult travelling together is a guest, with their own answers (core/group.js).
      var guests = people(collect(form), +slot.getAttribute("data-max-adults"));
      var names = guests.map(personName);
      links(window.location.origin, language(), guests, QR_LONGEST).then(function (made) {
        show(made, names);
        // Said, not read out: a screen reader would spell the link.
        status.textContent = section.getAttribute("data-made");
        (share.hidden ? section.querySelector("[data-host-copy]") : share).focus();
      }, function () { status.textContent = section.getAttribute("data-failed"); });
    });
    // Not left showing once the language or the answers change.
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
}

// The host's page (webapp/host/): each guest's details and date, read on this phone from the
// link's "#" (core/host-link.js) and worked out as the guest's own sheet works them
// (core/document-values.js). The details never leave the phone.
import { textOf, values } from "./core/document-values.js";
import { decode, sheetLink } from "./core/host-link.js";
import { tidy } from "./core/words.js";

// The values shown for each guest (the browser tests compare them with the server's).
export let shown = null;

function json(url) { return fetch(url).then(function (response) { if (!response.ok) throw new Error(url); return response.json(); }); }

// A guest's card from the page's template: a slot takes its value, a part marked data-when goes
// when its value is empty, a list repeats its items.
function card(template, guest) {
  var copy = template.content.cloneNode(true);
  copy.querySelectorAll("[data-when]").forEach(function (part) {
    var value = guest[part.getAttribute("data-when")];
    if (!(Array.isArray(value) ? value.length : value)) part.remove();
  });
  copy.querySelectorAll("[data-slot]").forEach(function (slot) { slot.textContent = textOf(guest[slot.getAttribute("data-slot")]) || "—"; });
  copy.querySelectorAll("[data-list]").forEach(function (list) {
    guest[list.getAttribute("data-list")].forEach(function (item) {
      var line = document.createElement("li");
      line.textContent = typeof item === "string" ? item : item.name + ", " + item.date_of_birth;
      list.appendChild(line);
    });
  });
  return copy;
}

export function init(page) {
  var status = page.querySelector("[data-host-status]");
  var language = document.documentElement.lang;
  var payload = window.location.hash.slice(1);
  page.querySelector("[data-host-without-script]").hidden = true;
  // The language switch keeps the guests: they are after the "#", which a link of its own drops.
  document.querySelectorAll("nav.languages a[hreflang]").forEach(function (a) { a.href = a.href.split("#")[0] + window.location.hash; });
  window.addEventListener("hashchange", function () { window.location.reload(); });
  function say(key) { status.textContent = status.getAttribute("data-" + key); status.hidden = false; }
  if (!payload) { say("none"); return; }
  var today = page.getAttribute("data-today") || new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
  var guests = decode(payload).catch(function (error) { error.link = error.oldBrowser ? "old-browser" : "broken"; throw error; });
  Promise.all([guests, json(page.getAttribute("data-print-data-url")), json(page.getAttribute("data-rules-url")),
    json(page.getAttribute("data-countries-url"))])
    .then(function (loaded) {
      var data = loaded[1];
      data.countries = loaded[3].names;
      if (!loaded[0].every(function (guest) { return data.countries[tidy(guest["person-citizenship"])]; })) {
        var broken = new Error("no citizenship");
        broken.link = "broken";
        throw broken;
      }
      shown = loaded[0].map(function (guest) { return values(guest, data, loaded[2], today, language); });
      var list = page.querySelector("[data-host-guest-list]"), template = page.querySelector("template[data-host-guest]");
      shown.forEach(function (guest) { list.appendChild(card(template, guest)); });
      page.querySelectorAll("[data-host-shared]").forEach(function (slot) { slot.textContent = textOf(shown[0][slot.getAttribute("data-host-shared")]) || "—"; });
      // Only the duties of these guests (a plan with no date is notified, as the sheet says).
      page.querySelectorAll("[data-host-duty]").forEach(function (section) {
        var duty = section.getAttribute("data-host-duty");
        section.hidden = !shown.some(function (guest) { return guest["duty_" + duty] || (duty === "notice" && guest.duty_undated); });
      });
      page.querySelector("[data-host-which]").hidden = true;
      page.querySelector("[data-host-print]").href = sheetLink(window.location.origin, language, payload);
      page.querySelector("[data-host-guests]").hidden = false;
    })
    .catch(function (error) { say(error.link || "failed"); });
}

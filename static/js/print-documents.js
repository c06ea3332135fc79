// Fills a blank document (the PDF's template with empty slots) from the answers on this phone
// (core/document-values.js) and offers the phone's print; offline too. The answers stay here.
import { dateOf } from "./core/checks.js";
import { cardLanguages, values } from "./core/document-values.js";
import { people } from "./core/group.js";
import { decode, link } from "./core/host-link.js";
import { tidy } from "./core/words.js";
import { fingerprint, store } from "./answers.js";

// The values the page was filled with (the browser tests compare them with the server's): the
// host's sheet has a part for each guest, `printedGuests`, the first of them `printed`.
export let printed = null;
export let printedGuests = null;

export function init(toolbar) {
  var status = toolbar.querySelector("[data-print-status]");
  // "#kk/card", "#kk/card/2" (adult 2 of those travelling together), or a host's link
  // "#kk/host-sheet/<answers>": whatever follows is read as one, so that a damaged link says so
  // rather than show this phone's answers. A language the print data lacks: the first one's
  // registration sheet.
  var sent = /^#([\w-]+)\/host-sheet\/(.*)$/.exec(window.location.hash);
  // "…/officer" after the card: open it shown to an officer (the documents page's link).
  var wanted = sent ? [null, sent[1], "host-sheet"] : /^#([\w-]+)\/([\w-]+)(?:\/(\d{1,2}))?(\/officer)?$/.exec(window.location.hash) || [null, null, "registration-sheet"];
  var language = wanted[1], name = wanted[2], adult = +(wanted[3] || 1), asOfficer = !!wanted[4];
  var hostLink = sent ? sent[2] : null;
  function knownLanguage(languages) {
    if (languages.indexOf(language) !== -1) return;
    language = languages[0]; name = "registration-sheet"; hostLink = null;
  }
  var REQUIRED = ["person-surname_latin", "person-given_names_latin", "person-sex", "person-citizenship",
    "passport-number", "entry-checkpoint", "entry-purpose", "stay-region", "stay-city", "stay-street",
    "stay-house", "host-kind", "host-name"];
  var REQUIRED_DATES = ["person-date_of_birth", "passport-issued", "passport-expires", "entry-date"];

  function shown(all, key) {
    if (key.charAt(0) === "!") return !shown(all, key.slice(1));
    var value = all[key];
    return Array.isArray(value) ? value.length > 0 : !!value;
  }

  // A value's text, its parts in a language of their own each in an element with that lang (as
  // the PDF's macros.html parts()).
  function partsOf(value) {
    var parts = document.createDocumentFragment();
    (typeof value === "string" ? [value] : value).forEach(function (part) {
      if (typeof part === "string") { parts.appendChild(document.createTextNode(part)); return; }
      var marked = document.createElement("span");
      marked.lang = part.lang;
      marked.textContent = part.text;
      parts.appendChild(marked);
    });
    return parts;
  }

  function fill(root, all) {
    root.querySelectorAll("template[data-list]").forEach(function (template) {
      all[template.getAttribute("data-list")].forEach(function (entry) {
        var copy = template.content.cloneNode(true);
        copy.querySelectorAll("[data-item]").forEach(function (slot) {
          var key = slot.getAttribute("data-item");
          slot.replaceWith(document.createTextNode(typeof entry === "string" ? entry : entry[key]));
        });
        template.parentNode.insertBefore(copy, template);
      });
      template.remove();
    });
    root.querySelectorAll("[data-when]").forEach(function (part) {
      // Filled once: a guest's part of the host's sheet is not read again with the sheet's values.
      if (shown(all, part.getAttribute("data-when"))) { part.removeAttribute("hidden"); part.removeAttribute("data-when"); }
      else part.remove(); // as in the PDF
    });
    root.querySelectorAll("[data-join]").forEach(function (slot) {
      slot.replaceWith(document.createTextNode(all[slot.getAttribute("data-join")].join(slot.getAttribute("data-separator"))));
    });
    root.querySelectorAll("[data-v], [data-t]").forEach(function (slot) {
      var key = slot.getAttribute("data-v") || slot.getAttribute("data-t");
      slot.replaceWith(all[key] && all[key].length ? partsOf(all[key]) : document.createTextNode(slot.hasAttribute("data-v") ? "—" : ""));
    });
  }

  // Not in a host's link: the host's sheet does not print them.
  var NOT_IN_HOST_LINK = ["person-sex", "entry-purpose"];
  // The Russian internal passport: the name in Cyrillic, no date of expiry (documents/answers.py VARIANTS).
  var INTERNAL = { "person-surname_latin": "person-surname_cyrillic", "person-given_names_latin": "person-given_names_cyrillic", "passport-expires": null };
  function complete(answers) {
    var internal = tidy(answers["passport-document"]) === "ru_internal_passport";
    function needed(name) { return internal && name in INTERNAL ? INTERNAL[name] : name; }
    return REQUIRED.map(needed).every(function (name) { return tidy(answers[name]) || (hostLink !== null && NOT_IN_HOST_LINK.indexOf(name) !== -1); }) &&
      REQUIRED_DATES.map(needed).every(function (name) { return name === null || dateOf(answers, name); });
  }

  // The card's words: the reader's language, then Russian and Kazakh (the blank has all); or the
  // languages `order` names.
  function orderLanguages(root, order) {
    order = order || cardLanguages(language);
    root.querySelectorAll(".tri").forEach(function (words) {
      var byLanguage = {};
      Array.prototype.forEach.call(words.children, function (span) { byLanguage[span.lang] = span; });
      Object.keys(byLanguage).forEach(function (l) { if (order.indexOf(l) === -1) byLanguage[l].remove(); });
      order.forEach(function (l) { words.appendChild(byLanguage[l]); });
    });
  }

  function toolbarWords(words) {
    toolbar.lang = language;
    document.querySelectorAll("[data-word]").forEach(function (part) {
      part.textContent = words.page[part.getAttribute("data-word")];
    });
    toolbar.querySelector("a[data-word=back]").href = "/" + language + "/documents/offline#check";
    document.title = (words.titles[name] || "") + " — Tirkeu";
  }

  // "Show to an officer" (the card): the card again, full screen and in large type, its words in
  // the officer's language (Kazakh or Russian) first and the reader's beside it, its values (the
  // country's, the region's and the checkpoint's names) in the two official languages; offline too.
  function showToAnOfficer(blank, saved, data, rules) {
    var view = document.querySelector("[data-officer]"), open = toolbar.querySelector("[data-officer-open]");
    var buttons = Array.prototype.slice.call(view.querySelectorAll("[data-officer-language]"));
    var official = buttons.map(function (button) { return button.getAttribute("data-officer-language"); });
    var wakeLock = null;
    function draw(officer) {
      var card = blank.cloneNode(true);
      card.removeAttribute("data-document");
      card.hidden = false;
      fill(card, values(saved, data, rules, today, officer));
      var order = [officer, language].concat(official).filter(function (l, i, all) { return all.indexOf(l) === i; });
      orderLanguages(card, order.slice(0, 2));
      card.querySelector("h1").id = "officer-heading";
      view.querySelector("[data-officer-card]").replaceChildren(card);
      buttons.forEach(function (button) { button.setAttribute("aria-pressed", String(button.getAttribute("data-officer-language") === officer)); });
    }
    function close() {
      view.hidden = true;
      document.body.classList.remove("showing-officer");
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
      if (wakeLock) { wakeLock.release().catch(function () {}); wakeLock = null; }
      open.focus();
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () { draw(button.getAttribute("data-officer-language")); });
    });
    view.querySelector("[data-officer-close]").addEventListener("click", close);
    view.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
    open.addEventListener("click", function () {
      draw(official.indexOf(language) !== -1 ? language : official[0]);
      document.body.classList.add("showing-officer");
      view.hidden = false;
      // Where the phone allows: no browser bars, and the screen stays on while the officer reads.
      var root = document.documentElement;
      if (root.requestFullscreen) root.requestFullscreen().catch(function () {});
      if (navigator.wakeLock) navigator.wakeLock.request("screen").then(function (lock) { wakeLock = lock; }).catch(function () {});
      view.querySelector("[data-officer-language][aria-pressed=true]").focus();
    });
    open.hidden = false;
    if (asOfficer) open.click(); // full screen only after a tap of the phone's own, which a link's load is not
  }

  function json(url) { return fetch(url).then(function (response) { if (!response.ok) throw new Error(url); return response.json(); }); }

  var today = toolbar.getAttribute("data-today") ||
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
  var linkProblem = null; // "link_broken" or "link_old_browser"
  // Every guest's answers (this phone's: one).
  function answers() {
    return hostLink !== null ? decode(hostLink)
      .catch(function (error) { linkProblem = error.oldBrowser ? "link_old_browser" : "link_broken"; return [{}]; })
      : store.then(function (s) {
        return Promise.all([s.get("documents"), s.get("documents-checked")]);
      }).then(function (got) {
        // Only answers checked on this phone and not changed since; the host's sheet is everyone's.
        var group = people(got[0] && got[1] === fingerprint(got[0]) ? got[0] : {}, +toolbar.getAttribute("data-max-adults"));
        return name === "host-sheet" ? group : [group[adult - 1] || {}];
      });
  }
  window.addEventListener("hashchange", function () { window.location.reload(); }); // another document
  var rules = json(toolbar.getAttribute("data-rules-url")), countries = json(toolbar.getAttribute("data-countries-url"));
  json(toolbar.getAttribute("data-print-data-url"))
    .then(function (data) { knownLanguage(data.languages); return Promise.all([answers(), data, rules, countries]); })
    .then(function (loaded) {
      var guests = loaded[0];
      loaded[1].countries = loaded[3].names;
      var words = loaded[1].words[language];
      toolbarWords(words);
      var page = document.querySelector('.document[data-document="' + name + '"]');
      if (hostLink !== null) toolbar.querySelector("a[data-word=back]").parentNode.hidden = true; // no answers to go back to
      var readable = page && guests.every(function (saved) {
        return complete(saved) && loaded[1].countries[tidy(saved["person-citizenship"])];
      });
      if (linkProblem || (hostLink !== null && !readable)) { status.textContent = words.page[linkProblem || "link_broken"]; return; }
      if (!readable) { status.textContent = words.page.missing; return; }
      printedGuests = guests.map(function (saved) { return values(saved, loaded[1], loaded[2], today, language); });
      // The host's sheet: a part for each guest, in order, each from the blank's one (host_guest.html),
      // and the host's duties those of any guest; every other document is one person's.
      var part = page.querySelector("[data-guest]");
      if (part) {
        printedGuests.forEach(function (all, i) {
          var copy = part.parentNode.insertBefore(part.cloneNode(true), part);
          copy.querySelector("[data-guest-title]").textContent = " " + (i + 1) + ": " +
            ((all.internal_passport ? all.name_cyrillic : all.name_latin) || all.name_latin || all.name_cyrillic);
          fill(copy, all);
        });
        part.remove();
      }
      var sheet = Object.assign({}, printedGuests[0]);
      ["duty_self", "duty_notice", "duty_undated"].forEach(function (duty) {
        sheet[duty] = printedGuests.some(function (all) { return all[duty]; });
      });
      var blank = page.cloneNode(true);
      fill(page, sheet);
      orderLanguages(page);
      if (name === "card") showToAnOfficer(blank, guests[0], loaded[1], loaded[2]);
      page.hidden = false;
      if (hostLink !== null) {
        var hostPage = toolbar.querySelector("[data-host-page]");
        hostPage.querySelector("a").href = link(window.location.origin, language, hostLink);
        hostPage.hidden = false;
      }
      printed = printedGuests[0];
      status.hidden = true;
      var button = toolbar.querySelector("[data-print]");
      button.hidden = false;
      toolbar.querySelector("[data-print-hint]").hidden = false;
      button.addEventListener("click", function () { window.print(); });
    })
    .catch(function () {
      // Said in every language: without the data, the reader's words may be missing.
      status.hidden = true;
      toolbar.querySelector("[data-failed]").hidden = false;
    });
}

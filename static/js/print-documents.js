// Fills a blank document (the PDF's own template, rendered with empty slots) from the answers kept
// on this phone, with the same values as webapp/documents/content.py document_values, and offers
// the phone's print or save-as-PDF. Works offline: the page, the scripts and the data are kept by
// the service worker; the answers never leave the phone.
import { evaluate, NotCovered } from "./core/evaluator.js";
import { dateParts, fill as fillSlots, numericDate as numeric, tidy, words as wordsFor } from "./core/words.js";
import { decode } from "./host-link.js";

(function () {
  var toolbar = document.getElementById("print-toolbar");
  if (!toolbar) return;
  var status = toolbar.querySelector("[data-print-status]");
  // Which document, for which reader: "#kk/card"; a link sent to a host also carries the answers:
  // "#kk/host-sheet/<answers>" (host-link.js). Whatever follows "host-sheet/" is read as a host's
  // link, so that a link damaged on the way says so instead of showing this phone's own answers.
  var sent = /^#(ru|kk|en)\/host-sheet\/(.*)$/.exec(window.location.hash);
  var wanted = sent ? [null, sent[1], "host-sheet"] : /^#(ru|kk|en)\/([\w-]+)$/.exec(window.location.hash) || [null, "ru", "registration-sheet"];
  var language = wanted[1], name = wanted[2];
  var hostLink = sent ? sent[2] : null;
  var SHOWN_WARNINGS = ["visa_required", "overstay", "limit_used_on_entry", "deadline_passed"];
  var REQUIRED = ["person-surname_latin", "person-given_names_latin", "person-sex", "person-citizenship",
    "passport-number", "entry-checkpoint", "entry-purpose", "stay-region", "stay-city", "stay-street",
    "stay-house", "host-kind", "host-name"];
  var REQUIRED_DATES = ["person-date_of_birth", "passport-issued", "passport-expires", "entry-date"];

  // --- the answers, read as the server reads the posted form -------------------------------
  function dateOf(answers, name) {
    return dateParts({ day: answers[name + "-day"], month: answers[name + "-month"],
                      year: answers[name + "-year"] }).iso || null;
  }
  function childIndices(answers) {
    var seen = {};
    Object.keys(answers).forEach(function (key) {
      var match = /^children-(\d{1,6})-/.exec(key);
      if (match) seen[+match[1]] = true;
    });
    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
  }

  // --- the values, as content.py writes them -----------------------------------------------
  function joined(parts) { return parts.filter(Boolean).join(", "); }
  function ruKk(names) { return names.ru + " / " + names.kk; }
  function inLanguages(names, languages) {
    var seen = [];
    languages.forEach(function (l) { if (seen.indexOf(names[l]) === -1) seen.push(names[l]); });
    return seen.join(" / ");
  }
  function cardLanguages() { return [language].concat(["ru", "kk"].filter(function (l) { return l !== language; })); }

  function plan(answers, rules, today) {
    var checkpoint = tidy(answers["entry-checkpoint"]);
    try {
      return evaluate({
        citizenship: tidy(answers["person-citizenship"]), entry_date: dateOf(answers, "entry-date"), today: today,
        previous_stays: [], checkpoint: checkpoint && checkpoint !== "other" ? checkpoint : null
      }, rules);
    } catch (error) {
      if (error instanceof NotCovered) return null;
      throw error;
    }
  }

  function values(answers, data, rules, today) {
    var a = function (name) { return tidy(answers[name]); };
    var card = cardLanguages();
    var country = data.countries[a("person-citizenship")];
    var place = data.regions[a("stay-region")] || null;
    var regionNames = place || { ru: "", kk: "", en: "" };
    var pointNames = data.checkpoints[a("entry-checkpoint")] || data.other_checkpoint;
    var result = plan(answers, rules, today);
    var registration = result && result.obligations.length ? result.obligations[0] : null;
    var nameLatin = (a("person-surname_latin") + " " + a("person-given_names_latin")).trim();
    var nameCyrillic = (a("person-surname_cyrillic") + " " + a("person-given_names_cyrillic")).trim();
    var issued = numeric(dateOf(answers, "passport-issued")), expires = numeric(dateOf(answers, "passport-expires"));
    var entryDate = numeric(dateOf(answers, "entry-date"));
    var kind = a("host-kind");
    var safeBy = registration && registration.safe_by ? numeric(registration.safe_by) : "";
    var duty = registration === null ? "undated" : registration.kind === "self_registration" ? "self" : "notice";
    var warnings = result ? result.warnings.filter(function (w) { return SHOWN_WARNINGS.indexOf(w.code) !== -1; }) : [];
    function warningsIn(l) { var words = wordsFor(data.words[l]); return warnings.map(words.warningText); }
    var citationIds = [];
    if (result && registration) {
      registration.sources.concat(result.stay ? result.stay.sources : []).forEach(function (id) {
        if (citationIds.indexOf(id) === -1) citationIds.push(id);
      });
    }
    var citations = citationIds.map(function (id) { return data.sources[id].host + " (" + data.sources[id].checked + ")"; });
    var ru = warningsIn("ru"), kk = warningsIn("kk");
    return {
      warnings: ru.map(function (text, i) { return [text, kk[i]]; }),
      card_warnings: warningsIn(language),
      name_latin: nameLatin,
      name_cyrillic: nameCyrillic,
      card_name: nameCyrillic ? nameLatin + " / " + nameCyrillic : nameLatin,
      patronymic: a("person-patronymic"),
      date_of_birth: numeric(dateOf(answers, "person-date_of_birth")),
      sex: data.sex[a("person-sex")] ? ruKk(data.sex[a("person-sex")]) : "",
      citizenship: ruKk(country),
      card_citizenship: inLanguages(country, card),
      passport_number: a("passport-number"),
      passport_issued: issued,
      passport_expires: expires,
      passport_period: issued + " – " + expires,
      card_passport: a("passport-number") + " (" + expires + ")",
      entry_date: entryDate,
      checkpoint: ruKk(pointNames),
      card_entry: entryDate + ", " + inLanguages(pointNames, card),
      purpose: data.purposes[a("entry-purpose")] ? ruKk(data.purposes[a("entry-purpose")]) : "",
      host_kind: data.host_kinds[kind] ? ruKk(data.host_kinds[kind]) : "",
      host_name: a("host-name"),
      host_iin: a("host-iin"),
      host_bin: a("host-bin"),
      host_phone: a("host-phone"),
      show_iin: !!(a("host-iin") || (!a("host-bin") && kind === "person")),
      show_bin: !!(a("host-bin") || (!a("host-iin") && kind !== "person")),
      card_host: joined([a("host-name"), a("host-phone")]),
      region: place ? ruKk(regionNames) : "",
      city: a("stay-city"),
      street: a("stay-street"),
      house: a("stay-house"),
      flat: a("stay-flat"),
      postcode: a("stay-postcode"),
      address: joined([regionNames.ru, a("stay-city"), a("stay-street"), a("stay-house"), a("stay-flat")]),
      card_address: joined([place ? inLanguages(regionNames, card) : "", a("stay-city"), a("stay-street"), a("stay-house"), a("stay-flat")]),
      children: childIndices(answers).map(function (i) {
        var prefix = "children-" + i + "-", name = (a(prefix + "surname") + " " + a(prefix + "given_names")).trim();
        var label = data.child_labels[/[\u0400-\u04ff]/.test(name) ? "full_name_cyrillic" : "full_name_latin"];
        return { name: name, date_of_birth: numeric(dateOf(answers, prefix + "date_of_birth")), label_ru: label.ru, label_kk: label.kk };
      }),
      has_children: childIndices(answers).length > 0,
      self_registration: duty === "self",
      host_notice: duty === "notice",
      duty_self: duty === "self",
      duty_notice: duty === "notice",
      duty_undated: duty === "undated",
      deadline: registration ? numeric(registration.deadline) : "",
      deadline_sub: safeBy ? data.to_be_safe.ru + " / " + data.to_be_safe.kk + ": " + safeBy : "",
      card_deadline: registration ? numeric(registration.deadline) + (safeBy ? " (" + data.to_be_safe[language] + ": " + safeBy + ")" : "") : "",
      has_stay: !!(result && result.stay),
      leave_by: result && result.stay && result.stay.leave_by ? numeric(result.stay.leave_by) : "",
      citations: citations,
      made_on: numeric(today)
    };
  }

  // --- the page ----------------------------------------------------------------------------
  function shown(all, key) {
    if (key.charAt(0) === "!") return !shown(all, key.slice(1));
    var value = all[key];
    return Array.isArray(value) ? value.length > 0 : !!value;
  }

  function fill(root, all) {
    Array.prototype.forEach.call(root.querySelectorAll("template[data-list]"), function (template) {
      all[template.getAttribute("data-list")].forEach(function (entry) {
        var copy = template.content.cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll("[data-item]"), function (slot) {
          var key = slot.getAttribute("data-item");
          slot.replaceWith(document.createTextNode(typeof entry === "string" ? entry : entry[key]));
        });
        template.parentNode.insertBefore(copy, template);
      });
      template.remove();
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-when]"), function (part) {
      if (shown(all, part.getAttribute("data-when"))) part.removeAttribute("hidden");
      else part.remove(); // as the PDF: a part that does not apply is not there at all
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-join]"), function (slot) {
      slot.replaceWith(document.createTextNode(all[slot.getAttribute("data-join")].join(slot.getAttribute("data-separator"))));
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-v], [data-t]"), function (slot) {
      var key = slot.getAttribute("data-v") || slot.getAttribute("data-t");
      slot.replaceWith(document.createTextNode(all[key] || (slot.hasAttribute("data-v") ? "—" : "")));
    });
  }

  // A host's link carries only what the host's sheet prints (host-link.js): not the sex or purpose.
  var NOT_IN_HOST_LINK = ["person-sex", "entry-purpose"];
  function complete(answers) {
    return REQUIRED.every(function (name) { return tidy(answers[name]) || (hostLink !== null && NOT_IN_HOST_LINK.indexOf(name) !== -1); }) &&
      REQUIRED_DATES.every(function (name) { return dateOf(answers, name); });
  }

  // The card's words in the reader's language first, then Russian and Kazakh (the blank has all three).
  function orderLanguages(root) {
    var order = cardLanguages();
    Array.prototype.forEach.call(root.querySelectorAll(".tri"), function (words) {
      var byLanguage = {};
      Array.prototype.forEach.call(words.children, function (span) { byLanguage[span.lang] = span; });
      Object.keys(byLanguage).forEach(function (l) { if (order.indexOf(l) === -1) byLanguage[l].remove(); });
      order.forEach(function (l) { words.appendChild(byLanguage[l]); });
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-reader-language]"), function (part) { part.lang = language; });
  }

  function toolbarWords(words) {
    toolbar.lang = language;
    Array.prototype.forEach.call(toolbar.querySelectorAll("[data-word]"), function (part) {
      part.textContent = words.page[part.getAttribute("data-word")];
    });
    toolbar.querySelector("a[data-word=back]").href = "/" + language + "/documents/offline#check";
    document.title = (words.titles[name] || "") + " — Tirkeu";
  }

  // Above the sheet a guest sent as a link: what the host is asked to do, and why, in their words.
  function hostNote(hostWords, all, fineSource) {
    var note = toolbar.querySelector("[data-host-note]");
    var slots = { name: all.name_cyrillic || all.name_latin, source: fineSource.host, date: fineSource.checked };
    Array.prototype.forEach.call(note.querySelectorAll("[data-host-word]"), function (part) {
      var when = part.getAttribute("data-host-when");
      if (when && !all[when]) { part.remove(); return; }
      part.textContent = fillSlots(hostWords[part.getAttribute("data-host-word")], slots);
    });
    note.hidden = false;
  }

  function json(url) { return fetch(url).then(function (response) { if (!response.ok) throw new Error(url); return response.json(); }); }

  document.addEventListener("DOMContentLoaded", function () {
    var today = toolbar.getAttribute("data-today") ||
      new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
    var linkProblem = null; // a host's link that cannot be read: "link_broken" or "link_old_browser"
    var answers = hostLink !== null ? decode(hostLink)
      .catch(function (error) { linkProblem = error.oldBrowser ? "link_old_browser" : "link_broken"; return {}; })
      : window.TirkeuAnswers.store.then(function (s) {
        return Promise.all([s.get("documents"), s.get("documents-checked")]);
      }).then(function (got) {
        // Only answers that passed "Check your answers" on this phone and did not change since.
        return got[0] && got[1] === window.TirkeuAnswers.fingerprint(got[0]) ? got[0] : {};
      });
    window.addEventListener("hashchange", function () { window.location.reload(); }); // another document
    Promise.all([answers, json(toolbar.getAttribute("data-print-data-url")), json(toolbar.getAttribute("data-rules-url")),
                 json(toolbar.getAttribute("data-countries-url"))])
      .then(function (loaded) {
        var saved = loaded[0] || {};
        loaded[1].countries = loaded[3].names;
        var words = loaded[1].words[language];
        toolbarWords(words);
        var page = document.querySelector('.document[data-document="' + name + '"]');
        if (hostLink !== null) toolbar.querySelector("a[data-word=back]").parentNode.hidden = true; // the host has no answers to go back to
        var readable = page && complete(saved) && loaded[1].countries[tidy(saved["person-citizenship"])];
        if (linkProblem || (hostLink !== null && !readable)) { status.textContent = words.page[linkProblem || "link_broken"]; return; }
        if (!readable) { status.textContent = words.page.missing; return; }
        var all = values(saved, loaded[1], loaded[2], today);
        // The host's phone has just opened the link, so it has a connection: the note is fetched
        // (every guest's phone need not keep it). Without it, the sheet alone.
        if (hostLink !== null) json(toolbar.getAttribute("data-host-note-url")).then(function (note) { hostNote(note.words[language], all, note.fine_source); }, function () {});
        fill(page, all);
        orderLanguages(page);
        page.hidden = false;
        window.TirkeuPrint = { values: all };
        status.hidden = true;
        var button = toolbar.querySelector("[data-print]");
        button.hidden = false;
        toolbar.querySelector("[data-print-hint]").hidden = false;
        button.addEventListener("click", function () { window.print(); });
      })
      .catch(function () {
        // Without the data there may be no words in the reader's language: it is said in all three.
        status.hidden = true;
        toolbar.querySelector("[data-failed]").hidden = false;
      });
  });
})();

// Writes the "Your deadlines" result on the phone when there is no network: the evaluator and the
// sentences of static/js/core/, laid out as deadlines/plan.html. The answers come from the URL;
// they never leave the phone.
import { evaluate } from "./core/evaluator.js";
import { dateParts } from "./core/words.js";
import { explainer } from "./core/explain.js";
import { calendarText } from "./core/calendar.js";
import { dayGrid } from "./app.js";
import { carried, currentRows, rowPrefix } from "./answers.js";

export function init(root) {
  var data = JSON.parse(document.getElementById("tirkeu-offline-data").textContent);
  var explained = explainer(data), _ = explained._, ngettext = explained.ngettext;

  // Among the things to do next, as deadlines/plan.html's link (a file made here, not downloaded).
  function calendarItem(plan, answers) {
    var button = el("button", { "class": "link-button", type: "button" }, _("Add to my calendar (.ics)"));
    button.addEventListener("click", function () {
      calendarText(plan, answers, explained, data, new Date()).then(function (text) {
        var blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
        var link = el("a", { href: URL.createObjectURL(blob), download: _("tirkeu-deadlines") + ".ics" });
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
    });
    return el("li", { "class": "calendar-download" }, button, " ",
      el("span", { "class": "hint" }, ngettext("Each date still ahead, with a reminder up to %(num)d day before it. Works with phone and computer calendars.",
        "Each date still ahead, with a reminder up to %(num)d days before it. Works with phone and computer calendars.", data.reminder_days)));
  }

  // --- page ---------------------------------------------------------------------------------
  function el(tag, attributes, ...children) { // children: nodes, strings, lists of them
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    children.flat(Infinity).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    });
    return node;
  }
  function details(summary, ...content) {
    return el("details", { "class": "details" }, el("summary", { "class": "details-summary" }, summary),
      el("div", { "class": "details-text" }, content));
  }
  // As webapp/web/links.py `linked`.
  var words = null, escaped = Object.keys(data.links).sort((a, b) => b.length - a.length).map((w) => w.replace(/\./g, "\\."));
  try { words = new RegExp("(?<![\\w.])(" + escaped.join("|") + ")(?![\\w-]|\\.\\w)"); } catch { /* no lookbehind */ }
  function linked(text) {
    return words ? text.split(words).map((part, i) => (i % 2 ? el("a", { href: data.links[part] }, part) : part)) : [text];
  }
  function reasons(lines) { return el("ul", { "class": "reasons" }, lines.map((line) => el("li", null, linked(line)))); }
  function paragraphs(lines) { return lines.map((line) => el("p", null, linked(line))); }

  function sourcesList(ids) {
    return el("ul", { "class": "sources" }, ids.map(function (id) {
      var source = data.sources[id];
      return el("li", null, _("Source:"), " ", el("a", { href: source.url, rel: "noopener" }, source.title), ". ",
        el("span", { "class": "small" }, _("Checked on %(date)s.", { date: source.checked })));
    }));
  }

  function dayByDay(days) {
    var grid = el("div", { "class": "day-grid", "data-start": days.grid.start, "data-end": days.grid.end,
      "data-today": days.grid.today, "data-runs": days.grid.runs, "data-months": days.grid.months, "data-present": _("In Kazakhstan"),
      "data-ahead": _("Days ahead, to the last day"), "data-absent": _("Not in Kazakhstan"), "aria-hidden": "true" });
    dayGrid(grid);
    return details(_("See the days, day by day"), el("p", null, days.summary), reasons(days.runs), grid);
  }

  // As reasons.html why: what qualifies the step (`more`), then why its date, the counting and its sources.
  function why(lines, ids, more, daysUsed, days) {
    more = more || [];
    return details(more.length ? _("More about this step") : _("Why this date?"), paragraphs(more),
      more.length ? el("h3", { "class": "details-heading" }, _("Why this date?")) : null, reasons(lines),
      daysUsed && el("p", null, daysUsed), days && dayByDay(days), sourcesList(ids));
  }
  // As reasons.html notes and sources_details.
  function notes(warnings) { // a list: none, or the box
    if (!warnings.length) return [];
    var box = details(ngettext("%(num)d note on these dates", "%(num)d notes on these dates", warnings.length),
      warnings.map((w) => el("p", null, linked(w.text))));
    box.classList.add("result-notes");
    return [box];
  }
  function sourcesDetails(ids) {
    return details(_("Sources"), ids.length ? sourcesList(ids) : null,
      el("p", null, linked(_("The rules can change. If a date matters, confirm it with the migration police or the free hotline 1414."))));
  }

  // Marked by kept-files.js from the proof wallet (webapp/templates/deadlines/reasons.html proof_line).
  function proofLine() {
    return el("p", { "class": "proof-line", "data-proof-line": "", hidden: "",
                     "data-done": _("Done: your proof dated %(date)s is kept on this phone.", { date: "{date}" }), "data-done-tag": _("Done"),
                     "data-done-late": _("Done after the deadline: your proof dated %(date)s is kept on this phone.", { date: "{date}" }),
                     "data-done-late-tag": _("Done after the deadline") },
      el("span", { "data-proof-text": "" }, _("When it is done, keep the PDF with its QR code or the certificate on this phone:")), " ",
      el("a", { href: "/" + data.language + "/proof" }, _("Your proof of registration")));
  }

  function readAnswers(params) {
    // The first of each name, as the server reads it; the rows of an address of before, as today's.
    var first = {}, prefix = rowPrefix("deadlines");
    params.forEach(function (value, key) { if (!Object.prototype.hasOwnProperty.call(first, key)) first[key] = value; });
    first = currentRows(first, "deadlines");
    function date(name) { // as the server reads it (webapp/forms/fields.py DatePartsField)
      return dateParts({ day: first[name + "-day"], month: first[name + "-month"], year: first[name + "-year"] }).iso || null;
    }
    var indices = {}, row = new RegExp("^" + prefix + "-(\\d{1,6})-");
    Object.keys(first).forEach(function (key) {
      var match = row.exec(key);
      if (match) indices[+match[1]] = true; // "01" is stay 1, as WTForms reads it: s-1-…
    });
    var stays = Object.keys(indices).sort((a, b) => a - b).map(function (i) {
      return { entry: date(prefix + "-" + i + "-entry"), exit: date(prefix + "-" + i + "-exit") };
    });
    // A control date as the server takes it: a real date from 2000 to 2100, else today in Kazakhstan.
    var given = (params.get("today") || "").slice(0, 10), givenDate = new Date(given + "T00:00:00Z");
    var today = /^\d{4}-\d{2}-\d{2}$/.test(given) && !isNaN(givenDate) && givenDate.toISOString().slice(0, 10) === given &&
      given >= "2000-01-01" && given <= "2100-12-31"
      ? given : new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
    var accommodation = params.get("accommodation");
    return {
      citizenship: params.get("citizenship") || "",
      entry_date: date("entry_date"),
      exit_date: date("exit_date"),
      // Something typed as the day of leaving that is not a date: the server would say so.
      badExit: ["day", "month", "year"].some((part) => (params.get("exit_date-" + part) || "").trim()) && !date("exit_date"),
      previous_stays: stays,
      accommodation: data.accommodations.indexOf(accommodation) !== -1 ? accommodation : null,
      checkpoint: data.checkpoints[params.get("checkpoint")] ? params.get("checkpoint") : null,
      unknownCheckpoint: !!params.get("checkpoint") && !data.checkpoints[params.get("checkpoint")],
      today: today
    };
  }

  function problem(message, questionsUrl) {
    root.appendChild(el("div", { "class": "error-summary", role: "alert" },
      el("h2", { "class": "error-summary-title" }, _("There is a problem")),
      el("p", null, message), el("a", { href: questionsUrl }, _("Change your answers"))));
  }

  // As deadlines/reasons.html days_tag.
  function tagOf(t, tag) { return el(tag, { "class": "tag" + (t.level ? " tag-" + t.level : "") }, t.text); }

  function render(plan, answers, questionsUrl, countries) {
    var said = explained.result(plan, answers), country = countries[answers.citizenship], registration = plan.obligations[0];
    var steps = said.steps.map(function (s) {
      var first = s.kind === "registration";
      var marker = s.tag && tagOf(s.tag, "p");
      if (marker && first) marker.setAttribute("data-registration-tag", "");
      return el("li", first ? { "class": "step", "data-registration-entry": answers.entry_date, "data-registration-kind": registration.kind,
                                "data-registration-deadline": registration.deadline } : { "class": "step" },
        el("h2", { "class": "step-title" }, s.title), marker,
        paragraphs(s.paragraphs || []), first && proofLine(), why(s.reasoning, s.sources, s.more, s.days_used, s.day_by_day));
    });
    root.append(
      el("p", { "class": "summary-line" },
        (country ? country[data.language] : answers.citizenship) + " · " + said.entered + (said.checkpoint ? " · " + said.checkpoint : ""), el("br"),
        el("span", { "class": "small" }, said.as_of + " " + said.rule_set)),
      ...said.warnings.filter((w) => !w.note).map(function (w) {
        return el("div", { "class": "warning" + (w.urgent ? " warning-urgent" : "") },
          el("p", null, el("strong", { "class": "warning-icon", "aria-hidden": "true" }, "!"),
            el("span", { "class": "visually-hidden" }, _("Warning:")), " ", linked(w.text)));
      }),
      ...notes(said.warnings.filter((w) => w.note)),
      ...(plan.group ? [el("ol", { "class": "steps" }, steps)] : []),
      el("p", { "class": "offline-note small" }, _("Worked out on this phone without a connection.")),
      ...(plan.ended && !plan.group ? [] : [nextSteps(plan, answers)]),
      sourcesDetails(said.sources));
  }

  function nextSteps(plan, answers) { // as deadlines/plan.html: after a stay that has ended, only the proof
    var documents = "/" + data.language + "/documents/" + data.documents_step + "?" +
      new URLSearchParams(carried(Object.fromEntries(new URLSearchParams(window.location.search)), "deadlines", "documents")).toString();
    return el("section", { "class": "next-steps" }, el("h2", null, _("What to do next")),
      el("ol", { "class": "list-bullet" },
        plan.group && !plan.ended && calendarItem(plan, answers),
        !plan.ended && el("li", null, el("a", { href: documents }, _("Prepare my documents"))),
        plan.group && !plan.ended && el("li", null, el("a", { href: documents }, _("Send to your host"))),
        plan.group && el("li", null, el("a", { href: "/" + data.language + "/proof" }, _("Keep the proof")))));
  }


  var params = new URLSearchParams(window.location.search);
  var questionsUrl = root.getAttribute("data-questions-url") + window.location.search;
  // The language links lead to this same result in another language, answers included.
  Array.prototype.forEach.call(document.querySelectorAll("nav.languages a"), function (link) {
    link.href = link.getAttribute("href").replace(/\/deadlines\/offline$/, "/deadlines/plan") + window.location.search;
  });
  if (params.has("add_stay") || params.has("remove_stay")) {
    // An address from before rows were drawn on the phone: the questions, with the answers.
    window.location.replace(questionsUrl.replace(/([?&])(add_stay|remove_stay)=[^&]*&?/g, "$1"));
    return;
  }
  root.insertBefore(el("a", { "class": "back-link", href: questionsUrl }, _("Change your answers")), root.firstChild);
  var answers = readAnswers(params);
  var yearAhead = new Date(answers.today + "T00:00:00Z");
  yearAhead.setUTCDate(yearAhead.getUTCDate() + 366);
  var complete = answers.citizenship && answers.entry_date && !answers.unknownCheckpoint && !answers.badExit &&
    (!answers.exit_date || (answers.exit_date >= answers.entry_date && answers.exit_date <= yearAhead.toISOString().slice(0, 10))) &&
    answers.entry_date <= yearAhead.toISOString().slice(0, 10) &&
    answers.previous_stays.every((s) => s.entry && s.exit && s.exit >= s.entry) &&
    params.get("earlier_stays") !== (answers.previous_stays.length ? "no" : "yes"); // as rules/inputs.py check_earlier_stays
  if (!complete) {
    problem(_("Some answers are missing or not valid. Change your answers."), questionsUrl);
    return;
  }
  function json(url) { return fetch(url).then((response) => response.json()); }
  Promise.all([json(root.getAttribute("data-rules-url")), json(root.getAttribute("data-countries-url"))]).then(function (loaded) {
    var rules = loaded[0], plan;
    // A country typed by name (a page without JavaScript sends what was typed): the server finds
    // it; here only codes are known, and an unknown one must not be read as "needs a visa".
    if (!loaded[1].names[answers.citizenship]) {
      problem(_("Some answers are missing or not valid. Change your answers."), questionsUrl);
      return;
    }
    try {
      plan = evaluate(answers, rules);
    } catch (error) {
      if (error.code === "citizen") problem(_("Citizens of Kazakhstan do not register as foreigners. Tirkeu is for foreign citizens."), questionsUrl);
      else if (error.code === "entry_before_rules") problem(_("Tirkeu knows the rules for entries from 11 January 2020. Enter a later date, or ask the migration police about earlier entries."), questionsUrl);
      else problem(_("Some answers are missing or not valid. Change your answers."), questionsUrl);
      return;
    }
    render(plan, answers, questionsUrl, loaded[1].names);
    document.dispatchEvent(new CustomEvent("tirkeu:plan-drawn"));
  });
}

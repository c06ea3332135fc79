// Writes the "Your deadlines" result on the phone when there is no network: the same evaluator
// (rules.js), the same messages (from the catalogs, embedded in the page) and the same layout as
// the server's deadlines/plan.html. The answers come from the URL; they never leave the phone.
(function () {
  "use strict";
  var root = document.getElementById("offline-plan");
  var dataNode = document.getElementById("tirkeu-offline-data");
  if (!root || !dataNode || !window.TirkeuRules || !window.TirkeuWords) return;
  var data = JSON.parse(dataNode.textContent);
  var lang = data.language;
  var URGENT = ["overstay", "limit_used_on_entry", "deadline_passed"];

  var words = window.TirkeuWords(data);
  var _ = words._, ngettext = words.ngettext, longDate = words.longDate, shortDay = words.shortDay;
  var warningText = words.warningText;

  function daysLeftText(days) {
    if (days > 0) return ngettext("%(num)d day left", "%(num)d days left", days);
    if (days === 0) return _("today is the last day");
    return ngettext("%(num)d day overdue", "%(num)d days overdue", -days);
  }
  function workingDaysText(n) { return ngettext("%(num)d working day", "%(num)d working days", n); }

  function dayOffText(off) {
    var when = shortDay(off.day);
    if (off.reason === "weekend") return _("%(day)s — weekend", { day: when });
    var name = off.name.replace(" (estimated)", "");
    if (off.name.indexOf("(estimated)") !== -1) {
      return _("%(day)s — public holiday: %(holiday)s (expected date, not yet announced)", { day: when, holiday: data.holidays[name] || name });
    }
    if (name.toLowerCase().indexOf("substituted") !== -1) return _("%(day)s — day off moved by government decree", { day: when });
    var base = name.replace(" (observed)", ""), holiday = data.holidays[base] || base;
    if (/\(observed\)$/.test(name)) return _("%(day)s — day off for %(holiday)s, moved from the weekend", { day: when, holiday: holiday });
    return _("%(day)s — public holiday: %(holiday)s", { day: when, holiday: holiday });
  }

  function obligationTitle(o, accommodation) {
    var date = o.deadline ? longDate(o.deadline) : "";
    if (o.kind === "self_registration") return _("Register online by %(date)s", { date: date });
    if (o.kind === "host_notification") {
      if (accommodation === "hotel") return _("The hotel must notify the migration police by %(date)s", { date: date });
      if (accommodation === "employer") return _("Your employer must notify the migration police by %(date)s", { date: date });
      return _("Your host must notify the migration police by %(date)s", { date: date });
    }
    if (o.kind === "address_change") {
      var days = workingDaysText(o.counting.n);
      if (o.who === "self") return _("If you move, register your new address within %(days)s", { days: days });
      return _("If you move, your new host must notify the migration police within %(days)s", { days: days });
    }
    if (o.deadline === null) return _("To stay longer you need a temporary residence permit");
    return _("To stay after %(date)s you need a temporary residence permit", { date: date });
  }

  function obligationSteps(o, accommodation) {
    if (o.kind === "self_registration") {
      return [
        _("Enter your details in the migration police information system: your name, date of birth, passport, the address where you stay and the details of the person who houses you."),
        _("The owner of the home gets a message in a mobile app and confirms or refuses. Once confirmed, the registration certificate appears in your personal account. No certificate means you are not registered yet."),
        _("If the owner refuses, stay somewhere else, for example in a hotel, and register with that address."),
        _("Our sources do not name the address of the online service. Look for it on egov.kz or ask the free hotline 1414.")
      ];
    }
    if (o.kind === "host_notification") {
      var steps = accommodation === "hotel" ? [_("Hotels notify for their guests. Ask at the reception for the notification with its QR code.")] : [];
      return steps.concat([
        _("The host notifies the migration police in one of three ways: in person at the migration police; online at vmp.gov.kz or egov.kz with their digital signature (EDS); or in the eQonaq mobile app, which can scan your passport."),
        _("The host needs a copy of your passport, the address where you stay and their own details: IIN for a person, BIN for a company."),
        _("The result is a PDF with a QR code. Ask for a copy: no PDF means it is not done, so submit again. The host is the one fined for a late notice.")
      ]);
    }
    if (o.kind === "address_change") {
      var example = longDate(o.counting.start), due = longDate(o.counting.counted[o.counting.counted.length - 1]);
      if (o.who === "self") {
        return [
          _("Register again in the migration police information system with the new address; the old address is removed automatically."),
          _("For example, if you move on %(day)s, register by %(date)s.", { day: example, date: due })
        ];
      }
      return [
        _("Each new host notifies the migration police again, in the same ways."),
        _("For example, if you move on %(day)s, your new host must notify by %(date)s.", { day: example, date: due })
      ];
    }
    return [
      _("Apply well before this date. An application in progress does not extend your stay: people have overstayed believing it did."),
      _("You will need a passport valid for at least 180 more days. Ask the migration police which other documents they need.")
    ];
  }

  function obligationReasoning(o) {
    var c = o.counting;
    if (o.kind === "residence_permit") return [_("This is the last day you may stay without a permit; see how it is counted under “Leave Kazakhstan”.")];
    if (!c) return [];
    if (c.method === "calendar_days") {
      return [
        _("The rule: register no later than calendar day %(n)d after crossing the border.", { n: c.n }),
        _("Day 1 is the day after you entered (%(entry)s), so day %(n)d is %(date)s.", { entry: longDate(c.start), n: c.n, date: longDate(o.deadline) })
      ];
    }
    var lines = o.kind === "address_change"
      ? [_("The rule: within %(days)s of moving. We count the working days after the day you move, skipping weekends, public holidays and days off moved by decree.", { days: workingDaysText(c.n) })]
      : [_("The rule: within %(days)s of arrival. We count the working days after the day you entered (%(entry)s), skipping weekends, public holidays and days off moved by decree.", { days: workingDaysText(c.n), entry: longDate(c.start) })];
    var days = c.counted.map(function (day, i) { return [day, _("Working day %(n)d: %(day)s", { n: i + 1, day: shortDay(day) })]; })
      .concat(c.skipped.map(function (off) { return [off.day, _("Skipped: %(day)s", { day: dayOffText(off) })]; }));
    days.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    return lines.concat(days.map(function (d) { return d[1]; }));
  }

  // `exitGiven`: the person gave the day they leave (or left); else it is the last day allowed.
  function nextEntryText(coming, exitGiven) {
    if (coming.exit === null) {
      return ngettext(
        "An entry is allowed again from %(earliest)s. You could then stay %(num)d day, until %(leave_by)s.",
        "An entry is allowed again from %(earliest)s. You could then stay %(num)d days, until %(leave_by)s.",
        coming.days_available, { earliest: longDate(coming.earliest), leave_by: longDate(coming.leave_by) });
    }
    if (exitGiven) {
      return ngettext(
        "Leaving on %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d day, until %(leave_by)s.",
        "Leaving on %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d days, until %(leave_by)s.",
        coming.days_available, { exit: longDate(coming.exit), earliest: longDate(coming.earliest), leave_by: longDate(coming.leave_by) });
    }
    return ngettext(
      "If you stay until %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d day, until %(leave_by)s.",
      "If you stay until %(exit)s, the first day you may come back is %(earliest)s. You could then stay %(num)d days, until %(leave_by)s.",
      coming.days_available, { exit: longDate(coming.exit), earliest: longDate(coming.earliest), leave_by: longDate(coming.leave_by) });
  }

  function nextEntryReasoning(coming, ruleSetId) {
    var lines = [_("The day you enter and the day you leave both count as days of stay.")];
    if (coming.rule_set !== ruleSetId) lines.push(_("An entry on that day comes under other rules.") + " " + data.rule_sets[coming.rule_set]);
    if (coming.window_days) {
      lines.push(_("The rule: at most %(max)d days in any %(window)d-day period.", { max: coming.max_days_in_window, window: coming.window_days }));
      lines.push(coming.exit === null
        ? _("%(date)s is the first day on which no more than %(max)d days, that day included, fall in the %(window)d days up to it.",
          { date: longDate(coming.earliest), max: coming.max_days_in_window, window: coming.window_days })
        : _("%(date)s is the first day after you leave on which no more than %(max)d days, that day included, fall in the %(window)d days up to it.",
          { date: longDate(coming.earliest), max: coming.max_days_in_window, window: coming.window_days }));
    }
    if (coming.per_entry_days) lines.push(_("The rule: at most %(n)d days per entry, the day of entry being day 1.", { n: coming.per_entry_days }));
    if (coming.limited_by === "window") {
      lines.push(_("%(date)s is the last day on which no %(window)d-day period holds more than %(max)d days.",
        { date: longDate(coming.leave_by), window: coming.window_days, max: coming.max_days_in_window }));
    } else {
      lines.push(_("Counting the day you entered (%(entry)s) as day 1, day %(n)d is %(date)s.",
        { n: coming.per_entry_days, entry: longDate(coming.earliest), date: longDate(coming.leave_by) }));
    }
    return lines;
  }

  function safeByText(o) {
    if (o.counting && o.counting.method === "calendar_days") {
      return _("The sources do not say whether the day you crossed the border is day 1. If it is, day %(n)d is %(date)s: to be safe, register by then.", { n: o.counting.n, date: longDate(o.safe_by) });
    }
    return _("Some advisers count the day of arrival itself as the first working day. To be safe, do it by %(date)s.", { date: longDate(o.safe_by) });
  }

  function stayReasoning(stay, entry) {
    var lines = [_("The day you enter and the day you leave both count as days of stay.")];
    if (stay.window_days) {
      lines.push(_("The rule: at most %(max)d days in any %(window)d-day period.", { max: stay.max_days_in_window, window: stay.window_days }));
      lines.push(ngettext("On the day you entered, your earlier stays gave %(num)d day in the %(window)d days up to that day.",
        "On the day you entered, your earlier stays gave %(num)d days in the %(window)d days up to that day.",
        stay.days_before_entry_in_window, { window: stay.window_days }));
    }
    if (stay.per_entry_days) lines.push(_("The rule: at most %(n)d days per entry, the day of entry being day 1.", { n: stay.per_entry_days }));
    if (stay.limited_by === "window") {
      lines.push(_("%(date)s is the last day on which no %(window)d-day period holds more than %(max)d days.",
        { date: longDate(stay.leave_by), window: stay.window_days, max: stay.max_days_in_window }));
    } else if (stay.limited_by === "per_entry") {
      lines.push(_("Counting the day you entered (%(entry)s) as day 1, day %(n)d is %(date)s.",
        { n: stay.per_entry_days, entry: longDate(entry), date: longDate(stay.leave_by) }));
    }
    return lines;
  }

  // --- calendar file, as webapp/journeys/calendar_file.py writes it -------------------------
  function icsText(text) { return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); }
  function fold(line) { // lines of at most 75 octets, never splitting a character
    var encoder = new TextEncoder(), out = "", width = 0;
    Array.from(line).forEach(function (c) {
      var size = encoder.encode(c).length;
      if (width + size > 75) { out += "\r\n "; width = 1; }
      out += c;
      width += size;
    });
    return out + "\r\n";
  }
  function icsDate(iso) { return iso.replace(/-/g, ""); }
  function nextDay(iso) {
    var day = new Date(iso + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  }
  function daysBetween(later, earlier) { return Math.round((new Date(later + "T00:00:00Z") - new Date(earlier + "T00:00:00Z")) / 86400000); }
  function uid(parts) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("|"))).then(function (digest) {
      return Array.from(new Uint8Array(digest)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("").slice(0, 24) + "@tirkeu";
    });
  }
  function sourceLine(id) {
    var source = data.sources[id];
    return _("Source: %(title)s, %(url)s (checked %(date)s)", { title: source.title, url: source.url, date: source.checked });
  }

  function calendarFile(plan, answers) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var events = [];
    plan.warnings.forEach(function (w) {
      if (w.code === "overstay" || w.code === "limit_used_on_entry") {
        // Something to do today, not at a date: an event today that says so.
        events.push({ parts: [plan.rule_set, answers.entry_date, w.code], day: answers.today,
                      summary: _("Act now: contact the migration police or call 1414"), description: warningText(w), remind: 0 });
      }
    });
    plan.obligations.forEach(function (o) {
      if (!o.deadline || o.kind === "residence_permit") return;
      var lines = obligationSteps(o, answers.accommodation);
      if (o.safe_by) lines.unshift(safeByText(o));
      lines.push(sourceLine(o.sources[0]));
      events.push({ parts: [plan.rule_set, answers.entry_date, o.kind, o.deadline], day: o.deadline,
                    summary: obligationTitle(o, answers.accommodation), description: lines.join("\n\n"),
                    remind: data.reminder_days + (o.safe_by ? daysBetween(o.deadline, o.safe_by) : 0) });
    });
    if (plan.stay && plan.stay.leave_by) {
      var permit = plan.obligations.some(function (o) { return o.kind === "residence_permit"; });
      events.push({ parts: [plan.rule_set, answers.entry_date, "leave_by", plan.stay.leave_by], day: plan.stay.leave_by,
                    summary: _("Leave Kazakhstan by %(date)s", { date: longDate(plan.stay.leave_by) }),
                    description: [permit ? _("This is the last day you may stay. To stay longer you need a temporary residence permit before this date; an application in progress does not extend your stay.")
                                         : _("This is the last day you may stay."), sourceLine(plan.stay.sources[0])].join("\n\n"),
                    remind: data.reminder_days });
    }
    return Promise.all(events.map(function (e) { return uid(e.parts); })).then(function (uids) {
      var lines = ["BEGIN:VCALENDAR", "PRODID:-//Tirkeu//Deadlines//" + lang.toUpperCase(), "VERSION:2.0", "CALSCALE:GREGORIAN",
                   "X-WR-CALNAME:" + icsText(_("Tirkeu: my deadlines in Kazakhstan"))];
      events.forEach(function (e, i) {
        lines.push("BEGIN:VEVENT", "UID:" + uids[i], "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + icsDate(e.day),
                   "DTEND;VALUE=DATE:" + icsDate(nextDay(e.day)), "SUMMARY:" + icsText(e.summary),
                   "DESCRIPTION:" + icsText(e.description), "TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY",
                   "DESCRIPTION:" + icsText(e.summary), "TRIGGER:" + (e.remind ? "-P" + e.remind + "D" : "PT0S"),
                   "END:VALARM", "END:VEVENT");
      });
      lines.push("END:VCALENDAR");
      return new Blob([lines.map(fold).join("")], { type: "text/calendar;charset=utf-8" });
    });
  }

  function calendarButton(plan, answers) {
    var button = el("button", { "class": "button button-secondary", type: "button" }, _("Add to my calendar (.ics)"));
    button.addEventListener("click", function () {
      calendarFile(plan, answers).then(function (blob) {
        var link = el("a", { href: URL.createObjectURL(blob), download: _("tirkeu-deadlines") + ".ics" });
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
    });
    return el("div", { "class": "calendar-download" }, button,
      el("p", { "class": "hint" }, ngettext("Each date with a reminder %(num)d day before. Works with phone and computer calendars.",
        "Each date with a reminder %(num)d days before. Works with phone and computer calendars.", data.reminder_days)));
  }

  // --- page ---------------------------------------------------------------------------------
  function el(tag, attributes) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function tag(days, orangeFrom) {
    var level = days < 0 ? " tag-red" : days <= orangeFrom ? " tag-orange" : "";
    return el("p", { "class": "tag" + level }, daysLeftText(days));
  }

  function sourcesList(ids) {
    var list = el("ul", { "class": "sources" });
    ids.forEach(function (id) {
      var source = data.sources[id];
      list.appendChild(el("li", null, _("Source:"), " ", el("a", { href: source.url, rel: "noopener" }, source.title), ". ",
        el("span", { "class": "small" }, _("Checked on %(date)s.", { date: source.checked }))));
    });
    return list;
  }

  function isoPlus(iso, days) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  // As webapp/explain.py window_days: the window ending on the last day of this stay, in runs.
  function windowDays(plan, answers) {
    var stay = plan.stay;
    if (!stay || !stay.window_days) return null;
    var today = answers.today;
    var end = answers.exit_date || (stay.leave_by && today <= stay.leave_by ? stay.leave_by
      : (today > answers.entry_date ? today : answers.entry_date));
    var start = isoPlus(end, -(stay.window_days - 1));
    var stays = answers.previous_stays.map(function (s) { return [s.entry, s.exit]; }).concat([[answers.entry_date, end]]);
    var runs = [], used = 0;
    for (var i = 0; i < stay.window_days; i++) {
      var day = isoPlus(start, i);
      if (!stays.some(function (s) { return s[0] <= day && day <= s[1]; })) continue;
      used++;
      if (runs.length && runs[runs.length - 1][1] === isoPlus(day, -1)) runs[runs.length - 1][1] = day;
      else runs.push([day, day]);
    }
    var labels = [];
    for (var month = start.slice(0, 7); month <= end.slice(0, 7); month = isoPlus(month + "-01", 32).slice(0, 7)) {
      labels.push(data.calendar.months_label[+month.slice(5, 7) - 1]);
    }
    return { start: start, end: end, today: today, runs: runs, used: used, max_days: stay.max_days_in_window, month_labels: labels };
  }

  function windowRunText(first, last) {
    if (first === last) return _("%(day)s: 1 day", { day: longDate(first) });
    return ngettext("%(first)s to %(last)s: %(num)d day", "%(first)s to %(last)s: %(num)d days", daysBetween(last, first) + 1,
      { first: longDate(first), last: longDate(last) });
  }

  function dayByDay(days) {
    var list = el("ul", { "class": "reasons" });
    days.runs.forEach(function (run) { list.appendChild(el("li", null, windowRunText(run[0], run[1]))); });
    var grid = el("div", { "class": "day-grid", "data-day-grid": "", "data-start": days.start, "data-end": days.end,
      "data-today": days.today, "data-runs": days.runs.map(function (r) { return r[0] + "/" + r[1]; }).join(" "),
      "data-months": days.month_labels.join(","), "data-present": _("In Kazakhstan"),
      "data-ahead": _("Days ahead, to the last day"), "data-absent": _("Not in Kazakhstan"), "aria-hidden": "true" });
    if (window.TirkeuDayGrid) window.TirkeuDayGrid(grid);
    return el("details", { "class": "details" },
      el("summary", { "class": "details-summary" }, _("See the days, day by day")),
      el("div", { "class": "details-text" },
        el("p", null, _("Days in Kazakhstan from %(start)s to %(end)s: %(used)d of %(max)d.",
          { start: longDate(days.start), end: longDate(days.end), used: days.used, max: days.max_days })),
        list, grid));
  }

  function why(lines, ids) {
    var list = el("ul", { "class": "reasons" });
    lines.forEach(function (line) { list.appendChild(el("li", null, line)); });
    return el("details", { "class": "details" },
      el("summary", { "class": "details-summary" }, _("Why this date?")),
      el("div", { "class": "details-text" }, list, sourcesList(ids)));
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

  function paragraphs(lines) {
    var fragment = document.createDocumentFragment();
    lines.forEach(function (line) { fragment.appendChild(el("p", null, line)); });
    return fragment;
  }


  function readAnswers(params) {
    function date(prefix) { // as the server reads it (webapp/fields.py DatePartsField)
      return window.TirkeuWords.dateParts({ day: params.get(prefix + "-day"), month: params.get(prefix + "-month"),
                                            year: params.get(prefix + "-year") }).iso || null;
    }
    var indices = {};
    params.forEach(function (value, key) {
      var match = /^previous_stays-(\d{1,6})-/.exec(key);
      if (match) indices[+match[1]] = true; // "01" is stay 1, as WTForms reads it: previous_stays-1-…
    });
    var stays = Object.keys(indices).sort(function (a, b) { return a - b; }).map(function (i) {
      return { entry: date("previous_stays-" + i + "-entry"), exit: date("previous_stays-" + i + "-exit") };
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
      badExit: ["day", "month", "year"].some(function (part) { return (params.get("exit_date-" + part) || "").trim(); }) && !date("exit_date"),
      previous_stays: stays,
      accommodation: ["private", "hotel", "employer"].indexOf(accommodation) !== -1 ? accommodation : null,
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

  function render(plan, answers, questionsUrl, countries) {
    var fragment = document.createDocumentFragment();
    var country = countries[answers.citizenship];
    var summary = el("p", { "class": "summary-line" },
      (country ? country[lang] : answers.citizenship) + " · " + _("entered on %(date)s", { date: longDate(answers.entry_date) }) +
      (answers.checkpoint ? " · " + data.checkpoints[answers.checkpoint] : ""), el("br"),
      el("span", { "class": "small" }, _("Dates as of %(date)s.", { date: longDate(answers.today) }) + " " + data.rule_sets[plan.rule_set]));
    fragment.appendChild(summary);
    plan.warnings.forEach(function (w) {
      fragment.appendChild(el("div", { "class": "warning" + (URGENT.indexOf(w.code) !== -1 ? " warning-urgent" : "") },
        el("p", null, el("strong", { "class": "warning-icon", "aria-hidden": "true" }, "!"),
          el("span", { "class": "visually-hidden" }, _("Warning:")), " " + warningText(w))));
    });
    if (plan.group) {
      var registration = plan.obligations[0];
      var keyDates = el("dl");
      keyDates.appendChild(el("div", { "class": "key-date" },
        el("dt", null, registration.kind === "self_registration" ? _("Register online") : _("Host notifies the migration police")),
        el("dd", null, el("strong", null, longDate(registration.deadline)), " · " + daysLeftText(registration.days_left),
          registration.safe_by ? el("br") : null,
          registration.safe_by ? el("span", { "class": "small" }, _("To be safe: %(date)s", { date: longDate(registration.safe_by) })) : null)));
      if (plan.stay.leave_by) {
        keyDates.appendChild(el("div", { "class": "key-date" }, el("dt", null, _("Last day you may stay")),
          el("dd", null, el("strong", null, longDate(plan.stay.leave_by)), " · " + daysLeftText(plan.stay.days_left))));
      }
      fragment.appendChild(el("div", { "class": "key-dates" }, el("h2", { "class": "key-dates-title" }, _("Your key dates")), keyDates));

      var steps = el("ol", { "class": "steps" });
      var registrationTag = tag(registration.days_left, 3);
      registrationTag.setAttribute("data-registration-tag", "");
      steps.appendChild(el("li", { "class": "step", "data-registration-entry": answers.entry_date, "data-registration-kind": registration.kind,
                                   "data-registration-deadline": registration.deadline },
        el("h2", { "class": "step-title" }, obligationTitle(registration, answers.accommodation)),
        registrationTag,
        registration.safe_by ? el("p", { "class": "safe-by" }, safeByText(registration)) : null,
        paragraphs(obligationSteps(registration, answers.accommodation)),
        proofLine(),
        why(obligationReasoning(registration), registration.sources)));
      if (plan.stay.leave_by) {
        steps.appendChild(el("li", { "class": "step" },
          el("h2", { "class": "step-title" }, _("Leave Kazakhstan by %(date)s", { date: longDate(plan.stay.leave_by) })),
          tag(plan.stay.days_left, 7),
          plan.stay.window_days ? el("p", null, _("Days used in the %(window)d days up to %(day)s: %(used)d of %(max)d.",
            { window: plan.stay.window_days, day: longDate(plan.stay.reference_day), used: plan.stay.days_used, max: plan.stay.max_days_in_window })) : null,
          plan.stay.window_days ? dayByDay(windowDays(plan, answers)) : null,
          why(stayReasoning(plan.stay, answers.entry_date), plan.stay.sources)));
      }
      if (plan.next_entry) {
        steps.appendChild(el("li", { "class": "step" },
          el("h2", { "class": "step-title" }, _("Coming back to Kazakhstan")),
          el("p", null, nextEntryText(plan.next_entry, !!answers.exit_date)),
          why(nextEntryReasoning(plan.next_entry, plan.rule_set), plan.next_entry.sources)));
      }
      plan.obligations.slice(1).forEach(function (o) {
        steps.appendChild(el("li", { "class": "step" },
          el("h2", { "class": "step-title" }, obligationTitle(o, answers.accommodation)),
          paragraphs(obligationSteps(o, answers.accommodation)),
          why(obligationReasoning(o), o.sources)));
      });
      fragment.appendChild(steps);
      fragment.appendChild(calendarButton(plan, answers));
    }
    fragment.appendChild(el("p", { "class": "offline-note small" }, _("Worked out on this phone without a connection.")));
    if (plan.sources.length) {
      fragment.appendChild(el("h2", null, _("Sources")));
      fragment.appendChild(sourcesList(plan.sources));
    }
    fragment.appendChild(el("p", { "class": "small" }, _("The rules can change. If a date matters, confirm it with the migration police or the free hotline 1414.")));
    root.appendChild(fragment);
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
    answers.previous_stays.every(function (s) { return s.entry && s.exit && s.exit >= s.entry; });
  if (!complete) {
    problem(_("Some answers are missing or not valid. Change your answers."), questionsUrl);
    return;
  }
  function json(url) { return fetch(url).then(function (response) { return response.json(); }); }
  Promise.all([json(root.getAttribute("data-rules-url")), json(root.getAttribute("data-countries-url"))]).then(function (loaded) {
    var rules = loaded[0], plan;
    // A country typed by name (a page without JavaScript sends what was typed): the server finds
    // it; here only codes are known, and an unknown one must not be read as "needs a visa".
    if (!loaded[1].names[answers.citizenship]) {
      problem(_("Some answers are missing or not valid. Change your answers."), questionsUrl);
      return;
    }
    try {
      plan = window.TirkeuRules.evaluate(answers, rules);
    } catch (error) {
      if (error.code === "citizen") problem(_("Citizens of Kazakhstan do not register as foreigners. Tirkeu is for foreign citizens."), questionsUrl);
      else if (error.code === "entry_before_rules") problem(_("Tirkeu knows the rules for entries from 11 January 2020. Enter a later date, or ask the migration police about earlier entries."), questionsUrl);
      else problem(_("Some answers are missing or not valid. Change your answers."), questionsUrl);
      return;
    }
    render(plan, answers, questionsUrl, loaded[1].names);
    document.dispatchEvent(new CustomEvent("tirkeu:plan-drawn"));
  });
})();

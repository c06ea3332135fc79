// Every sentence of "Your deadlines" for a plan, as webapp/deadlines/explain.py and deadlines/plan.html write
// them: data for offline-plan.js to lay out, checked against Python's by tests/js/golden.test.mjs.
import { format, words as wordsFor } from "./words.js";

export function isoPlus(iso, days) {
  var d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export function daysBetween(later, earlier) { return Math.round((new Date(later + "T00:00:00Z") - new Date(earlier + "T00:00:00Z")) / 86400000); }

// `data`: the language's words and names (webapp/deadlines/offline_data.py offline_data).
export function explainer(data) {
  var words = wordsFor(data);
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

  // As explain.py due_date: the earlier reading where the sources allow two.
  function dueDate(o) { return o.safe_by || o.deadline; }
  function dueDaysLeft(o) { return o.days_left - daysBetween(o.deadline, dueDate(o)); }

  function obligationTitle(o) {
    var date = o.deadline ? longDate(dueDate(o)) : "";
    // A stay that has ended: the date as a fact, not a thing to do (explain.py obligation_title).
    if ((o.status === "was_due" || o.status === "not_needed") && (o.kind === "self_registration" || o.kind === "host_notification")) {
      return o.kind === "self_registration" ? _("Registration deadline: %(date)s", { date: date })
        : _("Deadline for the notice of your arrival: %(date)s", { date: date });
    }
    // The registration, as where the person stays words it (accommodation.json).
    if (o.title) return format(data.obligation_titles[o.title], { date: date });
    if (o.kind === "address_change") {
      var days = workingDaysText(o.counting.n);
      if (o.who === "self") return _("If you move, register your new address within %(days)s", { days: days });
      return _("If you move, your new host must notify the migration police within %(days)s", { days: days });
    }
    if (o.deadline === null) return _("To stay longer you need a temporary residence permit");
    return _("To stay after %(date)s you need a temporary residence permit", { date: date });
  }

  // The registration's steps are those of where the person stays, in the plan (accommodation.json).
  function obligationSteps(o) {
    if (o.kind === "self_registration" || o.kind === "host_notification") return o.steps.map((key) => data.obligation_steps[key]);
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
      return [_("The rule: register no later than calendar day %(n)d after crossing the border.", { n: c.n })].concat(safeByLines(o));
    }
    var lines = o.kind === "address_change"
      ? [_("The rule: within %(days)s of moving. We count the working days after the day you move, skipping weekends, public holidays and days off moved by decree.", { days: workingDaysText(c.n) })]
      : o.safe_by ? [_("The rule: within %(days)s of arrival.", { days: workingDaysText(c.n) })].concat(safeByLines(o))
        : [_("The rule: within %(days)s of arrival. We count the working days after the day you entered (%(entry)s), skipping weekends, public holidays and days off moved by decree.", { days: workingDaysText(c.n), entry: longDate(c.start) })];
    var days = c.counted.map(function (day, i) { return [day, _("Working day %(n)d: %(day)s", { n: i + 1, day: shortDay(day) })]; })
      .concat(c.skipped.map(function (off) { return [off.day, _("Skipped: %(day)s", { day: dayOffText(off) })]; }));
    days.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    return lines.concat(days.map((d) => d[1]));
  }

  // `exitGiven`: the person gave the day they leave (or left); else it is the last day allowed.
  // `ended`: the day of leaving of a stay that has ended, when an entry is counted from today on.
  function nextEntryText(coming, exitGiven, ended) {
    if (ended) {
      return ngettext(
        "You left on %(exit)s. You may enter again from %(earliest)s and could then stay %(num)d day, until %(leave_by)s.",
        "You left on %(exit)s. You may enter again from %(earliest)s and could then stay %(num)d days, until %(leave_by)s.",
        coming.days_available, { exit: longDate(coming.exit), earliest: longDate(coming.earliest), leave_by: longDate(coming.leave_by) });
    }
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

  // `since`: today, after a stay that has ended (an entry from then on).
  function nextEntryReasoning(coming, ruleSetId, since) {
    var lines = [_("The day you enter and the day you leave both count as days of stay.")];
    if (coming.rule_set !== ruleSetId) lines.push(_("An entry on that day comes under other rules.") + " " + data.rule_sets[coming.rule_set]);
    if (coming.window_days) {
      lines.push(_("The rule: at most %(max)d days in any %(window)d-day period.", { max: coming.max_days_in_window, window: coming.window_days }));
      lines.push(since
        ? _("%(date)s is the first day from %(since)s on which no more than %(max)d days, that day included, fall in the %(window)d days up to it.",
          { date: longDate(coming.earliest), since: longDate(since), max: coming.max_days_in_window, window: coming.window_days })
        : coming.exit === null
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

  // The two readings of a deadline: the earlier one, which is the date shown, then the later one.
  function safeByLines(o) {
    var c = o.counting;
    if (c.method === "calendar_days") {
      return [
        _("The sources do not say whether the day you crossed the border is day 1. Counting it as day 1, day %(n)d is %(date)s: to be safe, this is the date we give.", { n: c.n, date: longDate(o.safe_by) }),
        _("Read strictly, the rule gives %(date)s: day 1 is then the day after you entered (%(entry)s).", { date: longDate(o.deadline), entry: longDate(c.start) })
      ];
    }
    return [
      _("Some advisers count the day of arrival itself as the first working day. Counted that way, working day %(n)d is %(date)s: to be safe, this is the date we give.", { n: c.n, date: longDate(o.safe_by) }),
      _("Read strictly, counting from the day after you entered (%(entry)s), the rule gives %(date)s.", { entry: longDate(c.start), date: longDate(o.deadline) })
    ];
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

  // As webapp/deadlines/explain.py window_days: the window ending on the last day of this stay, in runs.
  function windowDays(plan, answers) {
    var stay = plan.stay;
    if (!stay || !stay.window_days) return null;
    var today = answers.today;
    var end = answers.exit_date || (stay.leave_by && today <= stay.leave_by ? stay.leave_by
      : (today > answers.entry_date ? today : answers.entry_date));
    var start = isoPlus(end, -(stay.window_days - 1));
    var stays = answers.previous_stays.map((s) => [s.entry, s.exit]).concat([[answers.entry_date, end]]);
    var runs = [], used = 0, after = false; // `after`: the day before was present too
    for (var i = 0, day = start; i < stay.window_days; i++, day = isoPlus(day, 1)) {
      var present = stays.some((s) => s[0] <= day && day <= s[1]);
      if (present && after) runs[runs.length - 1][1] = day;
      else if (present) runs.push([day, day]);
      used += present;
      after = present;
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

  // As webapp/deadlines/explain.py status_text and left_on_text: what became of a duty of a stay that
  // has ended, and the day of leaving, in place of the days left (null otherwise).
  function statusText(o) {
    if (o.status === "was_due") return _("Was due while you were in Kazakhstan");
    if (o.status === "not_needed") return _("You left before this date");
    return null;
  }
  // As explain.py leave_title.
  const leaveTitle = (plan) => plan.ended ? _("Last day you could stay: %(date)s", { date: longDate(plan.stay.leave_by) })
    : _("Leave Kazakhstan by %(date)s", { date: longDate(plan.stay.leave_by) });
  const leftOnText = (plan) => plan.ended ? _("You left on %(date)s", { date: longDate(plan.ended) }) : null;

  // As explain.py near_level: red once passed, orange when near (NEAR_DAYS, handed over as data.near_days).
  const tag = (days) => ({ text: daysLeftText(days), level: days < 0 ? "red" : days <= data.near_days ? "orange" : "" });
  // As explain.py registration_tag and leave_tag: of a stay that has ended, its status (past) or
  // the day of leaving (red when after the last day allowed); else the days left.
  function registrationTag(o) {
    const status = statusText(o);
    return status ? { text: status, level: "past" } : tag(dueDaysLeft(o));
  }
  const leaveTag = (plan) => plan.ended ? { text: leftOnText(plan), level: plan.ended > plan.stay.leave_by ? "red" : "past" }
    : tag(plan.stay.days_left);

  // The steps after the registration's (explain.py shown_steps): not those a stay that has ended no
  // longer needs; `byLastDay`: those due by the last day allowed (a permit to stay longer), which
  // follow the step of leaving, else the others.
  const shownSteps = (plan, byLastDay) => plan.obligations.slice(1).filter((o) => o.status !== "not_needed"
    && (!!plan.stay.leave_by && o.deadline === plan.stay.leave_by) === byLastDay);

  // As explain.py step_lines: a step's lines in view and those folded under "More about this step".
  function stepLines(o) {
    var lines = obligationSteps(o);
    if (o.kind !== "self_registration" && o.kind !== "host_notification") return [[], lines];
    var note = (i) => data.step_notes.includes(o.steps[i]);
    return [lines.filter((line, i) => !note(i)), lines.filter((line, i) => note(i))];
  }

  // Everything "Your deadlines" says about one plan, in the order of plan.html; what a step does
  // not show is left out.
  function result(plan, answers) {
    const accommodation = answers.accommodation;
    const otherStep = function (o) {
      const lines = stepLines(o);
      return { kind: o.kind, title: obligationTitle(o, accommodation), paragraphs: lines[0], more: lines[1],
               reasoning: obligationReasoning(o), sources: o.sources };
    };
    const out = {
      entered: _("entered on %(date)s", { date: longDate(answers.entry_date) }),
      checkpoint: answers.checkpoint ? data.checkpoints[answers.checkpoint] : null,
      as_of: _("Dates as of %(date)s.", { date: longDate(answers.today) }),
      rule_set: data.rule_sets[plan.rule_set],
      warnings: plan.warnings.map((w) => ({ code: w.code, urgent: data.urgent_warnings.includes(w.code),
                                            note: data.note_warnings.includes(w.code), text: warningText(w) })),
      steps: [], sources: plan.sources
    };
    if (!plan.group) return out;
    const registration = plan.obligations[0], stay = plan.stay;
    // Steps in date order (explain.py leave_comes_first): the last day allowed first when it is earlier.
    const leaveFirst = !!(stay.leave_by && stay.leave_by < dueDate(registration));
    const lines = stepLines(registration);
    const registrationStep = { kind: "registration", title: obligationTitle(registration, accommodation), tag: registrationTag(registration),
                               paragraphs: lines[0], more: lines[1], reasoning: obligationReasoning(registration),
                               sources: registration.sources };
    if (!leaveFirst) out.steps.push(registrationStep);
    if (stay.leave_by) {
      const leave = { kind: "leave", title: leaveTitle(plan), tag: leaveTag(plan),
                      reasoning: stayReasoning(stay, answers.entry_date), sources: stay.sources };
      if (stay.window_days) {
        const days = windowDays(plan, answers);
        leave.days_used = _("Days used in the %(window)d days up to %(day)s: %(used)d of %(max)d.",
          { window: stay.window_days, day: longDate(stay.reference_day), used: stay.days_used, max: stay.max_days_in_window });
        leave.day_by_day = {
          summary: _("Days in Kazakhstan from %(start)s to %(end)s: %(used)d of %(max)d.",
            { start: longDate(days.start), end: longDate(days.end), used: days.used, max: days.max_days }),
          runs: days.runs.map((run) => windowRunText(run[0], run[1])),
          grid: { start: days.start, end: days.end, today: days.today, runs: days.runs.map((r) => r.join("/")).join(" "),
                  months: days.month_labels.join(",") }
        };
      }
      out.steps.push(leave);
      shownSteps(plan, true).forEach((o) => out.steps.push(otherStep(o)));
    }
    if (leaveFirst) out.steps.push(registrationStep);
    if (plan.next_entry) {
      // Folded while the stay goes on, in view after it (deadlines/plan.html).
      const coming = [nextEntryText(plan.next_entry, !!answers.exit_date, plan.ended)];
      out.steps.push({ kind: "next_entry", title: _("Coming back to Kazakhstan"), paragraphs: plan.ended ? coming : [], more: plan.ended ? [] : coming,
                       reasoning: nextEntryReasoning(plan.next_entry, plan.rule_set, plan.ended ? answers.today : null), sources: plan.next_entry.sources });
    }
    shownSteps(plan, false).forEach((o) => out.steps.push(otherStep(o)));
    return out;
  }

  return { _, ngettext, longDate, warningText, obligationTitle, obligationSteps, safeByLines, result };
}

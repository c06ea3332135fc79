// The deadline evaluator for the browser: the same rules and counting as webapp/rules/evaluator.py,
// on the same data (/rules.json), checked against the same vectors (tests/vectors/*.json).
// Dates are whole days since 1970-01-01 (UTC), so no time zone can shift a deadline.
const rules = (function () {
  "use strict";

  var MS_PER_DAY = 86400000;
  var LOOK_BACK = 366; // earlier-stay days further back can never share a window with this stay

  function toDay(iso) {
    var parts = iso.split("-");
    return Math.round(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / MS_PER_DAY);
  }

  function toIso(day) {
    return day === null ? null : new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  function weekday(day) { // Monday 0 ... Sunday 6
    return (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7;
  }

  function Calendar(data) {
    this.lastDay = toDay(data.calendar_years[1] + "-12-31");
    this.daysOff = data.days_off;
    this.workingWeekends = {};
    for (var i = 0; i < data.working_weekends.length; i++) this.workingWeekends[data.working_weekends[i]] = true;
  }

  Calendar.prototype.dayOff = function (day) {
    // Past the exported years the holidays are unknown: refuse rather than guess a working day.
    if (day > this.lastDay) throw new NotCovered("calendar_out_of_range");
    var iso = toIso(day);
    if (this.workingWeekends[iso]) return null;
    var off = this.daysOff[iso];
    if (off) return { day: iso, reason: off.reason, name: off.name };
    if (weekday(day) >= 5) return { day: iso, reason: "weekend", name: "" };
    return null;
  };

  Calendar.prototype.nthWorkingDayAfter = function (start, n) {
    var counted = [], skipped = [], day = start;
    while (counted.length < n) {
      day += 1;
      var off = this.dayOff(day);
      if (off) skipped.push(off); else counted.push(toIso(day));
    }
    return { day: day, counted: counted, skipped: skipped };
  };

  function NotCovered(code) {
    this.code = code;
    this.message = code;
  }

  function ruleSetFor(data, entry) {
    for (var i = 0; i < data.rule_sets.length; i++) {
      var r = data.rule_sets[i];
      if (toDay(r.valid_from) <= entry && (r.valid_to === null || entry <= toDay(r.valid_to))) return r;
    }
    return null;
  }

  // A note's params (regimes.json): a number as given, or {rule: "group.part.key"}, a value of the rule set's rules.
  function noteParams(ruleSet, note) {
    var params = {};
    Object.keys(note.params || {}).forEach(function (name) {
      var value = note.params[name];
      if (value !== null && typeof value === "object") {
        value = value.rule.split(".").reduce(function (node, key) { return node[key]; }, ruleSet.groups);
      }
      params[name] = value;
    });
    return params;
  }

  function presenceBefore(stays, entry) {
    var present = {};
    stays.forEach(function (stay) {
      var first = Math.max(stay.entry, entry - LOOK_BACK), last = Math.min(stay.exit, entry - 1);
      for (var d = first; d <= last; d++) present[d] = true;
    });
    return Object.keys(present).map(Number).sort(function (a, b) { return a - b; });
  }

  // The number of days in `sorted` (ascending) before `day`: Python's bisect_left.
  function countBefore(sorted, day) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < day) low = middle + 1; else high = middle;
    }
    return low;
  }

  function stayWarnings(stays, entry) {
    var warnings = [];
    var ordered = stays.slice().sort(function (a, b) { return a.entry - b.entry || a.exit - b.exit; });
    for (var i = 0; i < stays.length; i++) {
      if (stays[i] !== ordered[i]) { warnings.push({ code: "unordered_stays", params: {} }); break; }
    }
    var overlapping = stays.some(function (s) { return s.exit >= entry; });
    for (var j = 1; j < ordered.length; j++) if (ordered[j].entry <= ordered[j - 1].exit) overlapping = true;
    if (overlapping) warnings.push({ code: "overlapping_stays", params: {} });
    return warnings;
  }

  // Days present in [day - windowDays + 1, day], staying continuously since `entry`;
  // `present`: the days before `entry`, sorted.
  function windowCount(present, entry, day, windowDays) {
    var start = day - (windowDays - 1);
    var before = countBefore(present, entry) - countBefore(present, Math.min(start, entry));
    return before + (day - Math.max(entry, start)) + 1;
  }

  // The first day in [low, high] on which `holds` is true, for a test that, once true, stays true
  // on every later day (a binary search); null if it is false on `high`.
  function firstDay(low, high, holds) {
    if (!holds(high)) return null;
    while (low < high) {
      var middle = low + Math.floor((high - low) / 2);
      if (holds(middle)) high = middle; else low = middle + 1;
    }
    return low;
  }

  // `present`: the days present before `entry`, sorted; `ended`: the day of leaving of a stay that
  // has ended, to which the days used are counted (null otherwise).
  function stayLimit(spec, entry, today, present, ended) {
    var perEntry = spec.per_entry, win = spec.window, reference = ended ? ended : Math.max(today, entry);
    var candidates = [], beforeInWindow = 0, maxDays = null, windowDays = null, daysUsed;
    if (win) {
      maxDays = win.max_days;
      windowDays = win.window_days;
      beforeInWindow = windowCount(present, entry, entry, windowDays) - 1;
      // Each day of the stay adds one and at most one earlier day leaves the window, so the count
      // never falls; it includes the stay, so it passes maxDays within maxDays + 1 days.
      var last = firstDay(entry, entry + maxDays, function (day) { return windowCount(present, entry, day, windowDays) > maxDays; }) - 1;
      candidates.push(last >= entry ? [last, "window"] : [null, "used_up"]);
      daysUsed = windowCount(present, entry, reference, windowDays);
    } else {
      daysUsed = reference - entry + 1;
    }
    if (perEntry) candidates.push([entry + perEntry - 1, "per_entry"]);
    var leaveBy, limitedBy;
    if (candidates.some(function (c) { return c[0] === null; })) {
      leaveBy = null; limitedBy = "used_up";
    } else {
      var best = candidates[0];
      candidates.forEach(function (c) { if (c[0] < best[0]) best = c; });
      leaveBy = best[0]; limitedBy = best[1];
    }
    return {
      leave_by: leaveBy, days_left: leaveBy === null ? null : leaveBy - today, days_used: daysUsed,
      reference_day: reference, max_days_in_window: maxDays, window_days: windowDays, per_entry_days: perEntry || null,
      limited_by: limitedBy, days_before_entry_in_window: beforeInWindow, sources: spec.sources.slice()
    };
  }

  function deadline(spec, start, calendar) {
    if (spec.calendar_days !== undefined) {
      // If the day of crossing is day 1, day N is a day earlier: the date to be safe by.
      return { day: start + spec.calendar_days, counting: { method: "calendar_days", n: spec.calendar_days, start: toIso(start), counted: [], skipped: [] }, safeBy: start + spec.calendar_days - 1 };
    }
    var n = spec.working_days, found = calendar.nthWorkingDayAfter(start, n);
    var arrivalCounted = calendar.nthWorkingDayAfter(start - 1, n).day;
    return {
      day: found.day,
      counting: { method: "working_days", n: n, start: toIso(start), counted: found.counted, skipped: found.skipped },
      safeBy: arrivalCounted < found.day ? arrivalCounted : null
    };
  }

  // The first day after `exit` on which an entry leaves at least one day of stay, under the rules
  // for an entry on that day, and the stay it would allow. `stays` includes this one.
  function nextEntry(data, groupRules, stays, lastDay) {
    var present = presenceBefore(stays, lastDay + 1);
    var day = lastDay + 1;
    // Windows are at most a year long: a year after leaving, nothing before counts any more.
    var horizon = lastDay + LOOK_BACK + 1;
    while (day <= horizon) {
      var ruleSet = ruleSetFor(data, day);
      if (!ruleSet) return null;
      // Within one rule set the limits stay the same, and the later the entry, the fewer earlier
      // days its window holds: the first day that allows an entry is found by a binary search.
      var last = ruleSet.valid_to ? Math.min(horizon, toDay(ruleSet.valid_to)) : horizon;
      var spec = ruleSet.groups[groupRules].stay, win = spec.window;
      var first = !win ? day : firstDay(day, last, function (d) { return windowCount(present, d, d, win.window_days) <= win.max_days; });
      if (first !== null) {
        var limit = stayLimit(spec, first, first, present);
        return { exit: toIso(lastDay), earliest: toIso(first), days_available: limit.leave_by - first + 1,
                 leave_by: toIso(limit.leave_by), rule_set: ruleSet.id, max_days_in_window: limit.max_days_in_window,
                 window_days: limit.window_days, per_entry_days: limit.per_entry_days, limited_by: limit.limited_by,
                 sources: limit.sources };
      }
      day = last + 1;
    }
    return null;
  }

  // input: {citizenship, entry_date, today, previous_stays: [{entry, exit}], accommodation, checkpoint,
  // exit_date (optional: the last day of this stay, when known)}
  // (ISO dates). Returns the plan with ISO dates, in the shape of the API's answer plus the counting.
  function evaluate(input, data) {
    var calendar = new Calendar(data);
    var entry = toDay(input.entry_date), today = toDay(input.today);
    var stays = (input.previous_stays || []).map(function (s) { return { entry: toDay(s.entry), exit: toDay(s.exit) }; });
    if (data.not_foreigners.indexOf(input.citizenship) !== -1) throw new NotCovered("citizen");
    var ruleSet = ruleSetFor(data, entry);
    if (!ruleSet) throw new NotCovered("entry_before_rules");

    var warnings = [];
    if (entry > today) warnings.push({ code: "planning_mode", params: {} });
    var group = data.groups[input.citizenship] || null;
    if (group === null) {
      warnings.push({ code: "visa_required", params: {} });
      return { rule_set: ruleSet.id, group: null, obligations: [], stay: null, warnings: warnings, sources: data.nationality_sources.slice(), next_entry: null, ended: null };
    }
    // Which rules the group follows, and what all its plans are told (nationalities.json).
    var groupSpec = data.group_specs[group];
    groupSpec.warnings.forEach(function (code) { warnings.push({ code: code, params: {} }); });
    var groupRules = groupSpec.rules;
    var spec = ruleSet.groups[groupRules];

    warnings = warnings.concat(stayWarnings(stays, entry));
    // The day of leaving of a stay that has ended (before today), else null.
    var exitDay = input.exit_date ? toDay(input.exit_date) : null;
    var ended = exitDay !== null && exitDay < today ? exitDay : null;
    var stay = stayLimit(spec.stay, entry, today, presenceBefore(stays, entry), ended);
    // The last day present so far: today, or the day the person left if that was earlier.
    var presentUntil = ended !== null ? ended : today;
    if (stay.limited_by === "used_up") {
      warnings.push({ code: ended !== null ? "limit_was_used_on_entry" : "limit_used_on_entry",
                      params: { days: stay.days_before_entry_in_window, max: stay.max_days_in_window, window: stay.window_days } });
    } else if (stay.leave_by < presentUntil) {
      warnings.push(ended !== null
        ? { code: "overstayed", params: { days: presentUntil - stay.leave_by, leave_by: toIso(stay.leave_by), exit: toIso(ended) } }
        : { code: "overstay", params: { days: presentUntil - stay.leave_by, leave_by: toIso(stay.leave_by) } });
    }
    if (stay.leave_by !== null && input.exit_date && toDay(input.exit_date) > Math.max(today, stay.leave_by)) {
      // A day of leaving still ahead that is past the last day allowed.
      warnings.push({ code: "leaving_after_last_day", params: { days: toDay(input.exit_date) - stay.leave_by, leave_by: toIso(stay.leave_by) } });
    }

    var obligations = [];
    var registration = spec.registration, due = deadline(registration, entry, calendar);
    var registrationStatus = status(due.day, today, ended);
    // Who acts and what is done, by where the person stays; the place's sources after the rule's.
    var place = data.accommodation[registration.kind][input.accommodation || "not_answered"];
    var dueSources = registration.sources.slice();
    place.sources.forEach(function (id) { if (dueSources.indexOf(id) === -1) dueSources.push(id); });
    obligations.push({
      kind: registration.kind, who: place.who, deadline: toIso(due.day), days_left: due.day - today,
      sources: dueSources, counting: due.counting, safe_by: toIso(due.safeBy),
      title: place.title, steps: place.steps.slice(), confirms: place.confirms === undefined ? null : place.confirms,
      status: registrationStatus
    });
    if (registrationStatus === "missed") warnings.push({ code: "deadline_passed", params: { kind: registration.kind, deadline: toIso(due.day) } });

    // After a stay that has ended there is no move to come.
    var moving = spec.address_change, example = deadline(moving, Math.max(today, entry), calendar);
    obligations.push({ kind: "address_change", who: moving.who, deadline: null, days_left: null,
                       sources: moving.sources.slice(), counting: example.counting, safe_by: null, title: null, steps: [], confirms: null,
                       status: ended !== null ? "not_needed" : "due" });
    if (spec.residence_permit) {
      // A permit is needed to stay past the last day allowed: not needed by one who left by then.
      var permitStatus = ended === null ? status(stay.leave_by, today, null)
        : (stay.leave_by !== null && ended <= stay.leave_by ? "not_needed" : "was_due");
      obligations.push({ kind: "residence_permit", who: "self", deadline: toIso(stay.leave_by), days_left: stay.days_left,
                         sources: spec.residence_permit.sources.slice(), counting: null, safe_by: null, title: null, steps: [],
                         confirms: null, status: permitStatus });
    }
    ruleSet.notes.forEach(function (note) {
      if (!note.for_rules || note.for_rules.indexOf(groupRules) !== -1) warnings.push({ code: note.code, params: noteParams(ruleSet, note) });
    });
    var lastDay = ruleSet.valid_to ? toDay(ruleSet.valid_to) : null;
    // The last day of this stay: the day of leaving when given, else the last day allowed while
    // today is not past it, else today (still there), or the day of entry when that is later.
    var stayEnd = exitDay !== null ? exitDay : (stay.leave_by !== null && today <= stay.leave_by ? stay.leave_by : Math.max(today, entry));
    if (lastDay !== null && stayEnd > lastDay) {
      // Sources give the rules by date of entry and say nothing of a stay that runs into new ones.
      warnings.push({ code: "rules_changed_during_stay", params: { date: toIso(lastDay + 1) } });
    }
    // A checkpoint whose kind is open only to some citizens (checkpoints.json "kinds").
    var kind = input.checkpoint ? data.checkpoint_kinds[data.checkpoints[input.checkpoint]] : null;
    if (kind && kind.open_to !== null && kind.open_to.indexOf(input.citizenship) === -1) {
      warnings.push({ code: kind.warning, params: { checkpoint: input.checkpoint } });
    }

    // Coming back: from the day given as the last of this stay, else from the last day allowed.
    // None past the last day allowed (an overstay may bring a fine or a ban on entry, which no rule
    // here counts) or when the limit was used up on entry.
    var comingFrom = exitDay !== null ? exitDay : (stay.leave_by !== null && today <= stay.leave_by ? stay.leave_by : null);
    var comingBack = null;
    if (comingFrom !== null && stay.leave_by !== null && entry <= comingFrom && comingFrom <= stay.leave_by) {
      var withThis = stays.concat([{ entry: entry, exit: comingFrom }]);
      if (comingFrom < today) {
        // After a stay that has ended, an entry from today on (the days before are past).
        comingBack = nextEntry(data, groupRules, withThis, today - 1);
        if (comingBack) comingBack.exit = toIso(comingFrom);
      } else {
        comingBack = nextEntry(data, groupRules, withThis, comingFrom);
      }
    } else if (stay.leave_by === null && !input.exit_date && today <= entry) {
      // The limit is used up on the day of entry, which is still ahead (or today, at the border):
      // the first day an entry is allowed instead.
      comingBack = nextEntry(data, groupRules, stays, entry - 1);
      if (comingBack) comingBack.exit = null;
    }

    var sources = [];
    var lists = obligations.map(function (o) { return o.sources; }).concat([stay.sources, comingBack ? comingBack.sources : [],
      groupSpec.cite_list_sources ? data.nationality_sources : []]);
    lists.forEach(function (ids) { ids.forEach(function (id) { if (sources.indexOf(id) === -1) sources.push(id); }); });

    warnings = openingWarnings(stay, obligations[0], due, today, ended).concat(warnings);
    stay.leave_by = toIso(stay.leave_by);
    stay.reference_day = toIso(stay.reference_day);
    return { rule_set: ruleSet.id, group: group, obligations: obligations, stay: stay, warnings: warnings, sources: sources,
             next_entry: comingBack, ended: toIso(ended) };
  }

  // An obligation's status by its date (webapp/rules/evaluator.py's docstring).
  function status(day, today, ended) {
    if (ended !== null) return day !== null && day <= ended ? "was_due" : "not_needed";
    return day !== null && day < today ? "missed" : "due";
  }

  // What the plan says first: that the stay has ended, or that the last day allowed comes before
  // the registration deadline (the sources do not say what one does then).
  function openingWarnings(stay, registration, due, today, ended) {
    if (ended !== null) return [{ code: "stay_ended", params: { exit: toIso(ended) } }];
    if (stay.leave_by !== null && today <= stay.leave_by && stay.leave_by < due.day) {
      var n = due.counting.n, params = { leave_by: toIso(stay.leave_by), deadline: toIso(due.day) };
      if (registration.kind === "self_registration") {
        params.n = n;
        params.days = n;
        return [{ code: "leave_before_registration", params: params }];
      }
      params.working_days = n;
      return [{ code: "leave_before_host_notification", params: params }];
    }
    return [];
  }

  return { evaluate: evaluate, NotCovered: NotCovered, toDay: toDay, toIso: toIso };
})();

export const { evaluate, NotCovered, toDay, toIso } = rules;

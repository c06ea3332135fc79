// Words in one language on the phone: messages and plural forms as the catalogs have them, dates
// written as the server's long_date and short_day write them, and the rules' warnings.
// `data` is what webapp/offline_data.py (or the documents' labels) gives for that language.
(function () {
  "use strict";
  window.TirkeuWords = function (data) {
    var lang = data.language;
    function format(text, params) {
      return text.replace(/%\((\w+)\)[sd]/g, function (match, name) {
        return params && name in params ? String(params[name]) : match;
      });
    }
    function _(id, params) {
      var text = data.messages[id] !== undefined && data.messages[id] !== "" ? data.messages[id] : id;
      return params ? format(text, params) : text;
    }
    function pluralIndex(n) {
      if (lang === "ru") {
        if (n % 10 === 1 && n % 100 !== 11) return 0;
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) return 1;
        return 2;
      }
      return n === 1 ? 0 : 1;
    }
    function ngettext(singular, plural, n, params) {
      var forms = data.plurals[singular];
      var text = forms ? forms[Math.min(pluralIndex(n), forms.length - 1)] : (n === 1 ? singular : plural);
      var all = { num: n };
      for (var key in params || {}) all[key] = params[key];
      return format(text, all);
    }

    function formatDate(iso, pattern) {
      var parts = iso.split("-"), year = +parts[0], month = +parts[1], day = +parts[2];
      var weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
      var words = data.calendar, out = "", i = 0;
      while (i < pattern.length) {
        var c = pattern[i];
        if (c === "'") {
          var end = pattern.indexOf("'", i + 1);
          out += pattern.slice(i + 1, end);
          i = end + 1;
          continue;
        }
        var run = 1;
        while (pattern[i + run] === c) run++;
        if (c === "y") out += year;
        else if (c === "M") out += run >= 4 ? words.months[month - 1] : run === 3 ? words.months_short[month - 1] : month;
        else if (c === "d") out += run === 2 && day < 10 ? "0" + day : day;
        else if (c === "E") out += words.weekdays_short[weekday];
        else out += pattern.slice(i, i + run);
        i += run;
      }
      return out;
    }
    function longDate(iso) { return formatDate(iso, data.calendar.long_pattern); }
    function shortDay(iso) { return formatDate(iso, data.calendar.short_pattern); }

    function warningText(w) {
      if (w.code === "limit_used_on_entry") {
        return ngettext("On the day you entered you had already spent %(num)d day in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Contact the migration police or call 1414 now.",
          "On the day you entered you had already spent %(num)d days in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Contact the migration police or call 1414 now.",
          w.params.days, { window: w.params.window, max: w.params.max });
      }
      if (w.code === "leaving_after_last_day") {
        return ngettext("You plan to leave %(num)d day after the last day you may stay, %(leave_by)s. Leave by then, or ask the migration police (free hotline 1414) before that day.",
          "You plan to leave %(num)d days after the last day you may stay, %(leave_by)s. Leave by then, or ask the migration police (free hotline 1414) before that day.",
          w.params.days, { leave_by: longDate(w.params.leave_by) });
      }
      if (w.code === "overstay") {
        return ngettext("You should have left by %(leave_by)s. You have stayed %(num)d day too long. Contact the migration police or call 1414 now.",
          "You should have left by %(leave_by)s. You have stayed %(num)d days too long. Contact the migration police or call 1414 now.",
          w.params.days, { leave_by: longDate(w.params.leave_by) });
      }
      // Dates in words; a note's numbers (regimes.json) by their names, as webapp/messages.py rule_words.
      var params = {};
      for (var key in w.params) {
        var value = w.params[key];
        if (typeof value === "number" && /working_days$/.test(key)) params[key] = ngettext("%(num)d working day", "%(num)d working days", value);
        else if (typeof value === "number" && /days$/.test(key)) params[key] = ngettext("%(num)d day", "%(num)d days", value);
        else params[key] = /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? longDate(value) : value;
      }
      return format(data.warnings[w.code], params);
    }

    return { format: format, _: _, ngettext: ngettext, longDate: longDate, shortDay: shortDay, warningText: warningText };
  };

  // Text as the server reads it: webapp/validators.py tidy() and webapp/fields.py ascii_digits().
  // Python's str.split() and strip() whitespace, which is not quite JavaScript's \s.
  var SPACE = "[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
  var SPACES = new RegExp(SPACE + "+"), ENDS = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");
  var DIGIT = /\p{Nd}/u;
  window.TirkeuWords.tidy = function (value) {
    return (value || "").normalize("NFC").split(SPACES).filter(Boolean).join(" ");
  };
  window.TirkeuWords.strip = function (value) { return (value || "").replace(ENDS, ""); };
  // "YYYY-MM-DD" as the documents write it, "27.03.1990" (webapp/documents/content.py numeric_date).
  window.TirkeuWords.numericDate = function (iso) { return iso ? iso.slice(8, 10) + "." + iso.slice(5, 7) + "." + iso.slice(0, 4) : ""; };
  // A message's "{name}" slots (the server writes them so for the phone) filled in.
  window.TirkeuWords.fill = function (text, values) { return text.replace(/\{(\w+)\}/g, function (m, key) { return values[key]; }); };
  // Any decimal digit as 0-9 (Unicode puts each script's 0 to 9 in a row, so a digit's value is its
  // distance from the start of its run of digits, modulo 10).
  window.TirkeuWords.asciiDigits = function (text) {
    return Array.from(text || "").map(function (c) {
      if (c >= "0" && c <= "9" || !DIGIT.test(c)) return c;
      var code = c.codePointAt(0), start = code;
      while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
      return String((code - start) % 10);
    }).join("");
  };
  // A date typed as day, month and year, read as webapp/fields.py DatePartsField reads it:
  // {empty: true}, {error: code, part: box or undefined}, or {iso: "YYYY-MM-DD"}.
  window.TirkeuWords.dateParts = function (typed) {
    var order = ["day", "month", "year"], parts = {};
    order.forEach(function (p) {
      parts[p] = window.TirkeuWords.asciiDigits(Array.from(window.TirkeuWords.strip(typed[p])).slice(0, 8).join(""));
    });
    if (!order.some(function (p) { return parts[p]; })) return { empty: true };
    var missing = order.filter(function (p) { return !parts[p]; });
    if (missing.length) return { error: "missing_" + missing[0], part: missing[0] };
    var odd = order.filter(function (p) { return !/^\d+$/.test(parts[p]); });
    if (odd.length) return { error: "invalid_date", part: odd[0] };
    if (parts.year.length !== 4) return { error: "year_four_digits", part: "year" };
    if (+parts.year < 1900) return { error: "year_too_early", part: "year" };
    var when = new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day));
    if (when.getUTCFullYear() !== +parts.year || when.getUTCMonth() !== +parts.month - 1 || when.getUTCDate() !== +parts.day) {
      return { error: "invalid_date" };
    }
    return { iso: when.toISOString().slice(0, 10) };
  };
})();

// Words in one language, from the server's data for it (webapp/deadlines/offline_data.py): the catalogs'
// messages and plurals, dates as long_date and short_day write them; text read as the server reads it.

// The catalog's Plural-Forms rule, as gettext reads it on the server: no language is written in
// here. Parsed, as the Content-Security-Policy forbids `new Function`.
// Operators of the rules CLDR gives: [precedence, what it does]; "a ? b : c" binds loosest.
const OPERATORS = {
  "?": [1], "||": [2, (a, b) => a || b], "&&": [3, (a, b) => a && b], "==": [4, (a, b) => a === b], "!=": [4, (a, b) => a !== b],
  "<": [5, (a, b) => a < b], "<=": [5, (a, b) => a <= b], ">": [5, (a, b) => a > b], ">=": [5, (a, b) => a >= b], "%": [6, (a, b) => a % b],
};

// `rule`: the C expression of the catalog's Plural-Forms header, "(n != 1)".
export function pluralRule(rule) {
  const tokens = rule.match(/\d+|n|\|\||&&|[=!<>]=|\S/g);
  let at = 0;
  function operand() {
    const token = tokens[at++];
    if (token === "(") { const inner = expression(1); at++; return inner; }
    if (token === "!") { const inner = operand(); return (n) => +!inner(n); }
    return token === "n" ? (n) => n : () => +token;
  }
  function expression(lowest) {
    let left = operand();
    for (let op; (OPERATORS[op = tokens[at]] || [0])[0] >= lowest;) {
      at++;
      const a = left, [precedence, apply] = OPERATORS[op];
      if (apply) {
        const b = expression(precedence + 1);
        left = (n) => +apply(a(n), b(n));
      } else {
        const yes = expression(1), no = (at++, expression(1));
        left = (n) => (a(n) ? yes(n) : no(n));
      }
    }
    return left;
  }
  const parsed = expression(1);
  if (at !== tokens.length) throw new Error("plural rule not understood: " + rule);
  return parsed;
}

// Python's %-formatting of named values, as the catalogs' messages use it.
export function format(text, params) {
  return text.replace(/%\((\w+)\)[sd]/g, (match, name) => (params && name in params ? String(params[name]) : match));
}

// A message's short name in the data: FNV-1a (32 bits) of its UTF-16 code units, in base 36, as
// webapp/deadlines/offline_data.py message_key() names it.
export function key(msgid) {
  let value = 0x811c9dc5;
  for (let i = 0; i < msgid.length; i++) value = Math.imul(value ^ msgid.charCodeAt(i), 0x01000193) >>> 0;
  return value.toString(36);
}

export function words(data) {
  const plural = data.plural_forms ? pluralRule(data.plural_forms) : null;

  function _(id, params) {
    const text = data.messages[key(id)] || id;
    return params ? format(text, params) : text;
  }
  function ngettext(singular, pluralText, n, params) {
    const forms = data.plurals[key(singular)];
    const text = forms ? forms[Math.min(plural(n), forms.length - 1)] : (n === 1 ? singular : pluralText);
    return format(text, { num: n, ...params });
  }

  function formatDate(iso, pattern) {
    const [year, month, day] = iso.split("-").map(Number);
    const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
    const names = data.calendar;
    let out = "", i = 0;
    while (i < pattern.length) {
      const c = pattern[i];
      if (c === "'") {
        const end = pattern.indexOf("'", i + 1);
        out += pattern.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      let run = 1;
      while (pattern[i + run] === c) run++;
      if (c === "y") out += year;
      else if (c === "M") out += run >= 4 ? names.months[month - 1] : run === 3 ? names.months_short[month - 1] : month;
      else if (c === "d") out += run === 2 && day < 10 ? "0" + day : day;
      else if (c === "E") out += names.weekdays_short[weekday];
      else out += pattern.slice(i, i + run);
      i += run;
    }
    return out;
  }
  const longDate = (iso) => formatDate(iso, data.calendar.long_pattern);
  const shortDay = (iso) => formatDate(iso, data.calendar.short_pattern);

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
    if (w.code === "overstayed") {
      return ngettext("You left on %(exit)s, %(num)d day after the last day you could stay, %(leave_by)s. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
        "You left on %(exit)s, %(num)d days after the last day you could stay, %(leave_by)s. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
        w.params.days, { exit: longDate(w.params.exit), leave_by: longDate(w.params.leave_by) });
    }
    if (w.code === "limit_was_used_on_entry") {
      return ngettext("On the day you entered you had already spent %(num)d day in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
        "On the day you entered you had already spent %(num)d days in Kazakhstan in the %(window)d-day period, so the %(max)d-day limit was already used. Before you come back, ask the migration police or the free hotline 1414 whether this affects a new entry.",
        w.params.days, { window: w.params.window, max: w.params.max });
    }
    if (w.code === "overstay") {
      return ngettext("You should have left by %(leave_by)s. You have stayed %(num)d day too long. Contact the migration police or call 1414 now.",
        "You should have left by %(leave_by)s. You have stayed %(num)d days too long. Contact the migration police or call 1414 now.",
        w.params.days, { leave_by: longDate(w.params.leave_by) });
    }
    // Dates in words; a note's numbers (regimes.json) by their names, as webapp/messages.py rule_words.
    const params = {};
    for (const key in w.params) {
      const value = w.params[key];
      if (typeof value === "number" && /working_days$/.test(key)) params[key] = ngettext("%(num)d working day", "%(num)d working days", value);
      else if (typeof value === "number" && /days$/.test(key)) params[key] = ngettext("%(num)d day", "%(num)d days", value);
      else params[key] = /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? longDate(value) : value;
    }
    return format(data.warnings[w.code], params);
  }

  return { format, _, ngettext, longDate, shortDay, warningText };
}

// Text as the server reads it: webapp/forms/validators.py tidy() and webapp/forms/fields.py ascii_digits().
// Python's str.split() and strip() whitespace, which is not quite JavaScript's \s.
const SPACE = "[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
const SPACES = new RegExp(SPACE + "+"), ENDS = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");
const DIGIT = /\p{Nd}/u;

export function tidy(value) {
  return (value || "").normalize("NFC").split(SPACES).filter(Boolean).join(" ");
}
export function strip(value) { return (value || "").replace(ENDS, ""); }
// "YYYY-MM-DD" as the documents write it, "27.03.1990" (webapp/documents/content.py numeric_date).
export function numericDate(iso) { return iso ? iso.slice(8, 10) + "." + iso.slice(5, 7) + "." + iso.slice(0, 4) : ""; }
// A message's "{name}" slots (the server writes them so for the phone) filled in.
export function fill(text, values) { return text.replace(/\{(\w+)\}/g, (m, key) => values[key]); }
// Any decimal digit as 0-9 (Unicode puts each script's 0 to 9 in a row, so a digit's value is its
// distance from the start of its run of digits, modulo 10).
export function asciiDigits(text) {
  return Array.from(text || "").map((c) => {
    if (c >= "0" && c <= "9" || !DIGIT.test(c)) return c;
    const code = c.codePointAt(0);
    let start = code;
    while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  }).join("");
}
// A date typed as day, month and year, read as webapp/forms/fields.py DatePartsField reads it:
// {empty: true}, {error: code, part: box or undefined}, or {iso: "YYYY-MM-DD"}.
export function dateParts(typed) {
  const order = ["day", "month", "year"], parts = {};
  order.forEach((p) => { parts[p] = asciiDigits(Array.from(strip(typed[p])).slice(0, 8).join("")); });
  if (!order.some((p) => parts[p])) return { empty: true };
  const missing = order.filter((p) => !parts[p]);
  if (missing.length) return { error: "missing_" + missing[0], part: missing[0] };
  const odd = order.filter((p) => !/^\d+$/.test(parts[p]));
  if (odd.length) return { error: "invalid_date", part: odd[0] };
  if (parts.year.length !== 4) return { error: "year_four_digits", part: "year" };
  if (+parts.year < 1900) return { error: "year_too_early", part: "year" };
  const when = new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day));
  if (when.getUTCFullYear() !== +parts.year || when.getUTCMonth() !== +parts.month - 1 || when.getUTCDate() !== +parts.day) {
    return { error: "invalid_date" };
  }
  return { iso: when.toISOString().slice(0, 10) };
}

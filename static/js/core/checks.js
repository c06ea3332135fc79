// The documents wizard's checks as the server makes them (webapp/documents/answers.py), on the
// answers as the form posts them, with the data of webapp/documents/offline.py offline_checks.
import { dateParts, tidy } from "./words.js";

const MARK = /\p{Mn}/u, CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;
// The internal passport's series and number (answers.py SeriesNumber).
const SERIES_NUMBER = /^[0-9]{2} ?[0-9]{2} ?[0-9]{6}$/;
export const FOREIGN_PASSPORT = "foreign_passport", RU_INTERNAL_PASSPORT = "ru_internal_passport", AM_ID_CARD = "am_id_card";

// As answers.py series_number: "4512345678" -> "45 12 345678".
export function seriesNumber(text) {
  const value = text || "", digits = value.replace(/ /g, "");
  return SERIES_NUMBER.test(value) ? digits.slice(0, 2) + " " + digits.slice(2, 4) + " " + digits.slice(4) : value;
}
// As transliteration.py: ICAO Doc 9303 as Russian foreign passports apply it; "" for a letter
// the table has not.
const ICAO_RUSSIAN = {
  "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z", "И": "I",
  "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
  "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y",
  "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA"
};
const NAME_PUNCTUATION = " -.'’ʼ`";
export function icaoLatin(name) {
  let out = "";
  for (const c of name || "") {
    if (NAME_PUNCTUATION.includes(c)) out += c;
    else if (Object.prototype.hasOwnProperty.call(ICAO_RUSSIAN, c.toUpperCase())) out += ICAO_RUSSIAN[c.toUpperCase()];
    else return "";
  }
  return out.split(" ").filter(Boolean).join(" ");
}
// The document the answers are for, as answers.py PassportForm.kind: one of checks.documents, or the passport.
export function documentKind(answers, checks) {
  const kind = tidy(answers["passport-document"]);
  return Object.prototype.hasOwnProperty.call(checks.documents || {}, kind) ? kind : FOREIGN_PASSPORT;
}

export function addDays(iso, days) {
  const day = new Date(iso + "T00:00:00Z");
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
function yearsBefore(iso, years) {
  let rest = iso.slice(4);
  if (rest === "-02-29") rest = "-02-28";
  return String(+iso.slice(0, 4) - years).padStart(4, "0") + rest;
}
// As rules/identifiers.py: the second weights only when the first give 10.
export function kazakhIdentifier(number) {
  if (!/^\d{12}$/.test(number)) return false;
  const digits = Array.from(number, Number);
  for (const weights of [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]]) {
    let sum = 0;
    for (let i = 0; i < 11; i++) sum += digits[i] * weights[i];
    if (sum % 11 !== 10) return sum % 11 === digits[11];
  }
  return false;
}
// offline.py letter_steps -> [first, last] ranges.
export function letterRanges(steps) {
  const ranges = [];
  for (let i = 0, at = 0; i < steps.length; i += 2) ranges.push([at += steps[i], at += steps[i + 1]]);
  return ranges;
}
const RANGES = new WeakMap();
function personName(value, scripts, checks) {
  if (!RANGES.has(checks)) RANGES.set(checks, Object.fromEntries(Object.entries(checks.letters).map(([s, steps]) => [s, letterRanges(steps)])));
  const letters = RANGES.get(checks);
  let anyLetter = false;
  for (const c of value) {
    if (checks.name_punctuation.includes(c) || MARK.test(c)) continue;
    const code = c.codePointAt(0);
    if (!scripts.some((s) => letters[s].some((r) => code >= r[0] && code <= r[1]))) return false;
    anyLetter = true;
  }
  return anyLetter;
}
// As answers.py Drawn: the first character outside checks.printable (fonts.printable_ranges), as
// fonts.shown names it, or null.
function notPrintable(value, checks) {
  if (!RANGES.has(checks.printable)) RANGES.set(checks.printable, letterRanges(checks.printable));
  const ranges = RANGES.get(checks.printable);
  for (const c of value) {
    const code = c.codePointAt(0);
    if (!ranges.some((r) => code >= r[0] && code <= r[1])) return /\p{M}/u.test(c) ? "\u25cc" + c : c;
  }
  return null;
}
export function textError(spec, raw, checks) {
  const value = tidy(raw), length = Array.from(value).length;
  if (!value) return spec.required || null;
  for (const c of spec.checks || []) {
    const unprintable = c.drawn && notPrintable(value, checks);
    if (unprintable) return c.message.replace("%(character)s", () => unprintable);
    const failed = (c.max_length && length > c.max_length) ||
      (c.scripts && !personName(value, c.scripts, checks)) ||
      (c.plain && CONTROL.test(value)) ||
      (c.chars && (length < c.min || length > c.max || Array.from(value).some((ch) => !c.chars.includes(ch)))) ||
      (c.kazakh_identifier && !kazakhIdentifier(value)) ||
      (c.series_number && !SERIES_NUMBER.test(value));
    if (failed) return c.message;
  }
  return null;
}

export function readDate(answers, name) {
  return dateParts({ day: answers[name + "-day"], month: answers[name + "-month"], year: answers[name + "-year"] });
}
export function dateOf(answers, name) { return readDate(answers, name).iso || null; }

// A list's rows by index, as the server's FieldList reads them.
export function rowIndices(answers, prefix, max) {
  const seen = new Set(), row = new RegExp("^" + prefix + "-(\\d{1,6})-");
  for (const key of Object.keys(answers)) {
    const match = row.exec(key);
    if (match) seen.add(+match[1]);
  }
  return [...seen].sort((a, b) => a - b).slice(0, max);
}
export function childIndices(answers, max) { return rowIndices(answers, "children", max); }

// A step's fields, in the order the server lists its errors: its own, checks.step_fields, its rows.
export function fieldsOf(step, answers, checks) {
  const fields = [], rows = checks.rows[step], extra = checks.step_fields[step] || [];
  const chosen = (checks.documents || {})[documentKind(answers, checks)] || { fields: {}, not_asked: [] };
  for (const name of Object.keys(checks.fields)) {
    if (name.includes("-*-")) continue;
    if (chosen.not_asked.includes(name)) continue;
    if (name.startsWith(step + "-") || extra.includes(name)) fields.push({ name, spec: chosen.fields[name] || checks.fields[name] });
  }
  if (!rows) return fields;
  for (const i of rowIndices(answers, rows.prefix, rows.max)) {
    for (const name of Object.keys(checks.fields)) {
      if (name.startsWith(rows.prefix + "-*-")) fields.push({ name: name.replace("*", i), spec: checks.fields[name] });
    }
  }
  return fields;
}

function checkField(field, answers, checks) {
  const spec = field.spec;
  if (spec.date) {
    const date = readDate(answers, field.name);
    if (date.empty) return { message: spec.required };
    if (date.error) return { message: checks.messages[date.error], part: date.part };
    return { iso: date.iso, message: null };
  }
  // A choice (a radio, an option: only those offered) is a text without checks.
  return { message: textError(spec, answers[field.name], checks) };
}

// Across fields, as the forms' check() and validate_step() make them.
function crossCheck(step, results, answers, checks, today) {
  const fail = (name, key) => {
    const result = results[name];
    if (result && !result.message) { result.message = checks.messages[key]; result.part = null; }
  };
  const iso = (name) => (results[name] && !results[name].message ? results[name].iso : null);
  if (step === "person") {
    const born = iso("person-date_of_birth");
    if (born && !(born >= "1900-01-01" && born <= today)) fail("person-date_of_birth", "date_of_birth_past");
    const citizenship = tidy(answers["person-citizenship"]);
    // As answers.py DOCUMENT_CITIZENSHIP: the citizenship the document is for.
    const chosen = (checks.documents || {})[documentKind(answers, checks)];
    if (chosen && chosen.citizenship && citizenship && citizenship !== chosen.citizenship[0]) {
      fail("person-citizenship", chosen.citizenship[1]);
    }
  } else if (step === "passport") {
    const issued = iso("passport-issued"), expires = iso("passport-expires");
    if (issued && issued > today) fail("passport-issued", "issued_future");
    if (issued && expires && expires <= issued) fail("passport-expires", "expires_before_issued");
    else if (expires && expires < today) fail("passport-expires", "expired");
    const birth = dateOf(answers, "person-date_of_birth");
    if (iso("passport-issued") && birth && iso("passport-issued") < birth) fail("passport-issued", "issued_before_birth");
  } else if (step === "entry") {
    const entry = iso("entry-date");
    if (entry && entry < checks.first_entry) fail("entry-date", "entry_before_rules");
    else if (entry && entry > addDays(today, checks.max_days_ahead)) fail("entry-date", "too_far_ahead");
    tripChecks(results, answers, checks, today, fail, iso);
  } else if (step === "children") {
    for (const name of Object.keys(results)) {
      const born = /-date_of_birth$/.test(name) ? iso(name) : null;
      if (born && !(born > yearsBefore(today, 18) && born <= today)) fail(name, "child_date_of_birth");
    }
  }
}

// As AnswersForm._validate_trip.
function tripChecks(results, answers, checks, today, fail, iso) {
  const check = (name, key) => key && fail(name, key);
  const early = (day) => (day < checks.earliest_date ? "too_early" : day > addDays(today, checks.max_days_ahead) ? "too_far_ahead" : null);
  const entry = dateOf(answers, "entry-date"), leaving = iso("exit_date"), rows = checks.rows.entry;
  if (leaving) check("exit_date", early(leaving) || (entry && leaving < entry && "exit_before_entry"));
  const n = rowIndices(answers, rows.prefix, rows.max), answer = tidy(answers.earlier_stays);
  check("earlier_stays", answer === "yes" && !n.length ? "earlier_stays_missing" : answer === "no" && n.length && "earlier_stays_given");
  for (const i of n) {
    const a = rows.prefix + "-" + i + "-entry", b = rows.prefix + "-" + i + "-exit";
    if (iso(a)) check(a, early(iso(a)));
    if (iso(b)) check(b, early(iso(b)));
    if (results[a] && results[a].iso && iso(b) && iso(b) < results[a].iso) fail(b, "exit_before_entry");
  }
}

// One step's errors in order: [{name, message, part}].
export function stepErrors(step, answers, checks, today) {
  const fields = fieldsOf(step, answers, checks), results = {};
  for (const field of fields) results[field.name] = checkField(field, answers, checks);
  crossCheck(step, results, answers, checks, today);
  return fields.filter((f) => results[f.name].message).map((f) => ({ name: f.name, message: results[f.name].message, part: results[f.name].part }));
}

// Every step's errors: {field name: its first message}.
export function errors(answers, checks, today) {
  const out = {};
  for (const step of checks.steps) {
    for (const error of stepErrors(step, answers, checks, today)) out[error.name] = error.message;
  }
  return out;
}

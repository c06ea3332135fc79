// Every value the documents print, from the answers as the form posts them: those of
// webapp/documents/content.py document_values.
import { evaluate, NotCovered } from "./evaluator.js";
import { AM_ID_CARD, childIndices, dateOf, FOREIGN_PASSPORT, icaoLatin, RU_INTERNAL_PASSPORT, rowIndices, seriesNumber } from "./checks.js";
import { numericDate as numeric, tidy, words as wordsFor } from "./words.js";

// A value is text, or a list of parts when some of it is in a language of its own: a part is text
// or { lang, text } (content.py concat, which this follows exactly).
function concat() {
  var parts = [];
  Array.prototype.forEach.call(arguments, function (item) {
    (typeof item === "string" ? [item] : item).forEach(function (part) {
      if (typeof part === "string" && parts.length && typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += part;
      else if (part) parts.push(part);
    });
  });
  return parts.length === 1 && typeof parts[0] === "string" ? parts[0] : parts.length ? parts : "";
}
function joined(items) {
  var given = items.filter(function (item) { return item && item.length; }), pieces = [];
  given.forEach(function (item, i) { if (i) pieces.push(", "); pieces.push(item); });
  return concat.apply(null, pieces);
}
function inLanguages(names, languages) {
  var parts = [], seen = [];
  languages.forEach(function (l) {
    if (seen.indexOf(names[l]) !== -1) return;
    if (seen.length) parts.push(" / ");
    parts.push({ lang: l, text: names[l] });
    seen.push(names[l]);
  });
  return parts;
}
function ruKk(names) { return inLanguages(names, ["ru", "kk"]); }
// A value as plain text (the languages' parts without their marks).
export function textOf(value) {
  if (!value) return "";
  return typeof value === "string" ? value : value.map(function (part) { return typeof part === "string" ? part : part.text; }).join("");
}
// The card: the reader's language first, then Russian and Kazakh.
export function cardLanguages(language) { return [language].concat(["ru", "kk"].filter(function (l) { return l !== language; })); }

// As AnswersForm.earlier_stays_given and stays_known.
function earlierStays(answers) {
  return rowIndices(answers, "previous_stays").map(function (i) {
    return { entry: dateOf(answers, "previous_stays-" + i + "-entry"), exit: dateOf(answers, "previous_stays-" + i + "-exit") };
  }).filter(function (s) { return s.entry && s.exit; });
}
function staysKnown(answers) {
  return tidy(answers.earlier_stays) === "no" || rowIndices(answers, "previous_stays").length > 0;
}

function plan(answers, data, rules, today) {
  var checkpoint = tidy(answers["entry-checkpoint"]);
  try {
    return evaluate({
      citizenship: tidy(answers["person-citizenship"]), entry_date: dateOf(answers, "entry-date"), today: today,
      previous_stays: earlierStays(answers), checkpoint: checkpoint && checkpoint !== "other" ? checkpoint : null,
      accommodation: data.accommodations[tidy(answers["host-kind"])] || null, exit_date: dateOf(answers, "exit_date")
    }, rules);
  } catch (error) {
    if (error instanceof NotCovered) return null;
    throw error;
  }
}

// As content.py latin_name: [the name in Latin letters, whether it is a transliteration].
function latinName(a, kind) {
  var typed = (a("person-surname_latin") + " " + a("person-given_names_latin")).trim();
  if (kind !== RU_INTERNAL_PASSPORT) return [typed, false]; // the passport and the identity card have one
  return [typed || (icaoLatin(a("person-surname_cyrillic")) + " " + icaoLatin(a("person-given_names_cyrillic"))).trim(), true];
}
// As content.py passport_values.
function passportValues(answers, a, kind, data, card) {
  var internal = kind === RU_INTERNAL_PASSPORT;
  var number = internal ? seriesNumber(a("passport-number")) : a("passport-number");
  var issued = numeric(dateOf(answers, "passport-issued"));
  var expires = internal ? "" : numeric(dateOf(answers, "passport-expires"));
  var names = data.document_names[kind];
  return {
    internal_passport: internal,
    id_card: kind === AM_ID_CARD,
    foreign_passport: kind === FOREIGN_PASSPORT,
    document_kind: ruKk(names),
    passport_number: number,
    passport_issued: issued,
    passport_expires: expires,
    passport_period: internal ? issued : issued + " – " + expires,
    card_passport: concat(number, " (", internal ? inLanguages(names, card) : kind === AM_ID_CARD ? concat(inLanguages(names, card), ", ", expires) : expires, ")")
  };
}

// `data`: the print data with `countries` (/api/v1/countries' names).
export function values(answers, data, rules, today, language) {
  var a = function (name) { return tidy(answers[name]); };
  var card = cardLanguages(language);
  var country = data.countries[a("person-citizenship")];
  var place = data.regions[a("stay-region")] || null;
  var pointNames = data.checkpoints[a("entry-checkpoint")] || data.other_checkpoint;
  var result = plan(answers, data, rules, today);
  var registration = result && result.obligations.length ? result.obligations[0] : null;
  var crossed = Object.prototype.hasOwnProperty.call(data.document_names, a("passport-document")) ? a("passport-document") : FOREIGN_PASSPORT;
  var latin = latinName(a, crossed), nameLatin = latin[0], transliterated = latin[1];
  var nameCyrillic = (a("person-surname_cyrillic") + " " + a("person-given_names_cyrillic")).trim();
  var marked = transliterated && nameLatin ? nameLatin + " (" + data.transliteration[language] + ")" : nameLatin;
  var entryDate = numeric(dateOf(answers, "entry-date"));
  var kind = a("host-kind");
  // The date a duty is due by: the earlier reading where the sources allow two (content.py).
  var due = registration ? numeric(registration.safe_by || registration.deadline) : "";
  var twoReadings = !!(registration && registration.safe_by);
  var leaveBy = result && result.stay && result.stay.leave_by ? result.stay.leave_by : null;
  var duty = registration === null ? "undated" : registration.kind === "self_registration" ? "self" : "notice";
  // As content.py warnings_in: those counted with the earlier stays only where they were answered.
  var warnings = result ? result.warnings.filter(function (w) {
    return data.document_warnings.indexOf(w.code) !== -1 && (staysKnown(answers) || data.stay_warnings.indexOf(w.code) === -1);
  }) : [];
  function warningsIn(l) { var words = wordsFor(data.words[l]); return warnings.map(words.warningText); }
  var citationIds = [];
  if (result && registration) {
    registration.sources.concat(result.stay ? result.stay.sources : []).forEach(function (id) {
      if (citationIds.indexOf(id) === -1) citationIds.push(id);
    });
  }
  var citations = citationIds.map(function (id) { return data.sources[id].host + " (" + data.sources[id].checked + ")"; });
  var ru = warningsIn("ru"), kk = warningsIn("kk");
  return Object.assign({
    warnings: ru.map(function (text, i) { return [text, kk[i]]; }),
    reader_warnings: warningsIn(language),
    name_latin: nameLatin,
    name_cyrillic: nameCyrillic,
    name_transliterated: transliterated,
    card_name: nameCyrillic ? (transliterated ? nameCyrillic + " / " + marked : nameLatin + " / " + nameCyrillic) : marked,
    patronymic: a("person-patronymic"),
    date_of_birth: numeric(dateOf(answers, "person-date_of_birth")),
    sex: data.sex[a("person-sex")] ? ruKk(data.sex[a("person-sex")]) : "",
    citizenship: ruKk(country),
    card_citizenship: inLanguages(country, card),
    entry_date: entryDate,
    checkpoint: ruKk(pointNames),
    card_entry: concat(entryDate, ", ", inLanguages(pointNames, card)),
    purpose: data.purposes[a("entry-purpose")] ? ruKk(data.purposes[a("entry-purpose")]) : "",
    host_kind: data.host_kinds[kind] ? ruKk(data.host_kinds[kind]) : "",
    host_name: a("host-name"),
    host_iin: a("host-iin"),
    host_bin: a("host-bin"),
    host_phone: a("host-phone"),
    show_iin: !!(a("host-iin") || (!a("host-bin") && kind === "person")),
    show_bin: !!(a("host-bin") || (!a("host-iin") && kind !== "person")),
    card_host: joined([a("host-name"), a("host-phone")]),
    region: place ? ruKk(place) : "",
    city: a("stay-city"),
    street: a("stay-street"),
    house: a("stay-house"),
    flat: a("stay-flat"),
    postcode: a("stay-postcode"),
    address: joined([place ? ruKk(place) : "", a("stay-city"), a("stay-street"), a("stay-house"), a("stay-flat")]),
    card_address: joined([place ? inLanguages(place, card) : "", a("stay-city"), a("stay-street"), a("stay-house"), a("stay-flat")]),
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
    deadline: due,
    deadline_sub: twoReadings ? ruKk(data.to_be_safe) : "",
    card_deadline: due + (twoReadings ? " (" + data.to_be_safe[language] + ")" : ""),
    leave_by: leaveBy && staysKnown(answers) ? numeric(leaveBy) : "",
    leave_by_unknown: !!(leaveBy && !staysKnown(answers)),
    citations: citations,
    made_on: numeric(today)
  }, passportValues(answers, a, crossed, data, card));
}


// The country a person types, found among every country's names: webapp/forms/country_match.py
// step by step (its golden corpus, tests/js/country-match.test.mjs, proves them equal). DOM-free.
// `data` is /api/v1/countries: {names: {code: {lang: name}}, order: {lang: [code]}, aliases:
// {code: [name]}, common: [code]}.
export const COUNTRY_MIN_PREFIX = 3;
export const COUNTRY_CLOSE = 0.8;

// Lower case letters and digits only, without accents (Python's normal()).
export function countryNormal(text) {
  return text.toLowerCase().replace(/ё/g, "е").normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");
}

function letters(text) { return Array.from(text); }

// Every normal name -> the codes it names, as Python's _names(): the names in each language, then
// the other names.
export function countryIndex(data) {
  var names = new Map();
  function add(name, code) {
    var key = countryNormal(name), codes = names.get(key) || [];
    if (codes.indexOf(code) === -1) codes.push(code);
    names.set(key, codes);
  }
  Object.keys(data.order).forEach(function (lang) {
    data.order[lang].forEach(function (code) { add(data.names[code][lang], code); });
  });
  Object.keys(data.aliases).forEach(function (code) { data.aliases[code].forEach(function (name) { add(name, code); }); });
  return { data: data, names: names, codes: new Set(Object.keys(data.names)) };
}

// The code `text` names, or null when it names none or several (Python's find_country).
export function findCountry(index, text) {
  var typed = countryNormal(text);
  if (!typed) return null;
  var code = text.trim().toUpperCase();
  if (index.codes.has(code)) return code;
  var exact = index.names.get(typed);
  if (exact) return exact.length === 1 ? exact[0] : null;
  if (letters(typed).length < COUNTRY_MIN_PREFIX) return null;
  var starting = new Set();
  index.names.forEach(function (codes, name) { if (name.startsWith(typed)) codes.forEach(function (c) { starting.add(c); }); });
  return starting.size === 1 ? starting.values().next().value : null;
}

// 1 less the share of letters to change to make `a` into `b`, when at least COUNTRY_CLOSE; else
// null (Python's _close and _distance, which say why the loop may stop early).
function close(a, b) {
  var longer = Math.max(a.length, b.length), most = 0;
  for (var d = 0; d <= longer; d++) if (1 - d / longer >= COUNTRY_CLOSE) most = d;
  if (Math.abs(a.length - b.length) > most) return null;
  var distance = lettersApart(a, b, most);
  return distance <= most ? 1 - distance / longer : null;
}
function lettersApart(a, b, most) {
  var rows = [];
  for (var i = 0; i <= a.length; i++) {
    var row = [i];
    for (var j = 1; j <= b.length; j++) {
      if (i === 0) { row.push(j); continue; }
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
    }
    rows.push(row);
    if (i > 0 && Math.min.apply(null, row) > most && Math.min.apply(null, rows[i - 1]) > most) return most + 1;
  }
  return rows[a.length][b.length];
}

// The codes of the countries `text` may name, best first (Python's matches(), which says why).
export function countryMatches(index, text, language, limit) {
  limit = limit === undefined ? 8 : limit;
  var typed = countryNormal(text);
  if (!typed) return [];
  var pinned = index.data.common, order = index.data.order[language], rank = {};
  order.forEach(function (code, i) { rank[code] = [pinned.indexOf(code) === -1 ? pinned.length : pinned.indexOf(code), i]; });
  var none = [pinned.length, order.length];
  function byRank(a, b) {
    var x = rank[a] || none, y = rank[b] || none;
    return x[0] - y[0] || x[1] - y[1];
  }
  var own = new Set(order.map(function (code) { return countryNormal(index.data.names[code][language]); }));
  var all = Array.from(index.names.keys()), short = letters(typed).length < COUNTRY_MIN_PREFIX;
  function codesOf(keys, test) {
    var out = new Set();
    keys.forEach(function (name) { if (test(name)) index.names.get(name).forEach(function (c) { out.add(c); }); });
    return out;
  }
  function starts(name) { return name.startsWith(typed); }
  function holds(name) { return !short && name.indexOf(typed) !== -1; }
  var exact = new Set(index.names.get(typed) || []), code = text.trim().toUpperCase();
  if (index.codes.has(code)) exact.add(code);
  var ownKeys = all.filter(function (name) { return own.has(name); });
  var groups = [exact, codesOf(ownKeys, starts), codesOf(all, starts), codesOf(ownKeys, holds), codesOf(all, holds)];
  var found = [];
  groups.forEach(function (group) {
    found = found.concat(Array.from(group).filter(function (c) { return found.indexOf(c) === -1; }).sort(byRank));
  });
  if (!found.length) {
    var scores = {};
    var typedLetters = letters(typed);
    index.names.forEach(function (codes, name) {
      var score = close(typedLetters, letters(name));
      if (score !== null) codes.forEach(function (c) { scores[c] = Math.max(score, scores[c] || 0); });
    });
    found = Object.keys(scores).sort(function (a, b) { return scores[b] - scores[a] || byRank(a, b); });
  }
  return found.slice(0, limit);
}

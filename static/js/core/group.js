// The twin of webapp/documents/group.py people() (its docstring says what it does); the
// documents' golden files prove both give the same.
export const OTHERS = "others";
const SHARED = ["stay", "host"];
const OTHER = /^others-(\d{1,6})-(.*)$/;

export function people(answers, most) {
  const first = {}, shared = {}, others = {};
  Object.keys(answers).forEach(function (key) {
    const value = answers[key], match = OTHER.exec(key);
    if (key.indexOf(OTHERS + "-") === 0) {
      if (match) (others[+match[1]] = others[+match[1]] || {})[match[2]] = value;
    } else if (SHARED.indexOf(key.split("-")[0]) >= 0) shared[key] = value;
    else first[key] = value;
  });
  const adults = [first].concat(otherIndices(answers).slice(0, most - 1).map(function (n) { return others[n]; }));
  return adults.map(function (adult) { return Object.assign({}, adult, shared); });
}

// The indices n of the other adults' rows (others-<n>-…) in `answers`, in the order people() takes them.
export function otherIndices(answers) {
  const seen = {};
  Object.keys(answers).forEach(function (key) { const match = OTHER.exec(key); if (match) seen[+match[1]] = true; });
  return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
}

// One person's name as the phone titles them (the summary, the host's codes): Latin, else Cyrillic.
export function personName(answers) {
  function joined(surname, given) { return ((answers[surname] || "").trim() + " " + (answers[given] || "").trim()).trim(); }
  return joined("person-surname_latin", "person-given_names_latin") || joined("person-surname_cyrillic", "person-given_names_cyrillic");
}

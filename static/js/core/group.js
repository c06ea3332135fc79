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
  const adults = [first].concat(Object.keys(others).map(Number).sort(function (a, b) { return a - b; })
    .slice(0, most - 1).map(function (n) { return others[n]; }));
  return adults.map(function (adult) { return Object.assign({}, adult, shared); });
}

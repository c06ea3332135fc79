// The phone's side of tests/test_one_plan.py: for each case the test drew, what the phone's modules
// give offline — the plan (core/evaluator.js), the result page's step titles and dated steps' days left
// (core/explain.js), the calendar file (core/calendar.js) and the documents' dated values
// (core/document-values.js). Reads the cases file named on the command line (JSON: the rules, each
// language's words, the print data and the cases) and writes one JSON line per case.
import { readFileSync } from "node:fs";

import { evaluate } from "../../static/js/core/evaluator.js";
import { explainer } from "../../static/js/core/explain.js";
import { calendarText } from "../../static/js/core/calendar.js";
import { values } from "../../static/js/core/document-values.js";

const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const explainers = Object.fromEntries(Object.entries(input.words).map(([language, data]) => [language, explainer(data)]));
const STAMP = new Date(Date.UTC(2026, 8, 1));

for (const item of input.cases) {
  const plan = evaluate(item.plan_answers, input.rules);
  const explained = explainers[item.language];
  const result = explained.result(plan, item.plan_answers);
  const ics = plan.group ? await calendarText(plan, item.plan_answers, explained, input.words[item.language], STAMP) : null;
  const documents = item.documents_answers
    ? values(item.documents_answers, input.print, input.rules, item.plan_answers.today, item.language) : null;
  process.stdout.write(JSON.stringify({
    name: item.name,
    plan,
    dated: result.steps.filter((step) => step.tag).map((step) => [step.title, step.tag.text]),
    steps: result.steps.map((step) => step.title),
    ics,
    documents: documents && { deadline: documents.deadline, card_deadline: documents.card_deadline, leave_by: documents.leave_by },
  }) + "\n");
}

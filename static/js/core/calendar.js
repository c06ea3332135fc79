// A plan's calendar file (.ics), byte for byte as webapp/deadlines/calendar_file.py writes it.
import { daysBetween, isoPlus } from "./explain.js";

function icsText(text) { return text.replace(/[\\;,\n]/g, (c) => "\\" + (c === "\n" ? "n" : c)); }
// As icalendar folds: under 75 octets, never splitting a character or an escape.
function fold(line) {
  const pieces = [];
  let piece = [], width = 0;
  Array.from(line).forEach((c) => {
    const code = c.codePointAt(0), size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (piece.length && width + size >= 75) {
      const carried = piece.length > 1 && (piece[piece.length - 1] === "\\" || piece[piece.length - 1] === "^") ? [piece.pop()] : [];
      pieces.push(piece.join(""));
      piece = carried;
      width = carried.length; // "\\" or "^": one octet
    }
    piece.push(c);
    width += size;
  });
  if (piece.length) pieces.push(piece.join(""));
  return pieces.join("\r\n ") + "\r\n";
}
function icsDate(iso) { return iso.replace(/-/g, ""); }

async function uid(parts) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("|")));
  return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 24) + "@tirkeu";
}

// `explained`: explainer(data) of the language; `stamp`: when the file is made (a Date), as DTSTAMP.
export async function calendarText(plan, answers, explained, data, stamp) {
  const _ = explained._;
  const sourceLine = (id) => {
    const source = data.sources[id];
    return _("Source: %(title)s, %(url)s (checked %(date)s)", { title: source.title, url: source.url, date: source.checked });
  };
  // As calendar_file.py remind_before: never before the day of entry, never in the past.
  const earliest = answers.today > answers.entry_date ? answers.today : answers.entry_date;
  const remind = (day) => Math.max(0, Math.min(data.reminder_days, daysBetween(day, earliest)));
  const lastDay = plan.stay ? plan.stay.leave_by : null;
  const events = [];
  // A stay that has ended: nothing ahead to remind of (calendar_file.py; the page offers no file then).
  // One event today for every warning that asks to act now (calendar_file.py ACT_NOW_WARNINGS), while in Kazakhstan.
  const urgent = plan.ended ? [] : plan.warnings.filter((w) => data.act_now_warnings.includes(w.code)).map((w) => explained.warningText(w));
  if (urgent.length && answers.today >= answers.entry_date) {
    events.push({ parts: ["act_now"], day: answers.today, summary: _("Act now: contact the migration police or call 1414"),
                  description: urgent.join("\n\n"), remind: 0 });
  }
  if (!plan.ended) plan.obligations.forEach((o) => {
    if (!o.deadline || o.kind === "residence_permit" || o.deadline < answers.today) return;
    // The date shown (the earlier reading); once it has passed, today, while the later one has not.
    const shown = o.safe_by || o.deadline, day = shown > answers.today ? shown : answers.today;
    if (lastDay && day > lastDay) return;
    const lines = (o.safe_by ? explained.safeByLines(o) : []).concat(explained.obligationSteps(o, answers.accommodation));
    lines.push(sourceLine(o.sources[0]));
    events.push({ parts: [o.kind, o.deadline], day: day, summary: explained.obligationTitle(o, answers.accommodation),
                  description: lines.join("\n\n"), remind: remind(day) });
  });
  if (!plan.ended && lastDay && lastDay >= answers.today) {
    const permit = plan.obligations.some((o) => o.kind === "residence_permit");
    events.push({ parts: ["leave_by", lastDay], day: lastDay,
                  summary: _("Leave Kazakhstan by %(date)s", { date: explained.longDate(lastDay) }),
                  description: [permit ? _("This is the last day you may stay. To stay longer you need a temporary residence permit before this date; an application in progress does not extend your stay.")
                                       : _("This is the last day you may stay."), sourceLine(plan.stay.sources[0])].join("\n\n"),
                  remind: remind(lastDay) });
  }
  const when = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  // In icalendar's order.
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tirkeu//Deadlines//" + data.language.toUpperCase(), "CALSCALE:GREGORIAN",
                 "X-WR-CALNAME:" + icsText(_("Tirkeu: my deadlines in Kazakhstan"))];
  for (const e of events) {
    lines.push("BEGIN:VEVENT", "SUMMARY:" + icsText(e.summary), "DTSTART;VALUE=DATE:" + icsDate(e.day),
               "DTEND;VALUE=DATE:" + icsDate(isoPlus(e.day, 1)), "DTSTAMP:" + when,
               "UID:" + await uid([plan.rule_set, answers.entry_date].concat(e.parts)),
               "DESCRIPTION:" + icsText(e.description), "TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY",
               "DESCRIPTION:" + icsText(e.summary), "TRIGGER:" + (e.remind ? "-P" + e.remind + "D" : "P0D"),
               "END:VALARM", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("");
}

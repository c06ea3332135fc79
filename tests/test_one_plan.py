"""One case, one plan: for a seeded draw of cases (earlier stays, days of leaving, entries in every
rule period, every nationality group, "today" before, during and long after the stay), each date of
the person's plan appears, the same, in every output: the result page (its dated steps and their tags,
in date order), the plan API, the calendar file, each document (as WeasyPrint lays it out, and for a
sample the PDF's own text), and the phone's modules offline (tests/js/phone-plan.mjs: the evaluator,
the result page, the calendar file and the documents' values) give exactly what the server gives.

The dates a person acts on are the plan's: the registration's headline date (the safe, earlier
reading where the sources allow two) and the last day of stay. The test knows nothing of how they are
counted: it takes them from `evaluate` and checks that every output agrees with it and with the
others; that the calendar file holds no day outside the stay allowed or already past (what is due
now is one "Act now" event today, the only one after a last day allowed); that every document
printing the plan's dates prints the last day, and where the earlier stays were not answered none
does and each says why.
"""
from __future__ import annotations

import dataclasses
import json
import random
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import render_template
from flask_babel import gettext as _
from markupsafe import escape
from werkzeug.datastructures import MultiDict

from webapp.api.plan import read_plan_request
from webapp.case import carried
from webapp.deadlines.explain import URGENT_WARNINGS, due_date
from webapp.deadlines.offline_data import offline_data
from webapp.documents.answers import AnswersForm
from webapp.documents.catalog import DOCUMENTS
from webapp.documents.content import LABELS, document_context, document_values, in_language
from webapp.documents.print_data import country_names, print_data
from webapp.documents.views import document_pdf
from webapp.golden.deadlines import answers_json, random_cases, to_json
from webapp.rules import NotCovered, Stay, evaluate
from webapp.rules.export import rules_json
from webapp.web.i18n import LANGUAGES, force_language, long_date

from .test_documents_pdf import pdf_text

ROOT = Path(__file__).resolve().parent.parent
SEED = 18
COUNT = 1500  # drawn; those the rules do not cover (a citizen, an entry before the first rules) are left out
PDF_SAMPLE = 24  # of them, rendered to PDF and read back
UNANSWERED_SAMPLE = 150  # of them, made again with the earlier stays left unanswered
# The documents that print the plan's dates (the IIN visit sheet is for the visit to the ЦОН: no date of the plan).
DATED = ("registration-sheet", "host-sheet", "card")
# A date as the documents print it, whole: "08.11.2026" is not read inside "18.11.2026" or "108.11.20261".
NUMERIC = re.compile(r"(?<![\d.])\d{2}\.\d{2}\.\d{4}(?!\d)")
EVENT = re.compile(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", re.S)


def headline(obligation):
    """The date a person is told to act by: the safe, earlier reading where there is one."""
    return due_date(obligation)


def plan_dates(plan) -> dict:
    """The plan's dates every output must show: the registration's and the last day of stay."""
    dates = {}
    if plan.group:
        registration = plan.obligations[0]
        dates["registration"] = headline(registration)
        if plan.stay and plan.stay.leave_by:
            dates["leave_by"] = plan.stay.leave_by
    return dates


def nearly_used_up(rng: random.Random, answers):
    """The same case after a long earlier stay that ended shortly before this entry, so that little
    of the 90 days is left: the last day allowed then often comes before the registration deadline."""
    last = answers.entry_date - timedelta(days=rng.randint(1, 60))
    first = last - timedelta(days=rng.randint(60, 89))
    return dataclasses.replace(answers, previous_stays=(Stay(first, last),))


def draw_cases() -> list[dict]:
    rng = random.Random(SEED)
    drawn = []
    for name, answers in random_cases(COUNT, seed=SEED):
        if rng.random() < 0.15:
            answers = nearly_used_up(rng, answers)
        try:
            plan = evaluate(answers)
        except NotCovered:
            continue
        if read_plan_request(answers_json(answers), answers.today)[1]:
            continue  # outside what the questions accept (a day of leaving more than a year ahead)
        drawn.append({"name": name, "answers": answers, "plan": plan, "language": rng.choice(LANGUAGES)})
    return drawn


CASES = draw_cases()


def deadlines_fields(answers) -> list[tuple[str, str]]:
    """The answers as the questions page sends them (GET), field by field."""
    fields = [("citizenship", answers.citizenship), ("today", answers.today.isoformat())]

    def day(name: str, value: date | None) -> None:
        if value:
            fields.extend([(f"{name}-day", str(value.day)), (f"{name}-month", str(value.month)),
                           (f"{name}-year", str(value.year))])

    day("entry_date", answers.entry_date)
    day("exit_date", answers.exit_date)
    for i, stay in enumerate(answers.previous_stays):
        day(f"s-{i}-entry", stay.entry)
        day(f"s-{i}-exit", stay.exit)
    fields.append(("earlier_stays", "yes" if answers.previous_stays else "no"))
    if answers.checkpoint:
        fields.append(("checkpoint", answers.checkpoint))
    fields.append(("accommodation", answers.accommodation or "unknown"))
    return fields


def deadlines_query(answers) -> str:
    return urlencode(deadlines_fields(answers))


def documents_answers(answers) -> dict:
    """The same case in the documents' fields: the parts of the case as "Prepare my documents" carries
    them from "My deadlines" (webapp/case.py: citizenship, entry, checkpoint, day of leaving, earlier
    stays, where one stays as the kind of host), and what the documents ask besides — a person, a
    passport and an address valid on the case's day, and a host where the case has none to carry (no
    place yet, not answered): the person answers that question there; it changes no date."""
    today = answers.today

    def day(name: str, value: date) -> dict:
        return {f"{name}-day": str(value.day), f"{name}-month": str(value.month), f"{name}-year": str(value.year)}

    fields = {
        "person-surname_latin": "IVANOV", "person-given_names_latin": "IVAN", "person-sex": "male",
        **day("person-date_of_birth", today - timedelta(days=30 * 365)),
        "passport-number": "75 1234567", **day("passport-issued", today - timedelta(days=400)),
        **day("passport-expires", today + timedelta(days=5 * 365)),
        "entry-checkpoint": "other", "entry-purpose": "private", "stay-region": "west_kazakhstan", "stay-city": "Уральск",
        "stay-street": "ул. Әбілқайыр хана", "stay-house": "12", "host-kind": "person", "host-name": "Қуанышбаева Әйгерім",
    }
    return fields | carried(dict(deadlines_fields(answers)), "deadlines", "documents")


def says_date(text: str, day: str) -> bool:
    """Whether `text` gives the date `day` (as written on the page) as a whole: "8 November 2026" is
    not said by "18 November 2026"."""
    return re.search(rf"(?<!\w){re.escape(day)}(?!\w)", text) is not None


def dated_steps(html: str) -> list[tuple[str, str]]:
    """The steps with a date and days left of their own (the registration's, the last day's), as
    (title, tag): the steps are the key dates, no box says them again."""
    return [(re.sub(r"<[^>]+>", "", title).strip(), tag.strip()) for title, tag in
            re.findall(r'<h2 class="step-title">((?:(?!</h2>).)*)</h2>\s*<p class="tag[^"]*"[^>]*>(.*?)</p>', html, re.S)]


def key_dates(html: str, days: list[str]) -> list[str]:
    """Which of `days` (as written on the page) the dated steps' titles give."""
    return [day for day in days if any(says_date(title, day) for title, _tag in dated_steps(html))]


def step_titles(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", title).strip() for title in re.findall(r'<h2 class="step-title">(.*?)</h2>', html, re.S)]


def events(ics: str) -> list[tuple[date, str]]:
    found = []
    for body in EVENT.findall(ics.replace("\r\n ", "")):
        start = re.search(r"^DTSTART;VALUE=DATE:(\d{8})", body, re.M).group(1)
        summary = re.search(r"^SUMMARY:(.*)$", body, re.M).group(1).rstrip("\r")
        found.append((date(int(start[:4]), int(start[4:6]), int(start[6:])), summary))
    return found


@pytest.fixture(scope="module")
def outputs(app):
    """What the server gives for every case: the page, the calendar file, the API's plan, the
    documents' values and text; and what the phone gives for the same cases."""
    client = app.test_client()
    results = []
    for case in CASES:
        answers, language = case["answers"], case["language"]
        query = deadlines_query(answers)
        page = client.get(f"/{language}/deadlines/plan?{query}")
        ics = client.get(f"/{language}/deadlines/plan.ics?{query}") if case["plan"].group else None
        api = client.post("/api/v1/plan", json=answers_json(answers), headers={"Accept-Language": language})
        documents = documents_answers(answers) if case["plan"].group else None
        values, texts = None, {}
        if documents is not None:
            with app.test_request_context(f"/{language}/documents/check"), force_language(language):
                form = AnswersForm(MultiDict(documents), today=answers.today)
                invalid = form.invalid_steps()
                if not invalid:
                    values = document_values(form, language)
                    for document in DOCUMENTS:
                        html = render_template(document.template, document=document, **document_context(form, language))
                        texts[document.name] = html
            case["documents_invalid"] = invalid
        results.append({"case": case, "page": page, "ics": ics, "api": api, "documents": documents,
                        "values": values, "texts": texts})
    return {"server": results, "phone": phone_outputs(app, results)}


def phone_outputs(app, results: list[dict]) -> dict:
    """Runs tests/js/phone-plan.mjs on every case, with the data the phone's pages give it."""
    with app.test_request_context("/"):
        words = {}
        for language in LANGUAGES:
            with force_language(language):
                words[language] = offline_data(language)
        data = {**print_data(), "countries": country_names()["names"]}
        rules = json.loads(rules_json())
    cases = [{"name": r["case"]["name"], "language": r["case"]["language"], "plan_answers": answers_json(r["case"]["answers"]),
              "documents_answers": r["documents"] if r["values"] is not None else None} for r in results]
    path = ROOT / "build" / "one-plan-cases.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"rules": rules, "words": words, "print": data, "cases": cases}, ensure_ascii=False),
                    encoding="utf-8")
    run = subprocess.run(["node", str(ROOT / "tests" / "js" / "phone-plan.mjs"), str(path)],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    return {line["name"]: line for line in map(json.loads, run.stdout.splitlines())}


def test_the_draw_covers_what_the_issue_names():
    """The cases are the hard ones: earlier stays, days of leaving before and after today, stays that
    ended, a last day before the registration deadline, every rule period, visas."""
    plans = [(c["answers"], c["plan"]) for c in CASES]
    assert len(plans) >= 1000
    assert sum(1 for a, _ in plans if a.previous_stays) >= 300
    assert sum(1 for a, _ in plans if a.exit_date and a.exit_date < a.today) >= 100
    assert sum(1 for a, _ in plans if a.exit_date and a.exit_date >= a.today) >= 100
    assert sum(1 for _, p in plans if p.group is None) >= 50
    assert len({p.rule_set for _, p in plans}) >= 3
    assert sum(1 for _, p in plans if p.group and p.stay.leave_by and p.stay.leave_by < p.obligations[0].deadline) >= 20


def test_the_result_page_shows_the_plans_dates_in_order(app, outputs):
    for result in outputs["server"]:
        case, page = result["case"], result["page"]
        assert page.status_code == 200, (case["name"], page.status_code)
        html = page.get_data(as_text=True)
        with app.test_request_context(f"/{case['language']}/"), force_language(case["language"]):
            expected = {kind: long_date(day) for kind, day in plan_dates(case["plan"]).items()}
        shown = key_dates(html, list(expected.values()))
        assert shown == list(expected.values()) and len(dated_steps(html)) == len(expected), \
            (case["name"], dated_steps(html), expected)
        # Steps in date order: the dated titles' dates never go back.
        dated = [day for title in step_titles(html)
                 for kind, day in plan_dates(case["plan"]).items() if says_date(title, expected[kind])]
        assert dated == sorted(dated), (case["name"], step_titles(html))


def test_the_api_gives_the_plans_dates(outputs):
    for result in outputs["server"]:
        case, body = result["case"], result["api"].get_json()
        plan = case["plan"]
        assert result["api"].status_code == 200, (case["name"], body)
        if not plan.group:
            assert body["obligations"] == [] and body["stay"] is None, case["name"]
            continue
        registration = body["obligations"][0]
        assert registration["date"] == plan_dates(plan)["registration"].isoformat(), case["name"]
        leave_by = plan.stay.leave_by.isoformat() if plan.stay.leave_by else None
        assert body["stay"]["leave_by"] == leave_by, case["name"]


def test_the_calendar_file_reminds_only_of_the_plans_days_within_the_stay(app, outputs):
    """One rule (webapp/deadlines/calendar_file.py, docs/design.md "Dates as a person sees them"): the
    file holds the plan's days still ahead within the stay allowed — none before today, none before
    the day of entry, none after the last day allowed — and each of those days is there. What is due
    now is not a day to remember: one "Act now" event, today, while the person is in Kazakhstan and
    the plan asks to act now (a date missed, a stay past its last day, a limit used up on entry);
    it is the only event after the last day allowed, so an overstay gets no day invented ahead. A
    stay that has ended has nothing ahead: no event."""
    for result in outputs["server"]:
        case = result["case"]
        if result["ics"] is None:
            continue
        answers, plan = case["answers"], case["plan"]
        with app.test_request_context(f"/{case['language']}/"), force_language(case["language"]):
            act_now = _("Act now: contact the migration police or call 1414")
        dates = plan_dates(plan)
        found = events(result["ics"].get_data(as_text=True))
        if plan.ended:
            assert found == [], (case["name"], "a stay that has ended", found)
            continue
        urgent = [(day, summary) for day, summary in found if summary == act_now]
        must_act = answers.today >= answers.entry_date and any(w.code in URGENT_WARNINGS for w in plan.warnings)
        assert urgent == ([(answers.today, act_now)] if must_act else []), (case["name"], found)
        last = plan.stay.leave_by if plan.stay and plan.stay.leave_by else None
        for day, summary in found:
            if summary == act_now:
                continue
            assert day >= answers.today, (case["name"], "a reminder in the past", day, summary)
            assert day >= answers.entry_date, (case["name"], "a reminder before the entry", day, summary)
            if last:
                assert day <= last, (case["name"], "a reminder after the last day allowed", day, summary)
        days = {day for day, summary in found if summary != act_now}
        for kind, day in dates.items():
            if day >= answers.today and (last is None or day <= last):
                assert day in days, (case["name"], kind, day, found)


def _document_dates(text: str) -> set[str]:
    return set(NUMERIC.findall(re.sub(r"<[^>]+>", " ", text)))


def _known_dates(values: dict, answers) -> set[str]:
    """The dates a document may print besides the plan's: the person's own, the day it was made,
    the "checked" dates of the plan's sources and of the documents' own (their footers)."""
    from webapp.documents.catalog import DOCUMENTS
    from webapp.rules import rule_book

    known = {values["date_of_birth"], values["passport_issued"], values["passport_expires"], values["entry_date"],
             values["made_on"]}
    sources = rule_book().sources
    known |= {".".join(reversed(sources[i]["checked"].split("-"))) for document in DOCUMENTS for i in document.sources}
    known |= {child["date_of_birth"] for child in values["children"]}
    known |= {match for citation in values["citations"] for match in NUMERIC.findall(citation)}
    known |= {day.strftime("%d.%m.%Y") for stay in answers.previous_stays for day in (stay.entry, stay.exit)}
    if answers.exit_date:
        known.add(answers.exit_date.strftime("%d.%m.%Y"))
    return known


def _plan_known(plan) -> set[str]:
    """The plan's other dates a document may print beside its headline dates (the later reading)."""
    return {o.deadline.strftime("%d.%m.%Y") for o in plan.obligations if o.deadline}


def test_every_document_prints_the_plans_dates(outputs):
    checked = 0
    for result in outputs["server"]:
        case, values = result["case"], result["values"]
        if result["documents"] is None:
            continue
        assert values is not None, (case["name"], case["documents_invalid"])
        dates = {kind: day.strftime("%d.%m.%Y") for kind, day in plan_dates(case["plan"]).items()}
        assert values["deadline"] == dates["registration"], case["name"]
        assert values["card_deadline"].startswith(dates["registration"]), case["name"]
        assert values["leave_by"] == dates.get("leave_by", ""), case["name"]
        allowed = _known_dates(values, case["answers"]) | set(dates.values()) | _plan_known(case["plan"])
        for name, html in result["texts"].items():
            printed = _document_dates(html)
            assert printed <= allowed, (case["name"], name, printed - allowed)
            if name in DATED:
                assert dates["registration"] in printed, (case["name"], name)
                assert "leave_by" not in dates or dates["leave_by"] in printed, (case["name"], name)
        checked += 1
    assert checked >= 900


def test_the_pdfs_text_has_the_plans_dates(app, outputs):
    """A sample rendered by WeasyPrint and read back, as a person opening the PDF would."""
    rng = random.Random(SEED)
    sample = rng.sample([r for r in outputs["server"] if r["values"] is not None], PDF_SAMPLE)
    for result in sample:
        case = result["case"]
        dates = {kind: day.strftime("%d.%m.%Y") for kind, day in plan_dates(case["plan"]).items()}
        allowed = _known_dates(result["values"], case["answers"]) | set(dates.values()) | _plan_known(case["plan"])
        with app.test_request_context(f"/{case['language']}/documents/check"), force_language(case["language"]):
            form = AnswersForm(MultiDict(result["documents"]), today=case["answers"].today)
            for name in DATED:
                text = pdf_text(document_pdf(name, form, case["language"]))
                printed = set(NUMERIC.findall(text))
                assert dates["registration"] in printed, (case["name"], name)
                assert printed <= allowed, (case["name"], name, printed - allowed)
                assert "leave_by" not in dates or dates["leave_by"] in printed, (case["name"], name)


def test_the_phone_gives_what_the_server_gives(outputs):
    """Offline, the phone's modules: the same plan, dated steps and days left, step titles, calendar and documents."""
    stamp = re.compile(r"^DTSTAMP:\d{8}T\d{6}Z\r$", re.M)
    for result in outputs["server"]:
        case = result["case"]
        phone = outputs["phone"][case["name"]]
        assert phone["plan"] == to_json(case["plan"]), case["name"]
        html = result["page"].get_data(as_text=True)
        assert [tuple(d) for d in phone["dated"]] == dated_steps(html), case["name"]
        assert phone["steps"] == step_titles(html), case["name"]
        if result["ics"] is not None:
            server = stamp.sub("DTSTAMP:X\r", result["ics"].get_data(as_text=True))
            assert stamp.sub("DTSTAMP:X\r", phone["ics"]) == server, case["name"]
        if result["values"] is not None:
            assert phone["documents"] == {key: result["values"][key] for key in ("deadline", "card_deadline", "leave_by")}, \
                case["name"]


def test_a_case_without_earlier_stays_answered_prints_no_last_day(app, outputs):
    """"Not answered" is not "none": with the earlier stays left unanswered, no document prints a last
    day of stay (neither the plan's nor one counted without those stays), and each document that
    prints the plan's dates says why, in its languages, and where to answer."""
    sample = [r for r in outputs["server"] if r["values"] is not None and r["values"]["leave_by"]][:UNANSWERED_SAMPLE]
    assert len(sample) == UNANSWERED_SAMPLE
    for result in sample:
        case, answers = result["case"], result["case"]["answers"]
        documents = {key: value for key, value in result["documents"].items()
                     if key != "earlier_stays" and not key.startswith("previous_stays-")}
        language = case["language"]
        with app.test_request_context(f"/{language}/documents/check"), force_language(language):
            form = AnswersForm(MultiDict(documents), today=answers.today)
            assert form.invalid_steps() == [], case["name"]
            values = document_values(form, language)
            assert values["leave_by"] == "" and values["leave_by_unknown"], case["name"]
            context = document_context(form, language)
            unanswered = dataclasses.replace(answers, previous_stays=())
            last_days = {d.strftime("%d.%m.%Y") for d in (case["plan"].stay.leave_by, evaluate(unanswered).stay.leave_by) if d}
            known = _known_dates(values, answers) | {values["deadline"]} | _plan_known(case["plan"])
            for document in DOCUMENTS:
                html = render_template(document.template, document=document, **context)
                printed = _document_dates(html)
                assert not (printed & last_days) - known, (case["name"], document.name, printed & last_days)
                for text in (LABELS["leave_by"], LABELS["leave_by_unknown"]):
                    said = [in_language(text, lang) for lang in ("ru", "kk")]
                    if text is LABELS["leave_by"]:
                        assert not any(f">{s}<" in html for s in said), (case["name"], document.name, "a last day's row")
                    elif document.name in DATED:
                        assert all(escape(s) in html for s in said), (case["name"], document.name, "not why")


def test_ended_stays_and_the_issues_cases_are_in_the_draw():
    """The draw holds a stay that ended in time long ago (2022) and one that ended last month."""
    ended = [c for c in CASES if c["answers"].exit_date and c["answers"].exit_date < c["answers"].today - timedelta(days=30)]
    assert any(c["answers"].entry_date.year <= 2022 for c in ended)
    assert any(c["answers"].entry_date.year >= 2026 for c in ended)

"""Where the person stays changes the registration step (rules/data/accommodation.json): the result
page, in each language, and the API's plan say who acts and what each kind of place does."""
from __future__ import annotations

import re
from datetime import date

import pytest

from webapp.rules import PlanInput, evaluate, rule_book
from webapp.rules.check import Report, check_accommodation

from .html_checks import parse

# One entry in each rule period: 2020 rules (a Russian citizen), 2023 rules (a Kyrgyz citizen), the
# 2026 rules for EAEU citizens (Belarusian: self-registration) and for a 30-day visitor (German).
ENTRIES = {
    "2020": "citizenship=RU&entry_date-day=4&entry_date-month=10&entry_date-year=2022&today=2022-10-04",
    "2023": "citizenship=KG&entry_date-day=9&entry_date-month=9&entry_date-year=2024&today=2024-09-09",
    "2026": "citizenship=BY&entry_date-day=1&entry_date-month=9&entry_date-year=2026&today=2026-09-01",
    "2026-30": "citizenship=DE&entry_date-day=8&entry_date-month=9&entry_date-year=2026&today=2026-09-08",
}
# The date shown: the earlier of the two readings (the later one is under "Why this date?").
DEADLINES = {"2020": "6 October 2022", "2023": "11 September 2024", "2026": "30 September 2026", "2026-30": "10 September 2026"}
HOST_PERIODS = ("2020", "2023", "2026-30")

# What the page says for each place under rules where the host notifies (in English).
HOST_STEPS = {
    "private": ["Your host must notify the migration police by {date}",
                "The host notifies the migration police in one of three ways",
                "IIN for a person, BIN for a company."],
    "hotel": ["The hotel must notify the migration police by {date}",
              "Hotels notify for their guests.",
              "At check-in the hotel takes your passport details and notifies online"],
    "employer": ["Your employer must notify the migration police by {date}",
                 "The company that employs and houses you notifies for you",
                 "the notice carries the company's BIN."],
    "dormitory": ["The dormitory must notify the migration police by {date}",
                  "for students, the university's international office files the notice.",
                  "Students: take your passport to the international office as soon as you arrive."],
    "none": ["Whoever houses you must notify the migration police by {date}",
             "The deadline counts from the day you crossed the border, whether or not you have a place yet.",
             "Our sources do not say what to do while you have no host"],
}
# And where the person registers themselves (the 2026 rules, EAEU citizens).
SELF_STEPS = {
    "private": ["Register online by {date}",
                "The owner of the home gets a message in a mobile app and confirms or refuses.",
                "If the owner refuses, stay somewhere else"],
    "hotel": ["Register online by {date}",
              "In a hotel, rest house or sanatorium you register yourself too, with its address; the hotel confirms",
              "Our sources do not say whether a hotel may register its guests for them."],
    "employer": ["Register online by {date}",
                 "Give the address of the housing your employer provides; the employer confirms in the mobile app",
                 "Our sources do not say whether an employer may register its workers for them."],
    "dormitory": ["Register online by {date}",
                  "Give the dormitory's address; its administration confirms in the mobile app.",
                  "Our sources do not say whether universities still register their students under these rules"],
    "none": ["Find a place to stay and register online by {date}",
             "The deadline counts from the day you crossed the border, whether or not you have a place yet.",
             "Our sources do not say what happens if you have no place by then."],
}


def page_text(client, lang: str, period: str, place: str | None) -> str:
    query = ENTRIES[period] + (f"&accommodation={place}" if place else "")
    response = client.get(f"/{lang}/deadlines/plan?{query}")
    assert response.status_code == 200
    return parse(response.get_data(as_text=True)).plain_text


def cases():
    for period in HOST_PERIODS:
        for place, lines in HOST_STEPS.items():
            yield period, place, lines
    for place, lines in SELF_STEPS.items():
        yield "2026", place, lines


@pytest.mark.parametrize("period, place, lines", list(cases()))
def test_each_place_has_its_own_steps_in_each_period(client, period, place, lines):
    text = page_text(client, "en", period, place)
    for line in lines:
        assert line.format(date=DEADLINES[period]) in text
    # And none of another place's own lines.
    steps = SELF_STEPS if period == "2026" else HOST_STEPS
    for other, other_lines in steps.items():
        if other != place and other_lines[1] not in lines:
            assert other_lines[1] not in text, other


# Who acts, as the first step's title names it (the steps are the result's key dates).
WHO_ACTS = {"private": "Your host must notify the migration police by", "hotel": "The hotel must notify the migration police by",
            "employer": "Your employer must notify the migration police by",
            "dormitory": "The dormitory must notify the migration police by",
            "none": "Whoever houses you must notify the migration police by"}


@pytest.mark.parametrize("place", sorted(WHO_ACTS))
def test_the_first_step_names_who_acts(client, place):
    html = client.get(f"/en/deadlines/plan?{ENTRIES['2023']}&accommodation={place}").get_data(as_text=True)
    titles = [title.strip() for title in re.findall(r'<h2 class="step-title">([^<]*)</h2>', html)]
    assert titles[0].startswith(WHO_ACTS[place]) and titles[1].startswith("Leave Kazakhstan by"), titles
    html = client.get(f"/en/deadlines/plan?{ENTRIES['2026']}&accommodation={place}").get_data(as_text=True)
    first = re.findall(r'<h2 class="step-title">([^<]*)</h2>', html)[0]
    assert first.startswith(("Register online by", "Find a place to stay and register online by")), first  # the person registers


@pytest.mark.parametrize("lang, period, place, expected", [
    ("ru", "2023", "hotel", ["Гостиница должна уведомить миграционную полицию не позднее 11 сентября 2024",
                             "При заселении гостиница берёт данные вашего паспорта"]),
    ("kk", "2023", "hotel", ["Қонақүй көші-қон полициясына хабарлауы тиіс. Соңғы мерзім: 2024 ж. 11 қыркүйек",
                             "Қонақүйге орналасқанда қонақүй төлқұжатыңыздың деректерін алады"]),
    ("ru", "2020", "dormitory", ["Общежитие должно уведомить миграционную полицию не позднее 6 октября 2022",
                                 "Студентам: сразу по приезде отнесите паспорт в международный отдел."]),
    ("kk", "2020", "employer", ["Жұмыс беруші", "Сізді жұмысқа алған және тұрғын үй берген компания сіз үшін хабарлама береді"]),
    ("ru", "2026-30", "none", ["Тот, кто предоставит вам жильё, должен уведомить миграционную полицию не позднее 10 сентября",
                               "Наши источники не говорят, что делать, пока принимающей стороны нет"]),
    ("ru", "2026", "hotel", ["Зарегистрируйтесь онлайн", "В гостинице, доме отдыха или санатории вы тоже регистрируетесь сами"]),
    ("kk", "2026", "dormitory", ["Жатақхананың мекенжайын көрсетіңіз; оның әкімшілігі мобильді қосымшада растайды.",
                                 "университеттер өз студенттерін әлі де тіркей ме — біздің дереккөздер айтпайды"]),
    ("kk", "2026", "none", ["Тұратын жер тауып, онлайн тіркеліңіз. Соңғы мерзім: 2026 ж. 30 қыркүйек",
                            "Мерзім тұратын жеріңіз бар-жоғына қарамастан, шекарадан өткен күннен басталады."]),
    ("ru", "2026", "employer", ["работодатель подтверждает регистрацию в мобильном приложении"]),
])
def test_the_steps_are_in_russian_and_kazakh(client, lang, period, place, expected):
    text = page_text(client, lang, period, place)
    for line in expected:
        assert line in text


def test_not_answered_keeps_the_general_steps(client):
    text = page_text(client, "en", "2023", None)
    assert "Your host must notify the migration police by 11 September 2024" in text
    assert "The host notifies the migration police in one of three ways" in text
    text = page_text(client, "en", "2026", None)
    assert "Register online by 30 September 2026" in text and "The owner of the home gets a message" in text


def test_the_old_answer_i_dont_know_yet_is_no_answer(client):
    text = page_text(client, "en", "2023", "unknown")
    assert "Your host must notify the migration police by 11 September 2024" in text
    assert "Choose where you are staying from the list" not in text


def test_the_question_offers_every_kind_of_place(client):
    html = client.get("/en/deadlines/").get_data(as_text=True)
    text = parse(html).plain_text
    for value, label in [("private", "A flat or house of a private owner"), ("hotel", "A hotel, hostel or sanatorium"),
                         ("employer", "Housing from my employer"), ("dormitory", "A dormitory: a student or workers' hostel"),
                         ("none", "No place to stay yet, or not decided")]:
        assert f'value="{value}"' in html and label in text
    assert "I don't know yet" not in text


@pytest.mark.parametrize("body, who, confirmed_by, first_step", [
    ({"citizenship": "KG", "entry_date": "2024-09-09", "accommodation": "dormitory"}, "dormitory", None, "notice_dormitory"),
    ({"citizenship": "RU", "entry_date": "2022-10-04", "accommodation": "employer"}, "employer", None, "notice_employer"),
    ({"citizenship": "DE", "entry_date": "2026-09-08", "accommodation": "hotel"}, "hotel", None, "notice_hotel"),
    ({"citizenship": "BY", "entry_date": "2026-09-01", "accommodation": "hotel"}, "self", "hotel", "self_enter"),
    ({"citizenship": "BY", "entry_date": "2026-09-01", "accommodation": "none"}, "self", None, "no_place_start"),
    ({"citizenship": "BY", "entry_date": "2026-09-01"}, "self", None, "self_enter"),
])
def test_the_api_plan_says_who_acts_and_the_steps(client, body, who, confirmed_by, first_step):
    response = client.post("/api/v1/plan", json={**body, "today": body["entry_date"]}, headers={"Accept-Language": "ru"})
    assert response.status_code == 200, response.json
    registration = response.json["obligations"][0]
    assert registration["who"] == who
    assert registration.get("confirmed_by") == confirmed_by
    assert registration["steps"][0]["code"] == first_step
    assert all(step["message"] and step["message"] != step["code"] for step in registration["steps"])
    # In the reader's language: Cyrillic.
    assert any("\u0400" <= c <= "\u04ff" for c in registration["steps"][0]["message"])


def test_the_api_refuses_an_unknown_place(client):
    response = client.post("/api/v1/plan", json={"citizenship": "RU", "entry_date": "2026-09-01", "today": "2026-09-01",
                                                 "accommodation": "tent"}, headers={"Accept-Language": "en"})
    assert response.status_code == 400 and "accommodation" in response.json["errors"]


def test_a_place_cites_its_sources():
    plan = evaluate(PlanInput("KG", date(2024, 9, 9), date(2024, 9, 9), accommodation="dormitory"))
    registration = plan.obligations[0]
    assert registration.sources[:2] == ("wpk-notification", "dos-notification-channels")  # the rule's first
    assert {"investastana-2020-notification", "aogu-foreign-students", "kaznaru-foreign-students"} <= set(registration.sources)
    assert "aogu-foreign-students" in plan.sources


def test_the_rules_check_finds_a_place_without_steps():
    from dataclasses import replace

    from webapp.messages import ACCOMMODATIONS, OBLIGATION_STEPS, OBLIGATION_TITLES

    book = rule_book()
    data = book.accommodation
    places = {**data["registration"]["host_notification"]}
    places.pop("dormitory")
    places["hotel"] = {**places["hotel"], "who": "guest", "steps": ["nowhere"], "sources": ["missing"]}
    broken = {**data, "registration": {**data["registration"], "host_notification": places}}
    messages = {"labels": set(ACCOMMODATIONS), "titles": set(OBLIGATION_TITLES), "steps": set(OBLIGATION_STEPS)}
    report = Report()
    check_accommodation(replace(book, accommodation=broken), messages, report)
    assert sorted(report.errors) == sorted([
        "accommodation.json / host_notification: places ['employer', 'hotel', 'none', 'not_answered', 'private'] "
        "are not the kinds and 'not_answered'",
        "accommodation.json / host_notification / hotel: who notifies is 'guest', not one of "
        "['dormitory', 'employer', 'host', 'hotel']",
        "accommodation.json / host_notification / hotel: no steps, or steps not in messages.OBLIGATION_STEPS: ['nowhere']",
        "accommodation.json / host_notification / hotel: source 'missing' is not in sources.json",
    ])
    # The data as it is: no error; a question label without its kind is one.
    clean = Report()
    check_accommodation(book, messages, clean)
    assert clean.errors == []
    check_accommodation(book, {**messages, "labels": set(ACCOMMODATIONS) - {"none"}}, clean)
    assert len(clean.errors) == 1 and "not the question's answers" in clean.errors[0]


def test_the_documents_take_a_dormitory_as_the_host(client):
    """The documents' host kinds (a public API: values added, none renamed) gain the dormitory; the
    registration sheet prints it in Russian and Kazakh."""
    import io

    from pypdf import PdfReader

    from .documents_data import api_answers

    schema = client.get("/api/v1/documents").json
    assert "dormitory" in str(schema) and all(kind in str(schema) for kind in ("person", "organisation", "hotel"))
    response = client.post("/api/v1/documents/registration-sheet.pdf", json=api_answers(**{"host.kind": "dormitory"}),
                           headers={"Accept-Language": "en"})
    assert response.status_code == 200
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split())
    assert "Общежитие: студенческое или рабочее / Жатақхана: студенттік немесе жұмысшылар жатақханасы" in text

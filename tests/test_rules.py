"""The rule data itself: rule sets cover every entry date once, every rule cites a dated source,
and the holiday calendar matches what was checked against the decrees."""
from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from webapp.rules import rule_book
from webapp.rules.calendar import kazakhstan_calendar
from webapp.rules.places import checkpoints

DATA = Path(__file__).parent.parent / "webapp" / "rules" / "data"


def _cited_sources(node) -> list[str]:
    if isinstance(node, dict):
        found = list(node.get("sources", [])) if isinstance(node.get("sources"), list) else []
        return found + [s for value in node.values() for s in _cited_sources(value)]
    return []


def test_rule_sets_follow_each_other_without_gaps():
    rule_sets = sorted(rule_book().rule_sets, key=lambda r: r.valid_from)
    for earlier, later in pairwise(rule_sets):
        assert earlier.valid_to + timedelta(days=1) == later.valid_from
    assert rule_sets[-1].valid_to is None
    assert [r.valid_from for r in rule_sets] == [date(2020, 1, 11), date(2023, 1, 27), date(2026, 7, 1)]


@pytest.mark.parametrize("entry, expected", [
    (date(2023, 1, 26), "kz-2020-host-notification"),
    (date(2023, 1, 27), "kz-2023-90-in-180"),
    (date(2026, 6, 30), "kz-2023-90-in-180"),
    (date(2026, 7, 1), "kz-2026-self-registration"),
])
def test_rule_set_is_chosen_by_date_of_entry(entry, expected):
    assert rule_book().rule_set_for(entry).id == expected


def test_every_rule_cites_a_known_source_with_url_and_checked_date():
    book = rule_book()
    cited = set()
    for rule_set in book.rule_sets:
        for group, spec in rule_set.groups.items():
            for part in ("stay", "registration", "address_change"):
                assert spec[part]["sources"], f"{rule_set.id}/{group}/{part} has no source"
            cited |= set(_cited_sources(spec))
    cited |= set(book.nationality_sources)
    assert cited <= set(book.sources)
    for source_id, source in book.sources.items():
        assert source["url"].startswith("https://"), source_id
        assert date.fromisoformat(source["checked"]) <= date.today()
        assert source["title"] and source["says"]


def test_nationality_groups():
    book = rule_book()
    assert {code for code, group in book.groups.items() if group == "eaeu"} == {"RU", "BY", "AM", "KG"}
    assert book.group_of("DE") == "visa_free_30"
    assert book.group_of("IN") is None  # visa required
    assert "KZ" in book.not_foreigners
    nationalities = json.loads((DATA / "nationalities.json").read_text(encoding="utf-8"))
    for name, group in nationalities["groups"].items():
        assert group["sources"], f"group {name} has no source"
    all_codes = [c for g in nationalities["groups"].values() for c in g["countries"]]
    assert len(all_codes) == len(set(all_codes)), "a country is in two groups"


@pytest.mark.parametrize("day, reason", [
    (date(2026, 3, 23), "holiday"),  # Nauryz
    (date(2026, 3, 24), "moved_day_off"),  # Nauryz on the weekend, moved
    (date(2025, 1, 3), "moved_day_off"),  # decree: swapped with Sunday 5 January
    (date(2024, 5, 8), "moved_day_off"),  # decree: swapped with Saturday 4 May
    (date(2026, 5, 27), "holiday"),  # Kurban Ait
    (date(2026, 7, 4), "weekend"),
])
def test_days_off(day, reason):
    assert kazakhstan_calendar().day_off(day).reason == reason


@pytest.mark.parametrize("day", [
    date(2025, 1, 5), date(2024, 5, 4), date(2023, 7, 1), date(2022, 3, 5), date(2022, 8, 27), date(2022, 10, 22),
])
def test_weekends_made_working_days_by_decree(day):
    assert day.weekday() >= 5
    assert kazakhstan_calendar().is_working_day(day)


@pytest.mark.parametrize("day", [
    date(2026, 8, 31),  # 30 August stopped being a holiday in 2026
    date(2022, 12, 19),  # Independence Day is only 16 December since 2022
    date(2025, 5, 8),
])
def test_working_days(day):
    assert kazakhstan_calendar().is_working_day(day)


def test_holiday_corrections_are_documented():
    corrections = json.loads((DATA / "holiday_corrections.json").read_text(encoding="utf-8"))
    for key in ("add_days_off", "remove_days_off", "add_working_days", "remove_working_days"):
        for item in corrections[key]:
            date.fromisoformat(item["date"])
            assert item["reason"] and item["source"]["url"]
    for year in map(str, range(2022, 2028)):
        status = corrections["verified_years"][year]
        assert status["status"] in {"matches", "corrected", "not verified"}
        assert status["sources"] or status["status"] == "not verified"


def test_checkpoints_have_names_in_three_languages():
    kazakh_letters = set("әғқңөұүһі")
    names = [c["name"] for c in checkpoints()]
    assert len(names) >= 20
    for name in names:
        assert set(name) >= {"kk", "ru", "en"}
    assert any(kazakh_letters & set(n["kk"].lower()) for n in names)


def test_the_rules_check_command_passes_on_the_data(app):
    result = app.test_cli_runner().invoke(args=["rules", "check", "--today", "2026-12-03"])
    assert result.exit_code == 0, result.output
    assert "The rule data is complete" in result.output
    assert "error:" not in result.output


def test_old_check_dates_are_warnings_not_failures(app):
    result = app.test_cli_runner().invoke(args=["rules", "check", "--today", "2027-09-01"])
    assert result.exit_code == 0, result.output
    assert "warning: source 'wpk-notification' was last checked on 2026-11-25, 280 days ago" in result.output
    assert "warning: the days off of 2028 are not yet compared with a decree" in result.output


def test_the_rules_check_names_each_kind_of_broken_data():
    from dataclasses import replace

    from webapp.rules.calendar import WorkingCalendar
    from webapp.rules.check import check_rules

    book = rule_book()
    first, second, third = sorted(book.rule_sets, key=lambda r: r.valid_from)
    unsourced = dict(first.groups)
    unsourced["eaeu"] = {**unsourced["eaeu"], "stay": {**unsourced["eaeu"]["stay"], "sources": []},
                         "registration": {**unsourced["eaeu"]["registration"], "sources": ["nowhere"]}}
    broken = replace(book, rule_sets=(
        replace(first, groups=unsourced),
        replace(second, valid_from=second.valid_from - timedelta(days=3)),  # overlaps the first
        replace(third, valid_from=third.valid_from + timedelta(days=10), valid_to=date(2030, 1, 1)),  # a gap
    ), sources={**book.sources,
                "wpk-notification": {**book.sources["wpk-notification"], "url": "http://x", "checked": "2027-01-01"}})
    with_holidays = kazakhstan_calendar()
    report = check_rules(broken, with_holidays, {"verified_years": {}}, date(2026, 12, 3))
    assert sorted(report.errors) == sorted([
        "kz-2020-host-notification / eaeu / stay: no source",
        "source 'nowhere' is cited but not in sources.json",
        "source 'wpk-notification': no https link",
        "source 'wpk-notification': checked on 2027-01-01, after today (2026-12-03)",
        "kz-2020-host-notification and kz-2023-90-in-180 overlap: both cover 2023-01-24",
        "no rule set covers an entry from 2026-07-01 to 2026-07-10",
        "no rule set covers an entry after 2030-01-01",
    ])
    no_holidays = check_rules(book, WorkingCalendar({}, set()), {"verified_years": {}}, date(2026, 12, 3))
    assert no_holidays.errors == [
        "the calendar of 2026 lacks public holidays (2026-01-01, 2026-03-22): update the holidays package",
        "the calendar of 2027 lacks public holidays (2027-01-01, 2027-03-22): update the holidays package"]


@pytest.mark.parametrize("lang, shown", [("ru", "Дата последней проверки правил: 3 декабря 2026"),
                                         ("kk", "Қағидалардың соңғы рет тексерілген күні: 2026\u202fж. 3 желтоқсан"),
                                         ("en", "Rules last checked: 3 December 2026")])
def test_every_page_footer_says_when_the_rules_were_last_checked(client, lang, shown):
    assert rule_book().last_checked == date(2026, 12, 3)  # the newest "checked" in sources.json
    for path in ("", "deadlines/", "documents/", "privacy"):
        assert shown in client.get(f"/{lang}/{path}").get_data(as_text=True), path


def test_no_window_is_longer_than_the_days_looked_back():
    """Earlier days are collected back LOOK_BACK days only, and the return after a stay is looked
    for within that many days: a longer window would be counted short."""
    from webapp.rules.evaluator import LOOK_BACK

    for rule_set in rule_book().rule_sets:
        for group, spec in rule_set.groups.items():
            window = spec["stay"]["window"]
            assert not window or window["window_days"] <= LOOK_BACK.days, (rule_set.id, group)


def test_the_rules_numbers_are_read_from_the_data():
    from webapp.rules.check import rule_numbers

    # 3 and 5 working days, 30 calendar days, 30 and 90 days per entry, 90 in 180; the notes' 30 and 90.
    assert rule_numbers(rule_book()) == {3, 5, 30, 90, 180}


@pytest.mark.parametrize("message, numbers", [
    ("The host notifies within 3 working days.", [3]),
    ("Register by the 30th calendar day.", [30]),
    ("At most 90 days in any 180-day period.", [90, 180]),
    ("%(num)d days in any %(window)d", []),  # placeholders
    ("Before 1 July 2026, or from 5 January 2025, or January 2030.", []),  # dates
    ("For example, 27 3 1990.", []),  # a date as typed
    ("Call 1414, the free hotline 1414; article 517; 10 monthly calculation indices.", []),
    ("Art. 30 and 30 days.", [30]),
    ("Banned for 5 years; a 5-year ban; about 5 minutes.", []),  # other units than days
    ("Postcode Z05T3D0 or 090000, version 1.5, at 3.", [90000, 3]),  # digits inside a code; a decimal
])
def test_what_counts_as_a_number_in_a_message(message, numbers):
    from webapp.rules.check import numbers_in

    assert numbers_in(message) == numbers


def test_the_rules_check_catches_a_message_that_writes_a_rules_number(tmp_path):
    import shutil

    from webapp.rules.check import catalog_messages, check_messages

    book = rule_book()
    exceptions = json.loads((DATA / "message_numbers.json").read_text(encoding="utf-8"))["exceptions"]
    real = catalog_messages()
    assert len(real) > 500
    assert check_messages(real, book, exceptions) == []

    # A message planted in a copy of the catalogs, and one in a plural.
    for language in ("ru", "kk", "en"):
        shutil.copytree(Path(__file__).parent.parent / "translations" / language, tmp_path / language)
    po_file = tmp_path / "ru" / "LC_MESSAGES" / "messages.po"
    po_file.write_text(po_file.read_text(encoding="utf-8") + '\nmsgid "Register within 5 working days."\nmsgstr "x"\n\n'
                       'msgid "%(num)d day of the window"\nmsgid_plural "%(num)d days of the 180"\n'
                       'msgstr[0] "x"\nmsgstr[1] "x"\nmsgstr[2] "x"\n',
                       encoding="utf-8")
    errors = check_messages(catalog_messages(tmp_path), book, exceptions)
    assert errors == [
        "message '%(num)d days of the 180' writes the rules' number 180: use a placeholder filled from the rule data",
        "message 'Register within 5 working days.' writes the rules' number 5: use a placeholder filled from the rule data",
    ]
    # An exception allows only its numbers, in its message; one that matches nothing is an error.
    allowed = [{"message": "Register within", "numbers": [5], "why": "planted"},
               {"message": "No such message", "numbers": [3], "why": "stale"}]
    assert check_messages({"Register within 5 working days, or 3."}, book, allowed) == [
        "message 'Register within 5 working days, or 3.' writes the rules' number 3: use a placeholder filled from the rule data",
        "message_numbers.json: no message starts with 'No such message': remove the exception"]
    # A source's title may give the numbers it gave when it was read.
    title = book.sources["wpk-address-change"]["title"]
    assert "3 working days" in title and check_messages({title}, book, []) == []


def test_the_rules_check_names_broken_references():
    from dataclasses import replace

    from webapp.rules.check import Report, _check_references

    book = rule_book()
    checkpoints = json.loads((DATA / "checkpoints.json").read_text(encoding="utf-8"))
    report = Report()
    _check_references(book, checkpoints, report)
    assert report.errors == []

    first = book.rule_sets[0]
    broken = replace(
        book,
        group_specs={**book.group_specs,
                     "visa_free_90_bilateral": {**book.group_specs["visa_free_90_bilateral"], "rules": "visa_free_90"}},
        rule_sets=(replace(first, notes=({"code": "n", "for_rules": ["nobody"], "params": {"days": {"rule": "eaeu.stay.nothing"}},
                                          "sources": ["nowhere"]},)),) + book.rule_sets[1:])
    checkpoints = {**checkpoints, "kinds": {k: v for k, v in checkpoints["kinds"].items() if k != "unknown"}}
    checkpoints["kinds"]["bilateral"] = {**checkpoints["kinds"]["bilateral"], "warning": None}
    report = Report()
    _check_references(broken, checkpoints, report)
    assert sorted(report.errors) == sorted([
        "group visa_free_90_bilateral: kz-2020-host-notification has no rules 'visa_free_90'",
        "group visa_free_90_bilateral: kz-2023-90-in-180 has no rules 'visa_free_90'",
        "group visa_free_90_bilateral: kz-2026-self-registration has no rules 'visa_free_90'",
        "kz-2020-host-notification / note 'n': source 'nowhere' is not in sources.json",
        "kz-2020-host-notification / note 'n': no rules 'nobody'",
        "kz-2020-host-notification / note 'n': a param names no value of the rules",
        "checkpoint 'karaozek': kind 'unknown' is not described in 'kinds'",
        "checkpoint kind 'bilateral': open to some citizens only, with no warning",
    ])


def test_a_groups_rules_and_warnings_are_the_datas():
    """The evaluator decides nothing about a group itself: change the data, and the plan follows."""
    from dataclasses import replace

    from webapp.rules import PlanInput, evaluate

    book = rule_book()
    turkey = PlanInput(citizenship="TR", entry_date=date(2026, 9, 1), today=date(2026, 9, 1))
    plan = evaluate(turkey, book)
    assert plan.obligations[0].kind == "host_notification"
    assert [w.code for w in plan.warnings] == ["bilateral_agreement", "thirty_day_visitors_2026_unclear"]
    assert set(book.nationality_sources) <= set(plan.sources)

    as_eaeu = replace(book, group_specs={**book.group_specs, "visa_free_90_bilateral": {
        "rules": "eaeu", "warnings": [], "cite_list_sources": False}})
    plan = evaluate(turkey, as_eaeu)
    assert plan.obligations[0].kind == "self_registration" and plan.obligations[0].deadline == date(2026, 10, 1)
    assert [w.code for w in plan.warnings] == []  # the 2026 note is for the 30-day visitors' rules only
    assert not set(book.nationality_sources) & set(plan.sources)

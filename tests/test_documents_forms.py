"""The document answers' checks, step by step, without HTTP (MultiDict in, errors out)."""
from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from webapp.documents.answers import STEPS, AnswersForm
from webapp.rules.identifiers import check_digit, is_valid_iin_or_bin

from .documents_data import KAZAKH_LETTERS, form_answers

TODAY = date(2026, 9, 5)


def answers_form(app, **changes) -> AnswersForm:
    data = form_answers()
    data.update(changes)
    with app.test_request_context("/en/documents/person"):
        from flask import g
        g.lang = "en"
        form = AnswersForm(MultiDict(data), today=TODAY)
        for step in STEPS:
            form.validate_step(step)
        return form


def errors(form: AnswersForm) -> dict[str, str]:
    return {field.name: field.errors[0] for step in STEPS for field in form.error_fields(step)}


def test_complete_answers_are_valid(app):
    assert errors(answers_form(app)) == {}


@pytest.mark.parametrize("field, value", [
    ("person-surname_cyrillic", KAZAKH_LETTERS),
    ("person-surname_cyrillic", "Қуанышбаева-Әбілқайырова"),
    ("person-surname_latin", "MÜLLER-LÜDENSCHEIDT"),
    ("person-surname_latin", "O'BRIEN"),
    ("person-given_names_latin", "Anne Marie"),
    ("person-patronymic", "Ұлықпанұлы"),
    ("person-surname_latin", "Ñúñez"),
])
def test_names_people_really_have_are_accepted(app, field, value):
    form = answers_form(app, **{field: value})
    assert field not in errors(form)


@pytest.mark.parametrize("field, value, message", [
    ("person-surname_latin", "ИВАНОВ", "Use Latin letters"),
    ("person-surname_cyrillic", "IVANOV", "Use Cyrillic letters"),
    ("person-surname_latin", "IVANOV2", "Use Latin letters"),
    ("person-given_names_latin", "IVAN 🙂", "Use Latin letters"),
    ("person-surname_latin", "<script>", "Use Latin letters"),
    ("person-surname_latin", "A" * 61, "Enter at most 60 characters"),
    ("person-surname_latin", "", "Enter your surname"),
    ("person-sex", "other", "Select your sex"),
    ("person-citizenship", "KZ", "Citizens of Kazakhstan do not register as foreigners"),
    ("person-citizenship", "Rusia", "No country is called “Rusia”. Did you mean Russia?"),
    ("person-citizenship", "Atlantis", "No country is called “Atlantis”. Type its name as in your passport"),
    ("person-date_of_birth-year", "2027", "The date of birth must be in the past"),
])
def test_bad_person_answers(app, field, value, message):
    assert errors(answers_form(app, **{field: value}))[field.removesuffix("-year")].startswith(message)


@pytest.mark.parametrize("changes, field, message", [
    ({"passport-number": "75-123"}, "passport-number", "Enter the passport number as printed"),
    ({"passport-expires-year": "2025"}, "passport-expires", "This passport has expired"),
    ({"passport-expires-year": "2019"}, "passport-expires", "The date of expiry must be after the date of issue"),
    ({"passport-issued-year": "2027"}, "passport-issued", "The date of issue must be today or in the past"),
    ({"passport-issued-month": "2", "passport-issued-day": "29", "passport-issued-year": "2023"}, "passport-issued",
     "Enter a real date"),
])
def test_bad_passport_answers(app, changes, field, message):
    assert errors(answers_form(app, **changes))[field].startswith(message)


def test_leap_day_is_a_real_date(app):
    form = answers_form(app, **{"passport-issued-month": "2", "passport-issued-day": "29", "passport-issued-year": "2024"})
    assert "passport-issued" not in errors(form)


def test_passport_expiring_within_180_days_is_flagged_not_refused(app):
    form = answers_form(app, **{"passport-expires-day": "1", "passport-expires-month": "2", "passport-expires-year": "2027"})
    assert "passport-expires" not in errors(form)
    assert form.passport.form.expires_soon(TODAY)
    assert not answers_form(app).passport.form.expires_soon(TODAY)


@pytest.mark.parametrize("changes, field, message", [
    ({"entry-date-year": "2019"}, "entry-date", "Tirkeu knows the rules for entries from 11 January 2020"),
    ({"entry-checkpoint": "nowhere"}, "entry-checkpoint", "Choose a checkpoint from the list"),
    ({"entry-purpose": ""}, "entry-purpose", "Select the purpose of your trip"),
    ({"stay-region": "moscow"}, "stay-region", "Choose a region from the list"),
    ({"stay-city": ""}, "stay-city", "Enter the town or village"),
    ({"stay-street": "Abai\u202eevil"}, "stay-street", "Remove the special characters"),
    ({"stay-postcode": "09-000"}, "stay-postcode", "Enter the postcode in Latin capital letters and digits"),
    ({"host-kind": ""}, "host-kind", "Select who houses you"),
    ({"host-iin": "900101400005"}, "host-iin", "This IIN is not valid"),
    ({"host-iin": "90010140000"}, "host-iin", "An IIN has 12 digits"),
    ({"host-bin": "12345678901a"}, "host-bin", "A BIN has 12 digits"),
    ({"host-phone": "call me"}, "host-phone", "Enter a phone number with digits"),
    ({"children-0-date_of_birth-year": "1990"}, "children-0-date_of_birth",
     "A child's date of birth must be in the last 18 years"),
    ({"children-0-surname": ""}, "children-0-surname", "Enter the child's surname"),
])
def test_bad_answers_in_other_steps(app, changes, field, message):
    assert errors(answers_form(app, **changes))[field].startswith(message)


def test_iin_check_digit():
    # 9*1 + 0*2 + 0*3 + 1*4 + 0*5 + 1*6 + 4*7 + 0*8 + 0*9 + 0*10 + 0*11 = 47; 47 mod 11 = 3
    assert check_digit("90010140000") == 3
    assert is_valid_iin_or_bin("900101400003")
    assert not is_valid_iin_or_bin("900101400004")
    # First sum mod 11 is 10, so the second weights decide: 3*1+4*0+... computed by hand below.
    first = sum(int(d) * w for d, w in zip("00000000010", range(1, 12), strict=True)) % 11  # 10*1 = 10
    assert first == 10
    second = sum(int(d) * w for d, w in zip("00000000010", (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11  # 1*1 = 1
    assert check_digit("00000000010") == second == 1


def test_other_steps_do_not_block_the_current_one(app):
    """Validating one step looks only at that step's fields."""
    data = form_answers()
    data["host-name"] = ""
    with app.test_request_context("/en/documents/person"):
        form = AnswersForm(MultiDict(data), today=TODAY)
        assert form.validate_step("person")
        assert not form.validate_step("host")


def test_children_are_under_18(app):
    # 5 September 2026: a child born 5 September 2008 turned 18 today; born a day later is 17.
    adult = {"children-0-date_of_birth-day": "5", "children-0-date_of_birth-month": "9", "children-0-date_of_birth-year": "2008"}
    child = {**adult, "children-0-date_of_birth-day": "6"}
    assert "children-0-date_of_birth" in errors(answers_form(app, **adult))
    assert "children-0-date_of_birth" not in errors(answers_form(app, **child))


def test_passport_dates_are_plausible(app):
    early = answers_form(app, **{"passport-issued-year": "0001"})
    assert errors(early)["passport-issued"] == "Enter a year from 1900 on"
    before_birth = answers_form(app, **{"passport-issued-year": "1985"})
    assert errors(before_birth)["passport-issued"] == "The date of issue must be after your date of birth"


def test_the_link_to_the_host_carries_only_what_the_hosts_sheet_prints(app):
    """static/js/core/host-link.js lists the answers a host's link carries, in a fixed order: every
    answer of the form but those the host's sheet does not show (an answer added to the form must
    be added there too, at the end, with a new link version, or here)."""
    import json
    import re
    from pathlib import Path

    script = (Path(__file__).parent.parent / "static/js/core/host-link.js").read_text()
    first = json.loads(re.search(r"var VERSION_1 = (\[.*?\]);", script, re.S).group(1))
    fields = first + json.loads(re.search(r"export const FIELDS = VERSION_1.concat\((\[.*?\])\);", script, re.S).group(1))
    with app.test_request_context("/en/"):
        form = AnswersForm(None, today=date(2026, 9, 5))
        expected = [field.name for section in (form.person, form.passport, form.entry, form.stay, form.host)
                    for field in section.form]
    not_shown = {"person-patronymic": "patronymic", "person-sex": "sex", "entry-purpose": "purpose",
                  "stay-postcode": "postcode"}
    # Version 1's answers in the form's order (the person's, then the passport's…), then those added since.
    added = ["passport-document", "exit_date", "earlier_stays", "previous_stays"]
    assert fields[-len(added):] == added
    sections = ("person", "passport", "entry", "stay", "host")
    by_section = sorted(fields[:-len(added)], key=lambda name: sections.index(name.split("-")[0]))
    assert by_section == [name for name in expected if name not in not_shown and name not in added]
    sheet = (Path(__file__).parent.parent / "webapp/templates/documents/pdf/host_sheet.html").read_text()
    assert not any(f'"{value}"' in sheet for value in not_shown.values())

"""The identity card of Armenia (item 1 of issue 18): offered because news reports of the agreement
between Kazakhstan and Armenia of 15 April 2024 say citizens of Armenia may enter on it; the wizard
says so where it is offered, and that the agreement's text was not read. The card has the
passport's fields: a number of letters and digits, a date of issue and of expiry, the name in
Latin letters."""
from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from webapp.documents.answers import STEPS, flatten_json
from webapp.documents.schema import EXAMPLE_AM_ID_CARD, answers_schema

from .documents_data import changed, form_errors
from .test_documents_pdf import NAMES, pdf_text, post_pdf

TODAY = date(2026, 9, 5)
NAME_RU = "Идентификационная карта гражданина Республики Армения"
NAME_KK = "Армения Республикасы азаматының сәйкестендіру картасы"


def id_card(**changes) -> dict:
    return changed(EXAMPLE_AM_ID_CARD, **changes)


def errors(app, answers: dict) -> dict[str, str]:
    return form_errors(app, answers, TODAY)


def test_the_card_with_the_passports_fields_is_taken(app):
    assert errors(app, id_card()) == {}
    assert errors(app, id_card(**{"passport.number": "AB 0123456"})) == {}  # letters and digits, as the passport


@pytest.mark.parametrize("changes, field, message", [
    ({"person.citizenship": "RU"}, "person-citizenship", "The identity card of Armenia is a document of citizens of Armenia"),
    ({"person.citizenship": "DE"}, "person-citizenship", "The identity card of Armenia is a document of citizens of Armenia"),
    ({"passport.expires": None}, "passport-expires", "Enter"),
    ({"passport.expires": "2026-01-01"}, "passport-expires", "This passport has expired"),
    ({"passport.number": "12-34"}, "passport-number", "Enter the passport number as printed"),
    ({"person.surname_latin": None}, "person-surname_latin", "Enter your surname as it is written in Latin letters"),
])
def test_bad_card_answers_are_refused_next_to_their_field(app, changes, field, message):
    found = errors(app, id_card(**changes))
    assert list(found) == [field], found
    assert found[field].startswith(message), found


def test_the_russian_internal_passport_still_refuses_a_citizen_of_armenia(app):
    from webapp.documents.schema import EXAMPLE_RU_INTERNAL_PASSPORT
    answers = copy.deepcopy(EXAMPLE_RU_INTERNAL_PASSPORT)
    answers["person"]["citizenship"] = "AM"
    assert errors(app, answers) == {"person-citizenship": errors(app, answers)["person-citizenship"]}
    assert errors(app, answers)["person-citizenship"].startswith("The Russian internal passport is a document of citizens")


def test_the_schema_lists_the_card_and_requires_a_citizen_of_armenia(client):
    import jsonschema

    schema = answers_schema(TODAY)
    assert "am_id_card" in schema["properties"]["passport"]["properties"]["document"]["enum"]
    jsonschema.validate(EXAMPLE_AM_ID_CARD, schema)
    for wrong in (id_card(**{"person.citizenship": "RU"}), id_card(**{"passport.expires": None}),
                  id_card(**{"person.surname_latin": None})):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)
    listed = client.get("/api/v1/documents").json[0]
    assert listed["examples"]["am_id_card"] == EXAMPLE_AM_ID_CARD
    assert "am_id_card" in json.dumps(listed["schema"])


def test_the_api_refuses_a_card_of_another_citizen_by_its_field(client):
    response = post_pdf(client, "card", id_card(**{"person.citizenship": "DE"}), "en")
    assert response.status_code == 400
    assert set(response.json["errors"]) == {"person.citizenship"}
    assert "citizens of Armenia" in response.json["errors"]["person.citizenship"]


@pytest.mark.parametrize("name", NAMES)
def test_each_document_prints_the_cards_name_and_number(client, name):
    response = post_pdf(client, name, id_card())
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    text = pdf_text(response.data)
    assert "123456789" in text and "PETROSYAN ANI" in text
    assert NAME_RU in text
    assert "транслитерация" not in text  # the name is the card's own
    if name != "card":
        assert NAME_KK in text and "10.03.2031" in text


def test_the_iin_sheet_says_no_source_speaks_of_the_card(client):
    text = pdf_text(post_pdf(client, "iin-sheet", id_card()).data)
    assert "Мы не нашли источника о том, выдаёт ли ЦОН ИИН по идентификационной карте гражданина Армении" in text
    assert "Армения азаматының сәйкестендіру картасы бойынша ЖСН бере ме" in text
    for passport_only in ("Возьмите с собой оригинал действующего паспорта.", "машиночитаемой зоне паспорта",
                          "внутреннему паспорту гражданина России"):
        assert passport_only not in text


def test_the_card_in_english_names_the_document(client):
    text = pdf_text(post_pdf(client, "card", id_card(), "en").data)
    assert "Identity card of a citizen of Armenia" in text and "10.03.2031" in text


def test_the_wizard_without_javascript_offers_the_card_and_says_what_the_source_is(client):
    page = client.get("/en/documents/passport").get_data(as_text=True)
    assert "The identity card of Armenia (citizens of Armenia only)" in page
    assert ("News reports of the agreement between Kazakhstan and Armenia of 15 April 2024, in force since 22 November 2025, "
            "say that citizens of Armenia may enter on their identity card. We have not read the agreement&#39;s text: "
            "carry your passport too if you have one.") in page
    assert "en.tengrinews.kz/world_news/kazakhstan-and-armenia-agree-on-visa-free-travel-for-up-to-269266" in page
    ru = client.get("/ru/documents/passport").get_data(as_text=True)
    assert "Идентификационная карта Армении (только для граждан Армении)" in ru and "Текст соглашения мы не читали" in ru


def test_the_wizard_without_javascript_takes_the_card_to_the_check_page(client):
    answers = flatten_json(id_card()).to_dict(flat=True)
    # The date of expiry is asked for the card, as for the passport.
    page = client.post("/en/documents/passport", data={**answers, "nav": "back"}).get_data(as_text=True)
    assert '<div data-for-document="foreign_passport am_id_card">' in page
    for step in (*STEPS[1:], "others"):  # the adults travelling together, then "Check your answers"
        response = client.post(f"/en/documents/{step}", data=answers)
        assert response.status_code == 200, step
    html = response.get_data(as_text=True)
    assert "123456789" in html and "PETROSYAN ANI" in html and "transliteration" not in html
    assert "The identity card of Armenia (citizens of Armenia only)" in html


def test_the_wizard_refuses_a_card_of_another_citizen_next_to_the_field(client):
    answers = flatten_json(id_card(**{"person.citizenship": "KG"})).to_dict(flat=True)
    html = client.post("/en/documents/person", data=answers).get_data(as_text=True)
    assert "The identity card of Armenia is a document of citizens of Armenia: choose Armenia" in html
    assert html.index('id="person-citizenship-error"') < html.index('name="person-citizenship"')

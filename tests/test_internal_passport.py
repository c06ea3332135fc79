"""The document the person crossed with (item 6 of issue 18): the Russian internal passport has a
series and number, no date of expiry and the name in Cyrillic; the documents print what it has and
mark the Latin spelling as a transliteration (ICAO Doc 9303 as Russian foreign passports apply it)."""
from __future__ import annotations

import copy
from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from webapp.documents.answers import STEPS, AnswersForm, flatten_json, series_number
from webapp.documents.schema import EXAMPLE, EXAMPLE_RU_INTERNAL_PASSPORT, answers_schema
from webapp.documents.transliteration import icao_latin

from .documents_data import changed, form_errors
from .test_documents_pdf import NAMES, pdf_text, post_pdf

TODAY = date(2026, 9, 5)


def internal(**changes) -> dict:
    return changed(EXAMPLE_RU_INTERNAL_PASSPORT, **changes)


def errors(app, answers: dict) -> dict[str, str]:
    return form_errors(app, answers, TODAY)


@pytest.mark.parametrize("cyrillic, latin", [
    ("Юлия Щеглова", "IULIIA SHCHEGLOVA"),  # the example of the ICAO table
    ("Подъячев", "PODIEIACHEV"), ("Ильич", "ILICH"), ("Ёлкин-Эрдман", "ELKIN-ERDMAN"), ("Хуснутдинов Цой", "KHUSNUTDINOV TSOI"),
    ("Жыжыкина", "ZHYZHYKINA"), ("Д'Арк", "D'ARK"),
    ("Әлия", ""),  # a letter the Russian table has not: nothing offered rather than a guess
])
def test_the_transliteration_is_the_one_russian_foreign_passports_use(cyrillic, latin):
    assert icao_latin(cyrillic) == latin


@pytest.mark.parametrize("typed", ["45 12 345678", "4512345678", "4512 345678", "45 12345678"])
def test_the_series_and_number_is_taken_with_or_without_spaces_and_printed_as_the_passport_has_it(app, typed):
    assert errors(app, internal(**{"passport.number": typed})) == {}
    assert series_number(typed) == "45 12 345678"


@pytest.mark.parametrize("changes, field, message", [
    ({"passport.number": "45 12 34567"}, "passport-number", "Enter the series and number as printed: 4 digits, then 6 digits"),
    ({"passport.number": "AB 12 345678"}, "passport-number", "Enter the series and number as printed"),
    ({"passport.number": None}, "passport-number", "Enter the series and number of your internal passport"),
    ({"person.surname_cyrillic": None}, "person-surname_cyrillic", "Enter your surname in Cyrillic as in your internal passport"),
    ({"person.given_names_cyrillic": "IVAN"}, "person-given_names_cyrillic", "Use Cyrillic letters"),
    ({"person.surname_latin": "Иванов"}, "person-surname_latin", "Use Latin letters"),
    ({"person.citizenship": "DE"}, "person-citizenship", "The Russian internal passport is a document of citizens of Russia"),
    ({"passport.document": "id_card"}, "passport-document", "Select the document you crossed the border with"),
])
def test_bad_internal_passport_answers_are_refused_next_to_their_field(app, changes, field, message):
    found = errors(app, internal(**changes))
    assert found[field].startswith(message), found
    # Only there (a document not offered is checked as the passport: its fields are asked for too).
    assert list(found) == [field] or field == "passport-document", found


def test_the_internal_passport_has_no_date_of_expiry_to_give_or_to_check(app):
    assert errors(app, internal()) == {}
    assert errors(app, internal(**{"passport.expires": "2020-01-01"})) == {}  # expired, were it asked: not asked
    # The same answers on a passport need one, and the Latin name.
    on_passport = internal(**{"passport.document": "foreign_passport", "passport.number": "751234567"})
    assert set(errors(app, on_passport)) == {"passport-expires", "person-surname_latin", "person-given_names_latin"}


def test_existing_clients_without_the_document_get_the_passport(app):
    answers = copy.deepcopy(EXAMPLE)
    del answers["passport"]["document"]
    assert errors(app, answers) == {}
    assert set(errors(app, {**answers, "passport": {k: v for k, v in answers["passport"].items() if k != "expires"}})) == {
        "passport-expires"}


def test_the_schema_says_what_each_document_requires():
    import jsonschema

    schema = answers_schema(TODAY)
    jsonschema.validate(EXAMPLE_RU_INTERNAL_PASSPORT, schema)
    jsonschema.validate({**EXAMPLE, "passport": {k: v for k, v in EXAMPLE["passport"].items() if k != "document"}}, schema)
    for wrong in (internal(**{"person.surname_cyrillic": None}), internal(**{"passport.number": "45 12 34567"}),
                  internal(**{"person.citizenship": "DE"}),
                  {**EXAMPLE, "passport": {k: v for k, v in EXAMPLE["passport"].items() if k != "expires"}},
                  {**EXAMPLE, "person": {k: v for k, v in EXAMPLE["person"].items() if k != "surname_latin"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)


def test_the_api_names_each_wrong_field_of_the_internal_passport(client):
    response = post_pdf(client, "card", internal(**{"passport.number": "45 12", "person.given_names_cyrillic": None}), "en")
    assert response.status_code == 400
    assert set(response.json["errors"]) == {"passport.number", "person.given_names_cyrillic"}
    # A date the internal passport has not is not read, whatever it says.
    assert post_pdf(client, "card", internal(**{"passport.expires": "someday"})).status_code == 200
    assert post_pdf(client, "card", internal(**{"passport.document": ["ru_internal_passport"]})).status_code == 400


@pytest.mark.parametrize("name", NAMES)
def test_each_document_prints_what_the_internal_passport_has(client, name):
    response = post_pdf(client, name, internal(**{"passport.number": "4512345678"}))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    text = pdf_text(response.data)
    assert "45 12 345678" in text and "ИВАНОВ ИВАН" in text
    assert "IVANOV IVAN" in text  # offered by the transliteration…
    assert "транслитерация, не из документа" in text or "транслитерация, құжаттан емес" in text  # …and said so
    assert "Паспорт гражданина Российской Федерации (внутренний)" in text
    assert "Дата окончания срока действия" not in text and "30.06.2030" not in text
    if name != "card":
        assert "Серия и номер" in text and "Ресей Федерациясы азаматының ішкі паспорты" in text
        # The name as the document has it comes first.
        assert text.index("ИВАНОВ ИВАН") < text.index("IVANOV IVAN")
    if name == "registration-sheet":
        assert "Номер паспорта" not in text and "15.06.2020" in text


def test_a_latin_spelling_typed_is_printed_and_still_marked(client):
    answers = internal(**{"person.surname_latin": "IVANOFF", "person.given_names_latin": "IVAN"})
    text = pdf_text(post_pdf(client, "registration-sheet", answers).data)
    assert "IVANOFF IVAN" in text and "транслитерация, не из документа" in text


def test_the_passport_still_prints_its_expiry_and_number(client):
    text = pdf_text(post_pdf(client, "registration-sheet", EXAMPLE).data)
    assert "75 1234567" in text and "15.06.2030" in text and "Номер паспорта" in text
    assert "Серия и номер" not in text and "транслитерация" not in text
    assert text.index("IVANOV IVAN") < text.index("ИВАНОВ ИВАН")


def test_the_iin_sheet_says_what_the_sources_say_for_each_document(client):
    """The sources speak of the foreign passport (its machine-readable zone, a translation); of the
    internal passport they say nothing, and the sheet says so in place of those steps."""
    unknown = ("Мы не нашли источника о том, выдаёт ли ЦОН ИИН по внутреннему паспорту гражданина России",
               "ХҚКО Ресей азаматының ішкі паспорты бойынша ЖСН бере ме, бұл туралы дереккөз таппадық")
    passport_only = ("Возьмите с собой оригинал действующего паспорта.", "машиночитаемой зоне паспорта",
                     "нотариально заверенный перевод")
    on_internal = pdf_text(post_pdf(client, "iin-sheet", internal(), "en").data)
    on_passport = pdf_text(post_pdf(client, "iin-sheet", EXAMPLE, "en").data)
    for text in unknown:
        assert text in on_internal and text not in on_passport
    for text in passport_only:
        assert text in on_passport and text not in on_internal
    assert "Лично обратитесь в ЦОН по месту пребывания." in on_internal  # the steps for everyone stay
    # Its date of issue on a row of its own (under the number alone it would not say what it is).
    assert "Серия и номер / Сериясы мен нөмірі 45 12 345678 Дата выдачи / Берілген күні 15.06.2020" in on_internal


def test_the_wizard_without_javascript_takes_the_internal_passport_to_the_check_page(client):
    answers = flatten_json(internal(**{"passport.number": "4512 345678"})).to_dict(flat=True)
    page = client.post("/en/documents/passport", data=answers).get_data(as_text=True)
    # The person step follows the document: Cyrillic first, the Latin spelling optional.
    assert page.index('name="person-surname_cyrillic"') < page.index('name="person-surname_latin"')
    assert "Surname in Latin letters (optional)" in page and "Surname in Cyrillic</label>" in page
    for step in (*STEPS[1:], "others"):  # the adults travelling together, then "Check your answers"
        response = client.post(f"/en/documents/{step}", data=answers)
        assert response.status_code == 200, step
    html = response.get_data(as_text=True)
    assert "45 12 345678" in html and "IVANOV IVAN (transliteration, not from the document)" in html
    assert "Date of expiry" not in html
    assert "The Russian internal passport (citizens of Russia only)" in html


def test_the_passport_step_hides_the_expiry_once_the_internal_passport_is_chosen(client):
    answers = flatten_json(internal()).to_dict(flat=True)
    page = client.post("/en/documents/passport", data={**answers, "nav": "back"}).get_data(as_text=True)
    assert '<div data-for-document="foreign_passport am_id_card" hidden>' in page
    fresh = client.get("/en/documents/passport").get_data(as_text=True)
    assert '<div data-for-document="foreign_passport am_id_card">' in fresh  # not chosen yet: every field shows


def test_the_documents_without_a_form_post_keep_the_answers_as_sent(app):
    with app.test_request_context("/en/documents/check"):
        form = AnswersForm(MultiDict({"passport-document": "ru_internal_passport"}), today=TODAY)
        assert form.document_kind == "ru_internal_passport"
        assert form.document_labels("passport", "number") == {"foreign_passport": "Passport number",
                                                              "ru_internal_passport": "Series and number"}

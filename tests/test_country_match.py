"""The country a person types (webapp/forms/country_match.py): what the server finds and suggests,
and what the phone's combobox lists as one types (core/country-match.js does the same steps:
tests/js/country-match.test.mjs)."""
from __future__ import annotations

import pytest

from webapp.forms.country_match import common, find_country, matches, suggestions
from webapp.rules.ruleset import load_data


@pytest.fixture(autouse=True)
def _request(app):
    with app.test_request_context("/en/"):
        yield


def test_the_common_countries_are_the_sources_five_most_first():
    """Kazinform, 26 Dec 2022 (sources.json kazinform-2022-foreigners): Russia, Uzbekistan,
    Kyrgyzstan, Tajikistan, Türkiye."""
    assert common() == ["RU", "UZ", "KG", "TJ", "TR"]
    data = load_data("country_names.json")["common"]
    assert data["sources"] == ["kazinform-2022-foreigners"]
    assert "kazinform-2022-foreigners" in load_data("sources.json")["sources"]


@pytest.mark.parametrize("typed, code", [
    ("Россия", "RU"), ("российская федерация", "RU"), ("Ресей", "RU"), ("RUSSIA", "RU"), ("ru", "RU"),
    ("Белоруссия", "BY"), ("Republic of Belarus", "BY"), ("Кыргыз", "KG"), ("cote d ivoire", "CI"), ("Atlantis", None),
    ("Гвинея", "GN"), ("Бел", None),
])
def test_what_the_server_finds(typed, code):
    assert find_country(typed) == code


@pytest.mark.parametrize("lang, typed, first", [
    ("ru", "Р", ["RU"]),  # the common ones first among those starting so
    ("en", "U", ["UZ"]),
    ("kk", "Т", ["TJ", "TR"]),
    ("en", "stan", ["UZ", "KG", "TJ"]),  # names holding it: the common ones first
    ("ru", "Рассия", ["RU"]), ("en", "Rusia", ["RU"]), ("en", "Kyrgystan", ["KG"]), ("kk", "Өзбекстн", ["UZ"]),  # a typo
    ("ru", "Белоруссия", ["BY"]),  # an older name
    ("en", "Republic of Uz", ["UZ"]),  # an official name
    ("kk", "Russia", ["RU"]),  # another language's
])
def test_what_the_list_shows_first(lang, typed, first):
    assert matches(typed, lang)[:len(first)] == first


def test_own_language_names_before_other_names():
    # "Р" on the Russian page: Россия, then names starting with Р in Russian, before "Республика …".
    listed = matches("Р", "ru", limit=20)
    assert listed.index("RO") < listed.index("AM")  # Румыния before Республика Армения


def test_a_typo_far_from_every_name_lists_nothing():
    assert matches("Qwxyz", "en") == []
    assert suggestions("Atlantis", "en") == []


def test_a_single_letter_is_no_guess_for_did_you_mean():
    assert matches("Б", "ru") and suggestions("Б", "ru") == []

"""One country control: with JavaScript the passport's country is a combobox (the ARIA Authoring
Practices' list autocomplete, static/js/app.js countryList) over the same text box as without it;
its list shows the most common nationalities first, and finds names in any language, older and
official names and typos as the server does (core/country-match.js)."""
from __future__ import annotations

import pytest

from .conftest import axe_violations, open_device_answers, wait_value

FIRST = {"ru": ["Россия", "Узбекистан", "Киргизия", "Таджикистан", "Турция"],
         "kk": ["Ресей", "Өзбекстан", "Қырғызстан", "Тәжікстан", "Түркия"],
         "en": ["Russia", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Türkiye"]}


def options(page, field="citizenship") -> list[str]:
    return [o.inner_text() for o in page.query_selector_all(f"#{field}-list [role=option]")]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_list_shows_the_common_countries_first_and_finds_as_the_server(axe_page, live_server, lang):
    page = axe_page
    page.goto(f"{live_server}/{lang}/deadlines/")
    box = page.wait_for_selector("#citizenship[role=combobox]")
    assert box.get_attribute("type") == "text" and box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-autocomplete") == "list" and box.get_attribute("aria-controls") == "citizenship-list"
    assert page.is_visible("#citizenship-typing")  # "Type the name of the country…" is still true
    page.click("#citizenship")  # a tap on the empty box: the common ones, then every country
    assert box.get_attribute("aria-expanded") == "true"
    shown = options(page)
    assert shown[:5] == FIRST[lang] and len(shown) > 200
    assert "Kazakhstan" not in shown and "Казахстан" not in shown  # citizens are not foreigners
    assert axe_violations(page) == []  # with the list open
    # A typo, an older name, another language's name: the best first, taken with Enter.
    for typed, code in (("Rusia", "RU"), ("Белоруссия", "BY"), ("Kyrgystan", "KG"), ("Өзбекстан", "UZ")):
        page.fill("#citizenship", typed)
        assert page.get_attribute("#citizenship-list [role=option][aria-selected=true]", "data-code") == code
        assert page.get_attribute("#citizenship", "aria-activedescendant") == f"citizenship-option-{code}"
        page.keyboard.press("Enter")
        assert page.input_value("[name=citizenship]") == code
        assert page.input_value("#citizenship") == FIRST[lang][0] if code == "RU" else True
        assert page.is_hidden("#citizenship-list") and box.get_attribute("aria-expanded") == "false"
    # Arrows move through the list, Escape closes it; nothing matching says so.
    page.fill("#citizenship", "Т" if lang == "kk" else "Та" if lang == "ru" else "Ta")
    page.keyboard.press("ArrowDown")
    second = page.get_attribute("#citizenship", "aria-activedescendant")
    assert second and second != page.get_attribute("#citizenship-list [role=option]", "id")
    page.keyboard.press("Escape")
    assert page.is_hidden("#citizenship-list")
    page.fill("#citizenship", "Qwxyz")
    assert options(page) == [] and page.inner_text("#citizenship ~ [aria-live]") != ""
    assert page.input_value("[name=citizenship]") == "Qwxyz"  # sent as typed: the server says why


def test_what_is_typed_and_not_chosen_reaches_the_server_as_typed(page, live_server):
    page.goto(f"{live_server}/ru/deadlines/")
    page.wait_for_selector("#citizenship[role=combobox]")
    page.fill("#citizenship", "Рассия")
    page.fill("#entry_date-day", "1")
    page.fill("#entry_date-month", "9")
    page.fill("#entry_date-year", "2026")
    page.click("label[for=accommodation-0]")
    page.click("form > button.button:not([name])")
    page.wait_for_selector("#citizenship-error")
    assert "Россия" in page.inner_text("#citizenship-error")  # "Did you mean: Россия?"
    page.wait_for_selector("#citizenship[role=combobox]")
    assert page.input_value("#citizenship") == "Рассия"  # kept as typed


def test_the_chosen_country_comes_back_and_goes_with_delete_all(page, live_server):
    page.goto(f"{live_server}/en/deadlines/")
    page.wait_for_selector("#citizenship[role=combobox]")
    page.fill("#citizenship", "Bel")
    page.click("#citizenship-option-BY")
    assert page.input_value("#citizenship") == "Belarus"
    page.wait_for_timeout(400)  # saved on the phone
    page.goto(f"{live_server}/kk/deadlines/")
    wait_value(page, "[name=citizenship]", "BY")
    assert page.input_value("#citizenship") == "Беларусь"  # the name in the page's language
    open_device_answers(page)
    page.click("[data-forget]")
    wait_value(page, "#citizenship", "")
    assert page.input_value("[name=citizenship]") == ""

"""The pages over HTTP (Flask's client): languages, the deadlines journey, errors, the .ics file."""
from __future__ import annotations

import gzip
import re
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest
from icalendar import Calendar

from .html_checks import check_page, parse

LANGUAGES = ("ru", "kk", "en")
ANSWERS = (
    "citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026&accommodation=private"
    "&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026"
    "&previous_stays-0-exit-day=30&previous_stays-0-exit-month=5&previous_stays-0-exit-year=2026"
)


@pytest.mark.parametrize("accept, expected", [
    ("kk-KZ,kk;q=0.9,ru;q=0.8", "/kk/"),
    ("en-US,en;q=0.9", "/en/"),
    ("ru-RU", "/ru/"),
    ("de-DE,fr;q=0.5", "/ru/"),
    (None, "/ru/"),
])
def test_root_redirects_by_accept_language(client, accept, expected):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["/", "/deadlines/", f"/deadlines/plan?{ANSWERS}", "/deadlines/plan?add_stay=1", "/proof",
                                  "/what-if", "/checklist", "/host"])
def test_every_page_is_valid_and_in_its_language(client, lang, path):
    response = client.get(f"/{lang}{path}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = check_page(html)
    assert f'<html lang="{lang}">' in html
    # The switcher offers the same page, with the same answers, in the two other languages.
    others = [link["href"] for link in page.links if link.get("hreflang")]
    expected_path = path.split("?")[0]
    assert sorted(h.split("?")[0] for h in others) == sorted(f"/{o}{expected_path}" for o in LANGUAGES if o != lang)
    if "?" in path and "add_stay" not in path:
        assert all(h.endswith("?" + ANSWERS.replace("&", "&")) for h in others)


@pytest.mark.parametrize("lang, texts", [
    # Registration by 30 September, the earlier of two readings (1 October read strictly), counted from 5 September.
    ("ru", ["Зарегистрируйтесь", "30 сентября 2026", "осталось 25 дней", "29 ноября 2026", "осталось 85 дней"]),
    ("kk", ["2026 ж. 30 қыркүйек", "25 күн қалды", "2026 ж. 29 қараша"]),
    ("en", ["Register online by 30 September 2026", "25 days left", "Leave Kazakhstan by 29 November 2026", "85 days left"]),
])
def test_result_page_shows_dates_in_the_language(client, lang, texts):
    response = client.get(f"/{lang}/deadlines/plan?{ANSWERS}")
    text = parse(response.get_data(as_text=True)).plain_text.lower()
    for expected in texts:
        assert expected.lower() in text


def test_result_page_explains_the_date_with_sources(client):
    html = client.get(f"/en/deadlines/plan?{ANSWERS}").get_data(as_text=True)
    text = parse(html).plain_text
    assert "Why this date?" in text
    assert "Read strictly, the rule gives 1 October 2026: day 1 is then the day after you entered (1 September 2026)." in text
    assert "On the day you entered, your earlier stays gave 60 days in the 180 days up to that day." in text
    assert "Checked on 25 November 2026." in text
    assert 'href="https://www.trend.az/casia/kazakhstan/4122066.html"' in html


def test_working_day_counting_is_shown(client):
    # Entry Wed 18 March 2026 under the 2023 rules: Nauryz and its moved days off are skipped.
    query = "citizenship=RU&entry_date-day=18&entry_date-month=3&entry_date-year=2026&accommodation=hotel&today=2026-03-18"
    text = parse(client.get(f"/en/deadlines/plan?{query}").get_data(as_text=True)).plain_text
    assert "The hotel must notify the migration police by 20 March 2026" in text
    assert "Skipped: Mon, 23 Mar — public holiday: Nauryz" in text
    assert "Skipped: Tue, 24 Mar — day off for Nauryz, moved from the weekend" in text
    assert "Working day 3: Thu, 26 Mar" in text
    assert "Counted that way, working day 3 is 20 March 2026: to be safe, this is the date we give." in text
    assert "Read strictly, counting from the day after you entered (18 March 2026), the rule gives 26 March 2026." in text


@pytest.mark.parametrize("lang, n, expected", [
    ("ru", 1, "остался 1 день"), ("ru", 2, "осталось 2 дня"), ("ru", 5, "осталось 5 дней"),
    ("ru", 21, "остался 21 день"), ("ru", 12, "осталось 12 дней"),
    ("kk", 1, "1 күн қалды"), ("kk", 5, "5 күн қалды"),
    ("en", 1, "1 day left"), ("en", 5, "5 days left"),
])
def test_days_left_plurals(app, lang, n, expected):
    from flask_babel import force_locale

    from webapp.deadlines.explain import days_left_text

    with app.test_request_context(), force_locale(lang):
        assert days_left_text(n).lower() == expected


def test_errors_follow_the_govuk_pattern(client):
    query = "citizenship=&entry_date-day=31&entry_date-month=2&entry_date-year=2026&accommodation=hotel"
    response = client.get(f"/ru/deadlines/plan?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    page = check_page(html)
    assert page.title.startswith("Ошибка:")
    summary_links = re.findall(r'<div class="error-summary".*?</div>', html, re.S)[0]
    targets = re.findall(r'href="#([^"]+)"', summary_links)
    assert targets == ["citizenship", "entry_date-day"]
    assert all(t in page.ids for t in targets)
    # What was typed is still there.
    assert re.search(r'name="entry_date-day"[^>]*value="31"', html)
    assert re.search(r'name="entry_date-year"[^>]*value="2026"', html)
    assert re.search(r'value="hotel" checked', html)
    assert "Укажите страну паспорта" in page.plain_text


@pytest.mark.parametrize("query, field, message", [
    ("citizenship=RU&entry_date-day=1&entry_date-month=9", "entry_date-year", "The date must include a year"),
    ("citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=26", "entry_date-year", "The year must have 4 digits"),
    ("citizenship=RU&entry_date-day=x&entry_date-month=9&entry_date-year=2026", "entry_date-day", "Enter a real date"),
    ("citizenship=KZ&entry_date-day=1&entry_date-month=9&entry_date-year=2026", "citizenship",
     "Citizens of Kazakhstan do not register"),
    ("citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2019", "entry_date-day",
     "Tirkeu knows the rules for entries from 11 January 2020"),
    ("citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
     "&previous_stays-0-entry-day=10&previous_stays-0-entry-month=5&previous_stays-0-entry-year=2026"
     "&previous_stays-0-exit-day=1&previous_stays-0-exit-month=5&previous_stays-0-exit-year=2026",
     "s-0-exit-day", "The date you left must be the same as or after the date you entered"),  # an address of before
])
def test_field_errors_are_specific(client, query, field, message):
    response = client.get(f"/en/deadlines/plan?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'href="#{field}">{message}' in html.replace("&#39;", "'")


def _plan(client, lang: str, citizenship: str, entry: str, today: str, stays=(), exit_date: str | None = None):
    """The result page for answers given as ISO dates, as the questions send them."""
    fields = {"citizenship": citizenship, "today": today}

    def date_fields(name: str, iso: str):
        year, month, day = iso.split("-")
        fields.update({f"{name}-day": day, f"{name}-month": month, f"{name}-year": year})

    date_fields("entry_date", entry)
    if exit_date:
        date_fields("exit_date", exit_date)
    for i, (first, last) in enumerate(stays):
        date_fields(f"previous_stays-{i}-entry", first)
        date_fields(f"previous_stays-{i}-exit", last)
    return client.get(f"/{lang}/deadlines/plan?{urlencode(fields)}")


@pytest.mark.parametrize("lang, typed, shown", [
    ("ru", "россия", "Россия"),
    ("ru", "Российская Федерация", "Россия"),  # as a Russian passport prints it
    ("ru", "РФ", "Россия"),
    ("kk", "Ресей", "Ресей"),
    ("en", "  russia ", "Russia"),
    ("en", "Russ", "Russia"),  # the start of one country's name
    ("en", "ru", "Russia"),  # its ISO code
    ("kk", "Russian Federation", "Ресей"),  # any of the three languages on any page
])
def test_the_country_is_found_from_what_was_typed(client, lang, typed, shown):
    """Without JavaScript the country is typed: the result is the one for a Russian, and the name
    the server understood is shown on it."""
    query = urlencode({"citizenship": typed, "entry_date-day": 1, "entry_date-month": 9, "entry_date-year": 2026,
                       "today": "2026-09-01"})
    response = client.get(f"/{lang}/deadlines/plan?{query}")
    assert response.status_code == 200
    page = check_page(response.get_data(as_text=True))
    assert f"{shown} ·" in page.plain_text
    russian = client.get(f"/{lang}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9"
                         "&entry_date-year=2026&today=2026-09-01")
    assert _main(response.get_data(as_text=True)) == _main(russian.get_data(as_text=True))


def _main(html: str) -> str:
    """The page's content without its links (which carry the query as it was typed)."""
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r'href="[^"]*"', "", main)


@pytest.mark.parametrize("lang, typed, message", [
    ("ru", "Рассия", "Страна «Рассия» не найдена. Может быть, вы имели в виду: Россия?"),
    ("kk", "Бел", "«Бел» деген ел табылмады. Мүмкін, мынаны айтқыңыз келген шығар: Беларусь, Белиз, не болмаса Бельгия?"),
    ("en", "Atlantis", "No country is called “Atlantis”. Type its name as in your passport, in Russian, Kazakh or English."),
    ("ru", "Казахстан", "Гражданам Казахстана не нужно регистрироваться"),
])
def test_a_country_not_found_says_why_next_to_the_field(client, lang, typed, message):
    query = urlencode({"citizenship": typed, "entry_date-day": 1, "entry_date-month": 9, "entry_date-year": 2026})
    response = client.get(f"/{lang}/deadlines/plan?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    error = re.search(r'<p class="error-message" id="citizenship-error">(.*?)</p>', html, re.S).group(1)
    assert message in unescape(error)
    # What was typed stays in the box.
    assert re.search(rf'name="citizenship" type="text"\s+value="{escape(typed)}"', html)


def test_change_your_answers_shows_the_country_by_name(client):
    response = client.get("/kk/deadlines/?citizenship=KG&entry_date-day=1&entry_date-month=9&entry_date-year=2026")
    html = response.get_data(as_text=True)
    assert re.search(r'name="citizenship" type="text"\s+value="Қырғызстан"', html)
    assert 'data-code="KG"' in html  # the list the phone draws starts on it


def test_add_and_remove_earlier_stays_without_javascript(client):
    base = "citizenship=BY&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
    html = client.get(f"/en/deadlines/plan?{base}&add_stay=1").get_data(as_text=True)
    assert 'name="s-0-entry-day"' in html and 'formaction="/en/deadlines/plan#s-1"' in html
    assert re.search(r'name="citizenship" type="text"\s+value="Belarus"', html)  # nothing typed is lost
    for prefix in ("s", "previous_stays"):  # today's names, and those of an address of before
        two = (f"{base}&{prefix}-0-entry-day=1&{prefix}-0-entry-month=3&{prefix}-0-entry-year=2026"
               f"&{prefix}-1-entry-day=5&{prefix}-1-entry-month=5&{prefix}-1-entry-year=2026")
        html = client.get(f"/en/deadlines/plan?{two}&remove_stay=0").get_data(as_text=True)
        html = re.sub(r"<template.*?</template>", "", html, flags=re.S)  # the row the phone copies
        # One stay is left, the second one (5 May), renumbered.
        assert len(re.findall(r'name="[a-z_]+-\d+-entry-day"', html)) == 1
        assert re.search(r'name="s-0-entry-day"[^>]*value="5"', html)
        assert re.search(r'name="s-0-entry-month"[^>]*value="5"', html)


def test_too_many_earlier_stays(client):
    stays = "&".join(f"previous_stays-{i}-entry-day=1" for i in range(51))
    response = client.get(f"/en/deadlines/plan?citizenship=RU&{stays}")
    assert response.status_code == 400
    assert "Enter at most 50 earlier stays" in response.get_data(as_text=True)


def test_calendar_file(client):
    response = client.get(f"/en/deadlines/plan.ics?{ANSWERS}")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    calendar = Calendar.from_ical(response.data)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    # The registration on the safe date, 30 September; the later reading is told in the description.
    registration = events["Register online by 30 September 2026"]
    assert registration.decoded("dtstart").isoformat() == "2026-09-30"
    leave = events["Leave Kazakhstan by 29 November 2026"]
    assert leave.decoded("dtstart").isoformat() == "2026-11-29"
    assert "Read strictly, the rule gives 1 October 2026" in str(registration["description"])
    for event in events.values():
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger").days == -3  # three days before the date shown
        assert "https://" in str(event["description"])


def test_calendar_file_in_kazakh(client):
    calendar = Calendar.from_ical(client.get(f"/kk/deadlines/plan.ics?{ANSWERS}").data)
    summaries = [str(e["summary"]).replace("\u202f", " ") for e in calendar.walk("VEVENT")]
    assert any("2026 ж. 30 қыркүйек" in s for s in summaries)


def test_unknown_language_and_page_are_localized_404(client):
    assert client.get("/de/").status_code == 404
    response = client.get("/kk/nowhere")
    assert response.status_code == 404
    assert '<html lang="kk">' in response.get_data(as_text=True)


def test_no_cookies_and_security_headers(client):
    for url in ["/", "/ru/", "/en/deadlines/", f"/en/deadlines/plan?{ANSWERS}", f"/en/deadlines/plan.ics?{ANSWERS}"]:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        csp = response.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_inline_script_or_style(client):
    html = client.get(f"/en/deadlines/plan?{ANSWERS}").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html and " style=" not in html


def test_first_view_fits_the_budget(client):
    """DESIGN budget: first view <= 35 KB compressed (HTML, CSS and JS of the start and question pages)."""
    total = 0
    for url in ["/ru/", "/ru/deadlines/"]:
        html = client.get(url).data
        total += len(gzip.compress(html))
    static = Path(__file__).parent.parent / "static"
    for asset in ("css/app.css", "js/app.js"):
        total += len(gzip.compress((static / asset).read_bytes()))
    assert total <= 35 * 1024, total


def test_static_files_are_hashed_and_cached(client):
    html = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{12})"', html).group(1)
    response = client.get(css)
    response.close()
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]


def test_request_lines_are_logged_without_answers(live_request_log):
    assert "citizenship=RU" not in live_request_log
    assert "GET /en/deadlines/plan?… HTTP/1.1" in live_request_log


@pytest.mark.parametrize("day", ["１", "١", "۱"])  # full-width, Arabic-Indic and Persian one
def test_digits_from_other_keyboards_are_understood(client, day):
    response = client.get(f"/en/deadlines/plan?citizenship=RU&entry_date-day={day}&entry_date-month=9&entry_date-year=2026")
    assert response.status_code == 200
    assert "entered on 1 September 2026" in parse(response.get_data(as_text=True)).plain_text


@pytest.mark.parametrize("query", [
    "citizenship=RU&previous_stays-%C2%B2-entry-day=1",  # a superscript two as the index
    "citizenship=RU&previous_stays-99999999999999-entry-day=1",
    "citizenship=RU&entry_date-day=%EF%BC%91&entry_date-month=x%EF%BC%91",
    "remove_stay=%C2%B2&previous_stays-0-entry-day=1",
])
def test_odd_queries_are_answered_without_a_crash(client, query):
    for path in ("/en/deadlines/", "/en/deadlines/plan", "/en/deadlines/plan.ics"):
        assert client.get(f"{path}?{query}").status_code in (200, 400), path


def test_the_safe_date_is_the_date_shown_and_reminded(client):
    # Fri 20 Mar 2026, 30-day visitor under the 2023 rules: 27 March counting the arrival day, the
    # earlier reading; 30 March read strictly.
    query = "citizenship=DE&entry_date-day=20&entry_date-month=3&entry_date-year=2026&accommodation=private&today=2026-03-20"
    text = parse(client.get(f"/en/deadlines/plan?{query}").get_data(as_text=True)).plain_text
    assert "Your host must notify the migration police by 27 March 2026" in text
    assert "the rule gives 30 March 2026." in text
    calendar = Calendar.from_ical(client.get(f"/en/deadlines/plan.ics?{query}").data)
    [notification] = [e for e in calendar.walk("VEVENT") if "notify" in str(e["summary"])]
    assert notification.decoded("dtstart").isoformat() == "2026-03-27"
    assert notification.walk("VALARM")[0].decoded("trigger").days == -3  # 24 March
    [leave] = [e for e in calendar.walk("VEVENT") if "Leave" in str(e["summary"])]
    assert "residence permit" not in str(leave["description"])  # not offered to 30-day visitors


def test_calendar_says_act_now_when_the_limit_is_used_up(client):
    query = ("citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
             "&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026"
             "&previous_stays-0-exit-day=29&previous_stays-0-exit-month=8&previous_stays-0-exit-year=2026")
    calendar = Calendar.from_ical(client.get(f"/en/deadlines/plan.ics?{query}").data)
    [urgent] = [e for e in calendar.walk("VEVENT") if str(e["summary"]).startswith("Act now")]
    assert urgent.decoded("dtstart").isoformat() == "2026-09-05"  # the app's "today" in these tests
    assert "90-day limit was already used" in str(urgent["description"])


def test_an_overstay_with_a_missed_registration_gets_one_act_now_event_today(client):
    """Not one event per warning: one "Act now" today that says both; nothing after the last day."""
    query = "citizenship=AM&entry_date-day=4&entry_date-month=3&entry_date-year=2022&today=2022-07-01"
    [event] = Calendar.from_ical(client.get(f"/en/deadlines/plan.ics?{query}").data).walk("VEVENT")
    assert str(event["summary"]).startswith("Act now") and event.decoded("dtstart").isoformat() == "2022-07-01"
    assert "You should have left by 1 June 2022." in str(event["description"])
    assert "The deadline 9 March 2022 has passed." in str(event["description"])


def test_planning_an_entry_with_the_limit_used_up_gets_no_act_now_on_a_future_day(client):
    query = ("citizenship=RU&entry_date-day=1&entry_date-month=10&entry_date-year=2026&today=2026-09-05"
             "&previous_stays-0-entry-day=1&previous_stays-0-entry-month=4&previous_stays-0-entry-year=2026"
             "&previous_stays-0-exit-day=29&previous_stays-0-exit-month=8&previous_stays-0-exit-year=2026")
    page = client.get(f"/en/deadlines/plan?{query}").get_data(as_text=True)
    assert "90-day limit was already used" in page  # the page says it, today
    events = Calendar.from_ical(client.get(f"/en/deadlines/plan.ics?{query}").data).walk("VEVENT")
    assert not [e for e in events if str(e["summary"]).startswith("Act now")]


def test_pages_with_answers_in_the_query_are_never_cached(client):
    for url in [f"/en/deadlines/plan?{ANSWERS}", f"/en/deadlines/plan.ics?{ANSWERS}", f"/en/deadlines/?{ANSWERS}"]:
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
    assert "no-store" not in client.get("/en/deadlines/").headers.get("Cache-Control", "")


@pytest.mark.parametrize("lang, said", [
    ("ru", "Во время вашего пребывания правила изменились: новые действуют с 1 июля 2026."),
    ("kk", "Сіз елде болған кезде қағидалар өзгерді (жаңа қағидалардың күшіне енген күні: 2026\u202fж. 1 шілде)."),
    ("en", "The rules changed on 1 July 2026, during your stay."),
])
def test_a_stay_that_runs_into_new_rules_says_so(client, lang, said):
    page = client.get(f"/{lang}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=6&entry_date-year=2026")
    assert said in page.get_data(as_text=True)
    before = client.get(f"/{lang}/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026")
    assert said not in before.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_rules_page_gives_every_rule_set_source_and_open_question(client, lang):
    from webapp.deadlines.explain import source_view
    from webapp.rules import rule_book
    from webapp.web.i18n import long_date

    page = client.get(f"/{lang}/rules")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    book = rule_book()
    for source_id, source in book.sources.items():
        assert f'href="{source["url"]}"' in html, source_id
    with client.application.test_request_context(f"/{lang}/rules"):
        from flask_babel import force_locale
        with force_locale(lang):
            for rule_set in book.rule_sets:
                assert long_date(rule_set.valid_from) in html, rule_set.id
            assert long_date(source_view("wpk-notification").checked) in html
    # Fines: the official code is linked and no amount is given.
    assert "adilet.zan.kz/" in html and "/docs/K1400000235" in html
    for amount in ("МРП", "АЕК", "MCI", "₸", "тенге", "теңге"):
        assert amount not in html
    footer = client.get(f"/{lang}/deadlines/").get_data(as_text=True)
    assert f'href="/{lang}/rules"' in footer


def test_the_rules_page_says_what_changed_in_plain_words(client):
    html = client.get("/ru/rules").get_data(as_text=True)
    assert "Въезд с 11 января 2020 по 26 января 2023" in html
    assert "Въезд с 27 января 2023 по 30 июня 2026" in html
    assert "Въезд с 1 июля 2026" in html
    assert "регистрируются сами, онлайн, не позднее 30-го календарного дня" in html
    assert "Правило: не больше 90 дней в любом 180-дневном периоде." in html
    assert "Выходные дни на 2027 год ещё не сверены" in html  # holiday_corrections.json: not verified


@pytest.mark.parametrize("lang, short, reason", [
    ("en", "Register online by 30 September 2026",
     "The sources do not say whether the day you crossed the border is day 1. Counting it as day 1, day 30 is 30 September 2026"),
    ("ru", "Зарегистрируйтесь онлайн не позднее 30 сентября 2026",
     "Источники не уточняют, считается ли первым днём сам день пересечения границы. "
     "Если считать его первым, 30-й день — 30 сентября 2026"),
    ("kk", "2026 ж. 30 қыркүйек",
     "Оны бірінші күн деп санасақ, 30-күн — 2026 ж. 30 қыркүйек"),
])
def test_registration_by_calendar_day_shows_the_earlier_reading(client, lang, short, reason):
    """'By the 30th calendar day after crossing': day 30 is 1 October counting from the day after
    entry, 30 September if the day of crossing is day 1. The sources do not settle it: the page
    gives the earlier date as the date, and the later one under "Why this date?"."""
    page = check_page(_plan(client, lang, "RU", "2026-09-01", "2026-09-01").get_data(as_text=True))
    text = page.plain_text.replace("\u202f", " ")
    assert short in text
    assert reason in text


@pytest.mark.parametrize("lang, text", [
    ("en", "If you stay until 29 November 2026, the first day you may come back is 28 February 2027. "
           "You could then stay 90 days, until 28 May 2027."),
    ("ru", "Если вы выедете из Казахстана 29 ноября 2026, въехать снова можно будет не раньше 28 февраля 2027. "
           "Тогда можно будет пробыть 90 дней — по 28 мая 2027 включительно."),
    ("kk", "қайта кіруге болатын ең ерте күн — 2027 ж. 28 ақпан"),
])
def test_the_result_says_when_you_may_come_back(client, lang, text):
    """All 90 days used from 1 September: back from 28 February, when 1 September has left the
    180 days before the entry (tests/vectors/next_entry.json works it out)."""
    page = check_page(_plan(client, lang, "RU", "2026-09-01", "2026-09-05").get_data(as_text=True))
    assert text in page.plain_text.replace("\u202f", " ")
    heading = {"ru": "Повторный въезд в Казахстан", "kk": "Қазақстанға қайта келу", "en": "Coming back to Kazakhstan"}[lang]
    assert heading in page.plain_text


def test_the_day_of_leaving_is_asked_and_counted_from(client):
    """Optional: without it the return counts from the last day allowed; with it, from that day."""
    questions = client.get("/en/deadlines/").get_data(as_text=True)
    assert 'name="exit_date-day"' in questions
    html = _plan(client, "en", "RU", "2026-09-01", "2026-09-05", exit_date="2026-09-30").get_data(as_text=True)
    text = check_page(html).plain_text
    assert ("Leaving on 30 September 2026, the first day you may come back is 1 October 2026. "
            "You could then stay 60 days, until 29 November 2026.") in text


def test_leaving_after_the_last_day_is_a_warning_not_a_return_date(client):
    html = _plan(client, "en", "RU", "2026-09-01", "2026-09-05", exit_date="2026-12-03").get_data(as_text=True)
    text = check_page(html).plain_text
    assert "You plan to leave 4 days after the last day you may stay, 29 November 2026." in text
    assert "Coming back to Kazakhstan" not in text


@pytest.mark.parametrize("exit_day, message", [
    ("exit_date-day=31&exit_date-month=8&exit_date-year=2026",
     "The date you left must be the same as or after the date you entered"),
    ("exit_date-day=31&exit_date-month=9", "The date must include a year"),
])
def test_a_wrong_day_of_leaving_is_explained_next_to_it(client, exit_day, message):
    response = client.get("/en/deadlines/plan?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
                          f"&{exit_day}&today=2026-09-05")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'href="#exit_date' in html and message in html
    assert re.search(r'name="exit_date-day"[^>]*value="31"', html)  # what was typed stays


def test_the_days_of_the_window_are_listed_day_by_day(client):
    """The 180 days ending on the last day: an earlier trip and this stay, in words (the phone
    draws them as a grid from the same runs)."""
    html = _plan(client, "en", "KG", "2026-05-01", "2026-05-20", stays=[("2026-01-10", "2026-02-28")]).get_data(as_text=True)
    text = check_page(html).plain_text
    assert "Days in Kazakhstan from 12 December 2025 to 9 June 2026: 90 of 90." in text
    assert "10 January 2026 to 28 February 2026: 50 days" in text
    assert "1 May 2026 to 9 June 2026: 40 days" in text
    grid = re.search(r'<div class="day-grid"[^>]*>', html).group(0)
    assert 'data-runs="2026-01-10/2026-02-28 2026-05-01/2026-06-09"' in grid
    assert 'data-months="Dec,Jan,Feb,Mar,Apr,May,Jun"' in grid


def test_at_the_border_with_the_days_used_up_the_first_day_allowed_is_given(client):
    html = _plan(client, "en", "RU", "2026-09-01", "2026-09-01", stays=[("2026-06-01", "2026-08-29")]).get_data(as_text=True)
    text = check_page(html).plain_text
    assert "the 90-day limit was already used" in text
    assert "An entry is allowed again from 28 November 2026. You could then stay 90 days, until 25 February 2027." in text


@pytest.mark.parametrize("language, working_days, days", [
    ("ru", ["1 рабочего дня", "3 рабочих дней", "5 рабочих дней"], ["1 день", "21 день", "3 дня", "90 дней"]),
    ("kk", ["1 жұмыс күні", "3 жұмыс күні", "5 жұмыс күні"], ["1 күн", "21 күн", "3 күн", "90 күн"]),
    ("en", ["1 working day", "3 working days", "5 working days"], ["1 day", "21 days", "3 days", "90 days"]),
])
def test_rule_numbers_are_written_by_their_names(app, language, working_days, days):
    """webapp/messages.py rule_words: "…working_days" and "…days" through ngettext, others bare."""
    from flask_babel import force_locale

    from webapp.messages import rule_words

    with app.test_request_context(), force_locale(language):
        assert [rule_words({"working_days": n})["working_days"] for n in (1, 3, 5)] == working_days
        assert [rule_words({"stay_days": n})["stay_days"] for n in (1, 21, 3, 90)] == days
        assert rule_words({"window": 180, "leave_by": "x"}) == {"window": 180, "leave_by": "x"}


def test_sentences_follow_the_rule_data(app, monkeypatch):
    """A changed number in the rules changes the sentences that give it: none is written in them."""
    from dataclasses import replace

    from flask_babel import force_locale

    from webapp import messages
    from webapp.deadlines.explain import warning_text
    from webapp.guidance.content import WHAT_IF
    from webapp.rules import rule_book
    from webapp.rules.evaluator import Warning

    book = rule_book()
    moving = next(answer for answer in WHAT_IF if answer.id == "moving")
    summary = messages.RULE_SET_SUMMARIES["kz-2026-self-registration"]
    with app.test_request_context(), force_locale("en"):
        assert str(moving.paragraphs[0]).startswith("From 1 July 2026 you register again within 5 working days;")
        assert "within 5 working days. The limit of 90 days in any 180-day period stays." in str(summary)
        rules_2026 = book.rule_set("kz-2026-self-registration")
        note = warning_text(Warning("thirty_day_visitors_2026_unclear", dict(rules_2026.notes_for("visa_free_30"))[
            "thirty_day_visitors_2026_unclear"]))
        assert "with a 90-day stay" in note and "with a 30-day stay" in note and "within 3 working days as before" in note

        eaeu = rules_2026.groups["eaeu"]
        changed = replace(rules_2026, groups={**rules_2026.groups, "eaeu": {
            **eaeu, "address_change": {**eaeu["address_change"], "working_days": 7},
            "stay": {**eaeu["stay"], "window": {"max_days": 60, "window_days": 120}}}})
        monkeypatch.setattr(messages, "rule_book", lambda: replace(book, rule_sets=(
            *[r for r in book.rule_sets if r.id != changed.id], changed)))
        assert str(moving.paragraphs[0]).startswith("From 1 July 2026 you register again within 7 working days;")
        assert "within 7 working days. The limit of 60 days in any 120-day period stays." in str(summary)
    with app.test_request_context(), force_locale("ru"):
        assert "в течение 7 рабочих дней" in str(moving.paragraphs[0])


@pytest.mark.parametrize("language, expected", [
    ("ru", "Прошлые поездки в Казахстан за последние 180 дней"),
    ("kk", "Соңғы 180 күн ішінде Қазақстанға жасаған бұрынғы сапарларыңыз"),
    ("en", "Earlier stays in Kazakhstan in the last 180 days"),
])
def test_the_questions_give_the_rules_window(client, language, expected):
    assert expected in client.get(f"/{language}/deadlines/").get_data(as_text=True)


def test_a_stay_that_has_ended_is_told_in_the_past(client):
    """The issue's case: entry 1 Sep, left 15 Oct, asked on 2 Dec: 45 days, no overstay, nothing to do now."""
    html = _plan(client, "en", "RU", "2026-09-01", "2026-12-02", exit_date="2026-10-15").get_data(as_text=True)
    page = check_page(html)
    text = page.plain_text
    assert "You left Kazakhstan on 15 October 2026." in text
    assert "Days used in the 180 days up to 15 October 2026: 45 of 90." in text
    assert "Was due while you were in Kazakhstan" in text
    assert "You left on 15 October 2026" in text
    # Coming back: from today (the days between are past), with the 45 days the window leaves.
    assert ("You left on 15 October 2026. You may enter again from 2 December 2026 and could then stay 45 days,"
            " until 15 January 2027.") in text
    assert "16 October 2026" not in text
    for wrong in ("too long", "overdue", "Do it now", "call 1414 now", "If you move", "temporary residence permit"):
        assert wrong not in text, wrong
    assert "warning-urgent" not in html and "tag-red" not in html
    # Each date as a fact, not a thing to do; nothing ahead to put in a calendar, no document to make.
    titles = [h.strip() for h in re.findall(r'<h2 class="step-title">([^<]*)</h2>', html)]
    assert titles[:2] == ["Registration deadline: 30 September 2026", "Last day you could stay: 29 November 2026"]
    for wrong in ("Register online by", "Leave Kazakhstan by", "Add to my calendar", "Prepare my documents", "Send to your host"):
        assert wrong not in text, wrong
    assert "Keep the proof" in text
    calendar = client.get("/en/deadlines/plan.ics?citizenship=RU&entry_date-day=1&entry_date-month=9&entry_date-year=2026"
                          "&exit_date-day=15&exit_date-month=10&exit_date-year=2026&today=2026-12-02").get_data(as_text=True)
    assert "BEGIN:VCALENDAR" in calendar and "BEGIN:VEVENT" not in calendar


def test_a_stay_that_ends_later_still_says_what_to_do(client):
    """The same trip asked on 10 October, before the day of leaving: the dates are still things to do."""
    html = _plan(client, "en", "RU", "2026-09-01", "2026-09-20", exit_date="2026-10-15").get_data(as_text=True)
    text = check_page(html).plain_text
    assert "Register online by 30 September 2026" in text and "Leave Kazakhstan by 29 November 2026" in text
    assert "Add to my calendar" in text and "Prepare my documents" in text


def test_a_stay_of_2022_is_not_an_overstay_nor_a_change_of_rules(client):
    html = _plan(client, "en", "RU", "2022-10-03", "2026-12-02", exit_date="2022-12-30").get_data(as_text=True)
    text = check_page(html).plain_text
    assert "You left Kazakhstan on 30 December 2022." in text
    # The date shown is the earlier reading (3 working days counting the day of arrival, Monday 3 October).
    assert "Deadline for the notice of your arrival: 5 October 2022" in text
    for wrong in ("too long", "overdue", "Do it now", "The rules changed"):
        assert wrong not in text, wrong
    assert "warning-urgent" not in html


def test_leaving_late_is_an_overstay_in_the_past(client):
    html = _plan(client, "en", "RU", "2026-09-01", "2026-12-20", exit_date="2026-12-05").get_data(as_text=True)
    text = check_page(html).plain_text
    assert ("You left on 5 December 2026, 6 days after the last day you could stay, 29 November 2026. Before you come back,"
            " ask the migration police or the free hotline 1414 whether this affects a new entry.") in text
    assert "Do it now" not in text and "call 1414 now" not in text


@pytest.mark.parametrize("lang, said", [
    ("en", "You must leave Kazakhstan by 11 December 2026, before your registration deadline, 19 December 2026. "
           "The sources set that deadline at calendar day 30 after crossing the border"),
    ("ru", "Вам нужно выехать из Казахстана не позднее 11 декабря 2026 — раньше срока регистрации, 19 декабря 2026."),
    ("kk", "тіркелу мерзімінен (2026 ж. 19 желтоқсан) ерте."),
])
def test_a_last_day_before_the_registration_deadline_is_said_first(client, lang, said):
    html = _plan(client, lang, "RU", "2026-11-20", "2026-12-02", stays=[("2026-07-10", "2026-09-15")]).get_data(as_text=True)
    page = check_page(html)
    assert said in page.plain_text
    # The first warning on the page, before any step.
    first_warning = re.search(r'<div class="warning[^"]*">(.*?)</div>', html, re.S).group(1)
    assert said in re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", first_warning)))
    assert html.index("warning") < html.index('class="steps"')


def test_the_print_page_names_its_icon(client):
    """Without an icon of its own a browser asks for /favicon.ico, which is a 404 (the only error
    the print page's console showed)."""
    import re

    html = client.get("/documents/print").get_data(as_text=True)
    icon = re.search(r'<link rel="icon"[^>]* href="([^"]+)"', html)
    assert icon
    response = client.get(icon.group(1))
    assert response.status_code == 200 and response.mimetype == "image/png"
    response.close()

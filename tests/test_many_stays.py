"""The deadlines form holds every earlier stay it accepts (rules/inputs.py MAX_PREVIOUS_STAYS): its
answers travel in the address, which nginx and gunicorn refuse past 8 KB (gunicorn's hard maximum
of a request line is 8190). The questions page is filled as a browser without JavaScript fills it —
each row added with its button, every field at its longest — and sent; the address it makes is
well under 8 000 bytes, and the plan counts every stay. Addresses of before, whose rows were named
previous_stays-<n>-…, give the same plan (webapp/case.py ROWS)."""
from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from html.parser import HTMLParser
from urllib.parse import quote_plus, urlencode

import pytest

from webapp.golden.deadlines import DTSTAMP
from webapp.rules import NotCovered, evaluate, inputs
from webapp.rules.evaluator import PlanInput, Stay
from webapp.web.i18n import countries, languages

# What nginx and gunicorn take is 8 KB for the whole request line; the address stays well under it.
MOST_BYTES = 7_000
TODAY = date(2026, 1, 12)
ENTRY, EXIT = date(2026, 1, 10), date(2026, 1, 31)
# One-day stays, every other day from 1 October 2025: all 50 in the 180 days before the day of leaving.
STAYS = [date(2025, 10, 1) + timedelta(days=2 * i) for i in range(inputs.MAX_PREVIOUS_STAYS)]


class FormParser(HTMLParser):
    """The deadlines form as a browser sends it: its fields (not the row the phone copies, inside
    <template>), the options of its radios and select, and its buttons."""

    def __init__(self):
        super().__init__()
        self.fields: list[list[str]] = []  # [name, value]
        self.choices: dict[str, list[str]] = {}
        self.buttons: dict[str, dict] = {}
        self._in_form = self._in_template = False
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("data-journey") == "deadlines":
            self._in_form = True
        elif tag == "template":
            self._in_template = True
        if not self._in_form or self._in_template:
            return
        if tag == "input" and a.get("type") == "radio":
            self.choices.setdefault(a["name"], []).append(a["value"])
        elif tag == "input":
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "select":
            self._select = a["name"]
            self.fields.append([a["name"], ""])
        elif tag == "option" and self._select:
            self.choices.setdefault(self._select, []).append(a.get("value", ""))
        elif tag == "button" and a.get("name"):
            self.buttons[a["name"]] = a

    def handle_endtag(self, tag):
        if tag == "template":
            self._in_template = False
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def _form(html: str) -> FormParser:
    parser = FormParser()
    parser.feed(html)
    return parser


def _set(fields: list[list[str]], name: str, value: str) -> None:
    found = [field for field in fields if field[0] == name]
    assert found, name
    found[0][1] = value


def _date(fields, name: str, day: date) -> None:
    for part, value in (("day", f"{day.day:02}"), ("month", f"{day.month:02}"), ("year", f"{day.year:04}")):
        _set(fields, f"{name}-{part}", value)  # every part as long as its box takes (2, 2, 4)


@pytest.fixture(scope="module")
def longest_country(app):
    """The passport country whose name takes the most bytes in an address (its longest name in any
    language, as typed without JavaScript) among those counted in a window of days, and that language."""
    counted: dict[str, bool] = {}
    with app.test_request_context("/en/"):
        names = [(len(quote_plus(name)), language, code, name) for language in languages() for code, name in countries(language)]
        for code in {code for _n, _l, code, _name in names}:
            try:
                plan = evaluate(PlanInput(citizenship=code, entry_date=ENTRY, today=TODAY, exit_date=EXIT))
            except NotCovered:  # Kazakhstan itself
                plan = None
            counted[code] = bool(plan and plan.stay and plan.stay.window_days)
    return max(entry for entry in names if counted[entry[2]])


def _fill_the_questions(client, language: str, country: str) -> tuple[str, list[list[str]]]:
    """The questions page without JavaScript: every answer, and each earlier stay added with the
    page's own button (a GET to its formaction) and filled. The form's action and fields."""
    page = _form(client.get(f"/{language}/deadlines/?today={TODAY.isoformat()}").get_data(as_text=True))
    fields = page.fields
    for n in range(inputs.MAX_PREVIOUS_STAYS):
        add = page.buttons["add_stay"]
        query = urlencode([*map(tuple, fields), ("add_stay", add["value"])])
        response = client.get(add["formaction"].split("#")[0] + "?" + query)
        assert response.status_code == 200
        page = _form(response.get_data(as_text=True))
        fields = page.fields
        rows = sorted({int(m.group(1)) for name, _v in fields if (m := re.match(r"[a-z_]+-(\d+)-entry-day$", name))})
        assert len(rows) == n + 1
        row = next(name for name, _v in fields if name.endswith(f"-{rows[-1]}-entry-day")).removesuffix("-entry-day")
        _date(fields, f"{row}-entry", STAYS[n])
        _date(fields, f"{row}-exit", STAYS[n])
    assert "add_stay" not in page.buttons or len(rows) == inputs.MAX_PREVIOUS_STAYS
    _set(fields, "citizenship", country)
    _date(fields, "entry_date", ENTRY)
    _date(fields, "exit_date", EXIT)
    longest = {name: max(values, key=lambda v: len(quote_plus(v))) for name, values in page.choices.items()}
    _set(fields, "checkpoint", longest["checkpoint"])
    fields += [["earlier_stays", "yes"], ["accommodation", longest["accommodation"]]]
    return page, fields


def test_fifty_earlier_stays_at_their_longest_fit_the_address_and_all_count(client, longest_country):
    _bytes, language, code, name = longest_country
    page, fields = _fill_the_questions(client, language, name)
    query = urlencode([tuple(field) for field in fields])
    url = f"/{language}/deadlines/plan?{query}"
    request_line = f"GET {url} HTTP/1.1\r\n".encode()
    print(f"{len(request_line)} bytes: {name} ({language}), {inputs.MAX_PREVIOUS_STAYS} earlier stays")
    assert len(request_line) < MOST_BYTES, len(request_line)
    assert sum(1 for key, _v in fields if re.fullmatch(r"s-\d+-entry-day", key)) == inputs.MAX_PREVIOUS_STAYS

    response = client.get(url)
    assert response.status_code == 200, re.findall(r'class="error-message"[^>]*>(.*?)</p>', response.get_data(as_text=True))
    # All 50 days of the earlier stays count, and the days of this stay.
    expected = evaluate(PlanInput(citizenship=code, entry_date=ENTRY, today=TODAY, exit_date=EXIT,
                                  previous_stays=tuple(Stay(day, day) for day in STAYS),
                                  checkpoint=dict(fields)["checkpoint"], accommodation=dict(fields)["accommodation"]))
    assert expected.stay.days_before_entry_in_window == inputs.MAX_PREVIOUS_STAYS
    english = client.get(url.replace(f"/{language}/", "/en/", 1)).get_data(as_text=True)

    def said(day: date) -> str:
        return f"{day.day} {day:%B %Y}"

    window = expected.stay.window_days
    assert (f"Days used in the {window} days up to {said(expected.stay.reference_day)}: {expected.stay.days_used} of "
            f"{expected.stay.max_days_in_window}.") in english
    assert expected.stay.days_used == inputs.MAX_PREVIOUS_STAYS + (TODAY - ENTRY).days + 1
    # Day by day, to the day of leaving: the 50 earlier days and the 22 of this stay.
    start = EXIT - timedelta(days=window - 1)
    assert (f"Days in Kazakhstan from {said(start)} to {said(EXIT)}: {inputs.MAX_PREVIOUS_STAYS + (EXIT - ENTRY).days + 1} of "
            f"{expected.stay.max_days_in_window}.") in english
    assert english.count(": 1 day</li>") == inputs.MAX_PREVIOUS_STAYS  # each earlier stay, day by day


def _plan_text(html: str) -> str:
    """The result page as read: its text, without the addresses of its links (which carry the query)."""
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r'\s(?:href|action|formaction)="[^"]*"', "", main)


def test_an_address_of_before_gives_the_same_plan(client):
    def fields(prefix: str) -> list[tuple[str, str]]:
        out = [("citizenship", "RU"), ("entry_date-day", "10"), ("entry_date-month", "1"), ("entry_date-year", "2026"),
               ("today", TODAY.isoformat()), ("earlier_stays", "yes"), ("accommodation", "private")]
        for i, day in enumerate(STAYS[:12]):
            for kind in ("entry", "exit"):
                out += [(f"{prefix}-{i}-{kind}-day", str(day.day)), (f"{prefix}-{i}-{kind}-month", str(day.month)),
                        (f"{prefix}-{i}-{kind}-year", str(day.year))]
        return out

    today_s = client.get("/en/deadlines/plan?" + urlencode(fields("s")))
    before = client.get("/en/deadlines/plan?" + urlencode(fields("previous_stays")))
    assert today_s.status_code == before.status_code == 200
    assert "Days used in the 180 days up to" in today_s.get_data(as_text=True)
    assert _plan_text(before.get_data(as_text=True)) == _plan_text(today_s.get_data(as_text=True))
    assert "12 of 90" not in today_s.get_data(as_text=True)  # the current stay's days count too
    # "Change your answers" from an address of before shows its rows under today's names, filled.
    questions = client.get("/en/deadlines/?" + urlencode(fields("previous_stays"))).get_data(as_text=True)
    assert re.search(r'name="s-11-exit-day"[^>]*value="23"', questions) and 'name="previous_stays-' not in questions
    # The calendar file too (but for its DTSTAMP, the second it was made: two requests may straddle one).
    def calendar(prefix: str) -> bytes:
        return DTSTAMP.sub(b"", client.get("/en/deadlines/plan.ics?" + urlencode(fields(prefix))).data)

    assert calendar("previous_stays") == calendar("s")


def test_the_link_to_the_documents_carries_all_fifty_stays_and_fits(client, longest_country):
    """"Prepare my documents" on the result: the case with its 50 earlier stays, in an address that
    nginx and gunicorn take, and the documents' step that asks them shows all 50."""
    _bytes, language, _code, name = longest_country
    _page, fields = _fill_the_questions(client, language, name)
    html = client.get(f"/{language}/deadlines/plan?{urlencode([tuple(f) for f in fields])}").get_data(as_text=True)
    link = unescape(re.search(r'href="(/[a-z]{2}/documents/passport\?[^"]+)"', html).group(1))
    assert len(f"GET {link} HTTP/1.1\r\n".encode()) < MOST_BYTES, len(link)
    entry = client.get(link.replace("/documents/passport?", "/documents/entry?", 1)).get_data(as_text=True)
    for n, day in enumerate(STAYS):
        assert re.search(rf'name="previous_stays-{n}-entry-day"[^>]*value="0?{day.day}"', entry), n

"""Browser fixtures: a live server on 127.0.0.1 and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from webapp import create_app

from ..conftest import TODAY

# The pages' module (its one <script type="module">), as a page's own scripts import it: the page
# keeps no globals, so the tests reach the device store and the answers through it.
PAGES_MODULE = "import(document.querySelector('script[type=module]').src)"
STORE = PAGES_MODULE + ".then(m => m.store)"

ROOT = Path(__file__).parent.parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium off the network it does not have here (see the env notes).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@contextmanager
def serving(app):
    """A WSGI app on 127.0.0.1 in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
        gc.collect()  # collect leaked handles now, in a browser test's teardown (see below)


@pytest.fixture(scope="session")
def live_server():
    with serving(create_app({"TODAY": TODAY})) as base:
        yield base


def wait_value(page, selector: str, value: str, timeout_s: float = 10) -> None:
    """Poll a field until it holds `value` (our CSP forbids the eval page.wait_for_function needs)."""
    deadline = time.monotonic() + timeout_s
    while page.input_value(selector) != value:
        assert time.monotonic() < deadline, f"{selector} never became {value!r}"
        page.wait_for_timeout(50)


def choose_country(page, field: str, code: str, typed: str, javascript: bool) -> None:
    """With JavaScript, type in the combobox static/js/app.js makes of the text box (once it is
    one) and tap `code` in its list; without, type the country's name as a person would."""
    if javascript:
        page.wait_for_selector(f"#{field}[role=combobox]")
        page.fill(f"#{field}", typed)
        page.click(f"#{field}-option-{code}")
        assert page.input_value(f"[name={field}]") == code
    else:
        assert page.get_attribute(f"#{field}", "type") == "text"
        page.fill(f"#{field}", typed)


def open_device_answers(page) -> None:
    """Open "Your answers on this device" in the footer (one line until opened), once it is there."""
    page.wait_for_selector("#device-answers:not([hidden]) summary")
    if not page.eval_on_selector("#device-answers", "panel => panel.open"):
        page.click("#device-answers summary")


def axe_violations(page) -> list:
    """axe-core's WCAG 2.2 AA and best-practice findings on the page as it is now (needs a context
    with bypass_csp: axe is injected as a script)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})")
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A phone: 360 px wide, touch.
    return {**browser_context_args, "viewport": {"width": 360, "height": 760}, "has_touch": True, "is_mobile": True}


@pytest.fixture()
def nojs_page(browser, browser_context_args):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture()
def axe_page(browser, browser_context_args):
    """A page where axe-core can be injected despite our strict CSP."""
    context = browser.new_context(**browser_context_args, bypass_csp=True)
    yield context.new_page()
    context.close()


class Journey:
    """The user's steps through "My deadlines", the same with or without JavaScript."""

    COUNTRY_SEARCH = {"ru": "Росс", "kk": "Ресей", "en": "Russia"}
    # Typed without JavaScript: as a passport prints it, in another case, in another language.
    COUNTRY_TYPED = {"RU": {"ru": "российская федерация", "kk": "Ресей", "en": "Russia"},
                     "BY": {"ru": "Белоруссия", "kk": "Беларусь", "en": "belarus"}}
    # What the text box shows once the server has found it.
    COUNTRY_SHOWN = {"RU": {"ru": "Россия", "kk": "Ресей", "en": "Russia"},
                     "BY": {"ru": "Беларусь", "kk": "Беларусь", "en": "Belarus"}}

    def __init__(self, page, base: str, lang: str):
        self.page, self.base, self.lang = page, base, lang

    def start(self):
        self.page.goto(f"{self.base}/{self.lang}/")
        self.page.click(".button-start")
        self.page.wait_for_url(f"**/{self.lang}/deadlines/")

    def choose_country(self, code: str, search: bool):
        if search:  # typed in the combobox, its best match taken with Enter
            self.page.wait_for_selector("#citizenship[role=combobox]")
            self.page.fill("#citizenship", self.COUNTRY_SEARCH[self.lang])
            self.page.keyboard.press("Enter")
            assert self.page.input_value("[name=citizenship]") == code
        else:
            choose_country(self.page, "citizenship", code, self.COUNTRY_TYPED[code][self.lang], javascript=False)

    def country_kept(self, code: str, search: bool) -> bool:
        """The country is still there after a round trip: its name in the box, and with JavaScript
        its code in the field the form sends."""
        shown = self.page.input_value("#citizenship") == self.COUNTRY_SHOWN[code][self.lang]
        return shown and (not search or self.page.input_value("[name=citizenship]") == code)

    def enter_date(self, field: str, day: int, month: int, year: int):
        self.page.fill(f"#{field}-day", str(day))
        self.page.fill(f"#{field}-month", str(month))
        self.page.fill(f"#{field}-year", str(year))

    def choose_accommodation(self, index: int):
        self.page.click(f"label[for=accommodation-{index}]")

    def submit(self):
        self.page.click("form > button.button:not([name])")
        self.page.wait_for_load_state()


def pytest_collection_modifyitems(items):
    # The development server in the live_server thread leaks an open static file when the browser
    # drops a connection mid-response (a service worker's precache fetch cut short by a navigation).
    # Python reports that later, during garbage collection, in whichever test runs then: not a
    # defect of the app, and not something the test in progress did.
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"))
            item.add_marker(pytest.mark.filterwarnings("ignore::ResourceWarning"))

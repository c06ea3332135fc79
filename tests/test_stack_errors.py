"""nginx's own errors through the production stack (deploy/stack.py): small static pages in the
reader's language with the app's headers (static/errors/, deploy/nginx-tirkeu.conf)."""
from __future__ import annotations

import http.client

import pytest

from deploy.stack import Stack
from webapp.web.headers import CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY

pytestmark = pytest.mark.load


def send(stack: Stack, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    finally:
        connection.close()


def assert_the_apps_headers(headers: dict) -> None:
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["permissions-policy"] == PERMISSIONS_POLICY
    assert headers["referrer-policy"] == "same-origin" and headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store" and headers["content-type"].startswith("text/html")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    with Stack(tmp_path_factory.mktemp("stack")) as running:
        yield running


def test_a_body_too_large_is_nginxs_small_page_in_russian_with_the_apps_headers(stack):
    status, headers, body = send(stack, "POST", "/api/v1/plan", b"{" + b" " * 70 * 1024 + b"}",
                                 {"Content-Type": "application/json"})
    assert status == 413 and "Отправлено слишком много данных" in body and '<html lang="ru">' in body, body
    assert len(body) < 2000
    assert_the_apps_headers(headers)


def test_an_address_too_long_on_a_kazakh_page_is_the_kazakh_page(stack):
    status, headers, body = send(stack, "GET", "/kk/deadlines/plan?citizenship=RU&x=" + "a" * 9 * 1024)
    assert status == 414 and '<html lang="kk">' in body and "Мекенжай тым ұзын" in body, body
    assert_the_apps_headers(headers)


def test_headers_too_large_follow_the_browsers_language(stack):
    status, headers, body = send(stack, "GET", "/deadlines/", headers={"Accept-Language": "en-GB,en;q=0.9",
                                                                        "X-Big": "b" * 17000})
    assert status == 400 and '<html lang="en">' in body and "This request could not be handled" in body, body
    assert_the_apps_headers(headers)


def test_no_instance_answering_is_the_502_page(stack):
    stack.stop_app(0)
    stack.stop_app(1)
    try:
        status, headers, body = send(stack, "GET", "/en/deadlines/")
        assert status == 502 and "Tirkeu is not available for a moment" in body, body
        assert_the_apps_headers(headers)
        status, _, body = send(stack, "GET", "/deadlines/", headers={"Accept-Language": "kk"})
        assert status == 502 and "Tirkeu біраз уақытқа қолжетімсіз" in body
    finally:
        stack.start_app(0)
        stack.start_app(1)


def test_a_client_over_nginxs_rate_gets_the_429_page_in_its_language(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with Stack(tmp_path, client_rate="1r/s") as limited, ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda _: send(limited, "GET", "/kk/deadlines/"), range(260)))
    refused = [(headers, body) for status, headers, body in answers if status == 429]
    assert refused, sorted({status for status, _, _ in answers})
    headers, body = refused[0]
    assert '<html lang="kk">' in body and "Біраз күте тұрыңыз" in body, body
    assert_the_apps_headers(headers)
    assert int(headers["retry-after"]) > 0

"""nginx's own error pages (static/errors/) are what `flask errors write` makes of the app's
templates and catalogs today: a changed text or translation without writing them again fails."""
from __future__ import annotations

from webapp.web.cli import ERROR_PAGES, NGINX_ERRORS, error_pages


def test_the_committed_error_pages_are_what_the_command_writes(app):
    with app.app_context():
        expected = error_pages()
    written = {path.relative_to(ERROR_PAGES).as_posix(): path.read_text(encoding="utf-8")
               for path in ERROR_PAGES.glob("*/*.html")}
    assert written == expected, "run: flask --app webapp errors write"
    assert len(expected) == 3 * len(NGINX_ERRORS)
    assert "Мекенжай тым ұзын" in expected["kk/414.html"] and "The address is too long" in expected["en/414.html"]
    assert all(len(text) < 2000 for text in expected.values())

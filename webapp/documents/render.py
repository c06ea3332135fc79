"""PDF rendering with WeasyPrint: one font configuration and one parsed stylesheet per process, a
URL fetcher that serves only our own static files and data: URLs, and a time limit on each render
(the memory limit is the worker's: deploy/gunicorn.conf.py)."""
from __future__ import annotations

import atexit
import gc
import mimetypes
import os
import re
import shutil
import signal
import threading
import unicodedata
from contextlib import contextmanager
from functools import lru_cache

import pydyf
from markupsafe import escape
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags as pdf_tags
from weasyprint.text.ffi import ffi, fontconfig, pangoft2
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..web.config import ROOT
from .fonts import drawn

STATIC = (ROOT / "static").resolve()
# Relative URLs in documents resolve against this address, which names no real host (.invalid is
# reserved); the fetcher maps it to the static folder and never opens a connection.
BASE_URL = "https://static.tirkeu.invalid/"
# The fonts of css/documents.css (fonts.FONTS) are the only ones WeasyPrint may use
# (ShippedFontsOnly). A character neither has would be drawn as a blank .notdef box, which also
# makes WeasyPrint give the font a custom encoding that text extraction misreads; printable()
# keeps such characters out.
# A character the fonts lack that is dropped rather than shown as "?": emoji and other symbols,
# their variation selectors, skin tones and other combining marks.
_DROPPED_CATEGORIES = ("So", "Sk", "Mn", "Me", "Cf")


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(BASE_URL):
            path = (STATIC / url[len(BASE_URL):].split("?")[0]).resolve()
            if path.is_file() and path.is_relative_to(STATIC):
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})
        raise FatalURLFetchingError(f"Documents may only use Tirkeu's own static files, not {url[:80]!r}")


ffi.cdef("FcConfig * FcConfigCreate (void);")  # WeasyPrint declares only what it calls itself


class ShippedFontsOnly(FontConfiguration):
    """WeasyPrint's font configuration without the server's fonts: WeasyPrint starts from the
    system's fontconfig (every installed font, which Pango falls back to for a character the
    documents' fonts lack); this one starts from an empty fontconfig configuration, so the fonts of
    css/documents.css's @font-face rules are the only ones Pango can choose, whatever the server
    has installed. A character they lack is drawn as their blank box, never by another font."""

    def __init__(self):
        super().__init__()
        self._config = fontconfig.FcConfigCreate()
        pangoft2.pango_fc_font_map_set_config(ffi.cast("PangoFcFontMap *", self.font_map), self._config)
        fontconfig.FcConfigDestroy(self._config)  # the font map keeps its own reference, as in WeasyPrint's


# Tagged PDF (PDF/UA-1): WeasyPrint builds the structure tree (headings, tables with their header
# cells, lists, paragraphs in reading order), marks the document's language from <html lang>, and
# writes the title, shown by viewers, and the XMP metadata. PDF/UA also asks that a part in
# another language says so (ISO 14289-1, 7.2), which WeasyPrint 70 does not do: _with_languages
# gives each structure element made from an element with its own lang="" attribute a /Lang. And
# it leaves the page numbers (the page's margin boxes) out of the tree, which PDF/UA forbids for
# content that is not marked as an artifact: here they are the page's last paragraph.
PDF_VARIANT = "pdf/ua-1"
_build_box_tree = pdf_tags._build_box_tree


def _with_languages(box, parent, *args):
    if isinstance(box, boxes.MarginBox):
        for child in box.children:
            yield from _with_languages(child, parent, *args)
        return
    for element in _build_box_tree(box, parent, *args):
        source = getattr(box, "element", None)
        # Not html and body (the document's /Lang), nor a ::before, which is inside its element.
        own = source is not None and box.element_tag not in ("html", "body") and "::" not in box.element_tag
        language = source.get("lang") if own else None
        if language and "Lang" not in element:
            element["Lang"] = pydyf.String(language)
        yield element


pdf_tags._build_box_tree = _with_languages  # the recursion looks the name up in the module, so it reaches every box


@lru_cache(maxsize=1)
def _shared() -> tuple[FontConfiguration, CSS, StaticOnlyFetcher]:
    fonts = ShippedFontsOnly()
    _font_configurations[os.getpid()] = fonts
    fetcher = StaticOnlyFetcher()
    stylesheet = CSS(url=BASE_URL + "css/documents.css", font_config=fonts, url_fetcher=fetcher)
    return fonts, stylesheet, fetcher


# The font configuration made by this process (not one inherited from the process it was forked
# from, which may still use its folder).
_font_configurations: dict[int, FontConfiguration] = {}


@atexit.register
def remove_temporary_files() -> None:
    """Remove the folder WeasyPrint's font configuration writes the documents' fonts to (in the
    temporary directory, weasyprint-*): a process that ends leaves nothing behind. gunicorn's
    workers call it from deploy/gunicorn.conf.py's worker_exit; other servers at exit."""
    fonts = _font_configurations.pop(os.getpid(), None)
    if fonts is None:
        return
    _shared.cache_clear()
    folder = getattr(fonts, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None


@lru_cache(maxsize=1)
def _missing() -> re.Pattern:
    """Matches one character that some font of fonts.FONTS lacks (the markup's ASCII is in every one)."""
    covered = drawn() | {ord(c) for c in "\t\n\r"}
    ranges, start, previous = [], None, None
    for code in sorted(covered):
        if start is None:
            start = previous = code
        elif code == previous + 1:
            previous = code
        else:
            ranges.append((start, previous))
            start = previous = code
    ranges.append((start, previous))
    return re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


@lru_cache(maxsize=1)
def _missing_after_space() -> re.Pattern:
    """One such character and the space before it, if any: a dropped emoji takes its space along."""
    return re.compile(f"( ?)({_missing().pattern})")


def _replacement(match: re.Match) -> str:
    space, char = match.groups()
    compatible = unicodedata.normalize("NFKD", char)  # "ﬁ" → "fi", "１" → "1", "ễ" → "e" and its accents
    if compatible != char and not _missing().search(compatible):
        return space + str(escape(compatible))  # "＜" is "<" as text, never markup
    return "" if unicodedata.category(char) in _DROPPED_CATEGORIES else space + "?"


def printable(html: str) -> str:
    """The HTML with only characters that Tirkeu's own fonts draw: an emoji or another symbol they
    lack is left out with the space before it ("улица Абая 🏠" prints "улица Абая"), a letter of
    a script they lack becomes "?", in place of another font's glyph or a blank box."""
    return _missing_after_space().sub(_replacement, html)


class RenderFailed(Exception):
    """A render stopped: past its time limit, or out of memory. The worker carries on."""


@contextmanager
def time_limit(seconds: float):
    """Stops what runs inside after `seconds`, with SIGALRM. Signals reach only the main thread,
    where gunicorn's sync workers serve requests; elsewhere (the threaded development server)
    gunicorn's worker timeout is the only bound."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum, frame):
        raise RenderFailed(f"the render ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_pdf(html: str, seconds: float = 10.0) -> bytes:
    """The PDF of one document's HTML (its <title> and <html lang> become the PDF's metadata);
    RenderFailed when it takes longer than `seconds` or runs out of memory."""
    try:
        return _render(html, seconds)
    except MemoryError as error:
        raise RenderFailed("out of memory") from error
    finally:
        _collect_render_garbage()


def _render(html: str, seconds: float) -> bytes:
    fonts, stylesheet, fetcher = _shared()
    with time_limit(seconds):
        document = HTML(string=printable(html), base_url=BASE_URL, url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[stylesheet], font_config=fonts, pdf_variant=PDF_VARIANT)


_long_lived_frozen = False


def _collect_render_garbage() -> None:
    """Frees what a render leaves behind at once. A render's boxes and layouts form reference
    cycles, many holding Pango and cairo memory; they outlive the collector's young generations
    (the render itself triggers those) and wait for a rare full collection, so garbage piles up:
    a worker held about 6 MB more after 1 500 renders (python -m bench). A full collection costs
    under a millisecond because whatever is alive after the first render (modules, the app, the
    fonts, the stylesheet) is frozen out of the collector's view; otherwise each collection would
    walk those 100 000 objects, about 35 ms."""
    global _long_lived_frozen
    gc.collect()
    if not _long_lived_frozen:
        gc.freeze()
        _long_lived_frozen = True

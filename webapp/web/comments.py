"""Whole-line comments left out of the scripts and stylesheets the phone gets (web/assets.py serves
them so; pwa/store.py builds the pages' module and the service worker's store from them). The
comments are for the people who read the source; on the phone they are bytes of the offline
precache, which has a budget (bench). No Flask here.

Only lines that hold nothing but a comment, or nothing at all, go: a `//` comment or a `/* … */`
block that starts a line and ends one, and blank lines, each only where it is code (never inside
a string, a template literal, a regular expression or another comment). Comments after code on
a line stay, and so does every other character: the program is the same tokens with the same
line breaks between them, which tests/test_served_modules.py checks on every served file. With
`keep_lines`, each line that goes leaves its line break, so that an error's line number in the
served file is the source's."""
from __future__ import annotations

import re

# A line that goes: blank, or only a comment (a block must end on the line where it ends).
_BLOCK = r"/\*(?:[^*]|\*(?!/))*\*/[ \t]*"
_SCRIPT_LINE = re.compile(rf"[ \t]*(?://[^\n]*|{_BLOCK})?(?:\n|\Z)")
_STYLESHEET_LINE = re.compile(rf"[ \t]*(?:{_BLOCK})?(?:\n|\Z)")
_WORD = re.compile(r"[\w$]+")
# After one of these words a "/" starts a regular expression; after any other word, a number,
# ")" or "]", it divides.
_BEFORE_EXPRESSION = frozenset({"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do",
                                "else", "yield", "await"})


class _Stylesheet:
    """Reads CSS from `i` to the end of a line (the next line break that is not inside a comment):
    strings and comments are skipped whole, so that a line they span is never taken for one that
    starts outside them."""

    def __init__(self, text: str):
        self.text, self.i = text, 0

    def line(self) -> None:
        while self.i < len(self.text):
            if self.text[self.i] == "\n":
                self.i += 1
                return
            self.token()

    def token(self) -> None:
        char = self.text[self.i]
        if char in "\"'":
            self.string(char)
        elif self.text.startswith("/*", self.i):
            self.block_comment()
        else:
            self.i += 1

    def string(self, quote: str) -> None:
        i = self.i + 1
        while i < len(self.text) and self.text[i] not in (quote, "\n"):
            i += 2 if self.text[i] == "\\" else 1  # an escaped quote, or an escaped line break
        # An unescaped line break ends a string that was never closed (an error the browser reports).
        self.i = i + 1 if i < len(self.text) and self.text[i] == quote else i

    def block_comment(self) -> None:
        end = self.text.find("*/", self.i + 2)
        self.i = len(self.text) if end < 0 else end + 2


class _Script(_Stylesheet):
    """Reads JavaScript from `i` to the end of a line, as the stylesheet, with template literals
    (and the code inside their `${…}`), line comments and regular expressions skipped whole too.
    Whether a "/" starts a regular expression follows the token before it."""

    def __init__(self, text: str):
        super().__init__(text)
        self.expression_next = True  # a "/" here would start a regular expression

    def token(self) -> None:
        char = self.text[self.i]
        word = _WORD.match(self.text, self.i)
        if word:
            self.i = word.end()
            self.expression_next = word.group() in _BEFORE_EXPRESSION
        elif char == "`":
            self.template()
            self.expression_next = False
        elif char in "\"'":
            self.string(char)
            self.expression_next = False
        elif char == "/":
            self.slash()
        else:
            self.i += 1
            if not char.isspace():
                self.expression_next = char not in ")]"

    def slash(self) -> None:
        following = self.text[self.i + 1:self.i + 2]
        if following == "/":
            end = self.text.find("\n", self.i)
            self.i = len(self.text) if end < 0 else end
        elif following == "*":
            self.block_comment()
        elif self.expression_next and self.regular_expression():
            self.expression_next = False
        else:
            self.i += 1
            self.expression_next = True

    def regular_expression(self) -> bool:
        """Skips a regular expression literal and its flags; False if there is none here (a
        literal never spans lines: a "/" whose line ends first divides)."""
        i, in_class = self.i + 1, False
        while i < len(self.text) and self.text[i] != "\n":
            char = self.text[i]
            if char == "/" and not in_class:
                flags = _WORD.match(self.text, i + 1)
                self.i = flags.end() if flags else i + 1
                return True
            if char in "[]":
                in_class = char == "["
            i += 2 if char == "\\" else 1
        return False

    def template(self) -> None:
        self.i += 1
        while self.i < len(self.text):
            char = self.text[self.i]
            if char == "`":
                self.i += 1
                return
            if self.text.startswith("${", self.i):
                self.i += 2
                self.substitution()
            else:
                self.i += 2 if char == "\\" else 1

    def substitution(self) -> None:
        """The code inside a template literal's `${…}`, up to its closing brace."""
        depth, self.expression_next = 0, True
        while self.i < len(self.text):
            char = self.text[self.i]
            if char == "}" and depth == 0:
                self.i += 1
                return
            depth += {"{": 1, "}": -1}.get(char, 0)
            self.token()


def _strip(text: str, reader: _Stylesheet, droppable: re.Pattern, keep_lines: bool) -> str:
    kept = []
    while reader.i < len(text):
        line = droppable.match(text, reader.i)
        if line:
            kept.append("\n" * line.group().count("\n") if keep_lines else "")
            reader.i = line.end()
            continue
        start = reader.i
        reader.line()
        kept.append(text[start:reader.i])
    return "".join(kept)


def strip_script(text: str, *, keep_lines: bool = False) -> str:
    """JavaScript without its comment-only and blank lines (see the module's docstring)."""
    return _strip(text, _Script(text), _SCRIPT_LINE, keep_lines)


def strip_stylesheet(text: str, *, keep_lines: bool = False) -> str:
    """CSS without its comment-only (`/* … */`) and blank lines; CSS has no `//` comments."""
    return _strip(text, _Stylesheet(text), _STYLESHEET_LINE, keep_lines)

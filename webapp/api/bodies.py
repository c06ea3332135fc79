"""What both JSON APIs do with a request's body and their errors: read it as a JSON object or
refuse it (415, 400), and answer errors as {"errors": {field: message}}."""
from __future__ import annotations

import json
import re

from flask import jsonify, request

from ..messages import FIELD_ERRORS


def error_response(errors: dict[str, str], status: int = 400):
    response = jsonify({"errors": {field: str(message) for field, message in errors.items()}})
    response.status_code = status
    return response


def json_request():
    """The request's JSON body, or the response that refuses it: 415 for a body sent as another
    type, 400 for one that is not a JSON object."""
    if not request.is_json:
        return None, error_response({"body": FIELD_ERRORS["not_json"]}, 415)
    body = json_body()
    if not isinstance(body, dict):
        return None, error_response({"body": FIELD_ERRORS["invalid_json"]})
    return body, None


# Answers nest at most five deep (others[i].children[j].field). Deeper JSON is refused before it is
# parsed: the parser would recurse into it and stop with a RecursionError, and catching one can
# leave CPython 3.11's recursion count wrong for later code in the process (we saw ast.parse fail
# with "AST constructor recursion depth mismatch" in a later test).
MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(data: bytes, enough: int = MAX_JSON_DEPTH + 1) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings not counted),
    up to `enough`."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub(b"", data)):
        depth += 1 if bracket in b"[{" else -1
        deepest = max(deepest, depth)
        if deepest >= enough:
            break
    return deepest


def json_body():
    """The request's JSON, or None when it is not JSON (malformed, nested deeper than any answer,
    or with text that is not Unicode: a lone surrogate such as "\udfff" parses, but no answer can
    hold it and no message can repeat it)."""
    if json_depth(request.get_data(cache=True)) > MAX_JSON_DEPTH:
        return None
    try:
        body = request.get_json(silent=True)
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except (RecursionError, UnicodeEncodeError):
        return None
    return body

"""The form kit both journeys use: fields (dates in three boxes, the country of a passport, lists
of rows), validators whose messages say what to do, and the helpers their macros need
(templates/macros.html)."""
from __future__ import annotations

import flask_babel
from flask import Blueprint

from .fields import row_template

# Routes none: it gives the templates their form helpers wherever a form is drawn.
bp = Blueprint("forms", __name__)


@bp.app_template_filter("groupby_optgroup")
def groupby_optgroup(choices) -> list[tuple[str | None, list]]:
    """Consecutive choices with the same optgroup, in their order (Jinja's groupby would sort)."""
    groups: list[tuple[str | None, list]] = []
    for choice in choices:
        if groups and groups[-1][0] == choice.optgroup:
            groups[-1][1].append(choice)
        else:
            groups.append((choice.optgroup, [choice]))
    return groups


@bp.app_template_global()
def choice_label(field) -> str:
    """The label of the option chosen in a select or radio field."""
    return next((str(c.label) for c in field.choices if c.value == field.data), "")


bp.add_app_template_global(row_template, "row_template")
# A message with its %(n)d left in, for the phone to number (static/js/rows.js).
bp.add_app_template_global(flask_babel.gettext, "message_pattern")
bp.add_app_template_filter(zip, "zip")

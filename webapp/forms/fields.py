"""Form fields shared by the journeys."""
from __future__ import annotations

import unicodedata
from datetime import date

from werkzeug.datastructures import MultiDict
from wtforms import Field, StringField
from wtforms.utils import unset_value
from wtforms.validators import StopValidation

from ..messages import FIELD_ERRORS, country_not_found
from ..rules import inputs
from ..web.i18n import country_codes, country_name, current_language
from .country_match import find_country, suggestions

DATE_PARTS = ("day", "month", "year")


def add_error(field, code: str | None) -> None:
    """The message of FIELD_ERRORS[code] after the field's other errors (nothing when code is None)."""
    if code:
        field.errors = [*field.errors, str(FIELD_ERRORS[code])]


def ascii_digits(text: str) -> str:
    """Digits typed on any keyboard (full-width １, Arabic-Indic ١…) as 0-9; other characters kept."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


class DatePartsField(Field):
    """A memorable date typed as day, month and year in three boxes (GOV.UK date input).

    The inputs are named `<name>-day`, `<name>-month`, `<name>-year`; what was typed is kept in
    `parts` to show again next to the error.
    """

    def __init__(self, label=None, validators=None, required_message: str | None = "required_entry_date", **kwargs):
        """`required_message` None: the date may be left empty."""
        super().__init__(label, validators, **kwargs)
        self.required_message = required_message
        self.parts = dict.fromkeys(DATE_PARTS, "")
        self.error_part: str | None = None

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        self.data = None if data is unset_value else data
        self.raw_data = None
        if self.data:
            self.parts = {"day": str(self.data.day), "month": str(self.data.month), "year": str(self.data.year)}
        if formdata is None:
            return
        # Capped: a date part is never longer than this, and nothing huge is echoed back.
        self.parts = {p: ascii_digits(formdata.get(f"{self.name}-{p}", "").strip()[:8]) for p in DATE_PARTS}
        self.raw_data = list(self.parts.values())
        self.data = None
        if not any(self.parts.values()):
            return
        missing = [p for p in DATE_PARTS if not self.parts[p]]
        if missing:
            self.error_part = missing[0]
            self.process_errors.append(FIELD_ERRORS[f"missing_{missing[0]}"])
            return
        if not all(v.isascii() and v.isdigit() for v in self.parts.values()):
            self.error_part = next(p for p in DATE_PARTS if not (self.parts[p].isascii() and self.parts[p].isdigit()))
            self.process_errors.append(FIELD_ERRORS["invalid_date"])
            return
        if len(self.parts["year"]) != 4:
            self.error_part = "year"
            self.process_errors.append(FIELD_ERRORS["year_four_digits"])
            return
        if int(self.parts["year"]) < 1900:
            self.error_part = "year"
            self.process_errors.append(FIELD_ERRORS["year_too_early"])
            return
        try:
            self.data = date(int(self.parts["year"]), int(self.parts["month"]), int(self.parts["day"]))
        except ValueError:
            self.process_errors.append(FIELD_ERRORS["invalid_date"])

    def pre_validate(self, form):
        if self.data is None and not self.process_errors and not any(self.parts.values()):
            raise StopValidation(str(FIELD_ERRORS[self.required_message]) if self.required_message else None)


def without_odd_list_keys(formdata, prefix: str) -> MultiDict:
    """The form data without `<prefix>-<index>-...` keys whose index is not a plain number.

    WTForms' FieldList turns the index into an int: '²' passes str.isdigit() and then fails.
    """
    def keep(key: str) -> bool:
        if not key.startswith(f"{prefix}-"):
            return True
        index = key[len(prefix) + 1:].split("-", 1)[0]
        return index.isascii() and index.isdigit() and len(index) <= 6

    return MultiDict([(k, v) for k, v in formdata.items(multi=True) if keep(k)])


def row_template(field_list):
    """A new row of `field_list` with index 0 and no answers, not added to it: the row the phone
    copies to add one (static/js/rows.js). Bound as FieldList._add_entry binds its rows."""
    options = {"name": f"{field_list.name}{field_list._separator}0", "id": f"{field_list.id}{field_list._separator}0",
               "_meta": field_list.meta, "translations": field_list._translations}
    entry = field_list.meta.bind_field(field_list._form, field_list.unbound_field, options)
    entry.index, entry.short_name = 0, "0"
    entry.process(None)
    return entry


class CountryField(StringField):
    """The country of a passport, typed (webapp/forms/country_match.py finds it) or, with JavaScript,
    chosen from a list the phone draws (static/js/app.js). `data` is the ISO code when the text
    names a country, else the text as typed, which the form's check then refuses."""

    def process_formdata(self, valuelist):
        self.typed = valuelist[0].strip()[:100] if valuelist else ""  # capped: it is echoed back
        self.data = find_country(self.typed) or self.typed

    def _value(self):
        """What the box shows: the country's name in the page's language, or what was typed."""
        return country_name(self.code) if self.code else (self.data or "")

    @property
    def code(self) -> str:
        return self.data if self.data in country_codes() else ""

    def error(self) -> str | None:
        """Why what was given is no passport country Tirkeu covers (citizens of Kazakhstan, or no
        country by that name, with the closest names); None when it is one, or empty."""
        if not self.data:
            return None
        if inputs.check_citizenship(self.data, country_codes()) == "citizen":
            return str(FIELD_ERRORS["citizen"])
        if not self.code:
            return country_not_found(self.data, suggestions(self.data, current_language()))
        return None

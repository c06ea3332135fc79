"""The answers for the documents: one WTForms form per step, combined into `AnswersForm`.

Field names are the same in the wizard (posted forms, hidden fields between steps) and in the API
(JSON flattened by `flatten_json`), so both are checked by the same code with the same messages.
"""
from __future__ import annotations

import re
import string
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, Form, FormField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import ValidationError

from ..forms.fields import CountryField, DatePartsField, add_error
from ..forms.trip import EARLIER_STAYS_CHOICES, EarlierStayForm, check_trip
from ..forms.validators import KazakhIdentifier, MaxLength, Optional, Pattern, PersonName, PlainText, Required, tidy
from ..rules import inputs
from ..rules.evaluator import Stay
from ..rules.places import checkpoints, regions
from ..web.i18n import current_language, place_name
from .fonts import can_print, shown
from .group import MAX_ADULTS, OTHERS, people
from .transliteration import icao_latin

MAX_CHILDREN = 10


def years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
LATIN_NAME = _l("Use Latin letters as in your passport, with a hyphen, apostrophe or space if needed")
CYRILLIC_NAME = _l("Use Cyrillic letters, with a hyphen, apostrophe or space if needed")
ANY_NAME = _l("Use letters (Latin or Cyrillic), with a hyphen, apostrophe or space if needed")
CHECKS = {
    "date_of_birth_past": _l("The date of birth must be in the past"),
    "issued_future": _l("The date of issue must be today or in the past"),
    "expires_before_issued": _l("The date of expiry must be after the date of issue"),
    "expired": _l("This passport has expired. Enter the details of a valid passport"),
    "issued_before_birth": _l("The date of issue must be after your date of birth"),
    "child_date_of_birth": _l("A child's date of birth must be in the last 18 years"),
    "internal_passport_citizenship": _l(
        "The Russian internal passport is a document of citizens of Russia: choose Russia, or go back to “Your passport” "
        "and choose the passport you crossed with"),
    "am_id_card_citizenship": _l(
        "The identity card of Armenia is a document of citizens of Armenia: choose Armenia, or go back to “Your passport” "
        "and choose the document you crossed with"),
}
PLAIN_TEXT = _l("Remove the special characters: use letters, digits and punctuation")
NOT_PRINTABLE = _l("Remove “%(character)s”: the documents cannot print it. Use Latin or Cyrillic letters, digits and punctuation")


class Drawn:
    """Every character one the documents' fonts draw (fonts.can_print, from the font files): the
    first other one is named in the message."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        for char in field.data or "":
            if not can_print(char):
                raise ValidationError(str(self.message) % {"character": shown(char)})


def _text(label, required=None, *checks, max_length=60):
    """A text the documents print: its own checks, then that they can print it."""
    validators = [Required(required) if required else Optional(), MaxLength(max_length), *checks, Drawn(NOT_PRINTABLE)]
    return StringField(label, validators, filters=[tidy])


def _choice_check(field, allowed: set[str], message) -> None:
    if field.data and field.data not in allowed:
        field.errors = [*field.errors, str(message)]


class PersonForm(Form):
    surname_latin = _text(_l("Surname in Latin letters"),
                          _l("Enter your surname as it is written in Latin letters in your passport"),
                          PersonName(("LATIN",), LATIN_NAME))
    given_names_latin = _text(_l("Given names in Latin letters"),
                              _l("Enter your given names as they are written in Latin letters in your passport"),
                              PersonName(("LATIN",), LATIN_NAME))
    surname_cyrillic = _text(_l("Surname in Cyrillic (optional)"), None, PersonName(("CYRILLIC",), CYRILLIC_NAME))
    given_names_cyrillic = _text(_l("Given names in Cyrillic (optional)"), None, PersonName(("CYRILLIC",), CYRILLIC_NAME))
    patronymic = _text(_l("Patronymic (optional)"), None, PersonName(("LATIN", "CYRILLIC"), ANY_NAME))
    date_of_birth = DatePartsField(_l("Date of birth"), required_message="required_date_of_birth")
    sex = RadioField(_l("Sex as in your passport"), choices=[
        SelectChoice("female", _l("Female")), SelectChoice("male", _l("Male"))], validate_choice=False,
        validators=[Required(_l("Select your sex as it is in your passport"))])
    citizenship = CountryField(_l("Citizenship"), validators=[Required(_l("Enter the country of your passport"))])

    def check(self, today: date) -> None:
        _choice_check(self.sex, {"female", "male"}, _l("Select your sex as it is in your passport"))
        if not self.citizenship.errors and (error := self.citizenship.error()):
            self.citizenship.errors = [*self.citizenship.errors, error]
        born = self.date_of_birth.data
        if born and not (date(1900, 1, 1) <= born <= today):
            self.date_of_birth.errors = [*self.date_of_birth.errors, str(CHECKS["date_of_birth_past"])]


PASSPORT_NUMBER_CHARS = string.ascii_uppercase + string.digits + " "
# The document the person crossed the border with. Citizens of Russia may enter and stay on the
# internal passport (sputnik-internal-passport-2023, zakon-ru-internal-passport); citizens of
# Armenia on their identity card, as news reports of the agreement of 15 April 2024 say
# (tengrinews-armenia-agreement, prg-armenia-agreement; article 3, which lists them, was not read:
# the choice's hint says so). No source we found names the identity documents of the other EAEU
# countries, so none is offered. Absent (an API client of before): the passport.
FOREIGN_PASSPORT, RU_INTERNAL_PASSPORT, AM_ID_CARD = "foreign_passport", "ru_internal_passport", "am_id_card"
DOCUMENT_KINDS = {
    FOREIGN_PASSPORT: _l("A passport for travel abroad"),
    RU_INTERNAL_PASSPORT: _l("The Russian internal passport (citizens of Russia only)"),
    AM_ID_CARD: _l("The identity card of Armenia (citizens of Armenia only)"),
}
# What the wizard says under a choice, where it is offered.
DOCUMENT_CHOICE_HINTS = {
    AM_ID_CARD: _l("News reports of the agreement between Kazakhstan and Armenia of 15 April 2024, in force since "
                   "22 November 2025, say that citizens of Armenia may enter on their identity card. We have not read "
                   "the agreement's text: carry your passport too if you have one."),
}
# The citizenship each document is for, and the message when another is chosen.
DOCUMENT_CITIZENSHIP = {RU_INTERNAL_PASSPORT: ("RU", "internal_passport_citizenship"),
                        AM_ID_CARD: ("AM", "am_id_card_citizenship")}


class SeriesNumber:
    """The internal passport's series and number: 4 digits and 6, spaced as printed or not."""

    FORM = re.compile(r"[0-9]{2} ?[0-9]{2} ?[0-9]{6}")

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if field.data and not self.FORM.fullmatch(field.data):
            raise ValidationError(str(self.message))


def series_number(text: str | None) -> str:
    """"4512345678" or "4512 345678" as the passport prints it: "45 12 345678"."""
    digits = (text or "").replace(" ", "")
    return f"{digits[:2]} {digits[2:4]} {digits[4:]}" if SeriesNumber.FORM.fullmatch(text or "") else text or ""


class PassportForm(Form):
    document = RadioField(_l("Which document did you cross the border with?"),
                          choices=[SelectChoice(k, v) for k, v in DOCUMENT_KINDS.items()], validate_choice=False)
    number = _text(_l("Passport number"), _l("Enter your passport number"),
                   Pattern(PASSPORT_NUMBER_CHARS, 5, 20,
                           _l("Enter the passport number as printed: 5 to 20 Latin capital letters and digits")),
                   max_length=20)
    issued = DatePartsField(_l("Date of issue"), required_message="required_passport_issued")
    expires = DatePartsField(_l("Date of expiry"), required_message="required_passport_expires")

    @property
    def kind(self) -> str:
        return self.document.data if self.document.data in DOCUMENT_KINDS else FOREIGN_PASSPORT

    def check(self, today: date) -> None:
        _choice_check(self.document, set(DOCUMENT_KINDS), _l("Select the document you crossed the border with"))
        if self.issued.data and self.issued.data > today:
            self.issued.errors = [*self.issued.errors, str(CHECKS["issued_future"])]
        if self.kind == RU_INTERNAL_PASSPORT:  # no date of expiry to check
            return
        if self.issued.data and self.expires.data and self.expires.data <= self.issued.data:
            self.expires.errors = [*self.expires.errors, str(CHECKS["expires_before_issued"])]
        elif self.expires.data and self.expires.data < today:
            self.expires.errors = [*self.expires.errors, str(CHECKS["expired"])]

    def expires_soon(self, today: date) -> bool:
        """A permanent residence permit needs a foreign passport valid for at least 180 more days
        (informburo-residence-2023; the sources tie it to no other permit, nor to entry)."""
        return bool(self.kind == FOREIGN_PASSPORT and self.expires.data
                    and today <= self.expires.data < today + timedelta(days=180))


LATIN_SPELLING = _l("Use Latin letters, with a hyphen, apostrophe or space if needed")


class InternalPassportFields(Form):
    """What the Russian internal passport changes in the passport step (by the fields' names): a
    series and number; it has no date of expiry (NOT_ASKED)."""
    number = _text(_l("Series and number"), _l("Enter the series and number of your internal passport"),
                   SeriesNumber(_l("Enter the series and number as printed: 4 digits, then 6 digits, for example 45 12 345678")),
                   max_length=12)


class InternalPersonFields(Form):
    """… and in the person step: the name as the internal passport has it, in Cyrillic; the Latin
    spelling is optional (offered as Russian foreign passports spell it: transliteration.py)."""
    surname_latin = _text(_l("Surname in Latin letters (optional)"), None, PersonName(("LATIN",), LATIN_SPELLING))
    given_names_latin = _text(_l("Given names in Latin letters (optional)"), None, PersonName(("LATIN",), LATIN_SPELLING))
    surname_cyrillic = _text(_l("Surname in Cyrillic"), _l("Enter your surname in Cyrillic as in your internal passport"),
                             PersonName(("CYRILLIC",), CYRILLIC_NAME))
    given_names_cyrillic = _text(_l("Given names in Cyrillic"),
                                 _l("Enter your given names in Cyrillic as in your internal passport"),
                                 PersonName(("CYRILLIC",), CYRILLIC_NAME))


# Each document's fields that differ from the passport's (by step), and those it has not.
VARIANTS = {RU_INTERNAL_PASSPORT: {"passport": InternalPassportFields, "person": InternalPersonFields}}
NOT_ASKED = {RU_INTERNAL_PASSPORT: ("passport-expires",)}


PURPOSES = {
    "private": _l("Private visit"),
    "tourism": _l("Tourism"),
    "work": _l("Work"),
    "business": _l("Business trip"),
    "study": _l("Study"),
    "other": _l("Other"),
}


class EntryForm(Form):
    date = DatePartsField(_l("Date you crossed the border"), required_message="required_entry_date")
    checkpoint = SelectField(_l("Where you crossed"), choices=[], validate_choice=False,
                             validators=[Required(_l("Select where you crossed the border"))])
    purpose = RadioField(_l("Purpose of your trip"), choices=[SelectChoice(k, v) for k, v in PURPOSES.items()],
                         validate_choice=False, validators=[Required(_l("Select the purpose of your trip"))])

    def set_choices(self, language: str) -> None:
        from ..messages import REGIONS
        self.checkpoint.choices = [SelectChoice("", _l("Choose a checkpoint"))] + [
            SelectChoice(p["id"], place_name(p, language), optgroup=str(REGIONS[p["region"]])) for p in checkpoints()
        ] + [SelectChoice("other", _l("Another checkpoint or an airport"), optgroup=str(_l("Other")))]

    def check(self, today: date) -> None:
        _choice_check(self.checkpoint, {p["id"] for p in checkpoints()} | {"other"}, _l("Choose a checkpoint from the list"))
        _choice_check(self.purpose, set(PURPOSES), _l("Select the purpose of your trip"))
        if self.date.data:
            add_error(self.date, inputs.check_entry_date(self.date.data, today))


POSTCODE_CHARS = string.ascii_uppercase + string.digits


class StayForm(Form):
    region = SelectField(_l("Region or city of republican significance"), choices=[], validate_choice=False,
                         validators=[Required(_l("Select the region where you stay"))])
    city = _text(_l("Town or village"), _l("Enter the town or village"), PlainText(PLAIN_TEXT), max_length=80)
    street = _text(_l("Street or microdistrict"), _l("Enter the street or microdistrict"), PlainText(PLAIN_TEXT), max_length=100)
    house = _text(_l("House or building number"), _l("Enter the house or building number"), PlainText(PLAIN_TEXT), max_length=20)
    flat = _text(_l("Flat or room (optional)"), None, PlainText(PLAIN_TEXT), max_length=20)
    postcode = _text(_l("Postcode (optional)"), None,
                     Pattern(POSTCODE_CHARS, 6, 10,
                             _l("Enter the postcode in Latin capital letters and digits, for example 090000 or Z05T3D0")),
                     max_length=10)

    def set_choices(self, language: str) -> None:
        self.region.choices = [SelectChoice("", _l("Choose a region"))] + [
            SelectChoice(r["id"], place_name(r, language)) for r in regions()]

    def check(self, today: date) -> None:
        _choice_check(self.region, {r["id"] for r in regions()}, _l("Choose a region from the list"))


HOST_KINDS = {
    "person": _l("A private person (owner of the flat or house)"),
    "organisation": _l("A company or organisation (for example my employer)"),
    "hotel": _l("A hotel, hostel or sanatorium"),
    "dormitory": _l("A dormitory: a student or workers' hostel"),
}


DIGITS_CHARS = string.digits


PHONE_CHARS = string.digits + "+ ()-"


class HostForm(Form):
    kind = RadioField(_l("Who houses you?"), choices=[SelectChoice(k, v) for k, v in HOST_KINDS.items()],
                      validate_choice=False, validators=[Required(_l("Select who houses you"))])
    name = _text(_l("Full name of the person or name of the organisation"), _l("Enter the name of your host"),
                 PlainText(PLAIN_TEXT), max_length=120)
    iin = _text(_l("IIN of the host (optional)"), None,
                Pattern(DIGITS_CHARS, 12, 12, _l("An IIN has 12 digits")),
                KazakhIdentifier(_l("This IIN is not valid: check the digits")), max_length=12)
    bin = _text(_l("BIN of the organisation (optional)"), None,
                Pattern(DIGITS_CHARS, 12, 12, _l("A BIN has 12 digits")),
                KazakhIdentifier(_l("This BIN is not valid: check the digits")), max_length=12)
    phone = _text(_l("Phone number of the host (optional)"), None,
                  Pattern(PHONE_CHARS, 7, 20, _l("Enter a phone number with digits, for example +7 701 123 45 67")),
                  max_length=20)

    def check(self, today: date) -> None:
        _choice_check(self.kind, set(HOST_KINDS), _l("Select who houses you"))


class ChildForm(Form):
    surname = _text(_l("Surname"), _l("Enter the child's surname"), PersonName(("LATIN", "CYRILLIC"), ANY_NAME))
    given_names = _text(_l("Given names"), _l("Enter the child's given names"), PersonName(("LATIN", "CYRILLIC"), ANY_NAME))
    date_of_birth = DatePartsField(_l("Date of birth"), required_message="required_date_of_birth")

    def check(self, today: date) -> None:
        born = self.date_of_birth.data
        if born and not (years_before(today, 18) < born <= today):
            self.date_of_birth.errors = [*self.date_of_birth.errors, str(CHECKS["child_date_of_birth"])]


class TravellerForm(Form):
    """One adult's own answers: their document, their details, their entry and the rest of their
    trip, and their children. The first adult's are the top of AnswersForm (today's names); each
    other adult's are a row of AnswersForm.others (others-<n>-…, group.py)."""
    passport = FormField(PassportForm)
    person = FormField(PersonForm)
    entry = FormField(EntryForm)
    children = FieldList(FormField(ChildForm), max_entries=MAX_CHILDREN)
    # The rest of the trip, asked on the entry step, named as "My deadlines" names them (webapp/case.py).
    exit_date = DatePartsField(_l("When do you leave Kazakhstan? (optional)"), required_message=None)
    earlier_stays = RadioField(_l("Have you been in Kazakhstan before?"), choices=EARLIER_STAYS_CHOICES, validate_choice=False)
    previous_stays = FieldList(FormField(EarlierStayForm), max_entries=inputs.MAX_PREVIOUS_STAYS)

    def sections(self) -> tuple:
        return (self.person, self.passport, self.entry)

    def prepare(self, today: date) -> None:
        """The choices in the page's language, and the fields of the document chosen."""
        self.today = today
        language = current_language()
        for step in self.sections():
            if hasattr(step.form, "set_choices"):
                step.form.set_choices(language)
        self.document_kind = self.passport.form.kind
        for step, fields in VARIANTS.get(self.document_kind, {}).items():
            section = getattr(self, step).form
            for field in fields():
                section[field.short_name].validators, section[field.short_name].label = field.validators, field.label

    def latin_name(self) -> tuple[str, bool]:
        """The name in Latin letters, and whether it is a transliteration: the internal passport has
        none, so the one Russian foreign passports would give is offered (transliteration.py) unless
        another is typed; typed or offered, it is not from that document."""
        person = self.person.form
        typed = f"{person.surname_latin.data or ''} {person.given_names_latin.data or ''}".strip()
        if self.document_kind != RU_INTERNAL_PASSPORT:  # the passport and the identity card have one
            return typed, False
        offered = f"{icao_latin(person.surname_cyrillic.data)} {icao_latin(person.given_names_cyrillic.data)}".strip()
        return typed or offered, True

    def document_labels(self, step: str, name: str) -> dict[str, str]:
        """A field's label for each document (static/js/document-kind.js shows the chosen one's)."""
        labels = {FOREIGN_PASSPORT: str({"passport": PassportForm, "person": PersonForm}[step]()[name].label.text)}
        for kind, steps in VARIANTS.items():
            variant = steps[step]() if step in steps else None
            labels[kind] = str(variant[name].label.text) if variant is not None and name in variant else labels[FOREIGN_PASSPORT]
        return labels

    def labels_by_document(self, with_passport: bool = False) -> dict[str, dict[str, str]]:
        """The labels that differ from the passport's, for each other document (and the passport's
        own: a page drawn for another document has not those), by field name; static/js/document-kind.js
        shows the chosen one's."""
        def passport_label(name: str) -> str:
            return self.document_labels(*name.split("-", 1))[FOREIGN_PASSPORT]

        labels = {kind: {name: text for step, fields in steps.items() for field in fields()
                         if (text := str(field.label.text)) != passport_label(name := f"{step}-{field.short_name}")}
                  for kind, steps in VARIANTS.items()}
        if with_passport:
            labels[FOREIGN_PASSPORT] = {name: passport_label(name) for fields in labels.values() for name in fields}
        return labels

    def document_hint(self, foreign, internal) -> Markup:
        """A hint for each document (the passport's for the identity card too, which has the same
        fields): both until one is chosen (without JavaScript nothing hides)."""
        chosen = self.passport.form.document.data in DOCUMENT_KINDS
        passport_like = tuple(kind for kind in DOCUMENT_KINDS if kind != RU_INTERNAL_PASSPORT)
        parts = [Markup('<span data-for-document="{}"{}>{}</span>').format(
            " ".join(kinds), Markup(" hidden") if chosen and self.document_kind not in kinds else "", text)
            for kinds, text in ((passport_like, foreign), ((RU_INTERNAL_PASSPORT,), internal))]
        return Markup(" ").join(parts)

    def document_choice_hints(self) -> dict[str, str]:
        return {kind: str(text) for kind, text in DOCUMENT_CHOICE_HINTS.items()}

    def step_forms(self, step: str) -> list[Form]:
        if step == "children":
            return [child.form for child in self.children]
        return [getattr(self, step).form]

    def trip_fields(self) -> list:
        """The day of leaving and the earlier stays, in page order (the entry step's end)."""
        stays = [field for stay in self.previous_stays for field in (stay.form.entry, stay.form.exit)]
        return [self.exit_date, self.earlier_stays, *stays]

    def stays_known(self) -> bool:
        """Whether the earlier stays were answered ("no", or stays given): else no last day is printed."""
        return inputs.stays_known(self.earlier_stays.data, len(self.previous_stays))

    def earlier_stays_given(self) -> tuple[Stay, ...]:
        return tuple(Stay(s.form.entry.data, s.form.exit.data) for s in self.previous_stays
                     if s.form.entry.data and s.form.exit.data)

    def _validate_trip(self) -> bool:
        """As "My deadlines" checks the same answers (deadlines/forms.py)."""
        self.exit_date.validate(self)
        self.earlier_stays.validate(self)
        for stay in self.previous_stays:
            stay.form.validate()
        check_trip(self.today, self.entry.form.date.data, self.exit_date, self.earlier_stays, self.previous_stays)
        return not any(f.errors for f in self.trip_fields())

    def validate_step(self, step: str) -> bool:
        valid = True
        not_asked = NOT_ASKED.get(self.document_kind, ())
        for form in self.step_forms(step):
            form.validate()
            form.check(self.today)
            for field in form:
                if field.name.removeprefix(self._prefix) in not_asked:
                    field.errors = []
            valid = valid and not any(f.errors for f in form)
        citizenship = self.person.form.citizenship
        code, message = DOCUMENT_CITIZENSHIP.get(self.document_kind, ("", ""))
        if step == "person" and code and citizenship.code not in ("", code) and not citizenship.errors:
            citizenship.errors = [str(CHECKS[message])]
            valid = False
        if step == "entry":
            valid = self._validate_trip() and valid
        if step == "passport":
            issued, born = self.passport.form.issued, self.person.form.date_of_birth
            if issued.data and born.data and issued.data < born.data and not issued.errors:
                issued.errors = [str(CHECKS["issued_before_birth"])]
                valid = False
        return valid

    def error_fields(self, step: str) -> list:
        fields = [field for form in self.step_forms(step) for field in form]
        if step == "entry":
            fields += self.trip_fields()
        return [field for field in fields if field.errors]


class AnswersForm(TravellerForm):
    """A case: the first adult's answers (TravellerForm's, under today's names), the place to stay
    and the host they share, and each other adult travelling with them (group.py)."""
    stay = FormField(StayForm)
    host = FormField(HostForm)
    others = FieldList(FormField(TravellerForm), max_entries=MAX_ADULTS - 1)

    def __init__(self, formdata=None, *, today: date, **kwargs):
        if formdata is not None:
            formdata = without_odd_indices(formdata)
        super().__init__(formdata, **kwargs)
        self.answers = formdata if formdata is not None else MultiDict()
        self.prepare(today)
        for other in self.others:
            other.form.prepare(today)

    def sections(self) -> tuple:
        return (*super().sections(), self.stay, self.host)

    def add_other(self) -> TravellerForm | None:
        """A row for one more adult, offered the first adult's entry and citizenship (editable)."""
        if len(self.others) >= self.others.max_entries:
            return None
        entry, person = self.entry.form, self.person.form
        row = self.others.append_entry({
            "entry": {"date": entry.date.data, "checkpoint": entry.checkpoint.data, "purpose": entry.purpose.data},
            "person": {"citizenship": person.citizenship.data}})
        if entry.date.data is None and any(entry.date.parts.values()):
            row.form.entry.form.date.parts = dict(entry.date.parts)
        row.form.prepare(self.today)
        return row.form

    def other(self, index: int) -> TravellerForm | None:
        """The other adult whose row is others-<index>."""
        return next((row.form for row in self.others if row.id == f"{OTHERS}-{index}"), None)

    def travellers(self) -> list[tuple[int | None, TravellerForm]]:
        """Each adult with the index of their row (None: the first)."""
        return [(None, self), *((int(row.id.rsplit("-", 1)[1]), row.form) for row in self.others)]

    def person_forms(self) -> list[AnswersForm]:
        """One person's form for each adult, the first first: their own answers under today's names
        and the shared ones (group.people), as the documents and the plan of one person take them."""
        return [AnswersForm(MultiDict(answers), today=self.today) for answers in people(self.answers.items(multi=True))]

    def invalid_steps(self) -> list[str]:
        """Every step whose answers are not valid, in order (each step is checked)."""
        return [step for step in STEPS if not self.validate_step(step)]

    def invalid_pages(self) -> list[tuple[int | None, str]]:
        """Every page whose answers are not valid, in order: (None, step) for the first adult's
        steps and the shared ones, (index, step) for another adult's."""
        pages = [(None, step) for step in STEPS if not self.validate_step(step)]
        for index, traveller in self.travellers()[1:]:
            pages += [(index, step) for step in TRAVELLER_STEPS if not traveller.validate_step(step)]
        return pages

    def invalid_fields(self) -> list:
        """Every field in error, of every adult."""
        return [field for who, step in self.invalid_pages() for field in self.page_form(who).error_fields(step)]

    def page_form(self, who: int | None) -> TravellerForm:
        return self if who is None else self.other(who)

    def carried(self, shown: set[str] = frozenset()) -> list:
        """Every answer's field but those shown on the page, for its hidden fields."""
        return [field for field in answer_fields(self) if field.name not in shown]


def answer_fields(form: Form):
    """Every field holding an answer, of every section and row, in page order."""
    for field in form:
        if isinstance(field, FormField):
            yield from answer_fields(field.form)
        elif isinstance(field, FieldList):
            for entry in field:
                yield from answer_fields(entry.form) if isinstance(entry, FormField) else (entry,)
        else:
            yield field


def without_odd_indices(formdata) -> MultiDict:
    """The form data without keys with a row index that is no plain number (without_odd_list_keys,
    for the rows of every list, the other adults' and theirs too)."""
    def plain(part: str) -> bool:
        return not part.isdigit() or (part.isascii() and len(part) <= 6)

    return MultiDict([(k, v) for k, v in formdata.items(multi=True) if all(plain(part) for part in k.split("-"))])


# The document comes first: the name fields follow it.
STEPS = ("passport", "person", "entry", "stay", "host", "children")
# After them, the other adults travelling together ("others", views.others), each asked their own
# steps: the shared place to stay and host are asked once, for all.
TRAVELLER_STEPS = ("passport", "person", "entry", "children")
# The answers at the top of the form (the rest of the trip), and the step that asks them.
TRIP_FIELDS, TRIP_STEP = ("exit_date", "earlier_stays", "previous_stays"), "entry"


def step_of(name: str) -> str:
    """The step that asks the field `name` (person-surname_latin: person; exit_date: entry)."""
    first = name.split("-", 1)[0]
    return TRIP_STEP if first in TRIP_FIELDS else first


# The wizard's controls, read by views.step: the button pressed ("continue", "back", "change",
# "add_child", "remove_child-<n>", "add_stay", "remove_stay-<n>", "show" for another language) and "Check your answers" as the
# page to return to. Not answers, never kept with them on the phone (webapp/pwa/store.py).
NAV, RETURN_TO = "nav", "return_to"
NAVIGATION = (NAV, RETURN_TO)
# The host's language in "Send to your host" (views.send_to_host, static/js/host-link.js), inside
# the wizard's form on "Check your answers": a choice, not an answer, never kept on the phone.
HOST_LANGUAGE_FIELD = "host_language"


def flatten_json(answers: dict) -> MultiDict:
    """The API's JSON answers as the wizard's form fields (dates split into day, month, year).

    `previous_stays` is the plan API's list of {"entry", "exit"}: absent, the earlier stays are
    not answered; [] is "no earlier stays" (the form's `earlier_stays`). `others` is a list of the
    other adults' own answers (person, passport, entry, children, exit_date, previous_stays)."""
    flat = MultiDict()
    for key, value in answers.items():
        _put(flat, key, value)
    _with_earlier_stays(flat, answers.get("previous_stays"))
    others = answers.get(OTHERS)
    for i, other in enumerate(others[:MAX_ADULTS] if isinstance(others, list) else []):
        if isinstance(other, dict):
            _with_earlier_stays(flat, other.get("previous_stays"), f"{OTHERS}-{i}-")
    return flat


def _put(flat: MultiDict, prefix: str, value, depth: int = 1) -> None:
    # Answers nest at most children[i].field, or others[i].children[j].field: deeper input is not ours.
    if depth > (5 if prefix.startswith(OTHERS + "-") else 3):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _put(flat, f"{prefix}-{key}", item, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value[:LIST_CAPS.get(prefix.rsplit("-", 1)[-1], MAX_CHILDREN) + 1]):
            _put(flat, f"{prefix}-{i}", item, depth + 1)
    elif isinstance(value, str) and prefix.rsplit("-", 1)[-1] in DATE_FIELD_SUFFIXES:
        _put_date(flat, prefix, value)
    elif value is not None:
        flat.add(prefix, value if isinstance(value, str) else str(value))


def _put_date(flat: MultiDict, prefix: str, value: str) -> None:
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    flat.add(f"{prefix}-year", year if len(year) == 4 and value.count("-") == 2 else value)
    flat.add(f"{prefix}-month", month)
    flat.add(f"{prefix}-day", day)


def _with_earlier_stays(flat: MultiDict, stays, prefix: str = "") -> MultiDict:
    """The form's own answer, said in the API by previous_stays alone."""
    flat.poplist(f"{prefix}earlier_stays")
    if isinstance(stays, list):
        flat.add(f"{prefix}earlier_stays", "yes" if stays else "no")
    return flat


DATE_FIELD_SUFFIXES = {"date_of_birth", "issued", "expires", "date", "exit_date", "entry", "exit"}
LIST_CAPS = {"children": MAX_CHILDREN, "previous_stays": inputs.MAX_PREVIOUS_STAYS, OTHERS: MAX_ADULTS - 1}

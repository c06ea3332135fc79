"""The "My deadlines" questions."""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, RadioField, SelectChoice, SelectField

from ..case import ROWS
from ..forms.fields import CountryField, DatePartsField, add_error
from ..forms.trip import EARLIER_STAYS_CHOICES, EarlierStayForm, check_trip
from ..messages import ACCOMMODATIONS, REGIONS
from ..rules import inputs
from ..rules.evaluator import PlanInput, Stay
from ..rules.places import checkpoints
from ..web.i18n import current_language, place_name

# The questions' buttons that add or remove a row of earlier stays (read by views.plan): not
# answers, never kept with them on the phone (webapp/pwa/store.py).
ADD_STAY, REMOVE_STAY = "add_stay", "remove_stay"
NAVIGATION = (ADD_STAY, REMOVE_STAY)


class DeadlinesForm(FlaskForm):
    class Meta:
        csrf = False  # nothing is stored or changed: the answers only compute a page

    citizenship = CountryField(_l("Country of your passport"))
    entry_date = DatePartsField(_l("When did you cross the border into Kazakhstan?"))
    exit_date = DatePartsField(_l("When do you leave Kazakhstan? (optional)"), required_message=None)
    checkpoint = SelectField(_l("Checkpoint (optional)"), choices=[], validate_choice=False)
    earlier_stays = RadioField(_l("Have you been in Kazakhstan before?"), choices=EARLIER_STAYS_CHOICES, validate_choice=False)
    # Named s-<n>-entry-day…, not previous_stays-…: the address holds every row (webapp/case.py ROWS).
    previous_stays = FieldList(FormField(EarlierStayForm), max_entries=inputs.MAX_PREVIOUS_STAYS,
                               name=ROWS["prefix"]["deadlines"])
    accommodation = RadioField(
        _l("Where are you staying?"),
        # "No place yet, or not decided" is one of them: it has steps of its own (accommodation.json).
        choices=[SelectChoice(key, label) for key, label in ACCOMMODATIONS.items()],
        validate_choice=False,
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        language = current_language()
        self.checkpoint.choices = [SelectChoice("", _l("Not selected"))] + [
            SelectChoice(point["id"], place_name(point, language), optgroup=str(REGIONS[point["region"]]))
            for point in checkpoints()
        ]

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        self._validate_citizenship()
        self._validate_dates()
        self._validate_choices()
        check_trip(self.today, self.entry_date.data, self.exit_date, self.earlier_stays, self.previous_stays)
        return not self.error_fields()

    def _validate_citizenship(self) -> None:
        if not self.citizenship.data:
            self._check(self.citizenship, "required_citizenship")
        elif error := self.citizenship.error():
            self.citizenship.errors = [*self.citizenship.errors, error]

    def _validate_dates(self) -> None:
        """The entry against today (the day of leaving and the earlier stays: forms/trip.py check_trip)."""
        if self.entry_date.data:
            self._check(self.entry_date, inputs.check_entry_date(self.entry_date.data, self.today))

    def _validate_choices(self) -> None:
        """A posted form may carry a value the page never offered."""
        if self.checkpoint.data and self.checkpoint.data not in {p["id"] for p in checkpoints()}:
            self._check(self.checkpoint, "unknown_checkpoint")
        # "unknown": the answer "I don't know yet" of earlier pages, kept in links and on phones: not answered.
        if self.accommodation.data == "unknown":
            self.accommodation.data = None
        if self.accommodation.data and self.accommodation.data not in {c.value for c in self.accommodation.choices}:
            self._check(self.accommodation, "invalid_accommodation")

    _check = staticmethod(add_error)

    def error_fields(self) -> list:
        """Every field in error, in page order, for the error summary."""
        fields = [self.citizenship, self.entry_date, self.exit_date, self.checkpoint, self.earlier_stays]
        for stay in self.previous_stays:
            fields += [stay.form.entry, stay.form.exit]
        fields.append(self.accommodation)
        return [f for f in fields if f.errors]

    def plan_input(self) -> PlanInput:
        accommodation = self.accommodation.data
        return PlanInput(
            citizenship=self.citizenship.data,
            entry_date=self.entry_date.data,
            today=self.today,
            previous_stays=tuple(Stay(s.form.entry.data, s.form.exit.data) for s in self.previous_stays),
            accommodation=accommodation if accommodation in ACCOMMODATIONS else None,
            checkpoint=self.checkpoint.data or None,
            exit_date=self.exit_date.data,
        )

"""The parts of a trip both journeys ask with the same fields (webapp/case.py): an earlier stay's
row, and whether there were earlier stays at all."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Form, SelectChoice

from ..rules import inputs
from ..rules.evaluator import Stay
from .fields import DatePartsField, add_error

# "No earlier stays" and not answered differ (rules/inputs.py EARLIER_STAYS).
EARLIER_STAYS_CHOICES = (SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No")))


class EarlierStayForm(Form):
    entry = DatePartsField(_l("Date you entered"), required_message="required_stay_entry")
    exit = DatePartsField(_l("Date you left"), required_message="required_stay_exit")


def check_trip(today, entry, exit_date, earlier_stays, previous_stays) -> None:
    """The checks of the rest of the trip, one for both journeys (each field already read): the day
    of leaving against today and the entry, whether there were earlier stays against the rows given,
    and each stay's dates. Each error goes on its field."""
    if exit_date.data and not exit_date.errors:
        add_error(exit_date, inputs.check_stay_date(exit_date.data, today)
                  or (entry and inputs.check_stay(Stay(entry, exit_date.data))))
    add_error(earlier_stays, inputs.check_earlier_stays(earlier_stays.data, len(previous_stays)))
    for row in previous_stays:
        stay = row.form
        for field in (stay.entry, stay.exit):
            if field.data and not field.errors:
                add_error(field, inputs.check_stay_date(field.data, today))
        if stay.entry.data and stay.exit.data and not stay.exit.errors:
            add_error(stay.exit, inputs.check_stay(Stay(stay.entry.data, stay.exit.data)))

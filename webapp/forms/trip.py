"""The parts of a trip both journeys ask with the same fields (webapp/case.py): an earlier stay's
row, and whether there were earlier stays at all."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Form, SelectChoice

from .fields import DatePartsField

# "No earlier stays" and not answered differ (rules/inputs.py EARLIER_STAYS).
EARLIER_STAYS_CHOICES = (SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No")))


class EarlierStayForm(Form):
    entry = DatePartsField(_l("Date you entered"), required_message="required_stay_entry")
    exit = DatePartsField(_l("Date you left"), required_message="required_stay_exit")

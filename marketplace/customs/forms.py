"""Forms of the customs console (the JSON API validates its bodies with the same classes)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from marketplace.core.forms import BaseForm


class CancelForm(BaseForm):
    reason = StringField(
        _l("Reason for the cancellation"),
        validators=[DataRequired(message=_l("Give the reason for the cancellation.")), Length(max=1000)],
    )


class EntryForm(BaseForm):
    entry_no = StringField(
        _l("Entry number (18 digits)"),
        validators=[DataRequired(message=_l("The entry number has 18 digits.")), Length(max=18)],
    )

"""Forms of employer identity: an administrator's verification and rejection, a decision on a request to join."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, TextAreaField
from wtforms.validators import DataRequired, Length

from portal.domain.verification import ADMIN_METHODS, NOTE_MAX

METHOD_LABELS = {
    "trade_register": _l("Checked against the trade register (YTJ)"),
    "called_contact": _l("Called the contact registered for the organisation"),
    "other": _l("Another way (say how in the note)"),
    "created_by_admin": _l("Created by an administrator"),
    "command_line": _l("Created from the command line"),
    "demo_data": _l("Demo or test data"),
    "invited_by_buyer": _l("Named as supplier by a public buyer"),
    "migration": _l("Registered before verification began"),
}
STATE_LABELS = {"pending": _l("Waiting for a decision"), "accepted": _l("Accepted"), "declined": _l("Declined")}


class VerifyForm(FlaskForm):
    method = RadioField(_l("How did you verify the organisation?"),
                        choices=[(m, METHOD_LABELS[m]) for m in ADMIN_METHODS], validate_choice=False)
    note = TextAreaField(_l("Note"), validators=[Length(max=NOTE_MAX)],
                         description=_l("For example the trade register's entry or whom you spoke with and when."))
    # What the administrator saw: a name or ID changed meanwhile is not verified unseen.
    seen_name = HiddenField()
    seen_business_id = HiddenField()
    confirm = BooleanField(_l("I have checked that this organisation is who it says it is, and that the person "
                              "who registered it may act for it."), validators=[DataRequired()])


class RejectForm(FlaskForm):
    note = TextAreaField(_l("Reason"), validators=[Length(max=NOTE_MAX)],
                         description=_l("Kept in the audit log; not sent to the organisation."))


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""

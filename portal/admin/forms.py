"""Forms for administering organisations and users."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from portal.accounts.forms import KIND_LABELS, business_id_check
from portal.fields import one_line

ROLE_LABELS = {
    "admin": _l("Administrator"),
    "officer": _l("Procurement officer"),
    "employer": _l("Employer"),
    "coach": _l("Job coach"),
    "candidate": _l("Candidate"),
    "professional": _l("Team member of another organisation"),
    "peer": _l("Peer coach or expert by experience"),
}


class OrganisationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200), one_line])
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    business_id = StringField(_l("Business ID"), validators=[Optional(), business_id_check],
                              description=_l("The Finnish business ID (Y-tunnus), for example 1234567-8."))
    municipality_code = SelectField(_l("Municipality"), validators=[Optional()], choices=[])


class InviteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200), one_line])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    organisation_id = SelectField(_l("Organisation"), coerce=int, choices=[])
    role = SelectField(_l("Role"), choices=list(ROLE_LABELS.items()))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=list(ROLE_LABELS.items()))


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""

"""Forms for administering organisations and users."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from portal.domain.business_id import normalise_business_id

KIND_LABELS = {
    "operator": _l("Portal operator"),
    "buyer": _l("Public buyer"),
    "employer": _l("Employer"),
    "provider": _l("Service provider"),
}
ROLE_LABELS = {
    "admin": _l("Administrator"),
    "officer": _l("Procurement officer"),
    "employer": _l("Employer"),
    "coach": _l("Job coach"),
    "candidate": _l("Candidate"),
}


def business_id_check(form, field):
    """Validator: a Finnish business ID with a correct check digit (normalised in place)."""
    if not field.data:
        field.data = None
        return
    try:
        field.data = normalise_business_id(field.data)
    except ValueError:
        raise ValidationError(_l("Give a valid Finnish business ID, for example 1234567-8.")) from None


class OrganisationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    business_id = StringField(_l("Business ID"), validators=[Optional(), business_id_check],
                              description=_l("The Finnish business ID (Y-tunnus), for example 1234567-8."))
    municipality_code = SelectField(_l("Municipality"), validators=[Optional()], choices=[])


class InviteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    organisation_id = SelectField(_l("Organisation"), coerce=int, choices=[])
    role = SelectField(_l("Role"), choices=list(ROLE_LABELS.items()))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=list(ROLE_LABELS.items()))


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""

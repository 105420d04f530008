"""The directory entry form."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from portal.fields import IntegerField, MultiCheckboxField, content_language_field
from portal.reference.services import choices, searchable

FORM_LABELS = {"individual": _l("Individual"), "remote": _l("Remote"), "group": _l("Group")}


class ServiceEntryForm(FlaskForm):
    name = StringField(_l("Name of the service"), validators=[Optional(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    language = content_language_field()
    goals = MultiCheckboxField(_l("Goals"), choices=[])
    forms = MultiCheckboxField(_l("Form"), choices=list(FORM_LABELS.items()))
    target_groups = MultiCheckboxField(_l("Target groups"), choices=[])
    length_weeks = IntegerField(_l("Length in weeks"), validators=[Optional()])
    length_note = StringField(_l("Length, more precisely"), validators=[Optional(), Length(max=200)],
                              description=_l("For example: 2 days a week for 8 weeks."))
    municipality_code = SelectField(_l("Municipality"), validators=[Optional()], choices=[],
                                    description=_l("Leave empty when the service is open to everyone in the region "
                                                   "or is remote."))
    how_to_refer = TextAreaField(_l("How to refer a person"), validators=[Optional(), Length(max=4000)])
    contact = StringField(_l("Contact"), validators=[Optional(), Length(max=300)])


def entry_form(service=None) -> ServiceEntryForm:
    """The form with its catalogue choices, filled from an entry when editing."""
    data = {}
    if service is not None:
        data = {k: getattr(service, k) for k in ("name", "description", "length_weeks", "length_note",
                                                 "municipality_code", "how_to_refer", "contact", "language")}
        data.update(goals=service.goal_codes, forms=service.form_codes, target_groups=service.target_group_codes)
    form = ServiceEntryForm(data=data)
    form.goals.choices = choices("service_goals")
    form.target_groups.choices = choices("target_groups")
    form.municipality_code.choices = [("", "–")] + choices("municipalities")
    form.municipality_code.render_kw = searchable()
    return form


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""

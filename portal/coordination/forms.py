"""Forms of the coordination pages. Rules live in portal.domain.coordination; the forms parse what was typed."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from portal.coaching.labels import STEP_KIND_LABELS
from portal.coordination.labels import ANSWER_LABELS, PHASE_LABELS, REFERRAL_KIND_LABELS
from portal.fields import DateField


class HandOverForm(FlaskForm):
    """Name the coordinator of a phase, or hand over to the next one (the choices are the candidate's team)."""

    user_id = SelectField(_l("Coordinator"), choices=[], validate_choice=False)
    phase = SelectField(_l("Phase"), choices=list(PHASE_LABELS.items()), validate_choice=False)
    start_on = DateField(_l("Responsible from"), validators=[Optional()])
    note = TextAreaField(_l("What the next coordinator should know"), validators=[Optional(), Length(max=2000)])


class ReferralForm(FlaskForm):
    """A referral to another party: what kind, why in work terms, to whom, when."""

    kind = SelectField(_l("Referral to"), choices=list(REFERRAL_KIND_LABELS.items()), validate_choice=False)
    reason = TextAreaField(_l("Reason for the referral in work terms"), validators=[Optional(), Length(max=2000)])
    organisation_id = SelectField(_l("Receiving organisation in the portal"), choices=[], validate_choice=False)
    receiving_name = StringField(_l("Or an outside party"), validators=[Optional(), Length(max=200)])
    sent_on = DateField(_l("Date of the referral"), validators=[Optional()])


class AnswerForm(FlaskForm):
    """The receiving party's answer: accepted, declined, or the result, with its date and words."""

    answer = RadioField(_l("Answer"), choices=list(ANSWER_LABELS.items()), validate_choice=False)
    answered_on = DateField(_l("Date of the answer"), validators=[Optional()])
    answer_text = TextAreaField(_l("The answer or result in words"), validators=[Optional(), Length(max=4000)])
    step_kind = SelectField(_l("Step of the plan that follows"),
                            choices=[("", _l("No step"))] + list(STEP_KIND_LABELS.items()), validate_choice=False)

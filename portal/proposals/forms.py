"""Forms of the proposal pages: the employer's answer and the coach's withdrawal."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.domain.proposals import ANSWERS
from portal.proposals.texts import ANSWER_LABELS, DECLINE_LABELS


class AnswerForm(FlaskForm):
    """The employer's answer to a proposal; the choices are those open in the proposal's state."""

    answer = RadioField(_l("Your answer"), validators=[DataRequired(message=_l("Choose an answer."))],
                        choices=list(ANSWER_LABELS.items()))
    decline_reason = SelectField(_l("Reason for declining"), validators=[Optional()],
                                 choices=[("", "–")] + list(DECLINE_LABELS.items()),
                                 description=_l("Needed when you decline."))
    note = TextAreaField(_l("Note to the job coach"), validators=[Optional(), Length(max=2000)])


def open_answers(state: str) -> list[tuple[str, object]]:
    """The answers the employer can give in this state, for the page to show."""
    return [(k, v) for k, v in ANSWER_LABELS.items() if state in ANSWERS[k]]


class ConfirmForm(FlaskForm):
    """A confirmation with nothing but its CSRF token."""

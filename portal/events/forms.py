"""Forms of events and sign-ups."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import URL, DataRequired, Email, Length, Optional

from portal.fields import DateField, IntegerField, content_language_field, number_range, one_line


class EventForm(FlaskForm):
    campaign_id = SelectField(_l("Campaign"), coerce=lambda v: int(v) if v else None, choices=[],
                              validators=[Optional()])
    start_date = DateField(_l("Date"), validators=[DataRequired()])
    start_time = TimeField(_l("Starts at"), validators=[DataRequired()],
                           description=_l("Finnish time (Europe/Helsinki)."))
    end_date = DateField(_l("End date"), validators=[Optional()],
                         description=_l("Only if the event lasts over several days."))
    end_time = TimeField(_l("Ends at"), validators=[DataRequired()])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=200)],
                        description=_l("Street address and room, or leave empty for an online event."))
    language = content_language_field(_l("Language of the place"))
    online_url = StringField(_l("Online link"), validators=[Optional(), URL(require_tld=True), Length(max=500)],
                             description=_l("An https:// address of the online meeting."))
    capacity = IntegerField(_l("Capacity"), validators=[DataRequired(), number_range(min=1, max=100000)])


for _lang in ("fi", "sv", "en"):
    setattr(EventForm, f"title_{_lang}", StringField(
        _l("Title"), validators=([DataRequired()] if _lang == "fi" else [Optional()]) + [Length(max=200)]))
    setattr(EventForm, f"description_{_lang}", TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=5000)]))


class SignUpForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200), one_line])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)],
                       description=_l("The confirmation and a cancellation link are sent here."))


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""

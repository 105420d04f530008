"""Forms of the candidate's own pages."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from portal.fields import DateField


class OwnGoalForm(FlaskForm):
    own_words = TextAreaField(_l("My goal in my own words"), validators=[Optional(), Length(max=4000)])
    measure = TextAreaField(_l("How will I know I have reached it?"), validators=[Optional(), Length(max=4000)])
    target_date = DateField(_l("By when?"), validators=[Optional()])

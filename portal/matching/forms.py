"""The proposal form on the pair page; the ranked lists' filters are plain GET parameters."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import Length, Optional


class ProposeForm(FlaskForm):
    """Propose the candidate for the role, with a note to the employer."""

    message = TextAreaField(_l("Message to the employer"), validators=[Optional(), Length(max=2000)],
                            description=_l("What the employer should know about the candidate's work, in "
                                           "work terms only: never health details."))
    # Offered when the message check finds health words or the name; ticking it is audited with the words.
    shared_as_asked = BooleanField(_l("The candidate asked for exactly this to be shared with the employer"))
    allow_missing = HiddenField()

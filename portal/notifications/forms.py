"""The forms of the notification pages: how to hear of them, and marking as read."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from portal.domain.notices import DELIVERIES

DELIVERY_LABELS = {
    "immediate": _l("By e-mail at once, one mail for each notification"),
    "daily": _l("By e-mail once a day, as a summary of the day's notifications"),
    "portal": _l("Only here in the portal, no e-mail"),
}


class DeliveryForm(FlaskForm):
    """How the user wants to hear of notifications."""

    delivery = RadioField(_l("How do you want to hear of new notifications?"),
                          choices=[(d, DELIVERY_LABELS[d]) for d in DELIVERIES],
                          validators=[InputRequired(message=_l("Choose how you want to hear of notifications."))])


class ConfirmForm(FlaskForm):
    """A confirmation with nothing but its CSRF token."""

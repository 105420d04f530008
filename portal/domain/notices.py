"""Notifications: how each user wants to hear, and which dated events are due a notice today.

A user hears ``immediately`` (one mail per notification), in a ``daily`` digest
(one mail a day listing the day's notifications) or only in the portal's own
list. A dated notice (a placement starting or ending, a follow-up due) is due
once per date: the date is part of its key, so moving the date makes a new
notice and a second run on the same day makes none.
"""
from __future__ import annotations

from datetime import date, timedelta

DELIVERIES = ("immediate", "daily", "portal")
DEFAULT_DELIVERY = "immediate"


def delivery_or_default(value: str | None) -> str:
    """A stored delivery choice, or the default for a user who never chose."""
    return value if value in DELIVERIES else DEFAULT_DELIVERY


def mailed_at_once(delivery: str, mail_on: bool) -> bool:
    """Whether a new notification is mailed as soon as it is committed."""
    return mail_on and delivery == "immediate"


def approaching(on: date | None, today: date, days: int) -> bool:
    """Whether a date lies within the next ``days`` days, today included."""
    return on is not None and today <= on <= today + timedelta(days=days)


def follow_up_due(on: date | None, today: date) -> bool:
    """Whether a follow-up is due: its date is today or has passed."""
    return on is not None and on <= today


def notice_key(kind: str, object_id: int, on: date) -> str:
    """The key that makes a dated notice once per object and date."""
    return f"{kind}:{object_id}:{on.isoformat()}"

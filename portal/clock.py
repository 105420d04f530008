"""The time in Finland: the server runs on UTC, but rules, deadlines and pages count Finnish calendar days.

The one place that says what "today" is in Finland (a core module: features
import it, it imports no feature).
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")


def now() -> datetime:
    """The time now, aware, on Helsinki's clock (summer time included)."""
    return datetime.now(HELSINKI)


def today() -> date:
    """Today's date in Finland: rules and deadlines change at midnight Finnish time."""
    return now().date()

"""Rules of event sign-up: when it is open and how many seats are left (codes only)."""
from __future__ import annotations

from datetime import datetime, timedelta


def seats_left(capacity: int, taken: int) -> int:
    """Free seats; never negative."""
    return max(0, capacity - taken)


def registration_refusal(published: bool, starts_at: datetime, now: datetime,
                         capacity: int, taken: int) -> str | None:
    """Why a sign-up is refused ('not_open', 'started', 'full'), or None when it may go ahead.

    Sign-up closes when the event starts. The capacity check here is for the
    page; the database update that takes a seat enforces it under concurrency.
    """
    if not published:
        return "not_open"
    if now >= starts_at:
        return "started"
    if seats_left(capacity, taken) == 0:
        return "full"
    return None


def duration_problem(starts_at: datetime, ends_at: datetime) -> str | None:
    """'ends_before_start' when an event would end before it begins."""
    return "ends_before_start" if ends_at <= starts_at else None


def pending_until(signed_up_at: datetime, starts_at: datetime, hold: timedelta) -> datetime:
    """When an unconfirmed sign-up lapses: `hold` after it was made, or the event's start if that is sooner."""
    return min(signed_up_at + hold, starts_at)


def may_mail_again(last_mailed: datetime | None, now: datetime, gap: timedelta) -> bool:
    """Whether a confirmation request may go to the same address again (not more often than every `gap`)."""
    return last_mailed is None or now - last_mailed >= gap

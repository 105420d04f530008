"""The pure rules of notifications: the delivery choices, dates approaching, follow-ups due, a dated notice's key."""
from __future__ import annotations

from datetime import date

from portal.domain.notices import approaching, delivery_or_default, follow_up_due, mailed_at_once, notice_key

DAY = date(2026, 12, 8)


def test_a_user_who_never_chose_hears_at_once_and_only_immediate_is_mailed_at_once():
    assert delivery_or_default(None) == "immediate" and delivery_or_default("weekly") == "immediate"
    assert delivery_or_default("daily") == "daily"
    assert mailed_at_once("immediate", True) and not mailed_at_once("daily", True)
    assert not mailed_at_once("portal", True) and not mailed_at_once("immediate", False)


def test_dates_approach_within_the_days_today_included_and_follow_ups_are_due_from_their_day():
    assert approaching(DAY, DAY, 7) and approaching(date(2026, 12, 15), DAY, 7)
    assert not approaching(date(2026, 12, 16), DAY, 7) and not approaching(date(2026, 12, 7), DAY, 7)
    assert not approaching(None, DAY, 7)
    assert follow_up_due(DAY, DAY) and follow_up_due(date(2026, 12, 1), DAY)
    assert not follow_up_due(date(2026, 12, 9), DAY) and not follow_up_due(None, DAY)
    assert notice_key("follow_up_due", 5, DAY) == "follow_up_due:5:2026-12-08" != notice_key("follow_up_due", 5,
                                                                                            date(2026, 12, 9))

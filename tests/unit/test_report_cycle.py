"""The reporting cycle's rules (portal.domain.report_cycle): periods, window, steps, reminders, decisions."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from portal.domain import report_cycle as rc

DUE = date(2026, 3, 31)


def test_periods_run_from_the_day_after_the_previous_report_date():
    assert rc.periods(date(2026, 1, 1), [DUE, date(2026, 6, 30)]) == [
        (DUE, date(2026, 1, 1), DUE), (date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30))]


def test_an_entry_belongs_to_a_period_it_touches():
    assert rc.overlaps(date(2026, 1, 1), DUE, date(2025, 6, 1), None)
    assert rc.overlaps(date(2026, 1, 1), DUE, date(2026, 3, 31), date(2026, 8, 1))
    assert not rc.overlaps(date(2026, 1, 1), DUE, date(2025, 6, 1), date(2025, 12, 31))
    assert not rc.overlaps(date(2026, 1, 1), DUE, date(2026, 4, 1), None)


def test_a_report_date_is_upcoming_then_open_then_late_without_a_report():
    assert rc.due_state(DUE, None, date(2026, 1, 1)) == "upcoming"
    assert rc.due_state(DUE, None, date(2026, 3, 15)) == "open"
    assert rc.due_state(DUE, None, date(2026, 4, 1)) == "late"
    assert rc.due_state(DUE, "returned", date(2026, 4, 1)) == "returned"


def test_only_a_missing_or_returned_report_in_its_window_can_be_submitted():
    assert not rc.can_submit(DUE, None, date(2026, 2, 1))
    assert rc.can_submit(DUE, None, date(2026, 3, 1)) and rc.can_submit(DUE, "returned", date(2026, 5, 1))
    assert not rc.can_submit(DUE, "submitted", date(2026, 4, 1)) and not rc.can_submit(DUE, "accepted", DUE)
    assert rc.can_review("submitted") and not rc.can_review("accepted") and not rc.can_review(None)
    assert not rc.can_submit(DUE, None, DUE, decided=True) and not rc.can_review("submitted", decided=True)
    assert rc.needs_attention(DUE, "submitted", DUE, share_below=True) and not rc.needs_attention(DUE, "submitted", DUE)
    assert not rc.needs_attention(DUE, "accepted", DUE, share_below=True)


def test_late_and_returned_reports_need_attention():
    assert rc.needs_attention(DUE, None, date(2026, 4, 1)) and rc.needs_attention(DUE, "returned", DUE)
    assert not rc.needs_attention(DUE, None, DUE) and not rc.needs_attention(DUE, "submitted", date(2026, 5, 1))


def test_reminders_before_and_after_the_date():
    assert rc.reminder_due("before", DUE, None, date(2026, 3, 17))
    assert not rc.reminder_due("before", DUE, None, date(2026, 3, 16))
    assert not rc.reminder_due("before", DUE, "submitted", date(2026, 3, 20))
    assert rc.reminder_due("after", DUE, None, date(2026, 4, 1)) and rc.reminder_due("after", DUE, "returned",
                                                                                      date(2026, 4, 2))
    assert not rc.reminder_due("after", DUE, None, DUE) and not rc.reminder_due("after", DUE, "accepted",
                                                                                date(2026, 4, 2))
    assert not rc.reminder_due("after", DUE, None, date(2026, 7, 1))  # long missed: the dashboard shows it


def test_a_decision_needs_reasons_the_deadline_passed_and_a_reduced_amount_in_range():
    after, before = date(2026, 7, 1), date(2026, 6, 1)
    computed = Decimal("3000")
    assert rc.decision_problems("applied", computed, None, "Sovittu.", DUE, after) == {}
    assert rc.decision_problems("applied", computed, None, " ", DUE, after) == {"reasons": "required"}
    assert rc.decision_problems("waived", computed, None, "x", date(2026, 6, 30), before) == {
        "decision": "before_deadline"}
    assert rc.decision_problems("reduced", computed, Decimal("3000"), "x", DUE, after) == {"amount": "reduced_range"}
    assert rc.decision_problems("applied", computed, Decimal("0"), "x", DUE, after) == {"amount": "amount_only_reduced"}
    assert rc.decision_problems("waived", computed, Decimal("10"), "x", DUE, after) == {"amount": "amount_only_reduced"}
    assert rc.decision_problems("reduced", computed, Decimal("1500"), "x", DUE, after) == {}
    assert rc.decision_problems("applied", None, None, "x", DUE, after) == {"decision": "no_sanction"}
    assert rc.decision_amount("applied", computed, None) == computed
    assert rc.decision_amount("waived", computed, Decimal("5")) == 0
    assert rc.decision_amount("reduced", computed, Decimal("1500")) == Decimal("1500")

"""The ledger lock (portal.domain.ledger_lock): what an accepted report and a sanction decision close."""
from __future__ import annotations

from datetime import date

from portal.domain.ledger_lock import Line, inside, line_lock, lock_problem, reopen_problem, terms_problems

Q1 = (date(2025, 1, 1), date(2025, 3, 31))


def _line(start, end, person="AB-101", kind="employment", share=1.0) -> Line:
    return Line(person, kind, start, end, share)


def test_a_decision_closes_every_change_even_outside_any_period():
    later = _line(date(2026, 1, 1), None)
    assert lock_problem(True, [], None, later) == "decided"
    assert lock_problem(True, [], later, None) == "decided"


def test_nothing_is_locked_without_accepted_periods_or_outside_them():
    assert lock_problem(False, [], None, _line(date(2025, 2, 1), None)) is None
    assert lock_problem(False, [Q1], None, _line(date(2025, 4, 1), None)) is None
    assert lock_problem(False, [Q1], _line(date(2025, 4, 1), None), None) is None


def test_adding_or_removing_a_line_that_touches_an_accepted_period_is_refused():
    assert lock_problem(False, [Q1], None, _line(date(2025, 3, 31), None)) == "accepted_period"
    assert lock_problem(False, [Q1], _line(date(2024, 12, 1), date(2025, 1, 1)), None) == "accepted_period"


def test_an_ongoing_line_may_be_given_its_end_after_the_accepted_period_but_not_inside_it():
    ongoing = _line(date(2025, 2, 1), None)
    assert lock_problem(False, [Q1], ongoing, _line(date(2025, 2, 1), date(2025, 6, 30))) is None
    assert lock_problem(False, [Q1], ongoing, _line(date(2025, 2, 1), date(2025, 3, 15))) == "accepted_period"


def test_the_person_kind_or_share_inside_an_accepted_period_cannot_change():
    before = _line(date(2025, 2, 1), None)
    assert lock_problem(False, [Q1], before, _line(date(2025, 2, 1), None, person="AB-102")) == "accepted_period"
    assert lock_problem(False, [Q1], before, _line(date(2025, 2, 1), None, share=0.5)) == "accepted_period"
    assert lock_problem(False, [Q1], before, _line(date(2025, 1, 15), None)) == "accepted_period"


def test_moving_a_line_into_an_accepted_period_is_refused():
    assert lock_problem(False, [Q1], _line(date(2025, 5, 1), None), _line(date(2025, 3, 1), None)) == "accepted_period"


def test_inside_gives_the_days_in_each_period():
    q2 = (date(2025, 4, 1), date(2025, 6, 30))
    assert inside(_line(date(2025, 3, 1), date(2025, 5, 1)), [q2, Q1]) == (
        (date(2025, 3, 1), date(2025, 3, 31)), (date(2025, 4, 1), date(2025, 5, 1)))


def test_only_an_accepted_report_is_reopened_and_always_with_reasons():
    assert reopen_problem("accepted", "Virhe jaksossa.", 4000) == {}
    assert reopen_problem("submitted", "x", 4000) == {"state": "not_accepted"}
    assert reopen_problem("accepted", "  ", 4000) == {"reasons": "required"}
    assert reopen_problem("accepted", "x" * 4001, 4000) == {"reasons": "too_long"}


def test_terms_are_locked_by_a_decision_and_an_accepted_report_keeps_its_period():
    assert terms_problems(True, [], 3, 3, date(2027, 1, 1)) == {"clause": "terms_decided"}
    assert terms_problems(False, [], 3, 6, date(2027, 1, 1)) == {}
    assert terms_problems(False, [date(2026, 6, 30)], 3, 6, date(2027, 1, 1)) == {
        "reporting_interval": "interval_accepted"}
    assert terms_problems(False, [date(2026, 6, 30)], 3, 3, date(2026, 5, 1)) == {"deadline": "deadline_accepted"}
    assert terms_problems(False, [date(2026, 6, 30)], 3, 3, date(2026, 6, 30)) == {}


def test_a_line_wholly_inside_accepted_periods_is_locked_one_touching_them_partly():
    periods = [(date(2026, 1, 1), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 6, 30))]
    assert line_lock(_line(date(2026, 2, 1), date(2026, 5, 1)), periods) == "locked"  # across both periods
    assert line_lock(_line(date(2026, 3, 1), date(2026, 8, 1)), periods) == "partly"
    assert line_lock(_line(date(2026, 3, 1), None), periods) == "partly"  # ongoing: its later days are open
    assert line_lock(_line(date(2026, 7, 1), None), periods) is None
    assert line_lock(_line(date(2026, 2, 1), date(2026, 2, 2)), []) is None

"""Counting rules of portal.domain.obligations, one group of tests per rule of its docstring."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.domain.obligations import Clause, Entry, booked, delivered, evaluate
from portal.domain.person_months import add_months, months_covered, person_months

START, DEADLINE = date(2026, 1, 1), date(2026, 12, 31)


def clause(kind="person_months", quantity=12, **kw) -> Clause:
    return Clause(kind=kind, quantity=quantity, period_start=kw.pop("period_start", START),
                  deadline=kw.pop("deadline", DEADLINE), **kw)


def job(person, start, end, share=1.0, kind="job") -> Entry:
    return Entry(person, kind, start, end, share)


# Rule 4: person-months from dates, partial months prorated by days.

def test_a_whole_calendar_month_is_one_whatever_its_length():
    assert months_covered(date(2026, 1, 1), date(2026, 1, 31)) == pytest.approx(1)
    assert months_covered(date(2026, 2, 1), date(2026, 2, 28)) == pytest.approx(1)
    assert months_covered(date(2028, 2, 1), date(2028, 2, 29)) == pytest.approx(1)  # leap year


def test_partial_months_are_prorated_by_the_days_of_each_month():
    assert months_covered(date(2026, 1, 15), date(2026, 2, 14)) == pytest.approx(17 / 31 + 14 / 28)
    assert months_covered(date(2026, 3, 10), date(2026, 3, 10)) == pytest.approx(1 / 31)
    assert months_covered(date(2026, 1, 1), date(2026, 12, 31)) == pytest.approx(12)


def test_reversed_dates_cover_nothing():
    assert months_covered(date(2026, 3, 1), date(2026, 2, 1)) == 0


def test_a_part_time_placement_counts_in_proportion_to_its_share():
    assert person_months(date(2026, 1, 1), date(2026, 6, 30), 0.5) == pytest.approx(3)
    c = clause()
    entries = [job("A1", date(2026, 1, 1), date(2026, 6, 30), share=0.6)]
    assert delivered(c, entries, date(2026, 12, 31)) == pytest.approx(3.6)


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(0, 900), st.integers(0, 900))
def test_splitting_a_period_never_changes_the_months(start, a, b):
    middle, end = start + timedelta(days=a), start + timedelta(days=a + b + 1)
    whole = months_covered(start, end)
    parts = months_covered(start, middle) + months_covered(middle + timedelta(days=1), end)
    assert whole == pytest.approx(parts)


def test_adding_months_clamps_to_the_end_of_a_shorter_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


# Rule 2: each entry kind counts only for the clause kinds that accept it.

@pytest.mark.parametrize("kind,counted", [
    ("person_months", {"job", "apprenticeship"}),
    ("combined", {"job", "apprenticeship", "work_trial"}),
])
def test_month_clauses_count_only_the_kinds_they_accept(kind, counted):
    c = clause(kind)
    for entry_kind in ("job", "apprenticeship", "work_trial"):
        entries = [job("A1", date(2026, 1, 1), date(2026, 1, 31), kind=entry_kind)]
        expected = 1 if entry_kind in counted else 0
        assert delivered(c, entries, DEADLINE) == pytest.approx(expected), entry_kind


@pytest.mark.parametrize("kind,counted", [
    ("persons", {"job", "apprenticeship"}),
    ("apprenticeships", {"apprenticeship"}),
    ("work_trials", {"work_trial"}),
])
def test_person_clauses_count_only_the_kinds_they_accept(kind, counted):
    c = clause(kind, quantity=3, min_months=2)
    for entry_kind in ("job", "apprenticeship", "work_trial", "social_enterprise"):
        entries = [job("A1", date(2026, 1, 1), date(2026, 3, 31), kind=entry_kind)]
        assert delivered(c, entries, DEADLINE) == (1 if entry_kind in counted else 0), entry_kind


def test_social_enterprise_entries_count_only_when_the_clause_gives_them_a_share():
    entries = [job("S1", date(2026, 1, 1), date(2026, 2, 28), kind="social_enterprise")]
    assert delivered(clause(), entries, DEADLINE) == 0
    assert delivered(clause(social_enterprise_share=0.5), entries, DEADLINE) == pytest.approx(2)


# Rule 3: only the counting period counts.

def test_a_placement_crossing_the_deadline_counts_up_to_the_deadline():
    c = clause(deadline=date(2026, 6, 30))
    entries = [job("A1", date(2026, 5, 1), date(2026, 9, 30))]
    assert delivered(c, entries, date(2027, 1, 1)) == pytest.approx(2)
    assert booked(c, entries) == pytest.approx(2)


def test_days_before_the_period_start_do_not_count():
    entries = [job("A1", date(2025, 11, 1), date(2026, 1, 31))]
    assert delivered(clause(), entries, DEADLINE) == pytest.approx(1)


def test_an_entry_wholly_after_the_deadline_counts_nothing():
    entries = [job("A1", date(2027, 1, 1), date(2027, 3, 31))]
    assert delivered(clause(), entries, date(2027, 6, 1)) == 0


# Rule 5: delivered to date.

def test_delivered_counts_up_to_the_date_asked_and_an_open_end_runs_to_it():
    entries = [job("A1", date(2026, 1, 1), None), job("B2", date(2026, 1, 1), date(2026, 12, 31)),
               job("C3", date(2026, 5, 1), None)]
    assert delivered(clause(), entries, date(2026, 3, 31)) == pytest.approx(6)


def test_nothing_is_delivered_before_the_period_begins():
    entries = [job("A1", date(2026, 1, 1), None)]
    assert delivered(clause(), entries, date(2025, 12, 1)) == 0


# Rule 6: persons count once, and only with the minimum length.

def test_a_person_below_the_minimum_length_counts_zero_not_a_fraction():
    c = clause("persons", quantity=2, min_months=6)
    short = [job("A1", date(2026, 1, 1), date(2026, 6, 29))]
    assert delivered(c, short, DEADLINE) == 0
    ended = evaluate(c, short, DEADLINE)  # ended before the minimum: it can never count (rule 6)
    assert ended.persons_ended_short == 1 and ended.persons_below_minimum == 0
    assert evaluate(c, short, date(2026, 6, 1)).persons_below_minimum == 1  # still running: below it so far
    reached = [job("A1", date(2026, 1, 1), date(2026, 6, 30))]
    assert delivered(c, reached, DEADLINE) == 1


def test_a_part_time_job_counts_in_full_towards_the_minimum_length():
    c = clause("persons", quantity=1, min_months=6)
    entries = [job("A1", date(2026, 1, 1), date(2026, 6, 30), share=0.4)]
    assert delivered(c, entries, DEADLINE) == 1


def test_a_person_with_several_entries_counts_once_and_overlaps_are_not_double_counted():
    c = clause("persons", quantity=3, min_months=6)
    overlapping = [job("A1", date(2026, 1, 1), date(2026, 4, 30)), job("A1", date(2026, 2, 1), date(2026, 5, 31))]
    assert delivered(c, overlapping, DEADLINE) == 0  # five months, not eight
    consecutive = [job("A1", date(2026, 1, 1), date(2026, 3, 31)),
                   job("A1", date(2026, 4, 1), date(2026, 6, 30), kind="apprenticeship")]
    assert delivered(c, consecutive, DEADLINE) == 1


def test_a_person_reaches_the_minimum_only_on_the_day_it_is_reached():
    c = clause("persons", quantity=1, min_months=3)
    entries = [job("A1", date(2026, 1, 1), None)]
    assert delivered(c, entries, date(2026, 3, 30)) == 0
    assert delivered(c, entries, date(2026, 3, 31)) == 1

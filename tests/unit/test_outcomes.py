"""Outcome rules: statuses at month ends, moves, conversion, retention, contact days, rates with small cells."""
from __future__ import annotations

from datetime import date

from portal.domain import outcomes as o


def test_months_between_and_month_ends_cross_years_and_leap_days():
    assert o.months_between(date(2025, 11, 20), date(2026, 2, 3)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert o.month_end(date(2028, 2, 10)) == date(2028, 2, 29)
    assert o.month_end(date(2026, 12, 31)) == date(2026, 12, 31)


def test_status_at_month_ends_is_the_last_step_begun_by_that_day():
    steps = [(date(2026, 1, 15), "intake"), (date(2026, 1, 31), "job_search"), (date(2026, 3, 1), "employed")]
    months = o.months_between(date(2025, 12, 1), date(2026, 4, 1))
    assert o.status_at_month_ends(steps, months, date(2026, 4, 10)) == [
        None, "job_search", "job_search", "employed", "employed"]


def test_the_current_month_counts_up_to_today_not_its_end():
    steps = [(date(2026, 4, 1), "intake"), (date(2026, 4, 20), "employed")]
    assert o.status_at_month_ends(steps, [date(2026, 4, 1)], date(2026, 4, 10)) == ["intake"]


def test_moves_skip_the_first_step_and_repeats():
    steps = [(date(2026, 1, 5), "intake"), (date(2026, 2, 3), "job_search"), (date(2026, 2, 9), "job_search"),
             (date(2026, 3, 1), "education")]
    assert o.moves(steps) == [(date(2026, 2, 1), "intake", "job_search"), (date(2026, 3, 1), "job_search", "education")]


def test_moves_add_up_into_outcomes_only_for_outcome_statuses():
    counts = {"intake>job_search": 9, "job_search>employed": 4, "work_trial>employed": 3, "job_search>work_trial": 6,
              "employed>exited": 2, "job_search>rehabilitation": 1, "job_search>paused": 7}
    assert o.into_outcomes(counts) == {"work": 7, "education": 0, "rehabilitation": 1, "services": 6, "exited": 2}


def test_a_trial_counts_when_it_has_finished_converted_or_not():
    assert o.trial_outcome("started", date(2026, 5, 1)) is None
    assert o.trial_outcome("converted", date(2026, 5, 31)) == (date(2026, 5, 1), "converted")
    assert o.trial_outcome("ended", date(2026, 6, 2)) == (date(2026, 6, 1), "not_converted")


def test_retention_is_looked_at_on_each_horizon_day_once_it_has_come():
    start = date(2025, 1, 31)
    found = o.retention_outcomes(start, date(2025, 6, 15), date(2026, 2, 1))
    # 3 months: 30 April (still running); 6 months: 31 July (ended in June); 12 months: 31 January 2026.
    assert found == [(date(2025, 4, 1), 3, True), (date(2025, 7, 1), 6, False), (date(2026, 1, 1), 12, False)]
    assert o.retention_outcomes(start, None, date(2025, 5, 1)) == [(date(2025, 4, 1), 3, True)]
    # Ending on the horizon day itself still counts as in work that day.
    assert o.retention_outcomes(date(2025, 1, 1), date(2025, 4, 1), date(2025, 4, 2))[0][2] is True


def test_contact_days_are_keys_capped_and_none_without_contact():
    assert o.contact_key(date(2026, 1, 1), None) == o.NO_CONTACT
    assert o.contact_key(date(2026, 1, 1), date(2026, 1, 15)) == "14"
    assert o.contact_key(date(2020, 1, 1), date(2026, 1, 1)) == str(o.CONTACT_DAYS_CAP)


def test_median_of_day_counts_is_exact():
    assert o.median_days({"3": 1, "10": 1, "40": 1}) == 10.0
    assert o.median_days({"3": 2, "10": 2}) == 6.5
    assert o.median_days({o.NO_CONTACT: 9}) is None
    assert o.median_days({"5": 3, o.NO_CONTACT: 100}) == 5.0


def test_a_rate_is_shown_only_when_both_parts_are_shown_cells():
    shown = o.rate(12, 8)
    assert shown.value == 0.6 and shown.base.value == 20
    assert o.rate(3, 20).value is None and o.rate(3, 20).counted_in.hidden
    assert o.rate(20, 3).value is None  # 87 % would tell that three people left
    assert o.rate(9, 0).value is None  # 100 % would tell everyone's outcome
    assert o.rate(2, 2).base.hidden


def test_median_is_hidden_with_a_small_group():
    people, days, without = o.contact_cells({"2": 2, "9": 2, o.NO_CONTACT: 30})
    assert people.hidden and days is None and without.hidden  # 30 shown would give 4 away from the cohort
    people, days, without = o.contact_cells({"2": 3, "9": 2, "4": 1, o.NO_CONTACT: 6})
    assert (people.value, days, without.value) == (6, 3.0, 6)


def test_people_without_a_contact_cannot_be_worked_out_from_those_with_one():
    """Outsider pass: 'with a contact 5', 'without: hidden' beside 'active clients 6' told that one had none."""
    people, days, without = o.contact_cells({"2": 3, "9": 2, o.NO_CONTACT: 1})
    assert people.hidden and without.hidden and days is None
    people, days, without = o.contact_cells({"2": 3, "9": 2})  # nobody without: 'all five' is hidden too
    assert people.hidden and without.hidden

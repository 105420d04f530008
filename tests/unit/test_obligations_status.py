"""Caps, booking, forecast, state, reports, sanctions and per-entry explanations (rules 7-12)."""
from __future__ import annotations

from datetime import date

import pytest

from portal.domain.obligation_details import contributions, report_dates
from portal.domain.obligations import booked, delivered, evaluate, sanction
from tests.unit.test_obligations import DEADLINE, clause, job

SE = "social_enterprise"


# Rule 7: social-enterprise credits are capped at their share.

def test_social_enterprise_credits_over_their_cap_are_not_counted():
    c = clause(quantity=12, social_enterprise_share=0.25)  # cap: 3 person-months
    entries = [job("A1", date(2026, 1, 1), date(2026, 2, 28)),
               job("S1", date(2026, 1, 1), date(2026, 5, 31), kind=SE)]
    status = evaluate(c, entries, DEADLINE)
    assert status.delivered == pytest.approx(2 + 3)
    assert status.social_enterprise_counted == pytest.approx(3)
    assert status.social_enterprise_over_cap == pytest.approx(2)


def test_credits_exactly_at_the_cap_count_in_full():
    c = clause(quantity=12, social_enterprise_share=0.25)
    entries = [job("S1", date(2026, 1, 1), date(2026, 3, 31), kind=SE)]
    status = evaluate(c, entries, DEADLINE)
    assert status.delivered == pytest.approx(3) and status.social_enterprise_over_cap == pytest.approx(0)


def test_the_persons_cap_is_rounded_down_to_whole_persons():
    c = clause("persons", quantity=6, min_months=3, social_enterprise_share=0.25)  # 1.5 -> 1 person
    entries = [job(f"S{n}", date(2026, 1, 1), date(2026, 3, 31), kind=SE) for n in range(3)]
    status = evaluate(c, entries, DEADLINE)
    assert status.delivered == 1 and status.social_enterprise_over_cap == 2


def test_a_person_whose_own_job_reaches_the_minimum_does_not_use_the_cap():
    c = clause("persons", quantity=6, min_months=3, social_enterprise_share=0.2)  # cap 1
    entries = [job("A1", date(2026, 1, 1), date(2026, 3, 31)), job("A1", date(2026, 4, 1), date(2026, 4, 30), kind=SE),
               job("S1", date(2026, 1, 1), date(2026, 3, 31), kind=SE)]
    status = evaluate(c, entries, DEADLINE)
    assert status.delivered == 2 and status.social_enterprise_counted == 1


def test_social_enterprise_time_can_complete_a_persons_minimum_length_within_the_cap():
    c = clause("persons", quantity=6, min_months=6, social_enterprise_share=0.2)
    entries = [job("A1", date(2026, 1, 1), date(2026, 3, 31)), job("A1", date(2026, 4, 1), date(2026, 6, 30), kind=SE)]
    status = evaluate(c, entries, DEADLINE)
    assert status.delivered == 1 and status.social_enterprise_counted == 1


# Rule 8: booked.

def test_booked_uses_planned_ends_and_runs_open_entries_to_the_deadline():
    c = clause(quantity=24)
    entries = [job("A1", date(2026, 1, 1), date(2026, 6, 30)), job("B2", date(2026, 7, 1), None)]
    assert booked(c, entries) == pytest.approx(12)
    assert delivered(c, entries, date(2026, 3, 31)) == pytest.approx(3)


# Rule 9: forecast at the deadline.

def test_the_forecast_never_extrapolates_an_ended_entry():
    c = clause(quantity=12)
    entries = [job("A1", date(2026, 1, 1), date(2026, 3, 31), share=0.5)]  # 1.5 in the first quarter, ended
    status = evaluate(c, entries, date(2026, 7, 1))
    assert status.delivered == pytest.approx(1.5)
    assert status.forecast == pytest.approx(1.5)


def test_the_forecast_runs_ongoing_entries_to_their_planned_end_or_the_deadline():
    c = clause(quantity=12)
    entries = [job("A1", date(2026, 6, 1), date(2026, 9, 30)), job("B2", date(2026, 6, 1), None)]
    status = evaluate(c, entries, date(2026, 6, 30))
    assert status.forecast == pytest.approx(4 + 7)


def test_the_forecast_counts_social_enterprise_credits_within_their_cap_only():
    c = clause(quantity=36, social_enterprise_share=0.25, deadline=date(2028, 12, 31))  # cap 9
    entries = [job("S1", date(2026, 1, 1), None, kind=SE), job("S2", date(2026, 1, 1), None, kind=SE)]
    status = evaluate(c, entries, date(2026, 12, 31))
    assert status.forecast == pytest.approx(9)


def test_the_demo_clause_of_issue_18_forecasts_what_its_ledger_holds():
    """36 person-months over three years, 10 months in: the old pace said 62.7, then 110.8 with two open jobs."""
    start = date(2025, 2, 1)
    c = clause(quantity=36, social_enterprise_share=0.25, period_start=start, deadline=date(2028, 1, 31))
    entries = [job("EO-0101", date(2025, 3, 1), None), job("EO-0105", date(2025, 5, 1), date(2025, 8, 31), share=0.8),
               job("YY-2201", date(2025, 4, 1), date(2025, 7, 31), kind=SE)]
    as_of = date(2025, 12, 8)
    status = evaluate(c, entries, as_of)
    assert status.forecast == pytest.approx(35 + 3.2 + 4)  # EO-0101 to the deadline, the ended two as they were
    more = entries + [job("IM-1", date(2025, 11, 1), None), job("IM-2", date(2025, 11, 1), None)]
    # Each ongoing job adds its own months to the deadline (27 each), nothing more.
    assert evaluate(c, more, as_of).forecast == pytest.approx(35 + 3.2 + 4 + 2 * 27)


def test_before_the_period_starts_the_clause_is_not_started_without_a_sanction():
    c = clause(quantity=12, sanction_per_month=750, period_start=date(2027, 1, 1), deadline=date(2027, 12, 31))
    status = evaluate(c, [], date(2026, 6, 1))
    assert status.state == "not_started" and status.forecast == 0
    assert status.sanction_estimate is None and status.sanction_shortfall is None


def test_without_a_supplier_the_clause_is_not_started_and_has_no_sanction_even_past_its_start():
    c = clause(quantity=12, sanction_per_month=750, period_start=date(2026, 1, 1), deadline=date(2027, 12, 31),
               supplied=False)
    status = evaluate(c, [], date(2026, 9, 1))
    assert status.state == "not_started" and status.sanction_estimate is None


def test_after_the_deadline_the_forecast_is_what_was_delivered():
    c = clause(quantity=12)
    entries = [job("A1", date(2026, 1, 1), date(2026, 6, 30))]
    assert evaluate(c, entries, date(2027, 3, 1)).forecast == pytest.approx(6)


def test_a_forecast_in_persons_is_in_whole_persons():
    c = clause("persons", quantity=5, min_months=1)
    entries = [job("A1", date(2026, 1, 1), date(2026, 1, 31)), job("B2", date(2026, 4, 1), None)]
    status = evaluate(c, entries, date(2026, 5, 1))
    assert status.forecast == 2


# Rule 10: state.

@pytest.mark.parametrize("share,end,as_of,state", [
    (1.0, None, date(2026, 7, 1), "on_track"),                 # booked 12 by the deadline
    (0.85, None, date(2026, 7, 1), "at_risk"),                 # forecast 10.2 >= 80 % of 12
    (1.0, date(2026, 6, 30), date(2026, 7, 1), "behind"),      # ended at 6: never extrapolated
    (0.5, date(2026, 6, 30), date(2027, 1, 1), "breached"),
    (1.0, None, date(2025, 12, 31), "not_started"),
])
def test_states_follow_the_forecast_and_the_deadline(share, end, as_of, state):
    c = clause(quantity=12)
    entries = [job("A1", date(2026, 1, 1), end, share=share)]
    assert evaluate(c, entries, as_of).state == state


def test_a_clause_is_met_as_soon_as_delivered_reaches_the_requirement():
    c = clause(quantity=3)
    entries = [job("A1", date(2026, 1, 1), date(2026, 3, 31))]
    assert evaluate(c, entries, date(2026, 3, 31)).state == "met"
    assert evaluate(c, entries, date(2027, 5, 1)).state == "met"


def test_expected_to_date_is_the_requirement_pro_rata():
    status = evaluate(clause(quantity=365), [], date(2026, 1, 10))
    assert status.expected_to_date == pytest.approx(10)


# Rule 11: reports.

def test_reports_fall_due_at_the_end_of_each_interval_and_at_the_deadline():
    c = clause(reporting_interval=3, deadline=date(2026, 11, 15))
    assert report_dates(c) == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 11, 15)]
    assert report_dates(clause(reporting_interval=12)) == [DEADLINE]
    assert report_dates(clause(reporting_interval=6, period_start=date(2026, 1, 31)))[0] == date(2026, 7, 30)


# Rule 12: sanction.

def test_the_sanction_is_the_shortfall_in_person_months_times_the_rate():
    assert sanction(clause(quantity=12, sanction_per_month=500), 9.5) == 1250
    assert sanction(clause(quantity=12, sanction_per_month=500), 13) == 0
    assert sanction(clause(quantity=12), 0) is None
    assert sanction(clause("persons", quantity=3, min_months=6, sanction_per_month=100), 1) == 1200


def test_after_a_breach_the_sanction_estimate_uses_what_was_delivered():
    c = clause(quantity=12, sanction_per_month=1000)
    entries = [job("A1", date(2026, 1, 1), date(2026, 12, 31), share=0.5)]
    assert evaluate(c, entries, date(2027, 1, 5)).sanction_estimate == pytest.approx(6000)


def test_the_sanction_appears_only_when_the_forecast_falls_short_and_says_how():
    c = clause(quantity=12, sanction_per_month=500)
    short = evaluate(c, [job("A1", date(2026, 1, 1), date(2026, 6, 30))], date(2026, 7, 1))
    assert short.sanction_estimate == pytest.approx(3000)
    assert short.sanction_shortfall == pytest.approx(6) and short.sanction_basis == "forecast"
    enough = evaluate(c, [job("A1", date(2026, 1, 1), None)], date(2026, 7, 1))
    assert enough.state == "on_track" and enough.sanction_estimate is None and enough.sanction_basis is None
    after = evaluate(c, [job("A1", date(2026, 1, 1), date(2026, 6, 30))], date(2027, 1, 5))
    assert after.sanction_basis == "delivered"



# The per-entry explanation agrees with the totals.

def test_contributions_add_up_to_delivered_and_say_why():
    c = clause(quantity=12, social_enterprise_share=0.25)
    entries = [job("A1", date(2026, 1, 1), date(2026, 2, 28)),
               job("S1", date(2026, 1, 1), date(2026, 2, 28), kind=SE),
               job("S2", date(2026, 2, 1), date(2026, 3, 31), kind=SE),
               job("S3", date(2026, 4, 1), date(2026, 4, 30), kind=SE),
               job("T1", date(2026, 1, 1), date(2026, 1, 31), kind="work_trial"),
               job("F1", date(2026, 11, 1), None),
               job("O1", date(2025, 1, 1), date(2025, 6, 30))]
    as_of = date(2026, 6, 30)
    result = contributions(c, entries, as_of)
    assert [r.note for r in result] == ["counted", "counted", "partly_over_cap", "over_cap", "not_accepted",
                                        "not_started", "outside_period"]
    assert sum(r.value for r in result) == pytest.approx(delivered(c, entries, as_of))


def test_contributions_of_a_persons_clause_mark_who_is_below_the_minimum():
    c = clause("persons", quantity=2, min_months=3)
    entries = [job("A1", date(2026, 1, 1), date(2026, 3, 31)), job("B2", date(2026, 1, 1), date(2026, 1, 31))]
    result = contributions(c, entries, DEADLINE)
    assert [r.note for r in result] == ["counted", "ended_short"]  # B2 ended in January: it can never count
    assert [r.note for r in contributions(c, entries, date(2026, 1, 15))] == ["below_minimum", "below_minimum"]
    assert result[0].value == pytest.approx(3)


def test_a_person_whose_work_ended_before_the_minimum_is_told_apart_from_one_still_below_it():
    c = clause(kind="persons", quantity=2, min_months=6, period_start=date(2026, 1, 1), deadline=date(2027, 12, 31))
    entries = [job("A", date(2026, 1, 1), date(2026, 3, 31)), job("B", date(2026, 6, 1), None)]
    status = evaluate(c, entries, date(2026, 8, 1))
    assert status.persons_ended_short == 1 and status.persons_below_minimum == 1
    assert [x.note for x in contributions(c, entries, date(2026, 8, 1))] == ["ended_short", "below_minimum"]

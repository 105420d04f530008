"""The fast counting agrees with a slow day-by-day reference written straight from the rules."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.domain.obligation_details import contributions, delivered_series
from portal.domain.obligations import ACCEPTS, Clause, Entry, booked, delivered

START, DEADLINE = date(2026, 1, 1), date(2026, 12, 31)


def reference_months(clause: Clause, entries, until: date, open_end: date) -> float:
    """Rules 2-5 and 7 day by day: every counted day is worth share / days of its month."""
    regular = se = 0.0
    hi = min(until, clause.deadline)
    for e in entries:
        if not clause.accepts(e.kind):
            continue
        day, last = max(e.start, clause.period_start), min(e.end or open_end, hi)
        while day <= last:
            value = e.share / calendar.monthrange(day.year, day.month)[1]
            if e.kind == "social_enterprise":
                se += value
            else:
                regular += value
            day += timedelta(days=1)
    return regular + min(se, clause.social_enterprise_cap)


entry = st.builds(
    lambda person, kind, start, length, open_, share: Entry(
        person, kind, start, None if open_ else start + timedelta(days=length), share),
    st.sampled_from(["A1", "B2", "C3"]), st.sampled_from(sorted(ACCEPTS["combined"])),
    st.dates(date(2025, 10, 1), date(2027, 3, 1)), st.integers(0, 400), st.booleans(),
    st.sampled_from([1.0, 0.5, 0.8, 0.25]))


@settings(max_examples=150, deadline=None)
@given(st.lists(entry, max_size=8), st.sampled_from(["person_months", "combined"]),
       st.sampled_from([None, 0.1, 0.5]), st.dates(date(2025, 12, 1), date(2027, 2, 1)))
def test_month_counting_matches_the_day_by_day_reference(entries, kind, share, as_of):
    clause = Clause(kind=kind, quantity=12, period_start=START, deadline=DEADLINE, social_enterprise_share=share)
    assert abs(delivered(clause, entries, as_of) - reference_months(clause, entries, as_of, as_of)) < 1e-6
    assert abs(booked(clause, entries) - reference_months(clause, entries, DEADLINE, DEADLINE)) < 1e-6
    counted = sum(c.value for c in contributions(clause, entries, as_of))
    assert abs(counted - delivered(clause, entries, as_of)) < 1e-6


@settings(max_examples=150, deadline=None)
@given(st.lists(entry, max_size=8), st.sampled_from(sorted(ACCEPTS)), st.sampled_from([None, 0.1, 0.5]),
       st.sampled_from([0.0, 1.0, 6.0]), st.lists(st.dates(date(2025, 12, 1), date(2027, 2, 1)), max_size=12))
def test_a_series_of_days_is_what_each_day_delivers_alone(entries, kind, share, min_months, days):
    clause = Clause(kind=kind, quantity=5, period_start=START, deadline=DEADLINE, social_enterprise_share=share,
                    min_months=min_months)
    assert delivered_series(clause, entries, days) == [delivered(clause, entries, day) for day in days]

"""The one rule of placements in time: planned, ongoing, ended; and which clause kinds a placement counts for."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from portal.domain.placements import clause_kind_problem, is_current, status_for, timing

TODAY = date(2026, 12, 9)


@pytest.mark.parametrize(("state", "start", "expected"), [
    ("started", date(2027, 1, 11), "planned"),       # the reported trial 11.1.2027-10.4.2027
    ("started", TODAY + timedelta(days=1), "planned"),
    ("started", TODAY, "ongoing"),                   # counts from its first day
    ("started", date(2026, 1, 1), "ongoing"),        # past its planned end: ongoing until the end is recorded
    ("ended", date(2026, 1, 1), "ended"),
    ("converted", date(2026, 1, 1), "ended"),
    ("ended", date(2027, 1, 11), "ended"),           # ended before it began: still ended
])
def test_timing(state, start, expected):
    assert timing(state, start, TODAY) == expected
    assert is_current(state, start, TODAY) == (expected == "ongoing")


def test_a_planned_placement_becomes_ongoing_on_its_start_date():
    start = date(2027, 1, 11)
    assert [timing("started", start, start + timedelta(days=d)) for d in (-1, 0, 1)] == [
        "planned", "ongoing", "ongoing"]


def test_status_for_running_kinds():
    assert status_for([]) is None
    assert status_for(["work_trial"]) == "work_trial"
    assert status_for(["work_trial", "job"]) == "employed"
    assert status_for(["apprenticeship"]) == "employed"


@pytest.mark.parametrize(("kind", "clause_kind", "expected"), [
    ("work_trial", "person_months", "clause_no_trials"),
    ("work_trial", "persons", "clause_no_trials"),
    ("work_trial", "apprenticeships", "clause_no_trials"),
    ("work_trial", "work_trials", None),
    ("work_trial", "combined", None),
    ("job", "person_months", None),
    ("job", "work_trials", "clause_kind"),
    ("job", "apprenticeships", "clause_kind"),
    ("apprenticeship", "apprenticeships", None),
    ("apprenticeship", "persons", None),
])
def test_clause_kind_problem(kind, clause_kind, expected):
    assert clause_kind_problem(kind, clause_kind) == expected


def test_only_the_candidates_own_coach_is_named_to_them():
    from portal.domain.privacy import reader_named

    assert reader_named("coach", own_coach=True)
    assert not reader_named("coach", own_coach=False)  # another coach of the provider
    assert not reader_named("employer", own_coach=False)
    assert not reader_named("admin", own_coach=False)
    assert not reader_named(None, own_coach=False)

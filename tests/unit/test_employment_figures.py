"""Supported-employment figures: days to first employer contact, proposals and job starts per month,
90-day retention and caseload, per coach and per provider."""
from __future__ import annotations

from datetime import date

from portal.domain.employment_figures import (
    CandidateFacts,
    PlacementFacts,
    ProposalFacts,
    coach_figures,
    figures,
    month_keys,
    retained,
)

TODAY = date(2026, 5, 20)
D = date
PEOPLE = [
    CandidateFacts(1, frozenset({7}), D(2026, 1, 5), D(2026, 1, 15), True),  # 10 days
    CandidateFacts(2, frozenset({7, 8}), D(2026, 2, 1), D(2026, 3, 3), True),  # 30 days, shared
    CandidateFacts(3, frozenset({8}), D(2026, 3, 1), None, True),
    CandidateFacts(4, frozenset({8}), D(2025, 6, 1), D(2025, 6, 21), False),  # 20 days, exited
]
PROPOSALS = [ProposalFacts(7, 1, D(2026, 1, 15)), ProposalFacts(7, 2, D(2026, 3, 3)),
             ProposalFacts(8, 2, D(2026, 3, 20)), ProposalFacts(8, 3, D(2025, 4, 1))]
PLACEMENTS = [
    PlacementFacts(1, "work_trial", D(2026, 1, 20), D(2026, 2, 19)),  # a trial is not a job start
    PlacementFacts(1, "job", D(2026, 2, 20), None),  # 89 days by TODAY: too recent to tell
    PlacementFacts(2, "apprenticeship", D(2026, 1, 10), D(2026, 4, 9)),  # ended on day 89: not retained
    PlacementFacts(4, "job", D(2025, 7, 1), D(2025, 9, 29)),  # ended on day 90: retained
]


def test_month_keys_run_twelve_months_up_to_today():
    keys = month_keys(TODAY)
    assert len(keys) == 12 and keys[0] == "2025-06" and keys[-1] == "2026-05"
    assert month_keys(D(2026, 1, 31), 2) == ("2025-12", "2026-01")


def test_retention_needs_ninety_days_in_work():
    assert retained(PLACEMENTS[1], TODAY) is None
    assert retained(PLACEMENTS[2], TODAY) is False
    assert retained(PLACEMENTS[3], TODAY) is True
    assert retained(PlacementFacts(9, "job", D(2026, 1, 1), None), TODAY) is True


def test_the_providers_figures():
    f = figures(PEOPLE, PROPOSALS, PLACEMENTS, TODAY)
    assert f.caseload == 3
    assert (f.contact_days_median, f.contacted, f.not_contacted) == (20.0, 3, 1)
    by_month = dict(zip(f.months, f.proposals, strict=True))
    assert by_month["2026-01"] == 1 and by_month["2026-03"] == 2 and sum(f.proposals) == 3  # 2025-04 is too old
    starts = dict(zip(f.months, f.job_starts, strict=True))
    assert starts["2026-02"] == 1 and starts["2026-01"] == 1 and starts["2025-07"] == 1 and sum(f.job_starts) == 3
    assert (f.retained, f.retention_base, f.retention) == (1, 2, 0.5)


def test_a_coach_counts_the_candidates_they_coach_and_the_proposals_they_made():
    seven = coach_figures(7, PEOPLE, PROPOSALS, PLACEMENTS, TODAY)
    assert seven.caseload == 2 and seven.contact_days_median == 20.0 and sum(seven.proposals) == 2
    assert sum(seven.job_starts) == 2 and (seven.retained, seven.retention_base) == (0, 1)
    eight = coach_figures(8, PEOPLE, PROPOSALS, PLACEMENTS, TODAY)
    assert eight.caseload == 2 and eight.not_contacted == 1 and sum(eight.proposals) == 1
    assert (eight.retained, eight.retention_base) == (1, 2)
    nobody = coach_figures(99, PEOPLE, PROPOSALS, PLACEMENTS, TODAY)
    assert nobody.caseload == 0 and nobody.contact_days_median is None and nobody.retention is None

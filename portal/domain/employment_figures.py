"""Supported-employment figures of a coach or a provider, from plain facts.

The figures follow the elements of evidence-based job coaching (IPS) that the
OTE model names: rapid job search and competitive work that lasts.

- **Days to first employer contact**: for each candidate with an employer
  contact, the days from intake to the first contact; the median of those,
  and how many candidates have had no contact yet.
- **Proposals per month**: proposals made, by the month they were made.
- **Job starts per month**: jobs and apprenticeships started (a trial that
  converts to a job counts as a start on the conversion date); work trials
  are not jobs and are not counted.
- **90-day retention**: of the job starts at least ``RETENTION_DAYS`` days
  ago, the share still in that work on day ``RETENTION_DAYS`` (not ended
  before it); starts too recent to tell are left out.
- **Caseload**: candidates in an active status (not exited).

A coach's figures cover the candidates they coach (a shared candidate counts
for each of their coaches) and the proposals they made; a provider's cover
all its candidates and proposals, each counted once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from portal.domain.placements import JOB_KINDS

RETENTION_DAYS = 90


@dataclass(frozen=True)
class CandidateFacts:
    """A candidate as the figures see them: coaches, intake, first employer contact, active or not."""

    id: int
    coach_ids: frozenset[int]
    intake_on: date
    first_contact_on: date | None
    active: bool


@dataclass(frozen=True)
class ProposalFacts:
    """A proposal: who made it, for whom, on which day."""

    coach_id: int | None
    candidate_id: int
    made_on: date


@dataclass(frozen=True)
class PlacementFacts:
    """A placement: whose, of which kind, from when, and the day it ended if it has."""

    candidate_id: int
    kind: str
    start_on: date
    ended_on: date | None  # the day it ended (ended or converted); None while it runs


@dataclass(frozen=True)
class Figures:
    """A group's figures; the monthly tuples follow ``months``."""

    caseload: int
    contact_days_median: float | None
    contacted: int
    not_contacted: int
    months: tuple[str, ...]  # "YYYY-MM", oldest first
    proposals: tuple[int, ...]  # per month
    job_starts: tuple[int, ...]  # per month
    retained: int
    retention_base: int

    @property
    def retention(self) -> float | None:
        """The 90-day retention as a fraction, or None when no start is old enough."""
        return self.retained / self.retention_base if self.retention_base else None


def month_keys(today: date, count: int = 12) -> tuple[str, ...]:
    """The last `count` calendar months up to today's, oldest first, as YYYY-MM."""
    index = today.year * 12 + today.month - 1
    return tuple(f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1))


def _per_month(days: Iterable[date], months: tuple[str, ...]) -> tuple[int, ...]:
    counts = dict.fromkeys(months, 0)
    for day in days:
        key = f"{day.year:04d}-{day.month:02d}"
        if key in counts:
            counts[key] += 1
    return tuple(counts.values())


def retained(placement: PlacementFacts, today: date) -> bool | None:
    """Whether a job start was still running on day RETENTION_DAYS; None when that day has not come."""
    day = placement.start_on + timedelta(days=RETENTION_DAYS)
    if day > today:
        return None
    return placement.ended_on is None or placement.ended_on >= day


def figures(candidates: Iterable[CandidateFacts], proposals: Iterable[ProposalFacts],
            placements: Iterable[PlacementFacts], today: date, months: int = 12) -> Figures:
    """The figures of one group of candidates, their proposals and their placements."""
    candidates, keys = list(candidates), month_keys(today, months)
    waits = [(c.first_contact_on - c.intake_on).days for c in candidates if c.first_contact_on is not None]
    starts = [p for p in placements if p.kind in JOB_KINDS]
    outcomes = [r for r in (retained(p, today) for p in starts) if r is not None]
    return Figures(
        caseload=sum(c.active for c in candidates),
        contact_days_median=float(median(waits)) if waits else None,
        contacted=len(waits), not_contacted=len(candidates) - len(waits),
        months=keys, proposals=_per_month((p.made_on for p in proposals), keys),
        job_starts=_per_month((p.start_on for p in starts), keys),
        retained=sum(outcomes), retention_base=len(outcomes))


def coach_figures(coach_id: int, candidates: list[CandidateFacts], proposals: list[ProposalFacts],
                  placements: list[PlacementFacts], today: date) -> Figures:
    """One coach's figures: the candidates they coach and the proposals they made."""
    mine = [c for c in candidates if coach_id in c.coach_ids]
    ids = {c.id for c in mine}
    return figures(mine, [p for p in proposals if p.coach_id == coach_id],
                   [p for p in placements if p.candidate_id in ids], today)

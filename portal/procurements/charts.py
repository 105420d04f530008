"""Delivered against required over time: the points of a clause's or a buyer's chart.

The geometry comes from portal.charts (shared with the reports) and is drawn
by the `chart` macro of templates/procurements/_macros.html; the same points
fill the table beside it, so a screen reader (and a printout) get every
number the picture shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portal.charts import PairChart, paired
from portal.domain.obligation_details import delivered_series
from portal.domain.obligations import delivered, expected_by
from portal.domain.person_months import add_months
from portal.procurements.figures import BuyerFigures, ClauseFigures, round_figure, to_domain


@dataclass(frozen=True)
class Point:
    """One date: the requirement pro rata, what was delivered, and the full requirement."""

    day: date
    expected: float
    delivered: float
    required: float


def month_ends_until(as_of: date, count: int = 12) -> list[date]:
    """The ends of the `count - 1` months before as_of's month, then as_of itself."""
    first_of_month = as_of.replace(day=1)
    ends = [add_months(first_of_month, 1 - k) - timedelta(days=1) for k in range(count - 1, 0, -1)]
    return ends + [as_of]


def buyer_timeline(figures: BuyerFigures) -> dict[str, list[Point]]:
    """Per unit (person-months, persons): the sums over the buyer's clauses at each month end."""
    days = month_ends_until(figures.as_of)
    by_unit: dict[str, list] = {}
    for row in figures.rows:
        by_unit.setdefault(row.unit, []).append((to_domain(row.clause), figures.entries.get(row.clause.id, [])))
    timeline = {}
    for unit, clauses in by_unit.items():
        # Each clause's deliveries at every month end from one pass over its entries (not one per day),
        # added up day by day in the clauses' order, as the sums of single days would be.
        got = [0.0] * len(days)
        for c, e in clauses:
            started = [k for k, day in enumerate(days) if c.period_start <= day]
            for k, value in zip(started, delivered_series(c, e, [days[k] for k in started]), strict=True):
                got[k] += value
        points = []
        for k, day in enumerate(days):
            started = [c for c, _ in clauses if c.period_start <= day]
            if not started:
                continue
            points.append(Point(day, round_figure(sum(expected_by(c, day) for c in started), "person_months"),
                                round_figure(got[k], unit), round_figure(sum(c.quantity for c in started), unit)))
        if points:
            timeline[unit] = points
    return timeline


def clause_timeline(figures: ClauseFigures, entries) -> list[Point]:
    """One clause at its past report dates and today (or its deadline, once passed)."""
    domain = to_domain(figures.clause)
    last = min(figures.as_of, domain.deadline)
    if last < domain.period_start:
        return []
    days = [d for d in figures.reports if d < last][-11:] + [last]
    return [Point(d, round_figure(expected_by(domain, d), "person_months"),
                  round_figure(delivered(domain, entries, d), figures.unit),
                  round_figure(domain.quantity, figures.unit)) for d in days]


def geometry(points: list[Point]) -> PairChart:
    """Bar positions for the points: an outlined bar for the requirement pro rata, a filled one for delivered,
    and the full requirement (the target) as a line, so the scale always reaches it."""
    return paired([(p, p.expected, p.delivered) for p in points], target=points[-1].required if points else None)

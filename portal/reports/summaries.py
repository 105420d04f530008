"""The dashboard's figures, added up from the newest ready generation and with small cells hidden.

One query per section whatever the size of the region: each sums the cells
of a measure within the filters (and the audience's scope). Page and
exports read the same `Dashboard`, so a workbook holds exactly the page's
figures.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sqlalchemy import func, select

from portal.domain import outcomes as rules
from portal.domain.caseload import STATUSES
from portal.domain.coaching_steps import STEP_KINDS, STEP_OUTCOMES
from portal.domain.disclosure import Cell, cell, table
from portal.extensions import db
from portal.reports.clause_summary import ClauseSummary, clause_summary
from portal.reports.models import ReportCell, ReportGeneration
from portal.reports.scope import Filters, Scope


def latest_generation() -> ReportGeneration | None:
    """The newest generation whose refresh has finished."""
    return db.session.scalar(select(ReportGeneration).where(ReportGeneration.state == "ready")
                             .order_by(ReportGeneration.id.desc()).limit(1))


@dataclass
class Caseload:
    """Active candidates now (a cell), coaches with a caseload, and the median and largest caseload."""

    active: Cell
    coaches: int
    median_per_coach: float | None
    largest: int | None


@dataclass
class Dashboard:
    """Everything the page and the outcome workbook show."""

    scope: Scope
    filters: Filters
    generation: ReportGeneration | None
    months: list[date] = field(default_factory=list)
    stock: list[dict[str, Cell]] = field(default_factory=list)  # per month: status -> cell
    outcomes: dict[str, Cell] = field(default_factory=dict)  # moves into each outcome in the period
    outcome_months: list[dict[str, Cell]] = field(default_factory=list)
    transitions: dict[tuple[str, str], Cell] = field(default_factory=dict)
    contact: tuple[Cell, float | None, Cell] | None = None  # with a contact, median days, without
    caseload: Caseload | None = None
    conversion: rules.Rate | None = None
    retention: dict[int, rules.Rate] = field(default_factory=dict)
    job_starts: Cell | None = None
    subsidy: rules.Rate | None = None
    clauses: ClauseSummary | None = None
    # Steps before work that ended in the period: kind -> outcome -> cell, and the kind's total.
    steps: dict[str, dict[str, Cell]] = field(default_factory=dict)
    step_totals: dict[str, Cell] = field(default_factory=dict)

    @property
    def statuses(self) -> tuple[str, ...]:
        return STATUSES


def _sum(gid: int, measure: str, f: Filters, by_month: bool = True, columns=(), use_buyer: bool = False):
    """(month?, *columns, key, people) rows of a measure within the filters, summed."""
    group = ([ReportCell.month] if by_month else []) + list(columns) + [ReportCell.key]
    stmt = select(*group, func.sum(ReportCell.people)).where(
        ReportCell.generation_id == gid, ReportCell.measure == measure)
    if by_month:
        stmt = stmt.where(ReportCell.month >= f.first, ReportCell.month <= f.last)
    if f.provider_id is not None:
        stmt = stmt.where(ReportCell.provider_id == f.provider_id)
    if f.municipality:
        stmt = stmt.where(ReportCell.municipality_code == f.municipality)
    if use_buyer and f.buyer_id is not None:
        stmt = stmt.where(ReportCell.buyer_id == f.buyer_id)
    return db.session.execute(stmt.group_by(*group)).all()


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _statuses(d: Dashboard, gid: int, f: Filters) -> None:
    per_month: dict[date, dict[str, int]] = defaultdict(dict)
    for month, key, n in _sum(gid, "stock", f):
        per_month[_as_date(month)][key] = int(n)
    d.stock = [table({s: per_month[m].get(s, 0) for s in STATUSES}) for m in d.months]


def _moves(d: Dashboard, gid: int, f: Filters) -> None:
    totals: dict[str, int] = defaultdict(int)
    per_month: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for month, key, n in _sum(gid, "move", f):
        totals[key] += int(n)
        per_month[_as_date(month)][key] += int(n)
    outcome_totals = rules.into_outcomes(totals)
    d.outcomes = {k: cell(n) for k, n in outcome_totals.items()}
    # Each outcome's total is shown, so its months and its transitions are suppressed against it:
    # a hidden month could otherwise be worked out as the total minus the months shown.
    series = {o: table({m: rules.into_outcomes(per_month[m])[o] for m in d.months}) for o in rules.OUTCOMES}
    d.outcome_months = [{o: series[o][m] for o in rules.OUTCOMES} for m in d.months]
    by_target: dict[str, dict[str, int]] = defaultdict(dict)
    for key, n in totals.items():
        before, after = key.split(">", 1)
        by_target[after][before] = n
    d.transitions = {(before, after): c for after, column in by_target.items()
                     for before, c in table(column, total_shown=after in rules.OUTCOME_OF_STATUS).items()}


def _contact(d: Dashboard, gid: int, f: Filters) -> None:
    counts: dict[str, int] = defaultdict(int)
    for _month, key, n in _sum(gid, "contact", f):
        counts[key] += int(n)
    d.contact = rules.contact_cells(counts)


def _caseload(d: Dashboard, gid: int, f: Filters) -> None:
    per_coach: dict[str, int] = defaultdict(int)
    for key, n in _sum(gid, "caseload", f, by_month=False):
        per_coach[key] += int(n)
    active = cell(per_coach.pop("people", 0))
    sizes = sorted(per_coach.values())
    shown = active.shown and bool(sizes)
    d.caseload = Caseload(active, len(sizes), float(median(sizes)) if shown else None,
                          sizes[-1] if shown else None)


def _steps(d: Dashboard, gid: int, f: Filters) -> None:
    counts: dict[str, dict[str, int]] = {k: dict.fromkeys(STEP_OUTCOMES, 0) for k in STEP_KINDS}
    for _month, key, n in _sum(gid, "step", f):
        kind, outcome = key.split(">", 1)
        if kind in counts and outcome in counts[kind]:
            counts[kind][outcome] += int(n)
    # Each kind's total is shown, so its outcomes are suppressed against it (a lone hidden cell takes another).
    d.steps = {k: table(row) for k, row in counts.items()}
    d.step_totals = {k: cell(sum(row.values())) for k, row in counts.items()}


def _placements(d: Dashboard, gid: int, f: Filters) -> None:
    found: dict[tuple[str, str], int] = defaultdict(int)
    for measure in ("trial", "retention", "job_start"):
        for _month, key, n in _sum(gid, measure, f, use_buyer=True):
            found[measure, key] += int(n)
    d.conversion = rules.rate(found["trial", "converted"], found["trial", "not_converted"])
    d.retention = {h: rules.rate(found["retention", f"{h}:retained"], found["retention", f"{h}:left"])
                   for h in rules.RETENTION_MONTHS}
    d.job_starts = cell(found["job_start", "subsidy"] + found["job_start", "no_subsidy"])
    d.subsidy = rules.rate(found["job_start", "subsidy"], found["job_start", "no_subsidy"])


def dashboard(scope: Scope, filters: Filters) -> Dashboard:
    """The dashboard of an audience for the filters, from the newest summaries (None figures without any)."""
    f = filters.within(scope)
    d = Dashboard(scope, f, latest_generation(), rules.months_between(f.first, f.last))
    if d.generation is None:
        return d
    gid = d.generation.id
    if scope.shows("status"):
        _statuses(d, gid, f)
        _moves(d, gid, f)
        _contact(d, gid, f)
        _caseload(d, gid, f)
        _steps(d, gid, f)
    if scope.shows("trials"):
        _placements(d, gid, f)
    if scope.shows("clauses"):
        d.clauses = clause_summary(gid, f)
    return d

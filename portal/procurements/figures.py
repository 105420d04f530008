"""Clause figures from the ledger: load clauses and entries in a fixed number of queries (see loading),
hand them to portal.domain.obligations, and round the results once for every page and export.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sqlalchemy import select

from portal.clock import today
from portal.domain.obligation_details import report_dates
from portal.domain.obligations import STATES, Clause, Entry, Status, evaluate
from portal.extensions import db
from portal.inputs import calendar_date, db_int
from portal.procurements.loading import ClauseInfo, load
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement


def to_domain(clause: EmploymentClause) -> Clause:
    """The clause as the domain counts it; its period starts with the contract."""
    return Clause(
        kind=clause.kind, quantity=float(clause.quantity), period_start=clause.procurement.contract_start,
        deadline=clause.deadline, min_months=float(clause.min_months or 0),
        social_enterprise_share=float(clause.social_enterprise_share) if clause.social_enterprise_share else None,
        reporting_interval=clause.reporting_interval,
        sanction_per_month=float(clause.sanction_per_month) if clause.sanction_per_month is not None else None,
        supplied=clause.procurement.supplier_id is not None,
    )


def round_figure(value: float, unit: str) -> float:
    """Person-months to one decimal, persons whole: the figure every page and export shows."""
    return round(value + 1e-9, 1) if unit == "person_months" else float(int(value + 1e-9))


@dataclass
class ClauseFigures:
    """A clause (ORM object or ClauseInfo) with its status on a date, rounded for display."""

    clause: EmploymentClause | ClauseInfo
    status: Status
    as_of: date

    @cached_property
    def reports(self) -> list[date]:
        """The report dates; computed only for the pages that show them."""
        return report_dates(to_domain(self.clause))

    @property
    def unit(self) -> str:
        """person_months or persons."""
        return self.status.unit

    def _r(self, value: float) -> float:
        return round_figure(value, self.unit)

    @property
    def required(self) -> float:
        """The requirement, rounded as shown."""
        return self._r(self.status.required)

    @property
    def delivered(self) -> float:
        """Delivered to date, rounded as shown."""
        return self._r(self.status.delivered)

    @property
    def forecast(self) -> float:
        """Forecast at the deadline, rounded as shown."""
        return self._r(self.status.forecast)

    @property
    def remaining(self) -> float:
        """Still owed, rounded as shown."""
        return self._r(self.status.remaining)

    @property
    def progress_percent(self) -> int:
        """Delivered as a whole per cent of required (at most 100)."""
        return int(self.status.progress * 100 + 1e-9)

    @property
    def next_report(self) -> date | None:
        """The first report date on or after the figures' date."""
        return next((d for d in self.reports if d >= self.as_of), None)


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters; anything unreadable in the query string is ignored."""

    state: str = ""
    supplier_id: int | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None

    @classmethod
    def from_args(cls, args) -> Filters:
        """The filters of a query string (?state=, ?supplier=, ?deadline_from=, ?deadline_to=)."""
        def _date(name):
            try:
                return calendar_date(args.get(name, ""))
            except ValueError:
                return None
        state = args.get("state", "")
        return cls(state=state if state in STATES else "", supplier_id=args.get("supplier", type=db_int),
                   deadline_from=_date("deadline_from"), deadline_to=_date("deadline_to"))

    def conditions(self, buyer_id: int) -> list:
        """SQL conditions on Procurement and EmploymentClause: the buyer's own, narrowed by the filters."""
        found = [Procurement.buyer_id == buyer_id]
        if self.supplier_id:
            found.append(Procurement.supplier_id == self.supplier_id)
        if self.deadline_from:
            found.append(EmploymentClause.deadline >= self.deadline_from)
        if self.deadline_to:
            found.append(EmploymentClause.deadline <= self.deadline_to)
        return found


@dataclass
class BuyerFigures:
    """Every clause of a buyer that passes the filters, and the entries they were counted from."""

    rows: list[ClauseFigures]
    entries: dict[int, list[Entry]]
    as_of: date


def _figures(clauses, entries, as_of: date, state: str = "") -> list[ClauseFigures]:
    rows = []
    for clause in clauses:
        status = evaluate(to_domain(clause), entries.get(clause.id, ()), as_of)
        if not state or status.state == state:
            rows.append(ClauseFigures(clause, status, as_of))
    return rows


def buyer_figures(buyer_id: int, filters: Filters, as_of: date | None = None) -> BuyerFigures:
    """The buyer's clauses that pass the filters, in three queries whatever their number."""
    as_of = as_of or today()
    clauses, entries = load(filters.conditions(buyer_id))
    return BuyerFigures(_figures(clauses, entries, as_of, filters.state), entries, as_of)


def supplier_figures(supplier_id: int, as_of: date | None = None) -> list[ClauseFigures]:
    """The supplier's clauses with their status, soonest deadline first (three queries)."""
    as_of = as_of or today()
    clauses, entries = load([Procurement.supplier_id == supplier_id],
                            order_by=(EmploymentClause.deadline, EmploymentClause.id))
    return _figures(clauses, entries, as_of)


def procurement_figures(procurement: Procurement, as_of: date | None = None) -> list[ClauseFigures]:
    """The figures of one procurement's clauses (three queries)."""
    clauses, entries = load([EmploymentClause.procurement_id == procurement.id])
    return _figures(clauses, entries, as_of or today())


def clause_figures(clause: EmploymentClause, as_of: date | None = None) -> tuple[ClauseFigures, list[LedgerEntry]]:
    """One clause's figures and its ledger rows (oldest first)."""
    as_of = as_of or today()
    rows = list(db.session.scalars(select(LedgerEntry).where(LedgerEntry.clause_id == clause.id)
                                   .order_by(LedgerEntry.start_date, LedgerEntry.id)))
    return ClauseFigures(clause, evaluate(to_domain(clause), [r.as_entry() for r in rows], as_of), as_of), rows

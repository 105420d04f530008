"""Clause fulfilment across buyers and suppliers, from the summary's clause rows.

A clause counts in the period when its contract period (start to deadline)
overlaps it. Counts of clauses are not about people and are shown as they
are; what was delivered is about people and is hidden when fewer than five
people stand behind it. Buyers' and suppliers' totals add up to the total of
all clauses, and clause rows to their buyer's and supplier's, so a single
hidden part of a shown total is joined by the smallest shown part
(portal.domain.disclosure.suppress); the page and every export read the
same hidden set.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from portal.accounts.models import Organisation
from portal.domain.disclosure import Cell, cell, suppress
from portal.domain.obligations import STATES
from portal.extensions import db
from portal.reports.models import ReportClause
from portal.reports.scope import Filters

UNITS = ("person_months", "persons")
HIDDEN = Cell(None, True)


@dataclass
class Totals:
    """Clauses of one group: how many in each state, and per unit what was required and delivered."""

    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    required: dict[str, float] = field(default_factory=lambda: dict.fromkeys(UNITS, 0.0))
    delivered: dict[str, float] = field(default_factory=lambda: dict.fromkeys(UNITS, 0.0))
    forecast: dict[str, float] = field(default_factory=lambda: dict.fromkeys(UNITS, 0.0))
    people: dict[str, int] = field(default_factory=lambda: dict.fromkeys(UNITS, 0))
    suppressed: set[str] = field(default_factory=set)  # units hidden so a hidden part cannot be worked out

    @property
    def count(self) -> int:
        return sum(self.states.values())

    def add(self, row: ReportClause) -> None:
        """Count one clause in."""
        self.states[row.state] = self.states.get(row.state, 0) + 1
        self.required[row.unit] += row.required
        self.delivered[row.unit] += row.delivered
        self.forecast[row.unit] += row.forecast
        self.people[row.unit] += row.people

    def delivered_cell(self, unit: str) -> Cell:
        """Delivered in a unit, hidden when fewer than five people stand behind it."""
        return HIDDEN if unit in self.suppressed else cell(self.people[unit], round(self.delivered[unit], 1))

    def forecast_cell(self, unit: str) -> Cell:
        """The forecast at the deadlines, hidden with what was delivered."""
        return HIDDEN if unit in self.suppressed else cell(self.people[unit], round(self.forecast[unit], 1))


@dataclass
class ClauseSummary:
    """Totals of the clauses in scope, per buyer and per supplier, and the clause rows themselves."""

    total: Totals
    by_buyer: list[tuple[str, Totals]]
    by_supplier: list[tuple[str, Totals]]
    rows: list[ReportClause]
    hidden_rows: set[int] = field(default_factory=set)  # clause rows whose delivered figures are hidden

    def row_cells(self, row: ReportClause) -> tuple[Cell, Cell]:
        """A clause row's delivered and forecast figures, hidden with its small or suppressed cells."""
        if row.id in self.hidden_rows:
            return HIDDEN, HIDDEN
        return cell(row.people, row.delivered), cell(row.people, row.forecast)


def clause_rows(gid: int, f: Filters) -> list[ReportClause]:
    """The summary's clauses within the filters (buyer and period), by reference."""
    stmt = select(ReportClause).where(ReportClause.generation_id == gid, ReportClause.period_start <= f.last,
                                      ReportClause.deadline >= f.first)
    if f.buyer_id is not None:
        stmt = stmt.where(ReportClause.buyer_id == f.buyer_id)
    return list(db.session.scalars(stmt.order_by(ReportClause.reference, ReportClause.clause_id)))


def clause_summary(gid: int, f: Filters) -> ClauseSummary:
    """Totals of the clauses within the filters, and per buyer and per supplier (by name)."""
    rows = clause_rows(gid, f)
    ids = {r.buyer_id for r in rows} | {r.supplier_id for r in rows if r.supplier_id}
    names = dict(db.session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))).all())
    total, buyers, suppliers = Totals(), defaultdict(Totals), defaultdict(Totals)
    for row in rows:
        total.add(row)
        buyers[names.get(row.buyer_id, "?")].add(row)
        if row.supplier_id:
            suppliers[names.get(row.supplier_id, "?")].add(row)
    summary = ClauseSummary(total, sorted(buyers.items(), key=lambda i: i[0].casefold()),
                            sorted(suppliers.items(), key=lambda i: i[0].casefold()), rows)
    _suppress(summary, names)
    return summary


def _suppress(summary: ClauseSummary, names: dict[int, str]) -> None:
    """Mark the figures hidden so that none can be worked out from a shown total, per unit."""
    for unit in UNITS:
        people = {("total",): summary.total.people[unit]}
        for kind, grouped in (("buyer", summary.by_buyer), ("supplier", summary.by_supplier)):
            people.update({(kind, name): t.people[unit] for name, t in grouped})
        parts: dict[tuple, list] = {}
        for row in summary.rows:
            if row.unit != unit:
                continue
            people[("clause", row.id)] = row.people
            parts.setdefault(("buyer", names.get(row.buyer_id, "?")), []).append(("clause", row.id))
            if row.supplier_id:
                parts.setdefault(("supplier", names.get(row.supplier_id, "?")), []).append(("clause", row.id))
        # A buyer or supplier without clauses in the unit has nothing there to give away: not a part of the total.
        groups = [(("total",), [key for key in parts if key[0] == kind]) for kind in ("buyer", "supplier")]
        hidden = suppress(people, groups + list(parts.items()))
        for kind, grouped in (("buyer", summary.by_buyer), ("supplier", summary.by_supplier)):
            for name, t in grouped:
                if (kind, name) in hidden:
                    t.suppressed.add(unit)
        summary.hidden_rows |= {key[1] for key in hidden if key[0] == "clause"}

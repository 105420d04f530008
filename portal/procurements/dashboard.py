"""The officer dashboard: every clause of the buyer, filtered, sorted and paginated in memory.

A clause's state is computed from its ledger, not stored, so filtering by
state and sorting by progress happen after the figures are computed; the
figures come from a fixed number of queries (see figures.buyer_figures).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from portal.cache import cached
from portal.clock import today
from portal.listing import Page, SortChoice, list_page
from portal.procurements.charts import Point, buyer_timeline
from portal.procurements.figures import BuyerFigures, ClauseFigures, Filters, buyer_figures
from portal.procurements.labels import STATE_ORDER

# Sections other features add below the dashboard's figures (the reporting cycle: late and returned
# reports); each gets the buyer's id and returns a template and its data, rendered inside the board
# (kept with it while the "ledger" data and the day stand still).
SECTIONS: list[Callable[[int], tuple[str, dict]]] = []


def _supplier_name(row: ClauseFigures) -> str:
    supplier = row.clause.procurement.supplier
    return supplier.name.casefold() if supplier else ""


SORTS = {
    "reference": lambda r: (r.clause.procurement.reference.casefold(), r.clause.id),
    "supplier": lambda r: (_supplier_name(r), r.clause.procurement.reference.casefold(), r.clause.id),
    "deadline": lambda r: (r.clause.deadline, r.clause.id),
    "progress": lambda r: (r.status.progress, r.clause.id),
    "state": lambda r: (STATE_ORDER[r.status.state], r.clause.deadline, r.clause.id),
}


@dataclass
class Dashboard:
    """What the dashboard page shows: the figures, one page of rows, the chart points, counts by state."""

    figures: BuyerFigures
    page: Page
    timeline: dict[str, list[Point]]
    totals: dict[str, int]


@dataclass(frozen=True, slots=True)
class PartyInfo:
    """A supplier as the dashboard shows it."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ProcurementInfo:
    """The procurement fields the dashboard reads, as plain data that outlives the request's session."""

    id: int
    reference: str
    title: str
    contract_start: date
    supplier: PartyInfo | None


def _detached(row: ClauseFigures) -> ClauseFigures:
    p = row.clause.procurement
    supplier = PartyInfo(p.supplier.id, p.supplier.name) if p.supplier else None
    info = ProcurementInfo(p.id, p.reference, p.title, p.contract_start, supplier)
    return ClauseFigures(replace(row.clause, procurement=info), row.status, row.as_of)


def _computed(buyer_id: int, filters: Filters, as_of: date) -> tuple[list[ClauseFigures], dict, date]:
    figures = buyer_figures(buyer_id, filters, as_of)
    return [_detached(row) for row in figures.rows], buyer_timeline(figures), figures.as_of


def dashboard(buyer_id: int, filters: Filters, sort: SortChoice) -> Dashboard:
    """The rows of one page, the chart's points and the count of clauses by state.

    The figures take long for a large buyer, so the unfiltered ones are
    cached (portal.cache, shared by the workers) until the ledger, a clause,
    a procurement or an organisation changes (sorting and paging reuse them).
    """
    as_of = today()
    if filters == Filters():
        computed, timeline, as_of = cached("dashboard", (buyer_id, as_of), ("ledger",),
                                           lambda: _computed(buyer_id, filters, as_of))
    else:
        # Filtered figures are not cached: their combinations are many and each holds every matching clause.
        computed, timeline, as_of = _computed(buyer_id, filters, as_of)
    rows = sorted(computed, key=SORTS[sort.key], reverse=sort.descending)
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.status.state] = totals.get(row.status.state, 0) + 1
    return Dashboard(BuyerFigures(rows, {}, as_of), list_page(rows), timeline, totals)

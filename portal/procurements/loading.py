"""Loading many clauses and their ledger fast: plain rows instead of ORM objects.

The dashboard, the export and the benchmark read every clause of a buyer and
every ledger entry; ORM objects and SQLite's date parsing would cost more
than the arithmetic itself. Three queries, whatever the number of clauses:
the procurements (ORM, few), the clauses and the entries (plain rows).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Float, String, select, type_coerce
from sqlalchemy.orm import joinedload

from portal.domain.obligations import Entry
from portal.extensions import db
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement


@dataclass(slots=True)
class ClauseInfo:
    """A clause's fields as the figures and the list pages read them (same names as EmploymentClause)."""

    id: int
    procurement_id: int
    template_code: str
    kind: str
    quantity: Decimal
    min_months: Decimal | None
    target_groups: list
    reporting_interval: int
    deadline: date
    sanction_per_month: Decimal | None
    social_enterprise_share: Decimal | None
    procurement: Procurement | None = None


CLAUSE_COLUMNS = (EmploymentClause.id, EmploymentClause.procurement_id, EmploymentClause.template_code,
                  EmploymentClause.kind, EmploymentClause.quantity, EmploymentClause.min_months,
                  EmploymentClause.target_groups, EmploymentClause.reporting_interval, EmploymentClause.deadline,
                  EmploymentClause.sanction_per_month, EmploymentClause.social_enterprise_share)


def _date_reader():
    """How to read a date column: SQLite hands back ISO text, which date.fromisoformat parses fastest."""
    if db.session.get_bind().dialect.name == "sqlite":
        return (lambda col: type_coerce(col, String)), date.fromisoformat
    return (lambda col: col), None


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while building many small objects that hold no cycles.

    Hundreds of thousands of fresh tuples make Python run full collections
    over the whole heap again and again; the objects built here are plain
    data, so pausing costs nothing and saves a third of the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(conditions: list, order_by=(EmploymentClause.id,)) -> tuple[list[ClauseInfo], dict[int, list[Entry]]]:
    """The clauses whose procurement and clause columns meet `conditions`, and their entries by clause id."""
    with _gc_paused():
        return _load(conditions, order_by)


def _load(conditions: list, order_by) -> tuple[list[ClauseInfo], dict[int, list[Entry]]]:
    procurements = {p.id: p for p in db.session.scalars(
        select(Procurement).options(joinedload(Procurement.supplier), joinedload(Procurement.buyer))
        .where(Procurement.id.in_(select(EmploymentClause.procurement_id).join(EmploymentClause.procurement)
                                  .where(*conditions))))}
    # Core execution on the session's connection: plain rows, without the ORM's per-row bookkeeping.
    connection = db.session.connection()
    clauses = [ClauseInfo(*row, procurement=procurements[row[1]]) for row in connection.execute(
        select(*CLAUSE_COLUMNS).join(EmploymentClause.procurement).where(*conditions).order_by(*order_by)).all()]
    as_text, parse = _date_reader()
    rows = connection.execute(
        select(LedgerEntry.clause_id, LedgerEntry.person_code, LedgerEntry.kind, as_text(LedgerEntry.start_date),
               as_text(LedgerEntry.end_date), type_coerce(LedgerEntry.work_share, Float))
        .join(LedgerEntry.clause).join(EmploymentClause.procurement).where(*conditions)).all()
    grouped: dict[int, list[Entry]] = {}
    for clause_id, person, kind, start, end, share in rows:
        if parse is not None:
            start, end = parse(start), (parse(end) if end else None)
        grouped.setdefault(clause_id, []).append(Entry(person, kind, start, end, float(share)))
    return clauses, grouped

"""Aggregates the home page publishes, each from a small query over another feature's models.

Counts of people pass portal.domain.disclosure.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, or_, select

from portal.domain import disclosure
from portal.employers.models import JobRole
from portal.extensions import db
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement


def open_roles_count(today) -> int:
    """How many roles are published and still open on `today` (roles, not people: shown as they are)."""
    return db.session.scalar(select(func.count()).select_from(JobRole).where(
        JobRole.status == "published", or_(JobRole.open_until.is_(None), JobRole.open_until >= today)))


@dataclass(frozen=True)
class ClauseFigures:
    clauses_in_force: int
    people: disclosure.Cell
    people_by_kind: dict[str, disclosure.Cell]


def clause_figures(today) -> ClauseFigures:
    """Clauses whose contracts are in force, and the people employed through clauses, small cells hidden."""
    in_force = db.session.scalar(
        select(func.count(EmploymentClause.id)).join(EmploymentClause.procurement)
        .where(Procurement.contract_start <= today, Procurement.contract_end >= today))
    # A planned placement's entry is booked, not yet employment: it counts from its start date.
    begun = LedgerEntry.start_date <= today
    people = db.session.scalar(select(func.count(distinct(LedgerEntry.person_code))).where(begun))
    by_kind = dict(db.session.execute(
        select(LedgerEntry.kind, func.count(distinct(LedgerEntry.person_code))).where(begun)
        .group_by(LedgerEntry.kind)).all())
    return ClauseFigures(in_force or 0, disclosure.cell(people or 0), disclosure.table(by_kind))

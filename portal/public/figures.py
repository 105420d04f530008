"""Aggregates the home page publishes, each from a small service over another feature's models.

The roles and clause models belong to other features; each function looks
them up when called and answers None while they are not there, so the home
page shows what exists. Counts of people pass portal.domain.disclosure.
"""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.exc import DBAPIError

from portal.domain import disclosure
from portal.extensions import db

log = logging.getLogger(__name__)


def _model(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _guarded(query_fn):
    """Run read-only queries in a savepoint: a missing table gives None, not a broken page."""
    try:
        with db.session.begin_nested():
            return query_fn()
    except DBAPIError:
        log.warning("home page figure unavailable", exc_info=True)
        return None


def open_roles_count(today=None) -> int | None:
    """How many roles are published and still open (roles, not people: shown as they are)."""
    role = _model("portal.employers.models", "JobRole")
    if role is None or not hasattr(role, "status"):
        return None
    stmt = select(func.count()).select_from(role).where(role.status == "published")
    if today is not None and hasattr(role, "open_until"):
        stmt = stmt.where(or_(role.open_until.is_(None), role.open_until >= today))
    return _guarded(lambda: db.session.scalar(stmt))


@dataclass(frozen=True)
class ClauseFigures:
    clauses_in_force: int
    people: disclosure.Cell
    people_by_kind: dict[str, disclosure.Cell]


def clause_figures(today) -> ClauseFigures | None:
    """Clauses whose contracts are in force, and the people employed through clauses, small cells hidden."""
    procurement = _model("portal.procurements.models", "Procurement")
    clause = _model("portal.procurements.models", "EmploymentClause")
    entry = _model("portal.procurements.models", "LedgerEntry")
    if procurement is None or clause is None or entry is None:
        return None

    def query():
        in_force = db.session.scalar(
            select(func.count(clause.id)).join(procurement, procurement.id == clause.procurement_id)
            .where(procurement.contract_start <= today, procurement.contract_end >= today))
        people = db.session.scalar(select(func.count(distinct(entry.person_code))))
        by_kind = dict(db.session.execute(
            select(entry.kind, func.count(distinct(entry.person_code))).group_by(entry.kind)).all())
        return in_force or 0, people or 0, by_kind

    result = _guarded(query)
    if result is None:
        return None
    in_force, people, by_kind = result
    return ClauseFigures(in_force, disclosure.cell(people), disclosure.table(by_kind))

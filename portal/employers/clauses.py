"""The optional link from a role to one of its employer's employment clauses.

Clauses belong to the procurements feature; this module is the one place
that asks it (``portal.procurements.services.clauses_for_supplier``), so a
role can only point at a clause of its own employer.
"""
from __future__ import annotations

from sqlalchemy import select

from portal.employers.models import JobRole
from portal.extensions import db
from portal.procurements.ledger_view import ROLE_SOURCES
from portal.procurements.services import clauses_for_supplier


def choices(organisation_id: int) -> list[tuple[int, str]]:
    """(id, label) of the employer's clauses, for the role form."""
    return [(c.id, c.label) for c in clauses_for_supplier(organisation_id)]


def label_for(organisation_id: int, clause_id: int | None) -> str | None:
    """The label of the role's clause, as the procurements feature words it."""
    if clause_id is None:
        return None
    return next((label for cid, label in choices(organisation_id) if cid == clause_id), f"#{clause_id}")


def belongs_to(clause_id: int, organisation_id: int) -> bool:
    """Whether the clause binds this employer as a supplier."""
    return any(c.id == clause_id for c in clauses_for_supplier(organisation_id))



def roles_linked_to(clause_id: int) -> list:
    """(id, title) of the roles linked to the clause, for the clause's pages in procurements."""
    return list(db.session.execute(select(JobRole.id, JobRole.title).where(JobRole.clause_id == clause_id)
                                   .order_by(JobRole.title, JobRole.id)))


ROLE_SOURCES.append(roles_linked_to)

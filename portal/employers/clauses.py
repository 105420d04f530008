"""The optional link from a role to one of its employer's employment clauses.

Clauses belong to the procurements feature; this module is the one place
that asks it (``portal.procurements.services.clauses_for_supplier``), so a
role can only point at a clause of its own employer.
"""
from __future__ import annotations

from portal.employers.models import JobRole


def enabled() -> bool:
    """Whether roles can be linked to clauses (the column exists once procurements' tables do)."""
    return hasattr(JobRole, "clause_id")


def _supplier_clauses(organisation_id: int) -> list:
    if not enabled():
        return []
    try:
        from portal.procurements.services import clauses_for_supplier
    except ImportError:  # the procurements feature is not installed
        return []
    return list(clauses_for_supplier(organisation_id))


def _label(clause) -> str:
    for name in ("label", "title", "name", "reference"):
        value = getattr(clause, name, None)
        if value:
            return str(value() if callable(value) else value)
    return f"#{clause.id}"


def choices(organisation_id: int) -> list[tuple[int, str]]:
    """(id, label) of the employer's clauses, for the role form."""
    return [(c.id, _label(c)) for c in _supplier_clauses(organisation_id)]


def label_for(organisation_id: int, clause_id: int | None) -> str | None:
    """The label of the role's clause, as the procurements feature words it."""
    if clause_id is None:
        return None
    return next((label for cid, label in choices(organisation_id) if cid == clause_id), f"#{clause_id}")


def belongs_to(clause_id: int, organisation_id: int) -> bool:
    """Whether the clause binds this employer as a supplier."""
    return any(c.id == clause_id for c in _supplier_clauses(organisation_id))


def set_clause(role: JobRole, clause_id: int | None) -> None:
    """Link the role to a clause (checked by the caller) or unlink it."""
    if hasattr(JobRole, "clause_id"):
        role.clause_id = clause_id


def clause_id_of(role: JobRole) -> int | None:
    """The clause the role is linked to, if any."""
    return getattr(role, "clause_id", None)

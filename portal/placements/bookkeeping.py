"""The two pieces of bookkeeping a placement change touches besides itself, in its own transaction:
the role's occupied positions and the clause ledger entry.

Positions: one conditional UPDATE takes a position only while fewer than the
role's positions are active, so concurrent requests cannot overbook a role
(the row lock on PostgreSQL, the single writer on SQLite; the check
constraint of ``role_occupancy`` refuses any count above the positions).

Ledger: a placement linked to a clause has exactly one entry with
``source = "placement"`` and its ``placement_id``; it is written, moved or
removed with the placement, never typed in separately.
"""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select, update

from portal.audit.services import record
from portal.domain.placements import ACTIVE_STATES
from portal.employers.models import JobRole
from portal.extensions import db
from portal.placements.models import Placement, RoleOccupancy
from portal.procurements.models import LedgerEntry


def _insert():
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def take_position(role_id: int) -> bool:
    """Take one of the role's positions for a new placement; False when all are taken."""
    positions = select(JobRole.positions).where(JobRole.id == role_id).scalar_subquery()
    running = (select(func.count()).select_from(Placement)
               .where(Placement.role_id == role_id, Placement.state.in_(ACTIVE_STATES)).scalar_subquery())
    # The row exists from the role's first placement on; a concurrent first insert is simply skipped.
    db.session.execute(_insert()(RoleOccupancy).values(role_id=role_id, positions=positions, active=running)
                       .on_conflict_do_nothing(index_elements=["role_id"]))
    taken = db.session.execute(
        update(RoleOccupancy).where(RoleOccupancy.role_id == role_id, RoleOccupancy.active < positions)
        .values(active=RoleOccupancy.active + 1, positions=positions)
        .execution_options(synchronize_session=False))
    return taken.rowcount == 1


def release_position(role_id: int) -> None:
    """Free a position when a placement ends."""
    db.session.execute(update(RoleOccupancy).where(RoleOccupancy.role_id == role_id, RoleOccupancy.active > 0)
                       .values(active=RoleOccupancy.active - 1).execution_options(synchronize_session=False))


def occupied(role_id: int) -> int:
    """How many of the role's positions running placements hold."""
    return db.session.scalar(select(func.count()).select_from(Placement).where(
        Placement.role_id == role_id, Placement.state.in_(ACTIVE_STATES))) or 0


def sync_ledger(placement: Placement, person_code: str, actor) -> LedgerEntry | None:
    """Write, move or remove the placement's ledger entry so that it says what the placement says."""
    row = db.session.scalar(select(LedgerEntry).where(LedgerEntry.placement_id == placement.id,
                                                      LedgerEntry.source == "placement"))
    if placement.clause_id is None:
        if row is not None:
            record("ledger_entry_deleted", "ledger_entry", row.id, actor=actor,
                   organisation_id=placement.organisation_id, detail={"placement_id": placement.id})
            db.session.delete(row)
            db.session.flush()
        return None
    creating = row is None
    row = row or LedgerEntry(source="placement", placement_id=placement.id, created_by_id=getattr(actor, "id", None))
    row.clause_id, row.person_code, row.kind = placement.clause_id, person_code, placement.kind
    row.start_date, row.end_date = placement.start_on, placement.end_on
    row.work_share = Decimal(placement.work_share).quantize(Decimal("0.001"))
    db.session.add(row)
    db.session.flush()
    record("ledger_entry_created" if creating else "ledger_entry_updated", "ledger_entry", row.id, actor=actor,
           organisation_id=placement.organisation_id,
           detail={"clause_id": row.clause_id, "placement_id": placement.id, "kind": row.kind})
    return row

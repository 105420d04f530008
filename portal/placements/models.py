"""Placements, their changes, and the count of a role's occupied positions.

``role_occupancy`` is what keeps a role from being overbooked: a placement
takes a position with one conditional UPDATE (active < the role's positions),
so the database decides between requests that arrive at the same moment, and
a check constraint refuses a count above the positions however it is written.
A placement linked to a clause has its ledger entry
(``clause_ledger_entry.placement_id``), written in the same transaction.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.accounts.models import Organisation, User
from portal.coaching.models import Candidate
from portal.db_types import UTCDateTime, utcnow
from portal.domain.placements import timing
from portal.employers.models import JobRole
from portal.extensions import db
from portal.procurements.models import EmploymentClause


class Placement(db.Model):
    """A work trial, job or apprenticeship of a candidate in a role."""

    __tablename__ = "placement"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id"), index=True)
    # The employer (the campaigns feature reads organisation_id) and the candidate's provider.
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(12), default="started")
    start_on: Mapped[date] = mapped_column(Date)
    # The planned end while it runs; the day it ended once ended (or the trial's last day when converted).
    end_on: Mapped[date | None] = mapped_column(Date)
    work_share: Mapped[Decimal] = mapped_column(Numeric(4, 3))
    wage_subsidy: Mapped[bool] = mapped_column(default=False)
    clause_id: Mapped[int | None] = mapped_column(ForeignKey("employment_clause.id"), index=True)
    end_reason: Mapped[str | None] = mapped_column(String(30))
    # For a job that a trial converted into: the trial.
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id"), index=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    role: Mapped[JobRole] = relationship()
    # The coach's pages read the name through it; employer pages use the privacy projection only.
    candidate: Mapped[Candidate] = relationship()
    organisation: Mapped[Organisation] = relationship(foreign_keys=[organisation_id])
    # The officer's list names the clause and its procurement through it (eager-loaded there).
    clause: Mapped[EmploymentClause | None] = relationship()
    changes: Mapped[list[PlacementChange]] = relationship(
        cascade="all, delete-orphan", order_by="[PlacementChange.at, PlacementChange.id]")

    @property
    def share_percent(self) -> int:
        """The working-time share in whole per cent."""
        return int(self.work_share * 100)

    @property
    def timing(self) -> str:
        """planned, ongoing or ended, against today in Finland (portal.domain.placements.timing)."""
        return timing(self.state, self.start_on, clock.today())

    @property
    def shown_state(self) -> str:
        """The state a page shows: ``planned`` for a running placement that has not begun, else the state."""
        return "planned" if self.timing == "planned" else self.state

    def __repr__(self) -> str:
        return f"<Placement {self.id} {self.kind} {self.state}>"


class PlacementChange(db.Model):
    """One step of a placement: started, ended (with reason) or converted, on a date, by whom."""

    __tablename__ = "placement_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    change: Mapped[str] = mapped_column(String(12))
    on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(lazy="joined")


class RoleOccupancy(db.Model):
    """How many of a role's positions active placements hold; the guard against overbooking."""

    __tablename__ = "role_occupancy"
    __table_args__ = (
        CheckConstraint("active >= 0", name="active_not_negative"),
        CheckConstraint("active <= positions", name="within_positions"),
    )

    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id", ondelete="CASCADE"), primary_key=True)
    # The role's positions when a position was last taken (copied so the check constraint can see it).
    positions: Mapped[int] = mapped_column(default=0)
    active: Mapped[int] = mapped_column(default=0)

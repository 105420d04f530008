"""The coordinator of each phase of a candidate's services, and referrals to other parties with their answers."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation, User
from portal.coaching.models import PlanStep
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db

__all__ = ["Coordinator", "Referral"]


class Coordinator(db.Model):
    """Who coordinates a candidate's services in one phase; the row without an end is the one responsible now."""

    __tablename__ = "coordinator_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    phase: Mapped[str] = mapped_column(String(20))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User | None] = relationship(foreign_keys=[user_id], lazy="joined")


class Referral(db.Model):
    """A referral to another party (assessment, rehabilitation, social services), its answer and its result."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)  # in work terms, never a diagnosis
    # The receiving party: an organisation of the portal, or an outside party named in words.
    receiving_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    receiving_name: Mapped[str] = mapped_column(String(200), default="")
    sent_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="sent")
    answered_on: Mapped[date | None] = mapped_column(Date)
    answer_text: Mapped[str] = mapped_column(Text, default="")
    # True when a coach recorded the answer for the receiving party (a member of it records it as itself).
    answer_on_behalf: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    plan_step_id: Mapped[int | None] = mapped_column(ForeignKey("plan_step.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    receiving_organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id], lazy="joined")
    plan_step: Mapped[PlanStep | None] = relationship(lazy="joined")

"""Coaching paths and their reviews, signatures of module reviews, and steps before work."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db

__all__ = ["PathDecision", "ReviewSignature", "PlanStep"]


class PathDecision(db.Model):
    """A coach's answer to a proposed move between light and intensive coaching (the path history)."""

    __tablename__ = "coaching_path_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    from_path: Mapped[str] = mapped_column(String(10))
    to_path: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(20))
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    decision: Mapped[str] = mapped_column(String(10))
    decided_on: Mapped[date] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    decided_by: Mapped[User | None] = relationship(lazy="joined")


class ReviewSignature(db.Model):
    """The candidate's or the buyer's signature of a module review, or why it was not signed."""

    __tablename__ = "module_review_signature"

    review_id: Mapped[int] = mapped_column(ForeignKey("module_review.id", ondelete="CASCADE"), primary_key=True)
    signer: Mapped[str] = mapped_column(String(10), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))
    signed_on: Mapped[date | None] = mapped_column(Date)
    # The buyer's representative as the coach recorded them (the buyer has no account of its own here).
    name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User | None] = relationship(lazy="joined")


class PlanStep(db.Model):
    """A step before work in the plan: social rehabilitation, work activity or day activity, and its outcome."""

    __tablename__ = "plan_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

"""A candidate's team across organisations: consents per organisation, members, and their measures."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation, User
from portal.db_types import UTCDateTime, utcnow
from portal.domain.team import split_codes
from portal.extensions import db


class TeamConsent(db.Model):
    """The candidate's consent that one organisation's team members see these parts of the plan."""

    __tablename__ = "team_consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    scopes: Mapped[str] = mapped_column(String(100))  # portal.domain.team.TEAM_SCOPES, comma-separated
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    given_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_by_coach: Mapped[bool] = mapped_column(default=False)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship(lazy="joined")

    @property
    def scope_set(self) -> frozenset[str]:
        return split_codes(self.scopes)

    @property
    def valid(self) -> bool:
        return self.withdrawn_at is None


class TeamMember(db.Model):
    """A person of another organisation (or a peer) on the candidate's team."""

    __tablename__ = "team_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # portal.domain.team.MEMBER_KINDS
    tasks: Mapped[str] = mapped_column(String(200), default="")  # PEER_TASKS, comma-separated
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")
    organisation: Mapped[Organisation] = relationship(lazy="joined")

    @property
    def task_set(self) -> frozenset[str]:
        return split_codes(self.tasks)


class TeamMeasure(db.Model):
    """A goal of the plan that a team member added: the measure is theirs."""

    __tablename__ = "team_measure"

    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goal.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"), index=True)

    member: Mapped[TeamMember] = relationship(lazy="joined")

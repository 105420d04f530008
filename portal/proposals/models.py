"""Proposals of candidates to roles (the notifications that tell each side live in portal.notifications).

A candidate has at most one standing (not withdrawn) proposal to a role: a
partial unique index makes the database refuse a second one, even when two
requests arrive at once.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation, User
from portal.coaching.models import Candidate
from portal.db_types import UTCDateTime, utcnow
from portal.employers.models import JobRole
from portal.extensions import db

STANDING = text("state <> 'withdrawn'")


class Proposal(db.Model):
    """A coach's proposal of one candidate to one role, and the employer's answer."""

    __tablename__ = "proposal"
    __table_args__ = (
        Index("uq_proposal_standing", "candidate_id", "role_id", unique=True,
              postgresql_where=STANDING, sqlite_where=STANDING),
        Index("ix_proposal_organisation_state", "organisation_id", "state", "id"),
        Index("ix_proposal_provider_created", "provider_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id"), index=True)
    # The role's employer and the candidate's provider, kept on the row so that scoped lists need no joins.
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    state: Mapped[str] = mapped_column(String(12), default="sent")
    score: Mapped[float] = mapped_column(Float, default=0.0)
    # What the employer may see of the match (portal.domain.proposals.employer_fit), fixed when proposed.
    fit: Mapped[dict | None] = mapped_column(JSON)
    # What the consent let the employer see of the person when proposed (portal.domain.privacy.consent_snapshot):
    # the employer reads this, never the live record. None once the proposal or its consent is withdrawn.
    snapshot: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    message: Mapped[str] = mapped_column(Text, default="")
    decline_reason: Mapped[str | None] = mapped_column(String(30))
    withdraw_reason: Mapped[str | None] = mapped_column(String(30))
    answer_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    role: Mapped[JobRole] = relationship()
    # The coach's pages read the name through it; employer pages use the privacy projection only.
    candidate: Mapped[Candidate] = relationship()
    organisation: Mapped[Organisation] = relationship(foreign_keys=[organisation_id])
    coach: Mapped[User | None] = relationship(foreign_keys=[coach_id])

    def __repr__(self) -> str:
        return f"<Proposal {self.id} {self.state} candidate={self.candidate_id} role={self.role_id}>"

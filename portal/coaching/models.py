"""The candidate record and its profile, kept as clean columns and code tables for matching.

Name and contact are coach-only and cleared on erasure; the pseudonymous
code is the only identifier used outside the coaching side.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, exists, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from portal.accounts.models import Organisation, User
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db


def _child(cls_name: str, order: str):
    # Loaded on demand: the record page asks for them with selectinload, the caseload never does.
    return relationship(cls_name, cascade="all, delete-orphan", order_by=order)


class Candidate(db.Model):
    __tablename__ = "candidate"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    municipality_code: Mapped[str | None] = mapped_column(String(3), index=True)
    # How far the person can travel to work, chosen by the coach: one of portal.domain.location.TRAVEL_RANGES.
    travel_range: Mapped[str] = mapped_column(String(12), default="subregion", server_default="subregion")
    education: Mapped[str] = mapped_column(Text, default="")
    work_history: Mapped[str] = mapped_column(Text, default="")
    skills_text: Mapped[str] = mapped_column(Text, default="")
    skills_folded: Mapped[str] = mapped_column(Text, default="")
    desired_work_text: Mapped[str] = mapped_column(Text, default="")
    desired_work_folded: Mapped[str] = mapped_column(Text, default="")
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    limits_note: Mapped[str] = mapped_column(Text, default="")
    support_intensity: Mapped[str] = mapped_column(String(10), default="light")
    peer_coach: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="intake", index=True)
    status_since: Mapped[date] = mapped_column(Date)
    intake_on: Mapped[date] = mapped_column(Date)
    next_follow_up: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    user: Mapped[User | None] = relationship()
    coach_links: Mapped[list[CandidateCoach]] = _child("CandidateCoach", "CandidateCoach.added_at")
    skills: Mapped[list[CandidateSkill]] = _child("CandidateSkill", "CandidateSkill.code")
    occupations: Mapped[list[CandidateOccupation]] = _child("CandidateOccupation", "CandidateOccupation.position")
    languages: Mapped[list[CandidateLanguage]] = _child("CandidateLanguage", "CandidateLanguage.code")
    limits: Mapped[list[FunctionalLimit]] = _child("FunctionalLimit", "FunctionalLimit.demand_code")
    adjustments: Mapped[list[CandidateAdjustment]] = _child("CandidateAdjustment", "CandidateAdjustment.code")
    target_groups: Mapped[list[CandidateTargetGroup]] = _child("CandidateTargetGroup",
                                                               "CandidateTargetGroup.code")

    @classmethod
    def query_for(cls, user):
        """Candidates the user may open: a coach's own (assigned or shared), a candidate's own record."""
        stmt = select(cls).where(cls.erased_at.is_(None))
        if user.role == "coach":
            return stmt.where(cls.organisation_id == user.organisation_id, exists().where(
                CandidateCoach.candidate_id == cls.id, CandidateCoach.user_id == user.id))
        if user.role == "candidate":
            return stmt.where(cls.user_id == user.id)
        return stmt.where(cls.id.is_(None))  # nobody else opens a record

    @property
    def coaches(self) -> list[User]:
        return [link.coach for link in self.coach_links]


class CandidateCoach(db.Model):
    """A coach working with a candidate; coaches of the same provider can share one."""

    __tablename__ = "candidate_coach"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    coach: Mapped[User] = relationship(lazy="joined")


class CandidateSkill(db.Model):
    __tablename__ = "candidate_skill"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class CandidateOccupation(db.Model):
    """A desired occupation as typed, with a folded copy for matching."""

    __tablename__ = "candidate_occupation"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200))


class CandidateLanguage(db.Model):
    __tablename__ = "candidate_language"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)
    level: Mapped[str] = mapped_column(String(10))


class FunctionalLimit(db.Model):
    """The highest level of a physical demand (shared catalogue) the person can manage."""

    __tablename__ = "candidate_functional_limit"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    demand_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    max_level: Mapped[str] = mapped_column(String(20))


class CandidateAdjustment(db.Model):
    __tablename__ = "candidate_adjustment"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class CandidateTargetGroup(db.Model):
    __tablename__ = "candidate_target_group"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class StatusChange(db.Model):
    """One step of a candidate's path: the status and the date it began."""

    __tablename__ = "candidate_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    since: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    changed_by: Mapped[User | None] = relationship(lazy="joined")


class EmployerContact(db.Model):
    """A contact with an employer on the candidate's behalf (rapid job search is counted from these)."""

    __tablename__ = "candidate_employer_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    contact_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User | None] = relationship(lazy="joined")


class OrganisationAdmin(db.Model):
    """A provider's staff member who may read the audit log of the provider's candidates.

    Granted by the portal administrator; the smallest organisation-level
    admin the foundation lacks.
    """

    __tablename__ = "organisation_admin"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"),
                                                 primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")


# The latest employer contact, for the caseload's "days since" column (undeferred where shown).
Candidate.last_employer_contact = column_property(
    select(func.max(EmployerContact.contact_on)).where(EmployerContact.candidate_id == Candidate.id)
    .correlate_except(EmployerContact).scalar_subquery(), deferred=True)

from portal.coaching.models_paths import *  # noqa: E402, F403  (paths, signatures, steps before work)
from portal.coaching.models_work import *  # noqa: E402, F403  (the rest of the coaching tables)

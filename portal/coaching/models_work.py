"""The coaching work on a candidate: assessment, plan and goals, modules and reviews, consents."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation, User
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db

__all__ = ["Assessment", "AssessmentSituation", "AssessmentFocus", "AssessmentService", "Plan", "Goal",
           "FollowUp", "PlanChange", "CoachingModule", "ModuleReview", "Consent", "ConsentChange"]


class Assessment(db.Model):
    """The service-need assessment: the seed's situations, four focus areas, services needed."""

    __tablename__ = "service_need_assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), unique=True)
    multi_sector: Mapped[bool] = mapped_column(default=False)
    participants: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    situations: Mapped[list[AssessmentSituation]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    focus_notes: Mapped[list[AssessmentFocus]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    services: Mapped[list[AssessmentService]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    updated_by: Mapped[User | None] = relationship(lazy="joined")


class AssessmentSituation(db.Model):
    __tablename__ = "assessment_situation"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("service_need_assessment.id", ondelete="CASCADE"),
                                               primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")


class AssessmentFocus(db.Model):
    __tablename__ = "assessment_focus"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("service_need_assessment.id", ondelete="CASCADE"),
                                               primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")


class AssessmentService(db.Model):
    __tablename__ = "assessment_service"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("service_need_assessment.id", ondelete="CASCADE"),
                                               primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)


class Plan(db.Model):
    """The client plan, made with the candidate."""

    __tablename__ = "client_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    goals: Mapped[list[Goal]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                             order_by="[Goal.position, Goal.id]")


class Goal(db.Model):
    __tablename__ = "plan_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("client_plan.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    own_words: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(Text)
    target_date: Mapped[date] = mapped_column(Date)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    follow_ups: Mapped[list[FollowUp]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                      order_by="[FollowUp.follow_up_on, FollowUp.id]")


class FollowUp(db.Model):
    __tablename__ = "goal_follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goal.id", ondelete="CASCADE"), index=True)
    follow_up_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User | None] = relationship(lazy="joined")


class PlanChange(db.Model):
    """One change of the plan: who, when, what (field: [before, after])."""

    __tablename__ = "plan_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("client_plan.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(30))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("plan_goal.id", ondelete="SET NULL"))
    changes: Mapped[dict | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship(lazy="joined")


class CoachingModule(db.Model):
    """A module of coaching (from the directory or custom), reviewed when it ends."""

    __tablename__ = "coaching_module"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("directory_service.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    goal_code: Mapped[str | None] = mapped_column(String(40))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="planned")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    review: Mapped[ModuleReview | None] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                       uselist=False)


class ModuleReview(db.Model):
    """What a module achieved and what comes next, reviewed by the candidate, provider and buyer."""

    __tablename__ = "module_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("coaching_module.id", ondelete="CASCADE"), unique=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    results: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(20))
    exit_destination: Mapped[str | None] = mapped_column(String(20))
    participants: Mapped[str] = mapped_column(String(300), default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    reviewer: Mapped[User | None] = relationship(lazy="joined")


class Consent(db.Model):
    """A candidate's consent to share their profile with one employer: what, with whom, when."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    employer_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    scope: Mapped[str] = mapped_column(String(20))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    given_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_by_coach: Mapped[bool] = mapped_column(default=False)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    employer: Mapped[Organisation] = relationship(lazy="joined")
    # Each widening or narrowing, oldest first: `scope` is the latest, the history shows what was given.
    changes: Mapped[list[ConsentChange]] = relationship(lazy="selectin", order_by="ConsentChange.id",
                                                        cascade="all, delete-orphan", passive_deletes=True)

    @property
    def valid(self) -> bool:
        return self.withdrawn_at is None

    @property
    def given_scope(self) -> str:
        """The scope as the consent was given, before any change."""
        return self.changes[0].from_scope if self.changes else self.scope


class ConsentChange(db.Model):
    """One change of a consent's scope: when, who, from what to what (the employer saw the old scope till then)."""

    __tablename__ = "consent_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    from_scope: Mapped[str] = mapped_column(String(20))
    to_scope: Mapped[str] = mapped_column(String(20))

    changed_by: Mapped[User | None] = relationship(lazy="joined")

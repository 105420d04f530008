"""What a team member reads of a candidate (only the consented parts, every read logged) and records."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from portal.coaching import plans
from portal.coaching.access import log_read
from portal.coaching.assessments import assessment_of
from portal.coaching.models import Assessment, CandidateAdjustment, FollowUp, FunctionalLimit, Goal, Plan, PlanStep
from portal.coaching.steps import steps_of
from portal.domain.team import may_record
from portal.errors import ServiceError
from portal.extensions import db
from portal.proposals.guard import refuse_health
from portal.team.models import TeamMeasure
from portal.team.services import MemberAccess


@dataclass
class SharedParts:
    """The parts of a candidate's data one member sees; a part outside the scopes stays empty."""

    plan: Plan | None = None
    goals: list[Goal] = field(default_factory=list)
    measures: dict[int, TeamMeasure] = field(default_factory=dict)  # goal id -> who added it
    steps: list[PlanStep] = field(default_factory=list)
    follow_ups: bool = False
    limits: list[FunctionalLimit] = field(default_factory=list)
    limits_note: str = ""
    adjustments: list[str] = field(default_factory=list)
    assessment: Assessment | None = None


def shared_parts(access: MemberAccess) -> SharedParts:
    """Load the consented parts and log each read under the part's own name."""
    c, scopes, parts = access.candidate, access.scopes, SharedParts()
    if "plan" in scopes:
        parts.plan = plans.plan_of(c)
        parts.goals = list(parts.plan.goals) if parts.plan else []
        if parts.goals:
            parts.measures = {m.goal_id: m for m in db.session.scalars(select(TeamMeasure).where(
                TeamMeasure.goal_id.in_([g.id for g in parts.goals]))).unique()}
        parts.steps = steps_of(c)
        log_read(c, "team_plan")
    if "follow_ups" in scopes:
        parts.follow_ups = True
        log_read(c, "team_follow_ups")
    if "work_ability" in scopes:
        parts.limits = list(db.session.scalars(select(FunctionalLimit).where(FunctionalLimit.candidate_id == c.id)
                                                .order_by(FunctionalLimit.demand_code)))
        parts.adjustments = list(db.session.scalars(select(CandidateAdjustment.code).where(
            CandidateAdjustment.candidate_id == c.id).order_by(CandidateAdjustment.code)))
        parts.limits_note = c.limits_note
        log_read(c, "team_work_ability")
    if "assessment" in scopes:
        parts.assessment = assessment_of(c)
        log_read(c, "team_assessment")
    return parts


def _responsible(access: MemberAccess) -> str:
    member = access.member
    return f"{member.user.name} ({member.organisation.name})"[:200]


def add_measure(access: MemberAccess, data: dict, actor) -> Goal:
    """A member adds a measure of their own to the plan: a goal named as theirs."""
    if not may_record(access.scopes, "goal"):
        raise ServiceError(_("Your part of the plan does not include adding measures."))
    # Peers and members without a health scope read the measures: work terms only.
    refuse_health(data.get("title") or "", "title")
    refuse_health(data.get("measure") or "", "measure")
    goal = plans.add_goal(access.candidate, {**data, "own_words": "", "status": "open",
                                             "responsible": _responsible(access)}, actor)
    db.session.add(TeamMeasure(goal_id=goal.id, member_id=access.member.id))
    db.session.flush()
    return goal


def add_follow_up(access: MemberAccess, goal_id: int | None, data: dict, actor, today: date) -> FollowUp:
    """A member writes a follow-up on a goal of the candidate's plan."""
    if not may_record(access.scopes, "follow_up"):
        raise ServiceError(_("Your part of the plan does not include follow-ups."))
    goal = plans.goal_of(access.candidate, goal_id) if goal_id else None
    if goal is None:
        raise ServiceError(_("Choose a goal of the plan from the list."), "goal_id")
    refuse_health(data.get("note") or "", "note")
    return plans.add_follow_up(access.candidate, goal, data, actor, today)


def measure_author(goal_id: int) -> str | None:
    """The team member and organisation who added this goal as their measure; None for a goal of the coach."""
    measure = db.session.get(TeamMeasure, goal_id)
    if measure is None:
        return None
    return f"{measure.member.user.name}, {measure.member.organisation.name}"

"""The coordinator from another organisation: the whole plan and every party's part, while named and on the team.

A professional of another organisation named coordinator sees what the promise
says the coordinator sees, but only while both hold: they are the coordinator
named now, and they are on the team with a valid consent that shares the plan
(portal.coordination.team_port.may_coordinate). A withdrawn consent, an ended
membership or a hand-over ends it at their next request. Health parts stay by
the consent's scopes (portal.domain.coordination.sees_referral_answer).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort
from sqlalchemy import select

from portal.audit.services import record
from portal.coaching import plans
from portal.coaching.access import AUDIT_TYPE, log_read
from portal.coaching.models import Candidate, Goal, PlanStep
from portal.coaching.steps import steps_of
from portal.coordination.models import Coordinator, Referral
from portal.coordination.referrals import referrals_of
from portal.coordination.services import current_of, history_of
from portal.coordination.team_port import is_coach_of, may_coordinate, scopes_of
from portal.domain.coordination import sees_referral_answer
from portal.extensions import db
from portal.proposals.guard import health_found
from portal.team.models import TeamMeasure


@dataclass
class WholePlan:
    """What the coordinator reads: every party's goals and follow-ups, the steps, referrals and coordinators."""

    candidate: Candidate
    scopes: frozenset[str]
    current: Coordinator | None
    goals: list[Goal] = field(default_factory=list)
    measures: dict[int, TeamMeasure] = field(default_factory=dict)
    steps: list[PlanStep] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    answers_shown: set[int] = field(default_factory=set)  # referral ids whose answer text this reader sees
    history: list[Coordinator] = field(default_factory=list)


def is_named_coordinator(candidate: Candidate, user) -> bool:
    """Whether the user is the coordinator named now and still on the team with the plan shared."""
    current = current_of(candidate)
    return (current is not None and current.user_id == user.id and not is_coach_of(candidate, user)
            and may_coordinate(candidate, user))


def coordinated_candidate(user, candidate_id: int) -> Candidate:
    """The candidate the user coordinates from another organisation; 404 otherwise (the refusal is logged)."""
    candidate = db.session.scalar(select(Candidate).where(Candidate.id == candidate_id,
                                                          Candidate.erased_at.is_(None)))
    if candidate is None:
        abort(404)
    if not is_named_coordinator(candidate, user):
        record("team_access_refused", AUDIT_TYPE, candidate.id, actor=user,
               organisation_id=candidate.organisation_id, detail={"part": "coordination", "needs": "coordinator"})
        db.session.commit()
        abort(404)
    return candidate


def whole_plan(candidate: Candidate, user) -> WholePlan:
    """Load the whole plan for its coordinator and log each part read."""
    view = WholePlan(candidate, scopes_of(candidate, user), current_of(candidate))
    plan = plans.plan_of(candidate)
    view.goals = list(plan.goals) if plan else []
    if view.goals:
        view.measures = {m.goal_id: m for m in db.session.scalars(select(TeamMeasure).where(
            TeamMeasure.goal_id.in_([g.id for g in view.goals]))).unique()}
    view.steps, view.referrals, view.history = steps_of(candidate), referrals_of(candidate), history_of(candidate)
    view.answers_shown = {r.id for r in view.referrals if r.answer_text and sees_referral_answer(
        "coordinator", view.scopes, bool(health_found(r.answer_text)))}
    for part in ("coordination", "plan", "follow_ups", "referrals"):
        log_read(candidate, part)
    return view

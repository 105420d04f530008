"""Steps before work in the plan: social rehabilitation, work activity and day activity, and where they led."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from portal.coaching.access import log_change
from portal.coaching.models import Candidate, PlanStep
from portal.domain.coaching_steps import step_problems
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db

MESSAGES = {
    "unknown_kind": (lambda: _("Choose the step from the list."), "kind"),
    "no_start": (lambda: _("Give the start date."), "start_on"),
    "start_in_future": (lambda: _("The date cannot be in the future."), "start_on"),
    "end_before_start": (lambda: _("The step cannot end before it starts."), "end_on"),
    "end_in_future": (lambda: _("The date cannot be in the future."), "end_on"),
    "unknown_outcome": (lambda: _("Choose only from the list."), "outcome"),
    "outcome_without_end": (lambda: _("Give the end date when you record where the step led."), "end_on"),
    "end_without_outcome": (lambda: _("An ended step says where it led: choose the outcome."), "outcome"),
}


def steps_of(candidate: Candidate) -> list[PlanStep]:
    """The candidate's steps before work, newest start first."""
    return list(db.session.scalars(select(PlanStep).where(PlanStep.candidate_id == candidate.id)
                                   .order_by(PlanStep.start_on.desc(), PlanStep.id.desc())))


def step_of(candidate: Candidate, step_id: int) -> PlanStep | None:
    """One of the candidate's own steps (None for another candidate's)."""
    return db.session.scalar(select(PlanStep).where(PlanStep.id == step_id, PlanStep.candidate_id == candidate.id))


def save_step(candidate: Candidate, step: PlanStep | None, data: dict, actor, today: date) -> PlanStep:
    """Add a step or record its end and outcome; refuses dates or codes that do not fit."""
    kind, outcome = data.get("kind", ""), data.get("outcome") or None
    problems = step_problems(kind, data.get("start_on"), data.get("end_on"), outcome, today)
    if problems:
        message, field = MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    creating = step is None
    step = step or PlanStep(candidate_id=candidate.id, recorded_by_id=actor.id)
    step.kind, step.start_on, step.end_on, step.outcome = kind, data["start_on"], data.get("end_on"), outcome
    step.note = clean_text(data.get("note"))
    db.session.add(step)
    db.session.flush()
    log_change(candidate, "steps", fields=["step_added" if creating else "step_changed"], actor=actor)
    return step

"""The client plan: goals with a measure, a date and who is responsible; follow-ups; a history of changes."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal import clock
from portal.coaching.access import log_change
from portal.coaching.models import Candidate, FollowUp, Goal, Plan, PlanChange
from portal.domain.coaching import GOAL_STATUSES, goal_problems, past_date
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db
from portal.i18n import date_filter

GOAL_MESSAGES = {
    "no_text": (lambda: _("Write the goal."), "title"),
    "no_measure": (lambda: _("Every goal needs a measure: how will you both know it has been reached?"), "measure"),
    "no_date": (lambda: _("Every goal needs a target date."), "target_date"),
}
COACH_FIELDS = ("title", "own_words", "measure", "target_date", "responsible", "status")
CANDIDATE_FIELDS = ("own_words", "measure", "target_date")


def plan_of(candidate: Candidate, create: bool = False) -> Plan | None:
    """The candidate's plan; create=True makes an empty one when there is none."""
    plan = db.session.scalar(select(Plan).where(Plan.candidate_id == candidate.id))
    if plan is None and create:
        plan = Plan(candidate_id=candidate.id)
        db.session.add(plan)
        db.session.flush()
    return plan


def goal_of(candidate: Candidate, goal_id: int) -> Goal | None:
    """A goal of this candidate's plan (None for any other goal id)."""
    return db.session.scalar(select(Goal).join(Plan).where(Plan.candidate_id == candidate.id, Goal.id == goal_id))


def _value(v):
    return v.isoformat() if isinstance(v, date) else v


def _log(plan: Plan, candidate: Candidate, actor, action: str, changes: dict, goal: Goal | None = None) -> None:
    db.session.add(PlanChange(plan_id=plan.id, actor_id=actor.id, action=action,
                              goal_id=goal.id if goal else None, changes=changes))
    log_change(candidate, "plan", fields=list(changes), actor=actor)


def save_plan(candidate: Candidate, data: dict, actor) -> Plan:
    """Save the plan's summary and the date it was agreed with the candidate."""
    plan = plan_of(candidate, create=True)
    new = {"summary": clean_text(data.get("summary")), "agreed_on": data.get("agreed_on")}
    changes = {k: [_value(getattr(plan, k)), _value(v)] for k, v in new.items() if getattr(plan, k) != v}
    for k, v in new.items():
        setattr(plan, k, v)
    if changes:
        _log(plan, candidate, actor, "plan_updated", changes)
    return plan


def _clean_goal(data: dict, fields: tuple[str, ...]) -> dict:
    clean = {k: (clean_text(data.get(k)) if k != "target_date" else data.get(k)) for k in fields}
    if "title" not in fields:
        clean["title"] = clean.get("own_words", "")
    problems = goal_problems(clean["title"] or clean.get("own_words", ""), clean["measure"], clean["target_date"])
    if problems:
        message, field = GOAL_MESSAGES[problems[0]]
        if field == "title" and "title" not in fields:
            field = "own_words"
        raise ServiceError(message(), field)
    if clean.get("status", "open") not in GOAL_STATUSES:
        raise ServiceError(_("Choose only from the list."), "status")
    return clean


def add_goal(candidate: Candidate, data: dict, actor, by_candidate: bool = False) -> Goal:
    """Add a goal; a candidate writes it in their own words, with a measure and a target date (not a past one)."""
    clean = _clean_goal(data, CANDIDATE_FIELDS if by_candidate else COACH_FIELDS)
    if past_date(clean["target_date"], clock.today()) == "refuse":
        raise ServiceError(_("The target date has already passed. Give the day by which the goal should be "
                             "reached, today or later."), "target_date")
    plan = plan_of(candidate, create=True)
    position = (db.session.scalar(select(func.max(Goal.position)).where(Goal.plan_id == plan.id)) or 0) + 1
    if by_candidate:
        clean["responsible"] = actor.name  # the person who wrote it owns it; the coach can change this
    goal = Goal(plan_id=plan.id, position=position, **clean)
    db.session.add(goal)
    db.session.flush()
    _log(plan, candidate, actor, "goal_added", {k: [None, _value(v)] for k, v in clean.items() if v}, goal)
    return goal


def edit_goal(candidate: Candidate, goal: Goal, data: dict, actor, by_candidate: bool = False) -> dict:
    """Change a goal; the history keeps each field's before and after. A candidate edits their own wording,
    measure and date."""
    fields = CANDIDATE_FIELDS if by_candidate else COACH_FIELDS
    clean = _clean_goal(data, fields)
    changes = {k: [_value(getattr(goal, k)), _value(clean[k])] for k in fields if getattr(goal, k) != clean[k]}
    for k in fields:
        setattr(goal, k, clean[k])
    if changes:
        db.session.flush()
        _log(db.session.get(Plan, goal.plan_id), candidate, actor, "goal_changed", changes, goal)
    return changes


def past_target_warning(changes: dict) -> str | None:
    """The warning to show when an edit moved a goal's target date into the past (the edit is saved)."""
    if "target_date" not in changes:
        return None
    before, after = (date.fromisoformat(v) if v else None for v in changes["target_date"])
    if past_date(after, clock.today(), before, new=False) != "warn":
        return None
    return _("The target date %(date)s has already passed. Check the date if the goal is still ahead.",
             date=date_filter(after))


def add_follow_up(candidate: Candidate, goal: Goal, data: dict, actor, today: date) -> FollowUp:
    """Write a follow-up entry on a goal."""
    if data.get("follow_up_on") is None:
        raise ServiceError(_("Give the date of the follow-up."), "follow_up_on")
    if data["follow_up_on"] > today:
        raise ServiceError(_("The date cannot be in the future."), "follow_up_on")
    note = clean_text(data.get("note"))
    if not note:
        raise ServiceError(_("Write what was followed up."), "note")
    entry = FollowUp(goal_id=goal.id, follow_up_on=data["follow_up_on"], note=note, recorded_by_id=actor.id)
    db.session.add(entry)
    db.session.flush()
    _log(db.session.get(Plan, goal.plan_id), candidate, actor, "follow_up_added",
         {"follow_up": [None, data["follow_up_on"].isoformat()]}, goal)
    return entry


def history(plan: Plan | None) -> list[PlanChange]:
    """The plan's changes, newest first."""
    if plan is None:
        return []
    return list(db.session.scalars(select(PlanChange).where(PlanChange.plan_id == plan.id)
                                   .order_by(PlanChange.at.desc(), PlanChange.id.desc())))

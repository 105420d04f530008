"""The coordinator of each phase: naming one, handing over to the next, and who is left without one."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from portal.coaching.access import log_change
from portal.coaching.models import Candidate
from portal.coordination.models import Coordinator, Referral
from portal.coordination.team_port import team_ids_of, team_users
from portal.domain.coordination import Current, handover_problems, needs_coordinator
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db
from portal.inputs import optional_id
from portal.proposals.guard import refuse_health
from portal.signals import candidate_erasing

MESSAGES = {
    "no_coordinator": (lambda: _("Choose the next coordinator: nobody may be left without one."), "user_id"),
    "not_in_team": (lambda: _("The coordinator must be one of the people working with the candidate, who see the "
                              "whole plan."), "user_id"),
    "unknown_phase": (lambda: _("Choose the phase from the list."), "phase"),
    "no_date": (lambda: _("Give the date from which the coordinator is responsible."), "start_on"),
    "in_future": (lambda: _("The date cannot be in the future."), "start_on"),
    "before_current": (lambda: _("The hand-over cannot be dated before the current coordinator's start."),
                       "start_on"),
    "nothing_changes": (lambda: _("This person already coordinates this phase: choose another coordinator or "
                                  "another phase."), "user_id"),
}


def current_of(candidate: Candidate) -> Coordinator | None:
    """The coordinator responsible now (the assignment without an end), or None."""
    return db.session.scalar(select(Coordinator).where(Coordinator.candidate_id == candidate.id,
                                                       Coordinator.end_on.is_(None)).order_by(Coordinator.id.desc()))


def history_of(candidate: Candidate) -> list[Coordinator]:
    """Every coordinator the candidate has had, the newest first."""
    return list(db.session.scalars(select(Coordinator).where(Coordinator.candidate_id == candidate.id)
                                   .order_by(Coordinator.start_on.desc(), Coordinator.id.desc())))


def hand_over(candidate: Candidate, data: dict, actor, today: date) -> Coordinator:
    """Name the first coordinator, or hand over to the next one: the current one's part ends that day."""
    current = current_of(candidate)
    team = [u.id for u in team_users(candidate)]
    next_id, phase, on = optional_id(data.get("user_id")), data.get("phase", ""), data.get("start_on")
    now = Current(current.user_id or 0, current.phase, current.start_on) if current else None
    problems = handover_problems(next_id, phase, on, team, now, today)
    if problems:
        message, field = MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    refuse_health(data.get("note") or "", "note")  # every party of the plan reads the hand-over note
    if current is not None:
        current.end_on = on
    assignment = Coordinator(candidate_id=candidate.id, user_id=next_id, phase=phase, start_on=on,
                             note=clean_text(data.get("note")), recorded_by_id=actor.id)
    db.session.add(assignment)
    db.session.flush()
    log_change(candidate, "coordination", fields=["coordinator_handed_over" if current else "coordinator_named"],
               actor=actor)
    return assignment


def left_without(candidates: list[Candidate]) -> set[int]:
    """The ids of the listed candidates in service whose coordinator is missing or no longer in the team."""
    ids = [c.id for c in candidates]
    if not ids:
        return set()
    current = dict(db.session.execute(select(Coordinator.candidate_id, Coordinator.user_id).where(
        Coordinator.candidate_id.in_(ids), Coordinator.end_on.is_(None))).all())
    loaded = list(db.session.scalars(select(Candidate).where(Candidate.id.in_(ids))
                                     .options(selectinload(Candidate.coach_links))))
    teams = team_ids_of(loaded)
    return {c.id for c in candidates if needs_coordinator(c.status, current.get(c.id), teams.get(c.id, set()))}


def contact_of(candidate: Candidate) -> dict | None:
    """The current coordinator as the other parties see them: name, organisation, e-mail, phase; left the team?"""
    current = current_of(candidate)
    if current is None or current.user is None:
        return None
    user = current.user
    # The caseload's rule: a coordinator no longer on the team leaves the person without one.
    left = needs_coordinator(candidate.status, user.id, team_ids_of([candidate]).get(candidate.id, set()))
    return {"left": left, "name": user.name, "organisation": user.organisation.name if user.organisation else "",
            "email": user.email, "phone": getattr(user, "phone", None) or "", "phase": current.phase,
            "since": current.start_on}


def on_candidate_erasing(sender, candidate=None, **extra) -> None:
    """Erasure: referrals and coordinators stay as the path's record, without any text about the person."""
    db.session.execute(update(Referral).where(Referral.candidate_id == candidate.id)
                       .values(reason="", answer_text="", receiving_name=""))
    db.session.execute(update(Coordinator).where(Coordinator.candidate_id == candidate.id).values(note=""))


candidate_erasing.connect(on_candidate_erasing)

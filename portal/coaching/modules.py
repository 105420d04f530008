"""Modular coaching: modules with dates, and the review after each that decides what comes next."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.coaching.access import log_change
from portal.coaching.candidates import known_codes, set_status
from portal.coaching.models import Candidate, CoachingModule, ModuleReview
from portal.directory.models import Service
from portal.domain.coaching import MODULE_STATUSES, module_problems, review_problems, status_after_review
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db

MODULE_MESSAGES = {
    "no_start": (lambda: _("Give the start date."), "start_on"),
    "end_before_start": (lambda: _("The module cannot end before it starts."), "end_on"),
}
REVIEW_MESSAGES = {
    "unknown_decision": (lambda: _("Choose the decision from the list."), "decision"),
    "no_destination": (lambda: _("An exit says where the person goes: choose the destination."),
                       "exit_destination"),
    "destination_without_exit": (lambda: _("A destination is given only when coaching ends."),
                                 "exit_destination"),
    "no_date": (lambda: _("Give the date of the review."), "reviewed_on"),
    "before_start": (lambda: _("The review cannot be before the module starts."), "reviewed_on"),
}


def modules_of(candidate: Candidate) -> list[CoachingModule]:
    """The candidate's modules in date order, with their reviews."""
    return list(db.session.scalars(select(CoachingModule).where(CoachingModule.candidate_id == candidate.id)
                                   .order_by(CoachingModule.start_on, CoachingModule.id)))


def service_choices() -> list[Service]:
    """Active directory services a module can be taken from."""
    return list(db.session.scalars(select(Service).where(Service.active.is_(True)).order_by(Service.name_folded)))


def save_module(candidate: Candidate, module: CoachingModule | None, data: dict) -> CoachingModule:
    """Create or edit a module; a directory service gives the title and goal when none is typed."""
    problems = module_problems(data.get("start_on"), data.get("end_on"))
    if problems:
        message, field = MODULE_MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    service = None
    if data.get("service_id"):
        service = db.session.scalar(select(Service).where(Service.id == data["service_id"], Service.active.is_(True)))
        if service is None:
            raise ServiceError(_("Choose a service from the list."), "service_id")
    title = clean_text(data.get("title")) or (service.name if service else "")
    if not title:
        raise ServiceError(_("Give the module a name, or choose a service from the directory."), "title")
    goal = data.get("goal_code") or (service.goal_codes[0] if service and service.goal_codes else None)
    if goal and goal not in known_codes("service_goals"):
        raise ServiceError(_("Choose only from the list."), "goal_code")
    if data.get("status", "planned") not in MODULE_STATUSES:
        raise ServiceError(_("Choose only from the list."), "status")
    creating = module is None
    module = module or CoachingModule(candidate_id=candidate.id)
    module.service_id = service.id if service else None
    module.title, module.goal_code = title[:200], goal
    module.start_on, module.end_on = data["start_on"], data.get("end_on")
    module.status = data.get("status") or "planned"
    module.notes = clean_text(data.get("notes"))
    db.session.add(module)
    db.session.flush()
    log_change(candidate, "modules", fields=["module_added" if creating else "module_changed"])
    return module


def review_module(candidate: Candidate, module: CoachingModule, data: dict, actor) -> ModuleReview:
    """Record the review of a module; an exit moves the candidate to the status of the destination."""
    if module.review is not None:
        raise ServiceError(_("This module has already been reviewed."))
    decision, destination = data.get("decision", ""), data.get("exit_destination") or None
    problems = review_problems(decision, destination, data.get("reviewed_on"), module.start_on)
    if problems:
        message, field = REVIEW_MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    if not clean_text(data.get("results")):
        raise ServiceError(_("Write what the module achieved."), "results")
    review = ModuleReview(module_id=module.id, reviewed_on=data["reviewed_on"], results=clean_text(data["results"]),
                          decision=decision, exit_destination=destination,
                          participants=clean_text(data.get("participants"))[:300], reviewer_id=actor.id)
    module.review = review
    module.status = "completed"
    db.session.flush()
    log_change(candidate, "modules", fields=["review"])
    new_status = status_after_review(decision, destination)
    if new_status and new_status != candidate.status:
        set_status(candidate, new_status, max(data["reviewed_on"], candidate.status_since), "", actor)
    return review

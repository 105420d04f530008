"""Light and intensive paths: the seed's rhythm and weight, follow-ups from contacts, the path review."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.coaching.access import log_change
from portal.coaching.models import Candidate, EmployerContact, PathDecision
from portal.domain.coaching_paths import (
    DECISIONS,
    MANUAL_DECISION,
    MANUAL_REASON,
    PathRule,
    Proposal,
    next_follow_up,
    parse_paths,
    review_proposal,
)
from portal.errors import ServiceError
from portal.extensions import db

PATHS_FILE = Path(__file__).resolve().parents[2] / "seeds" / "coaching" / "paths.yaml"


@lru_cache(maxsize=1)
def path_rules() -> dict[str, PathRule]:
    """The two paths from seeds/coaching/paths.yaml (read once per process)."""
    return parse_paths(yaml.safe_load(PATHS_FILE.read_text("utf-8")))


def rule_of(candidate: Candidate) -> PathRule:
    """The rule of the candidate's current path (an unknown code is treated as light)."""
    rules = path_rules()
    return rules.get(candidate.support_intensity, rules["light"])


def follow_up_after_contact(candidate: Candidate, contact_on: date) -> date:
    """Set the candidate's next follow-up from the path's rhythm after a contact; returns it."""
    latest = db.session.scalar(select(func.max(EmployerContact.contact_on))
                               .where(EmployerContact.candidate_id == candidate.id))
    candidate.next_follow_up = next_follow_up(contact_on, rule_of(candidate), candidate.next_follow_up, latest)
    return candidate.next_follow_up


def decisions_of(candidate: Candidate) -> list[PathDecision]:
    """The path history: every accepted or declined proposal, newest first."""
    return list(db.session.scalars(select(PathDecision).where(PathDecision.candidate_id == candidate.id)
                                   .order_by(PathDecision.decided_on.desc(), PathDecision.id.desc())))


def review_start(candidate: Candidate, history: list[PathDecision]) -> date:
    """Where the review period runs from: the last decision (either way), else the intake."""
    return history[0].decided_on if history else candidate.intake_on


def proposal_for(candidate: Candidate, today: date, history: list[PathDecision] | None = None) -> Proposal | None:
    """The move the path review proposes today, or None."""
    history = decisions_of(candidate) if history is None else history
    since = review_start(candidate, history)
    contacts = db.session.scalar(select(func.count()).select_from(EmployerContact).where(
        EmployerContact.candidate_id == candidate.id, EmployerContact.contact_on >= since)) or 0
    return review_proposal(candidate.support_intensity, path_rules(), since, contacts, today)


def decide(candidate: Candidate, decision: str, actor, today: date) -> PathDecision:
    """Accept or decline today's proposal; an accepted move changes the path; both go into the history."""
    if decision not in DECISIONS:
        raise ServiceError(_("Choose whether to accept or decline the proposal."))
    proposal = proposal_for(candidate, today)
    if proposal is None:
        raise ServiceError(_("There is no proposal to answer: the path review is not due."))
    row = PathDecision(candidate_id=candidate.id, from_path=proposal.from_path, to_path=proposal.to_path,
                       reason=proposal.reason, contacts=proposal.contacts, decision=decision, decided_on=today,
                       decided_by_id=actor.id)
    db.session.add(row)
    if decision == "accepted":
        candidate.support_intensity = proposal.to_path
        # The new rhythm applies from today: a move to intensive brings the next follow-up closer.
        candidate.next_follow_up = next_follow_up(today, rule_of(candidate), candidate.next_follow_up)
    db.session.flush()
    log_change(candidate, "path", fields=[f"path_{decision}"])
    return row


def record_manual_move(candidate: Candidate, from_path: str, actor, today: date) -> PathDecision | None:
    """A coach's move between paths in the candidate's details: into the path history; the review restarts."""
    if from_path == candidate.support_intensity:
        return None
    row = PathDecision(candidate_id=candidate.id, from_path=from_path, to_path=candidate.support_intensity,
                       reason=MANUAL_REASON, contacts=0, decision=MANUAL_DECISION, decided_on=today,
                       decided_by_id=actor.id if actor is not None else None)
    db.session.add(row)
    db.session.flush()
    log_change(candidate, "path", fields=["path_moved"], actor=actor)
    return row

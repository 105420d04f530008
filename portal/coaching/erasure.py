"""Erasing a candidate: personal data removed, the code and figures kept so clause statistics stay true.

Other features register blockers: functions that get the candidate and return
a message saying what must happen first (e.g. an open placement must end),
or None. Matching registers one for open placements.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from portal import signals
from portal.accounts.models import User
from portal.accounts.sessions import end_all_sessions
from portal.coaching.access import log_change
from portal.coaching.consents import withdraw_consent
from portal.coaching.models import (
    Assessment,
    Candidate,
    CoachingModule,
    Consent,
    EmployerContact,
    ModuleReview,
    Plan,
    PlanStep,
    ReviewSignature,
    StatusChange,
)
from portal.db_types import utcnow
from portal.errors import ServiceError
from portal.extensions import db

Blocker = Callable[[Candidate], "str | None"]
_BLOCKERS: list[Blocker] = []
# Kept after erasure, under the pseudonymous code: the path through statuses
# (dates and codes), the dates of employer contacts, municipality, target
# groups and the support intensity, which outcome reports and clause figures
# count, and the consents (withdrawn). Everything else goes.
CLEARED_TEXT = ("education", "work_history", "skills_text", "skills_folded", "desired_work_text",
                "desired_work_folded", "limits_note", "peer_coach")


def register_erasure_blocker(blocker: Blocker) -> Blocker:
    """Add a check that can refuse an erasure (usable as a decorator); returns the function."""
    if blocker not in _BLOCKERS:
        _BLOCKERS.append(blocker)
    return blocker


def unregister_erasure_blocker(blocker: Blocker) -> None:
    """Remove a check (tests use this)."""
    if blocker in _BLOCKERS:
        _BLOCKERS.remove(blocker)


def erasure_blockers(candidate: Candidate) -> list[str]:
    """What must happen before this candidate can be erased; empty when nothing stands in the way."""
    return [message for message in (blocker(candidate) for blocker in _BLOCKERS) if message]


def erase_candidate(candidate: Candidate, actor, agreed: bool, by_admin: bool = False) -> None:
    """Remove the candidate's personal data; refused while a blocker says no."""
    if not by_admin and not agreed:
        raise ServiceError(_("Confirm that the candidate has agreed to the erasure."), "agreed")
    blockers = erasure_blockers(candidate)
    if blockers:
        raise ServiceError(" ".join(blockers))
    for name in ("name", "email", "phone", "hours_min", "hours_max", "next_follow_up"):
        setattr(candidate, name, None)
    for name in CLEARED_TEXT:
        setattr(candidate, name, "")
    for collection in ("skills", "occupations", "languages", "limits", "adjustments", "coach_links"):
        getattr(candidate, collection).clear()
    # Signatures hold names and reasons; deleted first, since no ORM cascade reaches them from a review.
    reviews = select(ModuleReview.id).join(CoachingModule).where(CoachingModule.candidate_id == candidate.id)
    db.session.execute(delete(ReviewSignature).where(ReviewSignature.review_id.in_(reviews)))
    for model in (Assessment, Plan, CoachingModule):
        for row in db.session.scalars(select(model).where(model.candidate_id == candidate.id)):
            db.session.delete(row)  # through the ORM, so children cascade on SQLite too
    # Consents hold no text: they stay as the record of what was shared, all withdrawn, and the
    # withdrawal is announced so that open proposals are withdrawn too.
    for consent in db.session.scalars(select(Consent).where(Consent.candidate_id == candidate.id,
                                                            Consent.withdrawn_at.is_(None))):
        withdraw_consent(candidate, consent, actor)
    db.session.execute(update(StatusChange).where(StatusChange.candidate_id == candidate.id).values(note=""))
    db.session.execute(update(EmployerContact).where(EmployerContact.candidate_id == candidate.id).values(note=""))
    # Steps before work stay for the outcome figures, without their text.
    db.session.execute(update(PlanStep).where(PlanStep.candidate_id == candidate.id).values(note=""))
    signals.candidate_erasing.send(current_app._get_current_object(), candidate=candidate)
    if candidate.user_id is not None:
        _anonymise_account(db.session.get(User, candidate.user_id), candidate.code)
        candidate.user_id = None
    candidate.erased_at = utcnow()
    db.session.flush()
    log_change(candidate, "erasure", action="candidate_erased", actor=actor,
               fields=["by_admin" if by_admin else "by_coach"])


def _anonymise_account(user: User, code: str) -> None:
    """The candidate's own login: signed out, closed, and stripped of name and address."""
    end_all_sessions(user, "erased")
    user.name = "Erased user"  # data, not a message: the account no longer belongs to anybody
    user.email = f"erased-{code.lower()}@invalid.example"
    user.password_hash = None
    user.active = False



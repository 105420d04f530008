"""Signatures of module reviews: the candidate signs in self-service, the coach records the buyer's sign-off."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from portal.coaching.access import log_change
from portal.coaching.models import Candidate, CoachingModule, ReviewSignature
from portal.domain.coaching_steps import SIGNERS, signature_problems
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db

MESSAGES = {
    "unknown_state": (lambda: _("Choose signed or not signed."), "state"),
    "no_date": (lambda: _("Give the date of signing."), "signed_on"),
    "before_review": (lambda: _("The signature cannot be before the review."), "signed_on"),
    "in_future": (lambda: _("The date cannot be in the future."), "signed_on"),
    "no_name": (lambda: _("Give the name of the buyer's representative who signed."), "name"),
    "no_reason": (lambda: _("Tell why the review was not signed."), "reason"),
}


def signatures_of(modules: list[CoachingModule]) -> dict[tuple[int, str], ReviewSignature]:
    """Every signature of the modules' reviews, by (review id, signer), in one query."""
    ids = [m.review.id for m in modules if m.review is not None]
    if not ids:
        return {}
    rows = db.session.scalars(select(ReviewSignature).where(ReviewSignature.review_id.in_(ids)))
    return {(s.review_id, s.signer): s for s in rows}


def _record(candidate: Candidate, module: CoachingModule, signer: str, data: dict, actor, today: date,
            by_candidate: bool) -> ReviewSignature:
    review = module.review
    if review is None:
        raise ServiceError(_("The module has not been reviewed yet."))
    if signer not in SIGNERS:
        raise ServiceError(_("Choose only from the list."), "signer")
    state = data.get("state", "")
    if signer == "candidate" and state == "signed" and not by_candidate:
        raise ServiceError(_("Only the candidate signs their own part, in their own pages."), "state")
    name, reason = clean_text(data.get("name"))[:200], clean_text(data.get("reason"))
    problems = signature_problems(state, data.get("signed_on"), name, reason, review.reviewed_on, today,
                                  needs_name=signer == "buyer")
    if problems:
        message, field = MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    current = db.session.get(ReviewSignature, (review.id, signer))
    if current is not None and current.state == "signed":
        raise ServiceError(_("This part has already been signed."))
    row = current or ReviewSignature(review_id=review.id, signer=signer)
    row.state = state
    row.signed_on = data.get("signed_on") if state == "signed" else None
    row.name, row.reason = (name if state == "signed" else ""), (reason if state == "not_signed" else "")
    row.recorded_by_id = actor.id
    db.session.add(row)
    db.session.flush()
    log_change(candidate, "modules", fields=[f"signature_{signer}"], actor=actor)
    return row


def record_by_coach(candidate: Candidate, module: CoachingModule, data: dict, actor, today: date) -> ReviewSignature:
    """The coach records the buyer's sign-off (name and date), or that a party did not sign and why."""
    return _record(candidate, module, data.get("signer", ""), data, actor, today, by_candidate=False)


def sign_own(candidate: Candidate, module: CoachingModule, signing: bool, reason: str, actor,
             today: date) -> ReviewSignature:
    """The candidate signs their own module review today, or marks it not signed with a reason."""
    data = {"state": "signed", "signed_on": today} if signing else {"state": "not_signed", "reason": reason}
    return _record(candidate, module, "candidate", data, actor, today, by_candidate=True)

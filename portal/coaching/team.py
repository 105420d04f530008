"""Who works with a candidate: coaches of the same provider share one; the candidate's own login."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import Membership, User
from portal.coaching.access import log_change
from portal.coaching.models import Candidate, CandidateCoach
from portal.errors import ServiceError
from portal.extensions import db


def coach_choices(candidate: Candidate) -> list[User]:
    """Coaches of the candidate's provider who are not yet on the candidate."""
    present = {link.user_id for link in candidate.coach_links}
    return [u for u in _members(candidate.organisation_id, "coach") if u.id not in present]


def account_choices(candidate: Candidate) -> list[User]:
    """Candidate logins of the provider that no other record uses."""
    linked = set(db.session.scalars(select(Candidate.user_id).where(Candidate.user_id.is_not(None),
                                                                    Candidate.id != candidate.id)))
    return [u for u in _members(candidate.organisation_id, "candidate") if u.id not in linked]


def _members(organisation_id: int, role: str) -> list[User]:
    return list(db.session.scalars(
        select(User).join(Membership).where(Membership.organisation_id == organisation_id,
                                            Membership.role == role, User.active.is_(True))
        .order_by(User.name, User.id)))


def add_coach(candidate: Candidate, user_id: int | None) -> User:
    """Share the candidate with another coach of the same provider."""
    coach = next((u for u in coach_choices(candidate) if u.id == user_id), None)
    if coach is None:
        raise ServiceError(_("Choose a coach of your organisation from the list."), "coach_id")
    candidate.coach_links.append(CandidateCoach(user_id=coach.id))
    db.session.flush()
    log_change(candidate, "team", fields=["coaches"])
    return coach


def remove_coach(candidate: Candidate, user_id: int | None) -> None:
    """Take a coach off the candidate; the last coach stays (a record always has one)."""
    link = next((link for link in candidate.coach_links if link.user_id == user_id), None)
    if link is None:
        raise ServiceError(_("This coach does not work with the candidate."))
    if len(candidate.coach_links) == 1:
        raise ServiceError(_("The candidate must keep at least one coach. Add another coach first."))
    candidate.coach_links.remove(link)
    db.session.flush()
    log_change(candidate, "team", fields=["coaches"])


def link_account(candidate: Candidate, user_id: int | None) -> None:
    """Link the candidate's own login to the record, or unlink it (None)."""
    if user_id is None:
        candidate.user_id = None
    elif any(u.id == user_id for u in account_choices(candidate)):
        candidate.user_id = user_id
    else:
        raise ServiceError(_("Choose a candidate login of your organisation from the list."), "user_id")
    db.session.flush()
    log_change(candidate, "team", fields=["account"])

"""Verifying self-registered organisations, rejecting impostors, and requests to join a registered one.

Services flush and audit; the view commits. Mail goes through portal.mail in
the same request: a mail server that fails makes the decision fail too, so
nobody is accepted without learning it (notices to other people are only
logged when they fail).
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from portal import mail
from portal.accounts import tokens
from portal.accounts.models import Membership, Organisation, User
from portal.accounts.services import find_user, normalise_email
from portal.accounts.sessions import end_all_sessions
from portal.audit.services import record
from portal.db_types import utcnow
from portal.domain import verification as rules
from portal.domain.text import clean_block, clean_line
from portal.errors import ServiceError
from portal.extensions import db
from portal.i18n import in_language
from portal.identity.models import JoinRequest

# What another feature shows the verifier about an organisation of its kind (employers: the profile);
# it registers here, since it imports identity and identity imports no feature above it.
ORGANISATION_DETAILS: dict[str, Callable[[Organisation], object]] = {}

log = logging.getLogger(__name__)

UNVERIFIED_SORTS = {"created": Organisation.created_at, "name": Organisation.name}


# --- verification -------------------------------------------------------------------------------------------

def unverified_query():
    """Active organisations that wait for an administrator's verification (unsorted)."""
    return select(Organisation).where(Organisation.active.is_(True), Organisation.verified_at.is_(None))


def unverified_count() -> int:
    """How many organisations wait for verification."""
    return db.session.scalar(select(func.count()).select_from(unverified_query().subquery())) or 0


def shared_names() -> set[str]:
    """The compared forms of the names that more than one active organisation has."""
    keys = Counter(rules.name_key(n) for n in db.session.scalars(
        select(Organisation.name).where(Organisation.active.is_(True))))
    return {key for key, n in keys.items() if n > 1 and key}


def look_alikes(org: Organisation, name: str | None = None) -> list[Organisation]:
    """Other organisations whose names look the same as this one's (or as `name`), verified ones first."""
    name = org.name if name is None else name
    rows = db.session.execute(select(Organisation.id, Organisation.name).where(Organisation.id != org.id)).all()
    ids = [i for i, other in rows if rules.same_name(other, name)]
    if not ids:
        return []
    return list(db.session.scalars(select(Organisation).where(Organisation.id.in_(ids))
                                   .order_by(Organisation.verified_at.is_(None), Organisation.id)))


def verify(org: Organisation, method: str, note: str, by: User, seen_name: str, seen_business_id: str) -> None:
    """Record that an administrator verified the organisation, and how; refused when the details moved meanwhile."""
    if org.verified_at is not None:
        raise ServiceError(_("This organisation has already been verified."))
    if not org.active:
        raise ServiceError(_("This organisation has been rejected or deactivated, so it cannot be verified."))
    if (seen_name, seen_business_id or None) != (org.name, org.business_id):
        raise ServiceError(_("The organisation's name or business ID changed while you were checking it. "
                             "Check the details shown now and verify again."))
    note = clean_block(note)
    code = rules.verification_problem(method, note)
    if code == "unknown_method":
        raise ServiceError(_("Choose how you verified the organisation."), "method")
    if code == "note_needed":
        raise ServiceError(_("Say in the note how you verified the organisation."), "note")
    if code == "note_too_long":
        raise ServiceError(_("The note can be at most %(max)s characters long.", max=rules.NOTE_MAX), "note")
    alikes = [o.id for o in look_alikes(org)]
    org.mark_verified(method, by, note)
    db.session.flush()
    record("organisation_verified", "organisation", org.id, actor=by, organisation_id=org.id,
           detail={"method": method, "note": note, "name": org.name, "business_id": org.business_id,
                   "same_name_as": alikes})
    _notify_members(org, "verified")


def reject(org: Organisation, note: str, by: User) -> list[User]:
    """Reject an unverified organisation: it and its users are deactivated and its business ID is freed.

    Freeing the ID lets the real organisation register when an impostor took
    its ID first; the audit event keeps the ID. Pending requests to join it
    are declined and their senders told. Returns the deactivated users.
    """
    if org.verified_at is not None:
        raise ServiceError(_("A verified organisation cannot be rejected."))
    if not org.active:
        raise ServiceError(_("This organisation has already been rejected or deactivated."))
    note = clean_block(note)
    if len(note) > rules.NOTE_MAX:
        raise ServiceError(_("The note can be at most %(max)s characters long.", max=rules.NOTE_MAX), "note")
    users = _members(org, only_here=True)
    _notify_members(org, "rejected")
    declined = []
    for request in _pending(org):
        request.state, request.decided_at, request.decided_by_id = "declined", utcnow(), by.id
        declined.append(request.id)
        _mail_requester(request, "removed")
    for user in users:
        user.active = False
        end_all_sessions(user, reason="org_rejected")
    business_id = org.business_id
    org.active, org.business_id = False, None
    db.session.flush()
    record("organisation_rejected", "organisation", org.id, actor=by, organisation_id=org.id,
           detail={"note": note, "name": org.name, "business_id": business_id, "users": [u.id for u in users],
                   "join_requests": declined})
    return users


def _members(org: Organisation, only_here: bool = False) -> list[User]:
    """The organisation's active users (only_here: those who belong to no other organisation)."""
    users = db.session.scalars(select(User).join(Membership, Membership.user_id == User.id)
                               .where(Membership.organisation_id == org.id, User.active.is_(True))
                               .order_by(User.id)).all()
    if only_here:
        users = [u for u in users if all(m.organisation_id == org.id for m in u.memberships)]
    return list(users)


def _notify_members(org: Organisation, what: str) -> None:
    """Tell the organisation's users that it was verified or rejected (a failing mail is only logged)."""
    for user in _members(org):
        with in_language(user.language or "fi"):
            if what == "verified":
                subject = _("Your organisation has been verified on the OTE portal")
                body = _("The portal's administrators have verified %(name)s (%(business_id)s). You can now "
                         "publish roles, receive proposals from job coaches, and candidates can consent to "
                         "sharing their profiles with you.\n\nSign in: %(login)s",
                         name=org.name, business_id=org.business_id or "–",
                         login=url_for("accounts.login", _external=True))
            else:
                subject = _("Your organisation's registration on the OTE portal was rejected")
                body = _("The portal's administrators could not verify that the registration of %(name)s "
                         "(%(business_id)s) was made by the organisation, so it has been removed and your "
                         "account closed.\n\nIf this is a mistake, please contact the portal's administrators.",
                         name=org.name, business_id=org.business_id or "–")
            try:
                mail.send_mail(user.email, subject, body)
            except OSError:
                log.exception("could not tell user %s that organisation %s was %s", user.id, org.id, what)


def require_verified(org: Organisation) -> None:
    """Refuse to act towards an employer that is not verified (proposals to its roles)."""
    if org.verified_at is None or not org.active:
        raise ServiceError(_("%(name)s (%(business_id)s) has not been verified by the portal's administrators, so "
                             "candidates cannot be proposed to its roles.", name=org.name,
                             business_id=org.business_id or "–"))


# --- requests to join ---------------------------------------------------------------------------------------

def _pending(org: Organisation) -> list[JoinRequest]:
    return list(db.session.scalars(select(JoinRequest).where(JoinRequest.organisation_id == org.id,
                                                             JoinRequest.state == "pending")
                                   .order_by(JoinRequest.id)))


def pending_count(organisation_id: int) -> int:
    """How many requests to join the organisation wait for a decision."""
    return db.session.scalar(select(func.count()).select_from(JoinRequest).where(
        JoinRequest.organisation_id == organisation_id, JoinRequest.state == "pending")) or 0


def requests_of(organisation_id: int):
    """The organisation's requests to join (pending first, then newest first)."""
    return (select(JoinRequest).where(JoinRequest.organisation_id == organisation_id)
            .order_by(JoinRequest.state != "pending", JoinRequest.created_at.desc(), JoinRequest.id.desc()))


def request_for(user: User, request_id: int):
    """A select for one request to join the user's own organisation (get_or_404 runs it)."""
    return select(JoinRequest).where(JoinRequest.id == request_id, JoinRequest.organisation_id == user.organisation_id)


def request_to_join(org: Organisation, name: str, email: str, organisation_name: str) -> JoinRequest | None:
    """Ask to join a registered employer; its users are mailed. A second pending request from the
    same address changes nothing (None), so the form cannot be used to flood the organisation."""
    email = normalise_email(email)
    if db.session.scalar(select(JoinRequest.id).where(
            JoinRequest.organisation_id == org.id, JoinRequest.email == email,
            JoinRequest.state == "pending")) is not None:
        return None
    request = JoinRequest(organisation_id=org.id, organisation=org, email=email, name=clean_line(name, 200),
                          organisation_name=clean_line(organisation_name, 200), state="pending")
    db.session.add(request)
    db.session.flush()
    record("join_requested", "join_request", request.id, organisation_id=org.id, detail={"email": email})
    _mail_requester(request, "received")
    link = url_for("identity.join_request", request_id=request.id, _external=True)
    for user in _members(org):
        with in_language(user.language or "fi"):
            try:
                mail.send_mail(user.email, _("A request to join %(name)s on the OTE portal", name=org.name),
                               _("%(person)s (%(email)s) asks to become a user of %(name)s on the OTE portal. "
                                 "Accept only if you know that they act for your organisation: they will be "
                                 "able to do everything you can.\n\nAccept or decline: %(link)s",
                                 person=request.name, email=request.email, name=org.name, link=link))
            except OSError:
                log.exception("could not tell user %s of join request %s", user.id, request.id)
    return request


def decide(request: JoinRequest, accept: bool, by: User) -> User | None:
    """Accept (the requester gets an account and a set-password link) or decline; the requester is mailed.

    Only a user of the same organisation decides. The request is claimed with
    a conditional update, so two users deciding at once cannot both succeed.
    Returns the new user when accepted.
    """
    if by.organisation_id != request.organisation_id or by.role != "employer":
        raise ServiceError(_("Only the users of the organisation decide its requests to join."))
    if not request.organisation.active:
        raise ServiceError(_("The organisation has been deactivated; its requests cannot be accepted."))
    user = None
    if accept and find_user(request.email) is not None:
        raise ServiceError(_("The address %(email)s already has an account on the portal, so it cannot be added "
                             "here. Please contact the portal's administrators.", email=request.email))
    claimed = db.session.execute(
        update(JoinRequest).where(JoinRequest.id == request.id, JoinRequest.state == "pending")
        .values(state="accepted" if accept else "declined", decided_at=utcnow(), decided_by_id=by.id)).rowcount
    if claimed != 1:
        raise ServiceError(_("This request has already been decided."))
    if accept:
        user = User(email=request.email, name=request.name)
        user.memberships.append(Membership(organisation_id=request.organisation_id, role="employer"))
        db.session.add(user)
        db.session.flush()
        request.user_id = user.id
    db.session.flush()
    record("join_accepted" if accept else "join_declined", "join_request", request.id, actor=by,
           organisation_id=request.organisation_id,
           detail={"email": request.email, **({"user": user.id} if user else {})})
    _mail_requester(request, "accepted" if accept else "declined", user)
    return user


def _mail_requester(request: JoinRequest, what: str, user: User | None = None) -> None:
    """Tell the requester that the request arrived, or how it ended (in the language of the page or Finnish)."""
    org = request.organisation
    params = {"name": org.name, "business_id": org.business_id or "–"}
    if what == "received":
        subject = _("Your request to join an organisation on the OTE portal")
        body = _("An organisation with the business ID %(business_id)s is already registered on the OTE portal, "
                 "so no second one was created. Your request to become one of its users has been sent to its "
                 "users. You will get an email when they decide; until then you cannot sign in.\n\n"
                 "If you did not ask for this, you can ignore this message.", **params)
    elif what == "accepted":
        link = url_for("accounts.accept_invitation", token=tokens.make_token(user, "invite"), _external=True)
        subject = _("Your request to join %(name)s was accepted", **params)
        body = _("You are now a user of %(name)s on the OTE portal. Open this link within seven days to "
                 "choose your password:\n%(link)s", link=link, **params)
    elif what == "declined":
        subject = _("Your request to join %(name)s was declined", **params)
        body = _("The users of %(name)s on the OTE portal declined your request to join the organisation. "
                 "If you think this is a mistake, please contact the organisation or the portal's "
                 "administrators.", **params)
    else:  # the organisation was rejected by the administrators
        subject = _("Your request to join an organisation on the OTE portal")
        body = _("The organisation you asked to join (business ID %(business_id)s) was removed from the OTE "
                 "portal by its administrators. If you act for the organisation, you can now register it "
                 "again: %(signup)s", signup=url_for("employers.signup", _external=True), **params)
    mail.send_mail(request.email, subject, body)

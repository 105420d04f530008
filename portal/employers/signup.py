"""Employer self-registration: a new, unverified employer and its first user, or a request to join a known one."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from portal import mail, signals
from portal.accounts import services as accounts
from portal.accounts.models import Membership, Organisation, User
from portal.audit.services import record
from portal.domain.business_id import normalise_business_id
from portal.domain.text import clean_line
from portal.employers.models import EmployerProfile
from portal.errors import ServiceError
from portal.extensions import db
from portal.identity.services import request_to_join


def sign_up(organisation_name: str, business_id: str, contact_name: str, email: str,
            municipality_code: str | None = None) -> str:
    """Register a new, unverified employer, or ask to join the one that has the business ID.

    Returns "created" or "join_requested", decided by the business ID alone
    (business IDs and employers' names are public), so the answer is the same
    whether the address has an account or not: such an address gets a mail
    that tells its owner so, and nothing is created. A business ID never makes
    a second organisation; the users of the one that has it accept or decline
    the request (portal.identity). A new organisation waits for an
    administrator's verification before it can be named in consents, receive
    proposals or publish roles.
    """
    try:
        business_id = normalise_business_id(business_id)
    except ValueError:
        raise ServiceError(_("Give a valid Finnish business ID, for example 1234567-8."), "business_id") from None
    holder = db.session.scalars(select(Organisation).where(Organisation.business_id == business_id)).first()
    if holder is not None and (holder.kind != "employer" or not holder.active):
        raise ServiceError(_("An organisation with this business ID is already registered. Please contact the "
                             "portal's administrators."), "business_id")
    outcome = "join_requested" if holder is not None else "created"
    existing = accounts.find_user(email)
    if existing is not None:
        _mail_existing(existing)
        record("employer_signup_existing_email", "user", existing.id, actor=existing)
        return outcome
    if holder is not None:
        request_to_join(holder, contact_name, email, organisation_name)
        return outcome
    org = Organisation(name=clean_line(organisation_name, 200), kind="employer", business_id=business_id,
                       municipality_code=municipality_code or None)
    user = User(email=accounts.normalise_email(email), name=clean_line(contact_name, 200))
    user.memberships.append(Membership(organisation=org, role="employer"))
    profile = EmployerProfile(organisation=org, contact_name=user.name, contact_email=user.email,
                              contact_phone="", website="", description="", inclusion_statement="")
    db.session.add_all([org, user, profile])
    db.session.flush()
    accounts.send_invitation(user)
    record("employer_signed_up", "organisation", org.id, actor=user, organisation_id=org.id,
           detail={"business_id": business_id, "verified": False})
    signals.organisation_signed_up.send(current_app._get_current_object(), organisation=org, user=user)
    return outcome


def _mail_existing(user: User) -> None:
    from flask import url_for

    mail.send_mail(
        user.email,
        _("Registering an employer on the OTE portal"),
        _("Somebody, perhaps you, tried to register an employer organisation on the OTE portal with this "
          "address. The address already has an account, so nothing new was created.\n\n"
          "Sign in: %(login)s\nForgot your password? %(forgot)s\n\n"
          "If you want to add another organisation, please contact the portal's administrators.",
          login=url_for("accounts.login", _external=True),
          forgot=url_for("accounts.forgot_password", _external=True)),
    )

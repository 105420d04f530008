"""Employer self-registration: a new employer organisation and its first user, invited by mail."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from portal import mail, signals
from portal.accounts import services as accounts
from portal.accounts.models import Membership, Organisation, User
from portal.audit.services import record
from portal.domain.text import clean_line
from portal.employers.models import EmployerProfile
from portal.errors import ServiceError
from portal.extensions import db


def sign_up(organisation_name: str, business_id: str, contact_name: str, email: str) -> User | None:
    """Create the employer organisation and user and mail the set-password link.

    An address that already has an account gets a mail that tells its owner
    so, and nothing is created: the page answers the same either way, so the
    form cannot be used to find out who has an account. A business ID that
    is already registered is refused openly; employers' names are public on
    their roles anyway.
    """
    if db.session.scalar(select(Organisation.id).where(Organisation.business_id == business_id)) is not None:
        raise ServiceError(_("An organisation with this business ID is already registered. Ask one of its "
                             "users to invite you, or contact the portal's administrators."), "business_id")
    existing = accounts.find_user(email)
    if existing is not None:
        _mail_existing(existing)
        record("employer_signup_existing_email", "user", existing.id, actor=existing)
        return None
    org = Organisation(name=clean_line(organisation_name, 200), kind="employer", business_id=business_id)
    user = User(email=accounts.normalise_email(email), name=clean_line(contact_name, 200))
    user.memberships.append(Membership(organisation=org, role="employer"))
    profile = EmployerProfile(organisation=org, contact_name=user.name, contact_email=user.email,
                              contact_phone="", website="", description="", inclusion_statement="")
    db.session.add_all([org, user, profile])
    db.session.flush()
    accounts.send_invitation(user)
    record("employer_signed_up", "organisation", org.id, actor=user, organisation_id=org.id,
           detail={"business_id": business_id})
    signals.organisation_signed_up.send(current_app._get_current_object(), organisation=org, user=user)
    return user


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

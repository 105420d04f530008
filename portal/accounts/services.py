"""Sign-in, password changes and resets: the business actions of accounts."""
from __future__ import annotations

import logging

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from portal import mail
from portal.accounts import passwords, sessions, tokens
from portal.accounts.models import Membership, Organisation, User
from portal.audit.services import record
from portal.db_types import utcnow
from portal.extensions import db

log = logging.getLogger(__name__)

def normalise_email(email: str) -> str:
    """The stored form of an address: trimmed and case-folded."""
    return email.strip().casefold()


def find_user(email: str) -> User | None:
    """The user with this address, whatever its case."""
    return db.session.execute(
        select(User).where(User.email == normalise_email(email))
    ).scalar_one_or_none()


def authenticate(email: str, password: str) -> User | None:
    """The active user these credentials belong to, or None (timing kept alike)."""
    user = find_user(email)
    if user is None or not user.active:
        passwords.verify_password(None, password)
        # Logged without the address or password typed: ids only, enough to follow an attack.
        log.warning("authentication refused: %s", f"inactive user {user.id}" if user else "unknown address")
        return None
    if not passwords.verify_password(user.password_hash, password):
        log.warning("authentication refused: wrong password for user %s", user.id)
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    return user


def log_in(user: User) -> None:
    """Start a fresh session for an authenticated user."""
    sessions.start_session(user)
    record("login", "user", user.id, actor=user)


def set_password(user: User, new_password: str, reason: str) -> None:
    """Store a new password and end every other session of the user."""
    user.password_hash = passwords.hash_password(new_password)
    user.password_changed_at = utcnow()
    sessions.end_all_sessions(user, reason="password", keep=sessions.load_session())
    record(reason, "user", user.id, actor=user)
    if reason != "password_invite":
        _notify_password_changed(user)


def end_other_sessions(user: User, current, only: int | None = None) -> int:
    """End the user's other sessions (or the one with id `only`), audited; returns how many ended."""
    ended = sessions.end_all_sessions(user, reason="user", keep=current, only=only)
    record("sessions_ended", "user", user.id, actor=user, detail={"count": ended})
    return ended


def _notify_password_changed(user: User) -> None:
    """Tell the owner that the password changed, so a change they did not make does not go unseen."""
    try:
        mail.send_mail(
            user.email,
            _("Your password has been changed"),
            _("The password of your OTE portal account was just changed.\n\n"
              "If you did not change it, choose a new password at once with 'Forgot your password?' "
              "on the sign-in page, and tell your organisation's administrator."),
        )
    except OSError:
        # The change itself matters more than the notice about it.
        log.exception("could not send the password-change notice to user %s", user.id)


def send_reset_link(email: str) -> None:
    """Mail a reset link if the address belongs to an active user; silent otherwise."""
    user = find_user(email)
    if user is None or not user.active:
        return
    link = url_for("accounts.reset_password", token=tokens.make_token(user, "reset"), _external=True)
    mail.send_mail(
        user.email,
        _("Reset your password"),
        _("Open this link within an hour to choose a new password:\n%(link)s\n\n"
          "If you did not ask for it, you can ignore this message.", link=link),
    )


def send_invitation(user: User) -> str:
    """Mail an invitation link with which the user sets a first password."""
    link = url_for("accounts.accept_invitation", token=tokens.make_token(user, "invite"), _external=True)
    mail.send_mail(
        user.email,
        _("You have been invited to the OTE portal"),
        _("Open this link within seven days to choose your password:\n%(link)s", link=link),
    )
    return link


def members(org: Organisation) -> list[User]:
    """The organisation's users, by name."""
    return list(db.session.scalars(select(User).join(Membership).where(Membership.organisation_id == org.id)
                                   .order_by(User.name)))

"""Signed, expiring, single-use tokens for password resets and invitations."""
from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.accounts.models import User
from portal.extensions import db

PURPOSES = {"reset": "PASSWORD_RESET_MAX_AGE", "invite": "INVITATION_MAX_AGE"}


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"ote-{purpose}")


def _fingerprint(user: User) -> str:
    """Changes whenever the password does, which makes every older token void."""
    basis = f"{user.password_hash or ''}|{user.password_changed_at or ''}|{user.active}"
    return hashlib.sha256(basis.encode()).hexdigest()[:20]


def make_token(user: User, purpose: str) -> str:
    """A token that lets the bearer set this user's password once."""
    return _serializer(purpose).dumps([user.id, _fingerprint(user)])


def read_token(token: str, purpose: str) -> User | None:
    """The user a valid, unexpired, unused token was made for, else None."""
    max_age = current_app.config[PURPOSES[purpose]]
    try:
        user_id, fingerprint = _serializer(purpose).loads(token, max_age=max_age)
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        return None
    user = db.session.get(User, user_id)
    if user is None or not user.active or _fingerprint(user) != fingerprint:
        return None
    return user

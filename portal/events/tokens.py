"""The signed token of a sign-up's confirmation link (like portal.accounts.tokens); it names the sign-up and address."""
from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.events.models import Registration
from portal.extensions import db


def _confirm_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="ote-event-confirm")


def _fingerprint(registration: Registration) -> str:
    return hashlib.sha256(f"{registration.event_id}|{registration.email}".encode()).hexdigest()[:20]


def confirm_token(registration: Registration) -> str:
    """The signed token of the confirmation link (valid while the sign-up is pending)."""
    return _confirm_serializer().dumps([registration.id, _fingerprint(registration)])


def by_confirm_token(token: str) -> Registration | None:
    """The sign-up a valid confirmation token was made for, else None."""
    max_age = int(current_app.config["EVENT_CONFIRM_HOLD"].total_seconds())
    try:
        registration_id, fingerprint = _confirm_serializer().loads(token, max_age=max_age)
        registration = db.session.get(Registration, int(registration_id))
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        return None
    if registration is None or _fingerprint(registration) != fingerprint:
        return None
    return registration

"""Browsers known to an account: a signed cookie, set when the account signs in there, lifting the account-wide limit.

Failed sign-ins are limited per address and, from all addresses together,
per account (portal.accounts.views). The account-wide limit is what an
attacker with many addresses could use to lock the owner out; a browser that
has signed in to the account before (or reset its password from the mail)
carries this cookie and is not held back by it. The cookie names accounts by
a keyed digest of the address, never the address itself, and proves nothing
else: the password is still checked, and the per-address limit still holds.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_AGE = 180 * 24 * 3600
KEEP = 5  # accounts remembered by one browser (a shared computer)


def _name() -> str:
    return "__Host-ote_device" if current_app.config.get("SESSION_COOKIE_SECURE") else "ote_device"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="ote-login-device")


def _digest(email: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, email.strip().casefold().encode(), hashlib.sha256).hexdigest()[:24]


def _known() -> list[str]:
    raw = request.cookies.get(_name())
    if not raw:
        return []
    try:
        found = _serializer().loads(raw, max_age=MAX_AGE)
    except (BadSignature, ValueError, TypeError):
        return []
    return [d for d in found if isinstance(d, str)] if isinstance(found, list) else []


def is_known(email: str) -> bool:
    """Whether this browser has signed in to the account with this address before."""
    return bool(email) and _digest(email) in _known()


def remember(response, email: str):
    """Mark the browser as one the account has signed in from (kept 180 days); returns the response."""
    digest = _digest(email)
    known = [digest] + [d for d in _known() if d != digest][:KEEP - 1]
    response.set_cookie(_name(), _serializer().dumps(known), max_age=MAX_AGE, path="/",
                        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")), httponly=True, samesite="Lax")
    return response

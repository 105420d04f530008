"""Server-side sign-in sessions: renewed at login, ended for real at logout.

The signed cookie holds only a random token; the database keeps its hash with
the times that decide expiry (30 minutes idle, 12 hours in all). Ending the
record is what logs out, so a cookie copied before logout opens nothing after.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask import current_app, g, session
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from portal.accounts.models import User, UserSession
from portal.db_types import utcnow
from portal.extensions import db

SESSION_KEY = "sid"
# Harmless choices a visitor made before signing in, kept across the new
# session (never identity): the language, and features may add theirs.
CARRIED_OVER = {"lang"}


def token_hash(token: str) -> str:
    """The stored form of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> UserSession:
    """Sign the user in with a fresh token; whatever the old cookie held is dropped."""
    kept = {key: session[key] for key in CARRIED_OVER if key in session}
    session.clear()
    token = secrets.token_urlsafe(32)
    record = UserSession(token_hash=token_hash(token), user_id=user.id)
    db.session.add(record)
    user.last_login_at = utcnow()
    session[SESSION_KEY] = token
    session.update(kept)
    session.permanent = True
    g.user_session = record
    return record


def expired(record: UserSession, now: datetime) -> str | None:
    """Why a session can no longer be used ('ended', 'idle', 'absolute'), or None."""
    cfg = current_app.config
    if record.ended_at is not None:
        return "ended"
    if now - record.last_seen_at > cfg["SESSION_IDLE_TIMEOUT"]:
        return "idle"
    if now - record.created_at > cfg["SESSION_ABSOLUTE_TIMEOUT"]:
        return "absolute"
    return None


def load_session(now: datetime | None = None) -> UserSession | None:
    """The live session named by the cookie, touched; None (and cookie cleared) otherwise."""
    if "user_session" in g:
        return g.user_session
    token = session.get(SESSION_KEY)
    g.user_session = None
    if not token:
        return None
    now = now or utcnow()
    # One statement for the session, its user and the memberships that give the role: every signed-in
    # page needs all three, and the memberships' own selectin load cost a second round trip.
    record = db.session.execute(
        select(UserSession).where(UserSession.token_hash == token_hash(token))
        .options(joinedload(UserSession.user).joinedload(User.memberships))
    ).unique().scalar_one_or_none()
    reason = "unknown" if record is None else expired(record, now)
    if reason is None and not record.user.active:
        reason = "inactive"
    if reason is not None:
        if record is not None and record.ended_at is None:
            record.ended_at, record.end_reason = now, reason
            db.session.commit()
        session.pop(SESSION_KEY, None)
        g.session_ended = reason
        return None
    if now - record.last_seen_at > current_app.config["SESSION_TOUCH_INTERVAL"]:
        # Touch at most once a minute: idle time stays exact to the minute
        # without a write on every request.
        record.last_seen_at = now
        db.session.commit()
    g.user_session = record
    return record


def end_session(reason: str = "logout") -> None:
    """End the current session in the database and forget the cookie."""
    record = load_session()
    if record is not None:
        record.ended_at, record.end_reason = utcnow(), reason
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    g.user_session = None


def end_all_sessions(user: User, reason: str, keep: UserSession | None = None,
                     only: int | None = None) -> int:
    """End every live session of a user (but `keep`; or just the one with id `only`); returns how many ended."""
    stmt = (
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
        .values(ended_at=utcnow(), end_reason=reason)
    )
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep.id)
    if only is not None:
        stmt = stmt.where(UserSession.id == only)
    return db.session.execute(stmt).rowcount


def live_sessions(user: User, now: datetime | None = None) -> list[UserSession]:
    """The user's sessions that still open pages, most recently used first."""
    now = now or utcnow()
    records = db.session.scalars(
        select(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    ).all()
    return [r for r in records if expired(r, now) is None]

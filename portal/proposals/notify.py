"""Notifications: stored for the portal's own list (with unread counts), and passed to pluggable channels.

A channel is a function ``channel(message)`` (a ``Message``: plain data, since the
session cannot be read after its commit) registered with
``register_channel``; it runs only after the transaction that made the
notification commits, so a refused action never sends anything. The e-mail
channel is registered when ``NOTIFY_BY_EMAIL`` is set; it writes the message
in the reader's own language and links to the portal, never carrying more
than the pseudonymous code.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app, has_app_context, url_for
from flask_babel import force_locale
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from portal.accounts.models import Membership, User
from portal.coaching.models import CandidateCoach
from portal.db_types import utcnow
from portal.extensions import db
from portal.mail import send_mail
from portal.proposals.models import Notification


@dataclass(frozen=True)
class Message:
    """A committed notification as the channels get it."""

    user_id: int
    email: str
    language: str | None
    kind: str
    params: dict
    proposal_id: int | None
    placement_id: int | None


Channel = Callable[[Message], None]
_CHANNELS: list[Channel] = []
_QUEUE_KEY = "portal_notifications"


def register_channel(channel: Channel) -> Channel:
    """Add a delivery channel (usable as a decorator)."""
    if channel not in _CHANNELS:
        _CHANNELS.append(channel)
    return channel


def unregister_channel(channel: Channel) -> None:
    """Remove a delivery channel (tests use this)."""
    if channel in _CHANNELS:
        _CHANNELS.remove(channel)


def employer_users(organisation_id: int) -> list[User]:
    """The active employer users of an organisation."""
    return list(db.session.scalars(select(User).join(Membership).where(
        Membership.organisation_id == organisation_id, Membership.role == "employer", User.active.is_(True))
        .order_by(User.id)))


def coaches_of(candidate_id: int) -> list[User]:
    """The candidate's coaches."""
    return list(db.session.scalars(select(User).join(CandidateCoach, CandidateCoach.user_id == User.id).where(
        CandidateCoach.candidate_id == candidate_id, User.active.is_(True)).order_by(User.id)))


def notify(users: Iterable[User], kind: str, *, proposal_id: int | None = None, placement_id: int | None = None,
           params: dict | None = None, actor=None) -> list[Notification]:
    """Store a notification for each user (never for the one who acted) and queue it for the channels."""
    made = []
    for user in {u.id: u for u in users}.values():
        if actor is not None and user.id == getattr(actor, "id", None):
            continue
        note = Notification(user_id=user.id, kind=kind, proposal_id=proposal_id, placement_id=placement_id,
                            params=params or {})
        db.session.add(note)
        made.append(note)
        db.session.info.setdefault(_QUEUE_KEY, []).append(Message(
            user.id, user.email, user.language, kind, dict(params or {}), proposal_id, placement_id))
    db.session.flush()
    return made


def unread_count(user) -> int:
    """How many of the user's notifications are unread."""
    return db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def notifications_query(user, unread_only: bool = False):
    """The user's notifications, unread first, newest first."""
    stmt = select(Notification).where(Notification.user_id == user.id)
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    return stmt.order_by(Notification.read_at.is_not(None), Notification.id.desc())


def mark_read(user, proposal_id: int | None = None, placement_id: int | None = None) -> int:
    """Mark the user's notifications about a proposal or a placement (or all of them) as read; returns how many."""
    stmt = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if proposal_id is not None:
        stmt = stmt.where(Notification.proposal_id == proposal_id)
    if placement_id is not None:
        stmt = stmt.where(Notification.placement_id == placement_id)
    return db.session.execute(stmt.values(read_at=utcnow()).execution_options(synchronize_session=False)).rowcount


def target_url(note: Notification, role: str) -> str:
    """Where a notification leads its reader (their own page of the proposal or placement)."""
    if note.placement_id is not None:
        return url_for("placements.detail", placement_id=note.placement_id)
    if note.proposal_id is not None:
        endpoint = "proposals.employer_detail" if role == "employer" else "proposals.coach_detail"
        return url_for(endpoint, proposal_id=note.proposal_id)
    return url_for("proposals.notifications")


def email_channel(message: Message) -> None:
    """Send a notification by e-mail in the reader's language, with a link to the portal."""
    from flask_babel import gettext as _

    from portal.proposals.texts import notification_text

    with force_locale(message.language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = notification_text(message)
        subject = _("New notification in the OTE portal")
    # Built from PUBLIC_URL, also when a command (no request) sends it.
    link = url_for("proposals.notifications", _external=True)
    send_mail(message.email, subject, f"{text}\n\n{link}")


def _deliver(session: Session) -> None:
    queued = session.info.pop(_QUEUE_KEY, [])
    if not queued or not has_app_context():
        return
    channels = list(_CHANNELS)
    if current_app.config.get("NOTIFY_BY_EMAIL"):
        channels.append(email_channel)
    for message in queued:
        for channel in channels:
            try:
                channel(message)
            except Exception:  # a channel that fails must not undo what was committed
                current_app.logger.exception("notification channel %s failed", getattr(channel, "__name__", channel))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    _deliver(session)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the whole transaction, not a savepoint
        session.info.pop(_QUEUE_KEY, None)

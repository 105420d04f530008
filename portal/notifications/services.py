"""Making, listing and reading notifications, and each user's choice of how to hear of them."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import Membership, User
from portal.audit.services import record
from portal.db_types import utcnow
from portal.domain.notices import delivery_or_default
from portal.extensions import db
from portal.notifications.delivery import queue
from portal.notifications.models import Notification, NotificationPreference


def employer_users(organisation_id: int) -> list[User]:
    """The active employer users of an organisation."""
    return list(db.session.scalars(select(User).join(Membership).where(
        Membership.organisation_id == organisation_id, Membership.role == "employer", User.active.is_(True))
        .order_by(User.id)))


def deliveries_of(user_ids: Iterable[int]) -> dict[int, str]:
    """user id -> how they chose to hear (one query)."""
    ids = list(user_ids)
    rows = db.session.execute(select(NotificationPreference.user_id, NotificationPreference.delivery)
                              .where(NotificationPreference.user_id.in_(ids))).all() if ids else []
    chosen = dict(rows)
    return {i: delivery_or_default(chosen.get(i)) for i in ids}


def notify(users: Iterable[User | None], kind: str, *, proposal_id: int | None = None,
           placement_id: int | None = None, params: dict | None = None, actor=None,
           key: str | None = None) -> list[Notification]:
    """Store a notification for each user (never the one who acted) and queue the mail of those who want it.

    With a key, a user who already has a notification of that key gets none (a dated notice, once).
    """
    people = {u.id: u for u in users if u is not None and u.id != getattr(actor, "id", None)}
    deliveries = deliveries_of(people)
    made = []
    for user in people.values():
        note = Notification(user_id=user.id, kind=kind, proposal_id=proposal_id, placement_id=placement_id,
                            params=params or {}, delivery=deliveries[user.id], dedupe_key=key)
        if key is not None:
            try:
                with db.session.begin_nested():  # a simultaneous run that made it first wins
                    db.session.add(note)
            except IntegrityError:
                continue
        else:
            db.session.add(note)
        made.append(note)
    db.session.flush()
    for note in made:
        queue(note, people[note.user_id])
    return made


def already_made(keys: Iterable[str]) -> set[tuple[int, str]]:
    """(user id, key) of the dated notices already made, for those keys (one query)."""
    wanted = list(set(keys))
    if not wanted:
        return set()
    rows = db.session.execute(select(Notification.user_id, Notification.dedupe_key)
                              .where(Notification.dedupe_key.in_(wanted))).all()
    return {(u, k) for u, k in rows}


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


def own_notification(user, notification_id: int) -> Notification | None:
    """One of the user's own notifications, or None (another user's is never found)."""
    return db.session.scalar(select(Notification).where(Notification.id == notification_id,
                                                        Notification.user_id == user.id))


def mark_read(user, proposal_id: int | None = None, placement_id: int | None = None,
              notification_id: int | None = None) -> int:
    """Mark the user's notifications about a proposal, a placement, one by id, or all as read; returns how many."""
    stmt = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if proposal_id is not None:
        stmt = stmt.where(Notification.proposal_id == proposal_id)
    if placement_id is not None:
        stmt = stmt.where(Notification.placement_id == placement_id)
    if notification_id is not None:
        stmt = stmt.where(Notification.id == notification_id)
    return db.session.execute(stmt.values(read_at=utcnow()).execution_options(synchronize_session=False)).rowcount


def delivery_of(user) -> str:
    """How the user chose to hear of notifications."""
    return deliveries_of([user.id])[user.id]


def set_delivery(user, delivery: str) -> bool:
    """Save the user's choice, audited; returns whether it changed (the caller commits)."""
    before = delivery_of(user)
    if before == delivery:
        return False
    row = db.session.get(NotificationPreference, user.id)
    if row is None:
        db.session.add(NotificationPreference(user_id=user.id, delivery=delivery))
    else:
        row.delivery = delivery
    record("notification_delivery_changed", "user", user.id, actor=user, organisation_id=user.organisation_id,
           detail={"from": before, "to": delivery})
    return True

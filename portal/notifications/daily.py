"""The daily run (`flask notifications daily`): the dated notices of each feature, then the digests.

Safe to run from cron as often as wished: a dated notice is made once per
object and date (its key), and a digest takes only notifications not mailed
before, marking them in the same transaction, so a second run the same day
sends nothing twice.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import groupby

from sqlalchemy import select

from portal.accounts.models import User
from portal.db_types import utcnow
from portal.extensions import db
from portal.notifications.delivery import Letter, mail_on, send_digest
from portal.notifications.models import Notification

# name -> function(today) -> how many notices it made; each feature registers its own.
_DAILY: dict[str, Callable[[date], int]] = {}


def register_daily(name: str, job: Callable[[date], int]) -> None:
    """Add a feature's dated notices to the daily run."""
    _DAILY[name] = job


def dated_notices(today: date) -> dict[str, int]:
    """Run every feature's dated notices for the day; the caller commits."""
    return {name: job(today) for name, job in sorted(_DAILY.items())}


def due_digests() -> list[tuple[User, list[Notification]]]:
    """Each reader of the daily digest with their unread notifications not mailed yet, oldest first."""
    rows = db.session.execute(select(Notification, User).join(User, User.id == Notification.user_id).where(
        Notification.delivery == "daily", Notification.mailed_at.is_(None), Notification.read_at.is_(None),
        User.active.is_(True)).order_by(Notification.user_id, Notification.id)).all()
    return [(user, [note for note, _user in group]) for user, group in groupby(rows, key=lambda r: r[1])]


def send_digests() -> int:
    """Mail the digests due (marking their notifications first); returns how many mails went."""
    if not mail_on():
        return 0
    due = due_digests()
    now = utcnow()
    letters = []
    for user, notes in due:
        for note in notes:
            note.mailed_at = now
        letters.append((user.email, user.language,
                        [Letter(n.id, user.email, user.language, n.kind, dict(n.params or {})) for n in notes]))
    db.session.commit()  # marked before sending: a crash while mailing never mails the same twice
    for email, language, items in letters:
        send_digest(email, language, items)
    return len(letters)


def run(today: date) -> dict[str, int]:
    """The whole daily run: dated notices (committed, immediate mails go out), then the digests."""
    made = dated_notices(today)
    db.session.commit()
    made["digests"] = send_digests()
    return made

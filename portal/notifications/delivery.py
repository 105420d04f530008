"""Mail of notifications: one at once after the commit that made it, or a daily digest, in the reader's language.

A mail runs only after the transaction that made its notification commits, so
a refused action never sends anything, and it carries what the portal's own
list shows: the sentence (a pseudonymous code at most, never a name or health
data) and a link; the page behind the link checks access again. Sessions cannot
be read after their commit, so what a mail needs is copied into a ``Letter``.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext as _
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.db_types import utcnow
from portal.domain.notices import mailed_at_once
from portal.extensions import db
from portal.i18n import in_language
from portal.mail import mail_link, send_mail
from portal.notifications.kinds import subject_of, text_of

_QUEUE_KEY = "portal_notifications"


@dataclass(frozen=True)
class Letter:
    """One notification as its mail needs it (plain data: readable after the commit)."""

    notification_id: int
    email: str
    language: str | None
    kind: str
    params: dict


def mail_on() -> bool:
    """Whether notifications go out by mail at all (NOTIFY_BY_EMAIL)."""
    return bool(current_app.config.get("NOTIFY_BY_EMAIL"))


def queue(note, user) -> None:
    """Queue the mail of a new notification when its reader hears of them at once."""
    if not mailed_at_once(note.delivery, mail_on()):
        return
    note.mailed_at = utcnow()
    db.session.info.setdefault(_QUEUE_KEY, []).append(
        Letter(note.id, user.email, user.language, note.kind, dict(note.params or {})))


def _footer() -> str:
    return _("You get this mail because of your choice in the notification settings: %(url)s",
             url=mail_link("notifications.settings"))


def _language(letter_language: str | None) -> str:
    return letter_language or current_app.config["BABEL_DEFAULT_LOCALE"]


def _link(letter: Letter) -> str:
    return mail_link("notifications.follow", notification_id=letter.notification_id)


def send_one(letter: Letter) -> None:
    """Mail one notification in its reader's language, with a link to it in the portal."""
    with in_language(_language(letter.language)):
        open_it = _("Open it in the portal:")
        body = f"{text_of(letter)}\n\n{open_it} {_link(letter)}\n\n-- \n{_footer()}"
        send_mail(letter.email, subject_of(letter), body)


def send_digest(email: str, language: str | None, letters: list[Letter]) -> None:
    """Mail one day's notifications of a reader as one message."""
    with in_language(_language(language)):
        lines = [f"- {text_of(letter)}\n  {_link(letter)}" for letter in letters]
        intro = _("Your notifications in the OTE portal since the last summary:")
        body = "\n\n".join([intro, "\n".join(lines), f"-- \n{_footer()}"])
        send_mail(email, _("Daily summary of the OTE portal"), body)


def _deliver(session: Session) -> None:
    queued = session.info.pop(_QUEUE_KEY, [])
    if not queued or not has_app_context():
        return
    for letter in queued:
        try:
            send_one(letter)
        except Exception:  # a mail that fails must not undo what was committed; the portal's list still has it
            current_app.logger.exception("notification mail %s failed", letter.notification_id)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    _deliver(session)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the whole transaction, not a savepoint
        session.info.pop(_QUEUE_KEY, None)

"""Access rules of the notification pages: each user reaches their own notifications only.

The world's coach has one notification of a follow-up due; a notification's
address given to anybody else (another role, another organisation, a second
coach or candidate of the home organisations) is a 404, never a redirect to
what it concerns.
"""
from __future__ import annotations

from portal import clock
from portal.extensions import db
from portal.notifications.models import Notification
from tests.access import Route

USERS = ("coach", "employer", "candidate", "officer")
# Everybody but the owner (the world's coach) who may use the list at all.
NOT_OWNER = ("employer", "candidate", "officer", "second_coach", "second_candidate")


def build(world) -> None:
    note = Notification(user_id=world.users["coach"].id, kind="follow_up_due", delivery="portal",
                        params={"code": "OTE-WORLD", "date": clock.today().isoformat(),
                                "candidate": world.ids["candidate"]})
    db.session.add(note)
    db.session.flush()
    world.ids["notification"] = note.id


def _note(w):
    return {"notification_id": w.ids["notification"]}


ROUTES = [
    Route("notifications.index", USERS),
    Route("notifications.index", USERS, query=lambda w: {"unread": "1", "page": "2"}),
    Route("notifications.follow", USERS, params=_note, scoped=True, not_for=NOT_OWNER, ok=(302,), browser=False),
    Route("notifications.mark_one_read", USERS, method="POST", params=_note, scoped=True, not_for=NOT_OWNER,
          ok=(302,)),
    Route("notifications.mark_all_read", USERS, method="POST", ok=(302,)),
    Route("notifications.settings", USERS),
    Route("notifications.settings", USERS, method="POST", data=lambda w: {"delivery": "daily"}),
]

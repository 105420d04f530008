"""Access rules of events: public pages and sign-up, the organiser's pages and export."""
from __future__ import annotations

from datetime import timedelta

from portal.db_types import utcnow
from portal.events.models import Event, Registration
from portal.events.services import confirm_token, token_hash
from portal.extensions import db
from tests.access import PUBLIC, Route

CANCEL_TOKEN = "world-cancel-token"
ORGANISER = ("admin",)  # the organising organisation's editors; cross-organisation cases in tests/web


def _event(w):
    return {"event_id": w.ids["event"]}


ROUTES = [
    Route("events.index", PUBLIC),
    Route("events.event", PUBLIC, params=_event),
    # The first sign-up succeeds; the same email again is refused with 409.
    Route("events.register", PUBLIC, method="POST", params=_event, ok=(302, 409),
          data=lambda w: {"name": "Visitor", "email": "visitor@example.com"}),
    Route("events.calendar", PUBLIC, params=_event, kind="file"),
    Route("events.confirm", PUBLIC, params=lambda w: {"token": w.ids["event_confirm_token"]}),
    # The first confirmation takes the seat; the link is then spent (404 with a page that says so).
    Route("events.confirm", PUBLIC, method="POST", params=lambda w: {"token": w.ids["event_confirm_token"]},
          ok=(302, 404)),
    Route("events.cancel", PUBLIC, params=lambda w: {"token": CANCEL_TOKEN}),
    # The first cancellation succeeds; the link is then spent (404 with a page that says so).
    Route("events.cancel", PUBLIC, method="POST", params=lambda w: {"token": CANCEL_TOKEN}, ok=(302, 404)),
    Route("events.manage", ORGANISER),
    Route("events.new", ORGANISER),
    Route("events.new", ORGANISER, method="POST"),
    Route("events.edit", ORGANISER, params=_event),
    Route("events.edit", ORGANISER, method="POST", params=_event),
    Route("events.publish", ORGANISER, params=_event),
    Route("events.publish", ORGANISER, method="POST", params=_event, ok=(302,)),
    Route("events.registrations", ORGANISER, params=_event),
    Route("events.export_registrations", ORGANISER, params=_event, kind="file"),
]


def build(world) -> None:
    """A published event of the operator with one registration whose cancellation token is known."""
    start = utcnow().replace(microsecond=0) + timedelta(days=30)
    event = Event(organisation_id=world.orgs["operator"].id, created_by_id=world.users["admin"].id,
                  campaign_id=world.ids.get("campaign"), title_fi="Rekrytointiaamu", title_en="Recruitment morning",
                  description_fi="Tule tapaamaan.", starts_at=start, ends_at=start + timedelta(hours=2),
                  place="Kirjasto", capacity=50, taken=1, published=True)
    db.session.add(event)
    db.session.flush()
    db.session.add(Registration(event_id=event.id, name="Maija Meikäläinen", email="maija@example.com",
                                language="fi", token_hash=token_hash(CANCEL_TOKEN), confirmed_at=utcnow()))
    pending = Registration(event_id=event.id, name="Matti Meikäläinen", email="matti@example.com", language="fi",
                           token_hash=token_hash("world-pending"), expires_at=utcnow() + timedelta(hours=24))
    db.session.add(pending)
    db.session.flush()
    world.ids["event"] = event.id
    world.ids["event_confirm_token"] = confirm_token(pending)

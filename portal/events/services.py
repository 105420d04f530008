"""Events: save and publish; sign up within capacity, even under concurrent sign-ups; cancel."""
from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from portal.audit.services import record
from portal.campaigns.access import owned_by_user
from portal.db_types import utcnow
from portal.domain import events as rules
from portal.errors import ServiceError
from portal.events.models import Event, Registration
from portal.extensions import db
from portal.versions import note

HELSINKI = ZoneInfo("Europe/Helsinki")
LANGS = ("fi", "sv", "en")
SORTS = {"starts": Event.starts_at, "title": Event.title_fi, "taken": Event.taken}


def helsinki_to_utc(day: date, clock: time) -> datetime:
    """A wall-clock time in Helsinki as an aware UTC datetime (summer time included)."""
    from datetime import timezone
    return datetime.combine(day, clock, tzinfo=HELSINKI).astimezone(timezone.utc)


def in_helsinki(moment: datetime) -> datetime:
    """An aware datetime shown on Helsinki's clock."""
    return moment.astimezone(HELSINKI)


def token_hash(token: str) -> str:
    """The stored form of a cancellation token."""
    return hashlib.sha256(token.encode()).hexdigest()


def manage_query():
    """Events the current editor may manage (unsorted)."""
    return select(Event).where(owned_by_user(Event.organisation_id))


def managed(event_id: int):
    """A select for one event within the editor's scope."""
    return select(Event).where(Event.id == event_id, owned_by_user(Event.organisation_id))


def save_event(event: Event | None, data: dict) -> Event:
    """Create or update an event from form data (times typed in Helsinki time)."""
    starts = helsinki_to_utc(data["start_date"], data["start_time"])
    ends = helsinki_to_utc(data.get("end_date") or data["start_date"], data["end_time"])
    if rules.duration_problem(starts, ends):
        raise ServiceError(_("The event must end after it starts."), "end_time")
    if not (data.get("place") or "").strip() and not (data.get("online_url") or "").strip():
        raise ServiceError(_("Give a place or an online link."), "place")
    if (data.get("online_url") or "").strip() and not data["online_url"].strip().lower().startswith(
            ("https://", "http://")):
        raise ServiceError(_("The online link must begin with https://."), "online_url")
    if event is not None and data["capacity"] < event.taken:
        raise ServiceError(_("%(n)s people have signed up already; the capacity cannot be smaller.",
                             n=event.taken), "capacity")
    creating = event is None
    if creating:
        event = Event(organisation_id=current_user.organisation_id, created_by_id=current_user.id, taken=0)
        db.session.add(event)
    for field in ("title", "description"):
        for lang in LANGS:
            setattr(event, f"{field}_{lang}", (data.get(f"{field}_{lang}") or "").strip())
    event.starts_at, event.ends_at = starts, ends
    event.place, event.online_url = (data.get("place") or "").strip(), (data.get("online_url") or "").strip()
    event.capacity, event.campaign_id = data["capacity"], data.get("campaign_id") or None
    db.session.flush()
    record("event_created" if creating else "event_updated", "event", event.id,
           organisation_id=event.organisation_id)
    return event


def set_published(event: Event, published: bool) -> None:
    """Open or close the event's page and sign-up."""
    event.published = published
    record("event_published" if published else "event_unpublished", "event", event.id,
           organisation_id=event.organisation_id)


def refusal_messages() -> dict[str, str]:
    """The text of each reason a sign-up is refused."""
    return {
        "not_open": _("Sign-up for this event is not open."),
        "started": _("The event has already started; sign-up is closed."),
        "full": _("The event is full. No seats are left."),
        "duplicate": _("This email address has already signed up for the event."),
    }


def register(event_id: int, name: str, email: str, language: str) -> tuple[Registration, str]:
    """Take a seat and record the sign-up; returns it with the cancellation token.

    The seat is taken by one conditional UPDATE (taken < capacity, still open,
    not started): the database decides between concurrent sign-ups, so the
    capacity is never exceeded; the check constraint on the table backs it up.
    The caller commits, or rolls back on ServiceError.
    """
    now = utcnow()
    email = email.strip().casefold()
    event = db.session.get(Event, event_id)
    refusal = rules.registration_refusal(event.published, event.starts_at, now, event.capacity, event.taken)
    if refusal:
        raise ServiceError(refusal_messages()[refusal])
    if db.session.scalar(select(Registration.id).where(Registration.event_id == event_id,
                                                       Registration.email == email)):
        raise ServiceError(refusal_messages()["duplicate"], "email")
    taken = db.session.execute(
        update(Event).where(Event.id == event_id, Event.taken < Event.capacity, Event.published.is_(True),
                            Event.starts_at > now)
        .values(taken=Event.taken + 1).execution_options(synchronize_session=False))
    if taken.rowcount != 1:
        raise ServiceError(refusal_messages()["full"])
    note("public")  # the front page marks a full event; this Core update passes the ORM's notice
    token = secrets.token_urlsafe(32)
    registration = Registration(event_id=event_id, name=name.strip(), email=email, language=language,
                                token_hash=token_hash(token))
    db.session.add(registration)
    try:
        db.session.flush()
    except IntegrityError:
        raise ServiceError(refusal_messages()["duplicate"], "email") from None
    record("event_registration", "event", event_id, actor=None, organisation_id=event.organisation_id,
           detail={"registration": registration.id})
    return registration, token


def by_token(token: str):
    """A select for the registration a cancellation token belongs to."""
    return select(Registration).where(Registration.token_hash == token_hash(token))


def cancel(registration: Registration) -> None:
    """Cancel a sign-up and free its seat."""
    event_id = registration.event_id
    db.session.execute(update(Event).where(Event.id == event_id, Event.taken > 0)
                       .values(taken=Event.taken - 1).execution_options(synchronize_session=False))
    note("public")
    record("event_registration_cancelled", "event", event_id, actor=None,
           organisation_id=registration.event.organisation_id, detail={"registration": registration.id})
    db.session.delete(registration)


def registrations_query(event: Event):
    """The sign-ups of one event, in the order they came."""
    return (select(Registration).where(Registration.event_id == event.id)
            .order_by(Registration.created_at, Registration.id))


def upcoming_query(now: datetime):
    """Published events that have not ended, soonest first."""
    return (select(Event).where(Event.published.is_(True), Event.ends_at > now)
            .order_by(Event.starts_at, Event.id))


def upcoming_for_campaign(campaign_id: int, now: datetime, limit: int = 5) -> list[Event]:
    """A campaign's next events."""
    return list(db.session.scalars(upcoming_query(now).where(Event.campaign_id == campaign_id).limit(limit)))


def upcoming(now: datetime, limit: int = 5) -> list[Event]:
    """The next events of the portal (for the home page)."""
    return list(db.session.scalars(upcoming_query(now).limit(limit)))


def published_event(event_id: int):
    """A select for a published event."""
    return select(Event).where(Event.id == event_id, Event.published.is_(True))


def managed_by_organiser(event_id: int):
    """A select for an event of the user's own organisation: sign-ups are the organiser's alone."""
    return select(Event).where(Event.id == event_id, Event.organisation_id == current_user.organisation_id)

"""Events: save and publish; sign up, confirm by email within capacity (even when concurrent); cancel."""
from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, date, datetime, time

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from limits import parse
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from portal.audit.services import record
from portal.campaigns.access import owned_by_user
from portal.clock import HELSINKI
from portal.db_types import utcnow
from portal.domain import events as rules
from portal.domain.text_language import content_language
from portal.errors import ServiceError
from portal.events.models import Event, Registration
from portal.events.tokens import by_confirm_token, confirm_token  # noqa: F401  (the views' and tests' entry)
from portal.extensions import db, limiter
from portal.i18n import author_language
from portal.versions import note

LANGS = ("fi", "sv", "en")
SORTS = {"starts": Event.starts_at, "title": Event.title_fi, "taken": Event.taken}


def helsinki_to_utc(day: date, clock: time) -> datetime:
    """A wall-clock time in Helsinki as an aware UTC datetime (summer time included)."""
    return datetime.combine(day, clock, tzinfo=HELSINKI).astimezone(UTC)


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
        raise ServiceError(ngettext("%(num)s person has signed up already; the capacity cannot be smaller.",
                                    "%(num)s people have signed up already; the capacity cannot be smaller.",
                                    event.taken), "capacity")
    creating = event is None
    if creating:
        event = Event(organisation_id=current_user.organisation_id, created_by_id=current_user.id, taken=0)
        db.session.add(event)
    for field in ("title", "description"):
        for lang in LANGS:
            setattr(event, f"{field}_{lang}", (data.get(f"{field}_{lang}") or "").strip())
    event.starts_at, event.ends_at = starts, ends
    event.place, event.online_url = (data.get("place") or "").strip(), (data.get("online_url") or "").strip()
    event.language = content_language(data.get("language"), (event.place,), author_language())
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
        "lapsed": _("The confirmation link has expired. Sign up again to get a new one."),
    }


def drop_lapsed(now: datetime) -> None:
    """Delete unconfirmed sign-ups whose time ran out: they never held a seat, and their names go."""
    db.session.execute(delete(Registration).where(Registration.confirmed_at.is_(None),
                                                  Registration.expires_at <= now)
                       .execution_options(synchronize_session=False))


def _mail_budget(email: str) -> bool:
    """Whether the address may get one more confirmation request now (EVENT_MAIL_LIMIT, all events together).

    Counted in the rate limiter's storage (Redis shared by the workers, memory when it is away).
    """
    item = parse(current_app.config["EVENT_MAIL_LIMIT"])
    try:
        return limiter.limiter.hit(item, "event-mail", hashlib.sha256(email.encode()).hexdigest())
    except Exception:  # noqa: BLE001  (the storage is away: the per-address sign-up limits still hold)
        return True


def register(event_id: int, name: str, email: str, language: str) -> tuple[Registration, bool]:
    """Record a pending sign-up (it holds no seat); returns it and whether to mail the confirmation request.

    The same address signing up again while pending gets the request again,
    but not more often than every EVENT_MAIL_GAP, nor beyond EVENT_MAIL_LIMIT
    an hour across events: a stranger cannot turn the form into a mail
    cannon aimed at someone else's address. The caller commits, or rolls
    back on ServiceError.
    """
    now = utcnow()
    email = email.strip().casefold()
    event = db.session.get(Event, event_id)
    refusal = rules.registration_refusal(event.published, event.starts_at, now, event.capacity, event.taken)
    if refusal:
        raise ServiceError(refusal_messages()[refusal])
    drop_lapsed(now)
    registration = db.session.scalar(select(Registration).where(Registration.event_id == event_id,
                                                                Registration.email == email))
    if registration is not None and registration.confirmed_at is not None:
        raise ServiceError(refusal_messages()["duplicate"], "email")
    if registration is None:
        hold = current_app.config["EVENT_CONFIRM_HOLD"]
        registration = Registration(event_id=event_id, email=email, token_hash=token_hash(secrets.token_urlsafe(32)),
                                    expires_at=rules.pending_until(now, event.starts_at, hold))
        db.session.add(registration)
    registration.name, registration.language = name.strip(), language
    try:
        db.session.flush()
    except IntegrityError:
        raise ServiceError(refusal_messages()["duplicate"], "email") from None
    mail = rules.may_mail_again(registration.mailed_at, now, current_app.config["EVENT_MAIL_GAP"]) \
        and _mail_budget(email)
    if mail:
        registration.mailed_at = now
    record("event_registration_requested", "event", event_id, actor=None, organisation_id=event.organisation_id,
           detail={"registration": registration.id, "mailed": mail})
    return registration, mail


def is_pending(registration: Registration) -> bool:
    """Whether the sign-up still waits for its confirmation (not confirmed, not lapsed)."""
    return (registration.confirmed_at is None and registration.expires_at is not None
            and registration.expires_at > utcnow())


def confirm(registration: Registration) -> str:
    """Take the seat of a pending sign-up; returns the cancellation token for the mail.

    The seat is taken by one conditional UPDATE (taken < capacity, still open,
    not started): the database decides between concurrent confirmations, so
    the capacity is never exceeded; the check constraint backs it up.
    """
    now = utcnow()
    if registration.confirmed_at is not None:
        raise ServiceError(refusal_messages()["duplicate"])
    if registration.expires_at is None or registration.expires_at <= now:
        raise ServiceError(refusal_messages()["lapsed"])
    event = registration.event
    refusal = rules.registration_refusal(event.published, event.starts_at, now, event.capacity, event.taken)
    if refusal:
        raise ServiceError(refusal_messages()[refusal])
    taken = db.session.execute(
        update(Event).where(Event.id == event.id, Event.taken < Event.capacity, Event.published.is_(True),
                            Event.starts_at > now)
        .values(taken=Event.taken + 1).execution_options(synchronize_session=False))
    if taken.rowcount != 1:
        raise ServiceError(refusal_messages()["full"])
    note("public")  # the front page marks a full event; this Core update passes the ORM's notice
    token = secrets.token_urlsafe(32)
    registration.token_hash, registration.confirmed_at, registration.expires_at = token_hash(token), now, None
    db.session.flush()
    record("event_registration", "event", event.id, actor=None, organisation_id=event.organisation_id,
           detail={"registration": registration.id})
    return token


def by_token(token: str):
    """A select for the confirmed sign-up a cancellation token belongs to."""
    return select(Registration).where(Registration.token_hash == token_hash(token),
                                      Registration.confirmed_at.is_not(None))


def cancel(registration: Registration) -> None:
    """Cancel a confirmed sign-up and free its seat."""
    event_id = registration.event_id
    db.session.execute(update(Event).where(Event.id == event_id, Event.taken > 0)
                       .values(taken=Event.taken - 1).execution_options(synchronize_session=False))
    note("public")
    record("event_registration_cancelled", "event", event_id, actor=None,
           organisation_id=registration.event.organisation_id, detail={"registration": registration.id})
    db.session.delete(registration)


def pending_count(event: Event) -> int:
    """Sign-ups still waiting for their email confirmation (they hold no seat)."""
    return db.session.scalar(select(func.count()).select_from(Registration).where(
        Registration.event_id == event.id, Registration.confirmed_at.is_(None), Registration.expires_at > utcnow()))


def registrations_query(event: Event):
    """The confirmed sign-ups of one event (those holding a seat), in the order they were confirmed."""
    return (select(Registration).where(Registration.event_id == event.id, Registration.confirmed_at.is_not(None))
            .order_by(Registration.confirmed_at, Registration.id))


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

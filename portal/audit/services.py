"""Writing and reading the audit trail."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlalchemy import column, or_, select, table

from portal.audit.forms import AuditFilters
from portal.audit.labels import OBJECT_LABELS
from portal.audit.models import AuditEvent
from portal.clock import HELSINKI
from portal.extensions import db

# The candidate table by name: coaching records audit events, so audit cannot import coaching's models
# (the features form no cycle); the code is all the log needs of it.
CANDIDATES = table("candidate", column("id"), column("code"))
USERS = table("user_account", column("id"), column("name"), column("email"))


def record(action: str, object_type: str, object_id: int | None, *, actor=None,
           organisation_id: int | None = None, detail: dict | None = None) -> AuditEvent:
    """Add an audit event in the current transaction (the caller commits)."""
    if actor is None and current_user and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        action=action,
        object_type=object_type,
        object_id=object_id,
        organisation_id=organisation_id,
        detail=detail,
    )
    db.session.add(event)
    return event


def events_query(organisation_id: int | None = None, object_type: str | None = None):
    """Newest events first, optionally limited to one organisation or object type."""
    stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if organisation_id is not None:
        stmt = stmt.where(AuditEvent.organisation_id == organisation_id)
    if object_type is not None:
        stmt = stmt.where(AuditEvent.object_type == object_type)
    return stmt


def _start_of(day: date) -> datetime:
    """Midnight in Finland: the log's days are the reader's calendar days, its times UTC."""
    return datetime.combine(day, time(0), tzinfo=HELSINKI)


def filtered_query(filters: AuditFilters):
    """The events the filters ask for, by time (newest first unless asked otherwise)."""
    stmt = select(AuditEvent)
    if filters.who:
        pattern = f"%{filters.who.lower()}%"
        people = select(USERS.c.id).where(or_(db.func.lower(USERS.c.name).like(pattern),
                                              db.func.lower(USERS.c.email).like(pattern)))
        stmt = stmt.where(AuditEvent.actor_id.in_(people))
    if filters.action:
        stmt = stmt.where(AuditEvent.action == filters.action)
    if filters.code:
        ids = select(CANDIDATES.c.id).where(db.func.upper(CANDIDATES.c.code) == filters.code)
        stmt = stmt.where(AuditEvent.object_type == "candidate", AuditEvent.object_id.in_(ids))
    if filters.since:
        stmt = stmt.where(AuditEvent.at >= _start_of(filters.since))
    if filters.until:
        stmt = stmt.where(AuditEvent.at < _start_of(filters.until + timedelta(days=1)))
    order = (AuditEvent.at.asc(), AuditEvent.id.asc()) if filters.oldest_first else (
        AuditEvent.at.desc(), AuditEvent.id.desc())
    return stmt.order_by(*order)


def subjects(events) -> dict[int, str]:
    """Event id -> what the event concerns in words: "Candidate: OTE-…", "User: name <email>", "Caseload list
    (3 candidates)", "Role no. 5"; the names in two queries at most, whatever the number of events."""
    names = subject_names(events)
    out = {}
    for e in events:
        kind = str(OBJECT_LABELS.get(e.object_type, e.object_type))
        name = names.get((e.object_type, e.object_id))
        listed = (e.detail or {}).get("candidates") if e.object_type == "caseload" else None
        if name:
            out[e.id] = f"{kind}: {name}"
        elif isinstance(listed, list):  # a caseload's id is its coach's; what it showed is the count
            count = ngettext("%(num)d candidate", "%(num)d candidates", len(listed))
            out[e.id] = f"{kind} ({count})"
        elif e.object_id is not None:
            number = gettext("no. %(n)s", n=e.object_id)
            out[e.id] = f"{kind} {number}"
        else:
            out[e.id] = kind
    return out


def subject_names(events) -> dict[tuple[str, int], str]:
    """(object type, id) -> what a reader knows the record by: a candidate's code, a user's name and email.

    Two queries at most, whatever the number of events (no query per row).
    """
    wanted: dict[str, set[int]] = {"candidate": set(), "user": set()}
    for e in events:
        if e.object_type in wanted and e.object_id is not None:
            wanted[e.object_type].add(e.object_id)
    names: dict[tuple[str, int], str] = {}
    if wanted["candidate"]:
        rows = db.session.execute(select(CANDIDATES.c.id, CANDIDATES.c.code)
                                  .where(CANDIDATES.c.id.in_(wanted["candidate"])))
        names.update({("candidate", i): code for i, code in rows})
    if wanted["user"]:
        rows = db.session.execute(select(USERS.c.id, USERS.c.name, USERS.c.email)
                                  .where(USERS.c.id.in_(wanted["user"])))
        names.update({("user", i): f"{name} <{email}>" for i, name, email in rows})
    return names

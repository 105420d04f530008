"""Writing and reading the audit trail."""
from __future__ import annotations

from flask_login import current_user
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db


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

"""The audit event table."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db


class AuditEvent(db.Model):
    """One action on a record: a login, an admin change, a read of sensitive data."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int | None]
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    detail: Mapped[dict | None] = mapped_column(JSON)

    # The accounts User, named by string: every feature records audit events, so audit imports none of them.
    actor = relationship("User", lazy="joined")

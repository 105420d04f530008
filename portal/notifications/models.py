"""Notifications stored for the portal's own list, and each user's choice of how to hear of them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db


class Notification(db.Model):
    """Something a user should know: a proposal answered, a placement starting, a follow-up due.

    The text is written when shown or mailed, in the reader's language, from the kind and params;
    params hold a pseudonymous code at most, never a name or health data.
    """

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_read", "user_id", "read_at", "id"),
                      # A dated notice (placement starting, follow-up due) is made once per key.
                      UniqueConstraint("user_id", "dedupe_key", name="uq_notification_user_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"), index=True)
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id"), index=True)
    params: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # How the reader chose to hear of it when it was made (portal.domain.notices.DELIVERIES).
    delivery: Mapped[str] = mapped_column(String(10), default="portal", server_default="portal")
    # When it went out by mail, alone or in a digest; a digest takes only those still empty.
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dedupe_key: Mapped[str | None] = mapped_column(String(80))


class NotificationPreference(db.Model):
    """How one user wants to hear of notifications; a user without a row hears immediately."""

    __tablename__ = "notification_preference"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    delivery: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

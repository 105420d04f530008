"""Events and their registrations; the seat count is guarded by the database itself."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.db_types import UTCDateTime, content_language, utcnow
from portal.extensions import db


class Event(db.Model):
    __tablename__ = "event"
    __table_args__ = (
        # However a registration is written, a seat beyond capacity cannot be stored.
        CheckConstraint("taken <= capacity", name="within_capacity"),
        CheckConstraint("taken >= 0", name="taken_not_negative"),
        Index("ix_event_published_starts", "published", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    description_fi: Mapped[str] = mapped_column(Text, default="")
    description_sv: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    # The language of the text written once (the place); titles and descriptions carry their own.
    language: Mapped[str] = content_language("place")
    capacity: Mapped[int]
    taken: Mapped[int] = mapped_column(default=0)
    published: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    campaign = relationship("Campaign", lazy="joined")


class Registration(db.Model):
    """A sign-up: name and email for the organiser, a hashed token for the cancellation link.

    It holds a seat only once confirmed through the link mailed to the address
    (confirmed_at set); until then it is pending, counts nowhere, and lapses
    at expires_at (a day after the sign-up, or the event's start if sooner).
    """

    __tablename__ = "event_registration"
    __table_args__ = (UniqueConstraint("event_id", "email"), Index("ix_event_registration_pending",
                                                                   "event_id", "confirmed_at", "expires_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2), default="fi")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # of a pending sign-up
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the last confirmation request mailed

    event: Mapped[Event] = relationship(lazy="joined")

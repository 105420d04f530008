"""Requests to join an organisation that is already registered with the business ID given at sign-up.

The requester has no account until the organisation accepts: the request
keeps the name and address they gave, and the name of the organisation as
they typed it (a different name is a hint for whoever decides). Whether an
organisation is verified is kept on the organisation itself (accounts.models).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation, User
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db


class JoinRequest(db.Model):
    """Somebody asks to become a user of a registered organisation; one of its users decides."""

    __tablename__ = "join_request"
    __table_args__ = (Index("ix_join_request_organisation_state", "organisation_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    # Stored case-folded, like a user's address.
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(200))
    organisation_name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # The account made when the request was accepted.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

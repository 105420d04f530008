"""Services in the directory, with their goals, forms and target groups as clean code tables."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation
from portal.db_types import UTCDateTime, content_language, utcnow
from portal.extensions import db

FORMS = ("individual", "remote", "group")


class Service(db.Model):
    """One service a provider organisation offers, described by goal and form, not by who runs it."""

    __tablename__ = "directory_service"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    length_weeks: Mapped[int | None]
    length_note: Mapped[str] = mapped_column(String(200), default="")
    how_to_refer: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    # The language the text is written in (WCAG 3.1.2: pages mark it; readers of another language are told).
    language: Mapped[str] = content_language("name", "description", "how_to_refer")
    active: Mapped[bool] = mapped_column(default=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    goals: Mapped[list[ServiceGoal]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                    order_by="ServiceGoal.code")
    forms: Mapped[list[ServiceForm]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                    order_by="ServiceForm.code")
    target_groups: Mapped[list[ServiceTargetGroup]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ServiceTargetGroup.code")

    @property
    def goal_codes(self) -> list[str]:
        return [g.code for g in self.goals]

    @property
    def form_codes(self) -> list[str]:
        return [f.code for f in self.forms]

    @property
    def target_group_codes(self) -> list[str]:
        return [t.code for t in self.target_groups]


class ServiceGoal(db.Model):
    __tablename__ = "directory_service_goal"

    service_id: Mapped[int] = mapped_column(ForeignKey("directory_service.id", ondelete="CASCADE"),
                                            primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class ServiceForm(db.Model):
    __tablename__ = "directory_service_form"

    service_id: Mapped[int] = mapped_column(ForeignKey("directory_service.id", ondelete="CASCADE"),
                                            primary_key=True)
    code: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class ServiceTargetGroup(db.Model):
    __tablename__ = "directory_service_target_group"

    service_id: Mapped[int] = mapped_column(ForeignKey("directory_service.id", ondelete="CASCADE"),
                                            primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)

"""Campaigns in three languages, their images, pledges, stories, editors and funnel counts."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db


class CampaignEditor(db.Model):
    """A user the administrator has allowed to write campaigns, events and stories."""

    __tablename__ = "campaign_editor"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", foreign_keys=[user_id], lazy="joined")


class CampaignImage(db.Model):
    """A re-encoded upload kept under the upload folder; the file name is random."""

    __tablename__ = "campaign_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int]
    height: Mapped[int]
    size_bytes: Mapped[int]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Campaign(db.Model):
    __tablename__ = "campaign"
    __table_args__ = (Index("ix_campaign_status_starts", "status", "starts_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    summary_fi: Mapped[str] = mapped_column(String(500), default="")
    summary_sv: Mapped[str] = mapped_column(String(500), default="")
    summary_en: Mapped[str] = mapped_column(String(500), default="")
    body_fi: Mapped[str] = mapped_column(Text, default="")
    body_sv: Mapped[str] = mapped_column(Text, default="")
    body_en: Mapped[str] = mapped_column(Text, default="")
    # The sanitised HTML of each body, made when the Markdown is saved.
    body_html_fi: Mapped[str] = mapped_column(Text, default="")
    body_html_sv: Mapped[str] = mapped_column(Text, default="")
    body_html_en: Mapped[str] = mapped_column(Text, default="")
    image_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_image.id"))
    image_alt_fi: Mapped[str] = mapped_column(String(300), default="")
    image_alt_sv: Mapped[str] = mapped_column(String(300), default="")
    image_alt_en: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    cta: Mapped[str] = mapped_column(String(20), default="pledge")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    image: Mapped[CampaignImage | None] = relationship(lazy="joined")
    organisation: Mapped[Organisation] = relationship(lazy="joined")


class Pledge(db.Model):
    """An employer's concrete promise made through a campaign."""

    __tablename__ = "campaign_pledge"
    __table_args__ = (UniqueConstraint("campaign_id", "organisation_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(String(300))
    show_name: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kept_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    kept_by: Mapped[str | None] = mapped_column(String(40))  # e.g. "role:12", "placement:3"

    campaign: Mapped[Campaign] = relationship(lazy="joined")
    organisation: Mapped[Organisation] = relationship(lazy="joined")


class Story(db.Model):
    """A short success story, published only with the person's recorded consent."""

    __tablename__ = "campaign_story"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    body_fi: Mapped[str] = mapped_column(Text, default="")
    body_sv: Mapped[str] = mapped_column(Text, default="")
    body_en: Mapped[str] = mapped_column(Text, default="")
    body_html_fi: Mapped[str] = mapped_column(Text, default="")
    body_html_sv: Mapped[str] = mapped_column(Text, default="")
    body_html_en: Mapped[str] = mapped_column(Text, default="")
    shown_name: Mapped[str] = mapped_column(String(100), default="")  # a pseudonym unless stated
    real_name_shown: Mapped[bool] = mapped_column(default=False)
    consent_given_on: Mapped[date | None] = mapped_column(Date)
    consent_method: Mapped[str | None] = mapped_column(String(20))
    consent_reference: Mapped[str] = mapped_column(String(100), default="")
    consent_covers_name: Mapped[bool] = mapped_column(default=False)
    consent_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_withdrawn_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    campaign: Mapped[Campaign | None] = relationship(lazy="joined")


class CampaignReferral(db.Model):
    """The campaign an organisation first came through, for attributing what it does later."""

    __tablename__ = "campaign_referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FunnelEvent(db.Model):
    """One step of the funnel credited to a campaign; an object counts once per stage."""

    __tablename__ = "campaign_funnel_event"
    __table_args__ = (UniqueConstraint("campaign_id", "stage", "object_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    object_key: Mapped[str] = mapped_column(String(40))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CampaignViewCount(db.Model):
    """Page views of a campaign per day (one per visitor session), without any tracker."""

    __tablename__ = "campaign_view_count"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    views: Mapped[int] = mapped_column(default=0)

"""The campaign funnel without trackers: the session remembers ``?c=slug``, signals do the rest.

A visitor who arrives through a campaign's link (or opens its page) has the
campaign remembered in the session (the only cookie). When that visitor's
organisation signs up, the campaign is credited and kept as the
organisation's referral, so its later roles and placements count too.
"""
from __future__ import annotations

from flask import has_request_context, request, session
from sqlalchemy import func, select

from portal import clock
from portal.accounts.sessions import CARRIED_OVER
from portal.campaigns import pledges
from portal.campaigns.models import Campaign, CampaignReferral, CampaignViewCount, FunnelEvent, Pledge
from portal.db_types import utcnow
from portal.domain import campaigns as rules
from portal.extensions import db
from portal.signals import organisation_signed_up, placement_changed, role_published

SESSION_KEY = "campaign"
SEEN_KEY = "campaigns_seen"
MAX_SEEN = 30
CARRIED_OVER.add(SESSION_KEY)  # remembered through sign-in and sign-up


def _insert(model):
    """The dialect's INSERT, which knows ON CONFLICT (SQLite and PostgreSQL alike)."""
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(model)


def remember_from_link() -> None:
    """before_app_request: ``?c=slug`` of a published campaign is kept in the session."""
    slug = request.args.get("c")
    if not slug or len(slug) > rules.SLUG_MAX:
        return
    campaign_id = db.session.scalar(select(Campaign.id).where(
        Campaign.slug == slug, Campaign.status == rules.PUBLISHED))
    if campaign_id is not None:
        session[SESSION_KEY] = campaign_id


def record_view(campaign: Campaign) -> None:
    """Count a view of the campaign page once per session, and remember the campaign."""
    session[SESSION_KEY] = campaign.id
    seen = list(session.get(SEEN_KEY, []))
    if campaign.id in seen:
        return
    session[SEEN_KEY] = (seen + [campaign.id])[-MAX_SEEN:]
    day = clock.today()  # days as Finland counts them, like every other figure
    stmt = _insert(CampaignViewCount).values(campaign_id=campaign.id, day=day, views=1)
    stmt = stmt.on_conflict_do_update(index_elements=["campaign_id", "day"],
                                      set_={"views": CampaignViewCount.views + 1})
    db.session.execute(stmt)


def credit(campaign_id: int, stage: str, object_key: str, organisation_id: int | None) -> None:
    """Count an object once at a stage of a campaign's funnel."""
    stmt = _insert(FunnelEvent).values(campaign_id=campaign_id, stage=stage, object_key=object_key,
                                       organisation_id=organisation_id, at=utcnow())
    db.session.execute(stmt.on_conflict_do_nothing(index_elements=["campaign_id", "stage", "object_key"]))


def refer(organisation_id: int, campaign_id: int) -> None:
    """Keep the first campaign an organisation came through."""
    stmt = _insert(CampaignReferral).values(organisation_id=organisation_id, campaign_id=campaign_id,
                                            created_at=utcnow())
    db.session.execute(stmt.on_conflict_do_nothing(index_elements=["organisation_id"]))


def session_campaign() -> int | None:
    """The campaign remembered in this visitor's session, if it still exists."""
    if not has_request_context():
        return None
    campaign_id = session.get(SESSION_KEY)
    if not isinstance(campaign_id, int):
        return None
    return db.session.scalar(select(Campaign.id).where(Campaign.id == campaign_id))


def referral_of(organisation_id: int | None) -> int | None:
    """The campaign an organisation came through, if any."""
    if organisation_id is None:
        return None
    return db.session.scalar(select(CampaignReferral.campaign_id).where(
        CampaignReferral.organisation_id == organisation_id))


def counts(campaign_id: int) -> dict[str, int]:
    """Raw figures of each funnel stage of a campaign."""
    views = db.session.scalar(select(func.coalesce(func.sum(CampaignViewCount.views), 0))
                              .where(CampaignViewCount.campaign_id == campaign_id))
    pledged = db.session.scalar(select(func.count()).select_from(Pledge).where(Pledge.campaign_id == campaign_id))
    rows = db.session.execute(select(FunnelEvent.stage, func.count()).where(
        FunnelEvent.campaign_id == campaign_id).group_by(FunnelEvent.stage)).all()
    result = dict.fromkeys(rules.STAGES, 0)
    result.update(dict(rows))
    result.update(views=int(views or 0), pledges=int(pledged or 0))
    return result


def on_signed_up(sender, organisation=None, user=None, **extra) -> None:
    """organisation_signed_up: credit the remembered campaign and keep it as the referral."""
    campaign_id = session_campaign()
    if organisation is None or campaign_id is None:
        return
    refer(organisation.id, campaign_id)
    credit(campaign_id, "signups", f"organisation:{organisation.id}", organisation.id)


def on_role_published(sender, role=None, **extra) -> None:
    """role_published: keep post-a-role pledges; credit the remembered or referring campaign."""
    if role is None:
        return
    org_id = role.organisation_id
    pledges.keep_by_role(org_id, f"role:{role.id}")
    campaign_id = session_campaign() or referral_of(org_id)
    if campaign_id is not None:
        credit(campaign_id, "roles", f"role:{role.id}", org_id)


def on_placement_changed(sender, placement=None, change=None, **extra) -> None:
    """placement_changed (started): keep pledges it fulfils; credit the employer's referral."""
    if placement is None or change != "started":
        return
    org_id, key = placement.organisation_id, f"placement:{placement.id}"
    pledges.keep_by_placement(org_id, placement.kind, key)
    campaign_id = referral_of(org_id)
    if campaign_id is not None:
        credit(campaign_id, "placements", key, org_id)


organisation_signed_up.connect(on_signed_up)
role_published.connect(on_role_published)
placement_changed.connect(on_placement_changed)

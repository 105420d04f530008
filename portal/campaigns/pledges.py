"""Employers' pledges: made through a campaign, shown with consent, kept by what follows."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import Organisation
from portal.audit.services import record
from portal.campaigns.models import Campaign, Pledge
from portal.db_types import utcnow
from portal.domain import campaigns as rules
from portal.errors import ServiceError
from portal.extensions import db


def make_pledge(campaign: Campaign, user, data: dict) -> Pledge:
    """Record an employer's pledge; the same kind twice for one campaign is refused."""
    if data.get("kind") not in rules.PLEDGE_KINDS:
        raise ServiceError(_("Choose what you pledge."), "kind")
    org_id = user.organisation_id
    exists = db.session.scalar(select(Pledge.id).where(
        Pledge.campaign_id == campaign.id, Pledge.organisation_id == org_id, Pledge.kind == data["kind"]))
    if exists:
        raise ServiceError(_("Your organisation has already made this pledge in this campaign."), "kind")
    pledge = Pledge(campaign_id=campaign.id, organisation_id=org_id, created_by_id=user.id,
                    kind=data["kind"], text=(data.get("text") or "").strip(), show_name=bool(data.get("show_name")))
    db.session.add(pledge)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise ServiceError(_("Your organisation has already made this pledge in this campaign."), "kind") from None
    from portal.campaigns.funnel import refer  # the funnel module imports this one

    refer(org_id, campaign.id)  # what the employer does next is credited to this campaign
    record("pledge_made", "pledge", pledge.id, organisation_id=org_id,
           detail={"campaign": campaign.slug, "kind": pledge.kind, "show_name": pledge.show_name})
    return pledge


def campaign_pledges(campaign_id: int, names_limit: int = 50) -> tuple[int, list[str]]:
    """How many pledges a campaign has, and the names of verified employers who agreed to be named."""
    count = db.session.scalar(select(func.count()).select_from(Pledge).where(Pledge.campaign_id == campaign_id))
    names = db.session.scalars(
        select(Organisation.name).join(Pledge, Pledge.organisation_id == Organisation.id)
        .where(Pledge.campaign_id == campaign_id, Pledge.show_name.is_(True), Organisation.verified)
        .group_by(Organisation.name).order_by(Organisation.name).limit(names_limit)).all()
    return count or 0, list(names)


def organisation_pledges_query(organisation_id: int):
    """An employer's own pledges, newest first, with their campaigns."""
    return (select(Pledge).where(Pledge.organisation_id == organisation_id)
            .order_by(Pledge.created_at.desc(), Pledge.id.desc()))


def keep_by_role(organisation_id: int, role_key: str) -> int:
    """Mark the employer's open post-a-role pledges kept by a posted role; returns how many."""
    return _keep(organisation_id, {"post_role"}, role_key)


def keep_by_placement(organisation_id: int, placement_kind: str | None, placement_key: str) -> int:
    """Mark the employer's open pledges that a started placement of this kind keeps."""
    kinds = {k for k in rules.PLEDGE_KINDS if rules.pledge_kept_by_placement(k, placement_kind)}
    return _keep(organisation_id, kinds, placement_key) if kinds else 0


def _keep(organisation_id: int, kinds: set[str], key: str) -> int:
    pledges = db.session.scalars(select(Pledge).where(
        Pledge.organisation_id == organisation_id, Pledge.kind.in_(kinds), Pledge.kept_at.is_(None))).all()
    for pledge in pledges:
        pledge.kept_at, pledge.kept_by = utcnow(), key
        record("pledge_kept", "pledge", pledge.id, actor=None, organisation_id=organisation_id,
               detail={"by": key})
    return len(pledges)


def organisation_summary(organisation_id: int, newest: int = 5) -> tuple[int, int, list[Pledge]]:
    """How many pledges an employer has made and kept, and the newest of them (for its profile page)."""
    total, kept = db.session.execute(
        select(func.count(), func.count(Pledge.kept_at)).where(Pledge.organisation_id == organisation_id)).one()
    # Asked even when the count is 0, so the page's query count never depends on the data.
    items = db.session.scalars(organisation_pledges_query(organisation_id).limit(newest)).all()
    return total, kept, list(items)

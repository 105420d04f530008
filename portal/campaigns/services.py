"""Business actions on campaigns: save, image, publish, archive; public queries."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from portal.audit.services import record
from portal.campaigns import content, images, pledges, stories
from portal.campaigns.access import owned_by_user
from portal.campaigns.models import Campaign, CampaignImage
from portal.campaigns.presenters import localise
from portal.db_types import utcnow
from portal.domain import campaigns as rules
from portal.errors import ServiceError
from portal.extensions import db

LANGS = rules.LANGS
TEXT_FIELDS = ("title", "summary", "body")
SORTS = {"title": Campaign.title_fi, "status": Campaign.status, "starts": Campaign.starts_on,
         "updated": Campaign.updated_at}


def problem_messages() -> dict[str, str]:
    """The text of each publishing problem code."""
    return {
        "missing_title_fi": _("The Finnish title is missing."),
        "missing_summary_fi": _("The Finnish summary is missing."),
        "missing_body_fi": _("The Finnish text is missing."),
        "ends_before_start": _("The campaign ends before it starts."),
        "missing_alt": _("The image needs a Finnish alternative text."),
    }


def manage_query(q: str = "", status: str = ""):
    """Campaigns the current editor may manage, filtered (unsorted)."""
    stmt = select(Campaign).where(owned_by_user(Campaign.organisation_id))
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Campaign.title_fi).like(like), Campaign.slug.like(like)))
    if status:
        stmt = stmt.where(Campaign.status == status)
    return stmt


def managed(campaign_id: int):
    """A select for one campaign within the editor's scope (for get_or_404)."""
    return select(Campaign).where(Campaign.id == campaign_id, owned_by_user(Campaign.organisation_id))


def save_campaign(campaign: Campaign | None, data: dict) -> Campaign:
    """Create or update a campaign from form data; a slug in use is refused, Markdown is rendered."""
    slug = (data.get("slug") or "").strip().lower() or rules.slugify(data.get("title_fi") or "")
    problem = rules.slug_problem(slug)
    if problem:
        raise ServiceError(_("Use lower-case letters a-z, digits and hyphens only, for example "
                             "work-trial-spring."), "slug")
    holder = db.session.scalar(select(Campaign.id).where(Campaign.slug == slug))
    if holder is not None and (campaign is None or holder != campaign.id):
        raise ServiceError(_("Another campaign already uses this address. Choose another."), "slug")
    if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
        raise ServiceError(_("The campaign ends before it starts."), "ends_on")
    creating = campaign is None
    if creating:
        campaign = Campaign(organisation_id=current_user.organisation_id, created_by_id=current_user.id,
                            status=rules.DRAFT)
        db.session.add(campaign)
    campaign.slug = slug
    for field in TEXT_FIELDS:
        for lang in LANGS:
            setattr(campaign, f"{field}_{lang}", (data.get(f"{field}_{lang}") or "").strip())
    for lang in LANGS:
        setattr(campaign, f"body_html_{lang}", content.render(getattr(campaign, f"body_{lang}")))
    campaign.starts_on, campaign.ends_on = data.get("starts_on"), data.get("ends_on")
    campaign.cta = data.get("cta") if data.get("cta") in rules.CTA_KINDS else "pledge"
    db.session.flush()
    record("campaign_created" if creating else "campaign_updated", "campaign", campaign.id,
           organisation_id=campaign.organisation_id, detail={"slug": slug})
    return campaign


def image_messages() -> dict[str, str]:
    """The text of each image refusal code."""
    limit = images.max_bytes() // (1024 * 1024)
    return {
        "empty": _("Choose an image file."),
        "too_large": _("The image is larger than %(mb)s MB. Make it smaller and try again.", mb=limit),
        "not_an_image": _("The file is not a JPEG, PNG, WebP or GIF image."),
        "too_many_pixels": _("The image has too many pixels. Make it smaller and try again."),
    }


def set_image(campaign: Campaign, data: bytes, alts: dict[str, str]) -> CampaignImage:
    """Check, re-encode and store an uploaded image as the campaign's hero image."""
    if not (alts.get("fi") or "").strip():
        raise ServiceError(_("Describe the image in Finnish for those who cannot see it."), "alt_fi")
    try:
        encoded = images.reencode(data, images.max_bytes())
    except images.ImageRejected as exc:
        raise ServiceError(image_messages()[exc.code], "image") from None
    name = images.store(encoded)
    image = CampaignImage(filename=name, content_type=encoded.content_type, width=encoded.width,
                          height=encoded.height, size_bytes=len(encoded.data), created_by_id=current_user.id)
    db.session.add(image)
    campaign.image = image
    for lang in LANGS:
        setattr(campaign, f"image_alt_{lang}", (alts.get(lang) or "").strip())
    db.session.flush()
    record("campaign_image_set", "campaign", campaign.id, organisation_id=campaign.organisation_id,
           detail={"image": name, "width": encoded.width, "height": encoded.height})
    return image


def remove_image(campaign: Campaign) -> None:
    """Take the hero image off a campaign (the file stays for the audit trail)."""
    campaign.image_id = None
    for lang in LANGS:
        setattr(campaign, f"image_alt_{lang}", "")
    record("campaign_image_removed", "campaign", campaign.id, organisation_id=campaign.organisation_id)


def change_status(campaign: Campaign, target: str) -> None:
    """Publish, archive or return to draft; publishing checks that the Finnish version is complete."""
    if not rules.can_move(campaign.status, target):
        raise ServiceError(_("This change of status is not possible."))
    if target == rules.PUBLISHED:
        problems = rules.publish_problems(rules.CampaignText(
            titles={lang: getattr(campaign, f"title_{lang}") for lang in LANGS},
            summaries={lang: getattr(campaign, f"summary_{lang}") for lang in LANGS},
            bodies={lang: getattr(campaign, f"body_{lang}") for lang in LANGS},
            starts_on=campaign.starts_on, ends_on=campaign.ends_on,
            has_image=campaign.image_id is not None, image_alt_fi=campaign.image_alt_fi))
        if problems:
            messages = problem_messages()
            raise ServiceError(" ".join(messages[p] for p in problems))
        campaign.published_at = campaign.published_at or utcnow()
    old, campaign.status = campaign.status, target
    record(f"campaign_{target}", "campaign", campaign.id, organisation_id=campaign.organisation_id,
           detail={"from": old, "to": target})


def published(slug: str):
    """A select for a published campaign by its slug."""
    return select(Campaign).where(Campaign.slug == slug, Campaign.status == rules.PUBLISHED)


def current_query(today: date):
    """Published campaigns running today, newest first (unpaginated)."""
    return (select(Campaign)
            .where(Campaign.status == rules.PUBLISHED,
                   or_(Campaign.starts_on.is_(None), Campaign.starts_on <= today),
                   or_(Campaign.ends_on.is_(None), Campaign.ends_on >= today))
            .order_by(Campaign.published_at.desc(), Campaign.id.desc()))


def campaign_choices() -> list[tuple]:
    """The editor's campaigns as form choices (id, Finnish title), after "No campaign" (events, stories)."""
    rows = db.session.execute(select(Campaign.id, Campaign.title_fi).where(owned_by_user(Campaign.organisation_id))
                              .order_by(Campaign.title_fi)).all()
    return [("", _("No campaign"))] + [(row.id, row.title_fi) for row in rows]


def current_campaigns(today: date, limit: int = 3) -> list[Campaign]:
    """The newest running campaigns (for the home page)."""
    return list(db.session.scalars(current_query(today).limit(limit)))


def public_image(filename: str):
    """A select for an image that the public may load: one of a published campaign."""
    return (select(CampaignImage).join(Campaign, Campaign.image_id == CampaignImage.id)
            .where(CampaignImage.filename == filename, Campaign.status == rules.PUBLISHED).limit(1))


def any_image(filename: str):
    """A select for any stored image (editors preview drafts)."""
    return select(CampaignImage).where(CampaignImage.filename == filename)


# What other features show on a campaign's page, by the name the template uses: each fills its own
# section when it is imported (portal.features imports them all), so campaigns, which own the page,
# import none of them; events belong to a campaign and import campaigns, never the other way round.
PAGE_SECTIONS: dict[str, Callable[[Campaign], object]] = {}


def add_page_section(name: str, compute: Callable[[Campaign], object]) -> None:
    """Show `compute(campaign)` as `name` on every campaign's page (called by the feature that owns it)."""
    PAGE_SECTIONS[name] = compute


def page_context(campaign: Campaign) -> dict:
    """Everything the campaign page shows, in a handful of queries."""
    count, names = pledges.campaign_pledges(campaign.id)
    story_items = list(db.session.scalars(stories.public_query().where(
        stories.Story.campaign_id == campaign.id).limit(3)))
    sections = {name: compute(campaign) for name, compute in PAGE_SECTIONS.items()}
    return {"campaign": campaign, "text": localise(campaign), "pledge_count": count, "pledge_names": names,
            "stories": story_items, **sections}

"""What the public pages show, gathered in a few queries."""
from __future__ import annotations

from datetime import datetime

from flask import url_for
from sqlalchemy import select

from portal import clock
from portal.cache import cached
from portal.campaigns import stories
from portal.campaigns.services import current_campaigns, current_query
from portal.events.services import upcoming, upcoming_query
from portal.extensions import db
from portal.public import figures


def home_context(now: datetime) -> dict:
    """Campaigns, events, stories and aggregates for the front page."""
    today = clock.today()  # the Finnish calendar day (now is UTC): a placement counts from its start date
    return {
        "campaigns": current_campaigns(now.date(), limit=3),
        "events": upcoming(now, limit=5),
        "stories": list(db.session.scalars(stories.public_query().limit(3))),
        # The counts over the whole ledger cost 60-180 ms on a full-size region: cached until it changes.
        "open_roles": figures.open_roles_count(today),
        "clauses": cached("home-clauses", (today,), ("ledger",), lambda: figures.clause_figures(today)),
        "signup_url": url_for("employers.signup"),
        "roles_url": url_for("jobs.index"),
    }


def feed_items(now: datetime, limit: int = 30) -> tuple[list, list]:
    """The newest published campaigns and the next events, for the Atom feed."""
    campaigns = list(db.session.scalars(current_query(now.date()).limit(limit)))
    events = list(db.session.scalars(upcoming_query(now).limit(limit)))
    return campaigns, events


def sitemap_items(now: datetime, limit: int = 5000) -> dict:
    """Every public page worth indexing (limited so one sitemap file stays under the protocol's cap)."""
    from portal.campaigns.models import Campaign
    from portal.events.models import Event

    campaigns = db.session.execute(select(Campaign.slug, Campaign.updated_at)
                                   .where(Campaign.status == "published")
                                   .order_by(Campaign.id).limit(limit)).all()
    events = db.session.execute(select(Event.id, Event.updated_at)
                                .where(Event.published.is_(True), Event.ends_at > now)
                                .order_by(Event.id).limit(limit)).all()
    story_rows = db.session.execute(stories.public_query().with_only_columns(
        stories.Story.id, stories.Story.updated_at).limit(limit)).all()
    return {"campaigns": campaigns, "events": events, "stories": story_rows}

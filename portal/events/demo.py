"""Demo data: the demo campaign's upcoming event, a morning coffee for employers three weeks from today.

The campaign is the campaigns demo's (listed before this one in portal.features.DEMOS); an event
belongs to its campaign, so events import campaigns and never the other way round.
"""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from portal import clock
from portal.campaigns.demo import SLUG
from portal.campaigns.models import Campaign
from portal.events.models import Event
from portal.events.services import helsinki_to_utc
from portal.extensions import db

TITLES = {"fi": "Aamukahvit työnantajille", "sv": "Morgonkaffe för arbetsgivare",
          "en": "Morning coffee for employers"}
DESCRIPTIONS = {"fi": "Tapaa työhönvalmentajia ja kuule, miten työkokeilu järjestetään.",
                "en": "Meet job coaches and hear how a work trial is arranged."}


def seed() -> str:
    """Create the demo campaign's event unless the campaign is missing or already has events."""
    campaign = db.session.scalar(select(Campaign).where(Campaign.slug == SLUG))
    if campaign is None or db.session.scalar(select(Event.id).where(Event.campaign_id == campaign.id).limit(1)):
        return "0 created"
    start = helsinki_to_utc(clock.today() + timedelta(days=21), time(9, 0))
    db.session.add(Event(campaign_id=campaign.id, organisation_id=campaign.organisation_id,
                         created_by_id=campaign.created_by_id,
                         **{f"title_{lang}": text for lang, text in TITLES.items()},
                         **{f"description_{lang}": text for lang, text in DESCRIPTIONS.items()},
                         starts_at=start, ends_at=start + timedelta(hours=2), place="Kaupungintalo, sali 2",
                         capacity=30, published=True))
    db.session.flush()
    return "1 event created"

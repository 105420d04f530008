"""The issue's whole story in one run: a campaign in three languages with an image and an event is published,
an anonymous visitor reads it in each language, an employer pledges through its link and the funnel counts it."""
from __future__ import annotations

import re

import pytest
from icalendar import Calendar
from sqlalchemy import select

from portal.accounts.models import Organisation
from portal.campaigns import funnel
from portal.campaigns.models import Campaign, CampaignImage, Pledge
from portal.events.models import Event
from tests.factories import make_user
from tests.web.test_campaign_funnel import make_campaign
from tests.web.test_campaigns import FORM, png, upload
from tests.web.test_events import make_event

EVENT = {"title_fi": "Rekrytointiaamu", "title_sv": "Rekryteringsmorgon", "title_en": "Recruiting morning",
         "description_fi": "Tule tapaamaan valmentajia.", "start_date": "2031-06-12", "start_time": "09:30",
         "end_time": "11:00", "place": "Kaupungintalo", "capacity": "40"}


@pytest.fixture(autouse=True)
def uploads(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path / "uploads"))


def test_a_campaign_with_image_and_event_is_read_in_each_language_and_a_pledge_reaches_the_funnel(
        app, client, login_as, db):
    login_as("admin")
    assert client.post("/manage/campaigns/new", data=FORM).status_code == 302
    campaign = db.session.scalar(select(Campaign))
    assert upload(client, campaign, png()).status_code == 302
    assert client.post("/manage/events/new", data={**EVENT, "campaign_id": str(campaign.id)}).status_code == 302
    event = db.session.scalar(select(Event))
    assert event.campaign_id == campaign.id
    assert client.post(f"/manage/events/{event.id}/publish").status_code == 302
    assert client.post(f"/manage/campaigns/{campaign.id}/status/publish").status_code == 302

    visitor = app.test_client()
    image = db.session.scalar(select(CampaignImage))
    for lang, title, alt, event_title in (("fi", "Työ sopii kaikille", "Sininen kuva", "Rekrytointiaamu"),
                                          ("sv", "Arbete passar alla", "Blå bild", "Rekryteringsmorgon"),
                                          ("en", "Work fits everyone", "A blue picture", "Recruiting morning")):
        page = visitor.get(f"/campaigns/{campaign.slug}?lang={lang}").get_data(as_text=True)
        assert f'<html lang="{lang}">' in page and f"<h1>{title}</h1>" in page, lang
        assert f'src="/media/{image.filename}"' in page and f'alt="{alt}"' in page, lang
        assert event_title in page and f'href="/events/{event.id}"' in page, lang
        assert visitor.get(f"/media/{image.filename}").status_code == 200
    calendar = visitor.get(f"/events/{event.id}/calendar.ics?lang=sv")
    parsed = list(Calendar.from_ical(calendar.get_data()).walk("VEVENT"))
    assert calendar.mimetype == "text/calendar" and [str(c["SUMMARY"]) for c in parsed] == ["Rekryteringsmorgon"]

    # An employer follows the campaign's link, signs in and pledges.
    employer = make_user("employer", password="Testi-salasana-2026")
    db.session.commit()
    guest = app.test_client()
    guest.get(f"/?c={campaign.slug}")
    guest.post("/login", data={"email": employer.email, "password": "Testi-salasana-2026"})
    page = guest.get(f"/campaigns/{campaign.slug}").get_data(as_text=True)
    assert f'href="/campaigns/{campaign.slug}/pledge"' in page
    response = guest.post(f"/campaigns/{campaign.slug}/pledge",
                          data={"kind": "work_trial", "text": "Tarjoamme työkokeilun", "show_name": "y"})
    assert response.status_code == 302
    assert db.session.scalar(select(Pledge.organisation_id)) == employer.organisation_id
    counts = funnel.counts(campaign.id)
    assert counts["pledges"] == 1 and counts["views"] == 2  # the visitor's and the employer's sessions
    # Counted without trackers: no cookie but the session's, no script or pixel from elsewhere.
    fresh = app.test_client().get(f"/campaigns/{campaign.slug}?c={campaign.slug}")
    cookies = fresh.headers.getlist("Set-Cookie")
    assert cookies and all(c.startswith(app.config["SESSION_COOKIE_NAME"] + "=") for c in cookies)
    body = fresh.get_data(as_text=True)
    assert not re.search(r'<(script|img|iframe)[^>]+src="(https?:)?//', body)
    assert not re.search(r'<link rel="stylesheet" href="(https?:)?//', body)
    assert funnel.counts(campaign.id)["views"] == 3
    public = visitor.get(f"/campaigns/{campaign.slug}?lang=en").get_data(as_text=True)
    assert employer.organisation.name in public
    # The campaign's owners read the count on the funnel page, in its table.
    table = client.get(f"/manage/campaigns/{campaign.id}/funnel?lang=en").get_data(as_text=True)
    assert re.search(r'<th scope="row">Pledges</th>\s*<td class="num">1</td>', table), table[-3000:]


def test_each_call_to_action_leads_to_its_own_step_with_the_campaign_link(app, client, login_as, db):
    campaign = make_campaign(db)
    event = make_event(db.session.get(Organisation, campaign.organisation_id), campaign_id=campaign.id)
    db.session.commit()
    visitor = app.test_client()
    campaign.cta = "event"
    db.session.commit()
    page = visitor.get("/campaigns/kevat?lang=en").get_data(as_text=True)
    assert f'href="/events/{event.id}?c=kevat"' in page and "Sign up for the event" in page
    assert 'href="/login?c=kevat"' in page  # employers are asked to sign in to pledge
    campaign.cta = "post_role"
    db.session.commit()
    login_as("employer")
    page = client.get("/campaigns/kevat?lang=en").get_data(as_text=True)
    assert 'href="/employer/roles/new?c=kevat"' in page and 'href="/campaigns/kevat/pledge"' in page
    campaign.cta = "pledge"
    db.session.commit()
    page = client.get("/campaigns/kevat?lang=en").get_data(as_text=True)
    assert "/employer/roles/new" not in page and 'class="button" href="/campaigns/kevat/pledge"' in page

"""Pledges and the funnel: ?c=slug remembered in the session through sign-up, signals credit the campaign."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select

from portal.campaigns import funnel
from portal.campaigns.models import Campaign, CampaignReferral, FunnelEvent, Pledge
from portal.db_types import utcnow
from portal.signals import organisation_signed_up, placement_changed, role_published
from tests.conftest import sign_in
from tests.factories import make_org, make_user


@dataclass
class FakeRole:  # what the employers' feature sends; only these attributes are read
    id: int
    organisation_id: int


@dataclass
class FakePlacement:  # what the placements feature sends; only these attributes are read
    id: int
    kind: str
    organisation_id: int  # the employer


def make_campaign(db, slug="kevat", status="published") -> Campaign:
    campaign = Campaign(slug=slug, status=status, organisation_id=make_org("operator").id, title_fi="Kevät",
                        title_sv="Vår", summary_fi="S", body_fi="B", body_html_fi="<p>B</p>",
                        starts_on=date(2020, 1, 1), published_at=utcnow())
    db.session.add(campaign)
    db.session.commit()
    return campaign


def test_an_employer_pledges_through_the_campaign_and_the_funnel_counts_it(app, client, login_as, db):
    campaign = make_campaign(db)
    employer = login_as("employer")
    page = client.get("/campaigns/kevat").get_data(as_text=True)
    assert 'href="/campaigns/kevat/pledge"' in page
    response = client.post("/campaigns/kevat/pledge", data={"kind": "post_role", "text": "Avaamme tehtävän",
                                                             "show_name": "y"})
    assert response.status_code == 302
    again = client.post("/campaigns/kevat/pledge", data={"kind": "post_role", "text": "Uudestaan"})
    assert "on jo antanut tämän lupauksen" in again.get_data(as_text=True)
    pledge = db.session.scalar(select(Pledge))
    assert pledge.organisation_id == employer.organisation_id and pledge.kept_at is None
    visitor = app.test_client()
    public = visitor.get("/campaigns/kevat").get_data(as_text=True)
    assert "1 työnantaja on antanut lupauksen" in public and employer.organisation.name in public
    assert funnel.counts(campaign.id)["pledges"] == 1
    assert funnel.counts(campaign.id)["views"] == 2  # the employer's session and the visitor's
    visitor.get("/campaigns/kevat")
    assert funnel.counts(campaign.id)["views"] == 2  # once per session
    mine = client.get("/pledges").get_data(as_text=True)
    assert "Avaamme tehtävän" in mine and "Ei vielä" in mine
    with app.test_request_context():
        role_published.send(current_app._get_current_object(), role=FakeRole(41, employer.organisation_id))
        db.session.commit()
    db.session.refresh(pledge)
    assert pledge.kept_at is not None and pledge.kept_by == "role:41"
    assert "Täytetty" in client.get("/pledges").get_data(as_text=True)
    assert funnel.counts(campaign.id)["roles"] == 1  # the pledge made the campaign the employer's referral


def test_names_are_shown_only_with_consent(app, client, login_as, db):
    make_campaign(db)
    employer = login_as("employer")
    client.post("/campaigns/kevat/pledge", data={"kind": "work_trial", "text": "Työkokeilu"})
    page = app.test_client().get("/campaigns/kevat").get_data(as_text=True)
    assert "1 työnantaja" in page and employer.organisation.name not in page


def test_the_campaign_link_is_remembered_through_sign_in_and_credits_sign_up_roles_and_placements(
        app, client, db):
    campaign = make_campaign(db)
    assert client.get("/?c=kevat").status_code == 200
    with client.session_transaction() as sess:
        assert sess[funnel.SESSION_KEY] == campaign.id
    employer = make_user("employer", password="Testi-salasana-2026")
    client.post("/login", data={"email": employer.email, "password": "Testi-salasana-2026"})
    with client.session_transaction() as sess:
        assert sess[funnel.SESSION_KEY] == campaign.id  # carried over the new session
    org = employer.organisation
    # The employers' feature sends its signals inside a request of the signed-up user.
    with client.session_transaction() as sess:
        saved = dict(sess)
    with app.test_request_context("/employers/signup"):
        from flask import session
        session.update(saved)
        organisation_signed_up.send(current_app._get_current_object(), organisation=org, user=employer)
        organisation_signed_up.send(current_app._get_current_object(), organisation=org, user=employer)
        db.session.commit()
    assert db.session.scalar(select(CampaignReferral.campaign_id).where(
        CampaignReferral.organisation_id == org.id)) == campaign.id
    # Later, without the link in the session, the referral still credits what the employer does.
    with app.test_request_context("/employers/roles"):
        role_published.send(current_app._get_current_object(), role=FakeRole(7, org.id))
        role_published.send(current_app._get_current_object(), role=FakeRole(7, org.id))  # republished
        for n in range(6):
            placement_changed.send(current_app._get_current_object(),
                                   placement=FakePlacement(100 + n, "work_trial", org.id),
                                   change="started")
        placement_changed.send(current_app._get_current_object(),
                               placement=FakePlacement(100, "work_trial", org.id), change="ended")
        db.session.commit()
    counts = funnel.counts(campaign.id)
    assert (counts["signups"], counts["roles"], counts["placements"]) == (1, 1, 6)
    stages = db.session.scalars(select(FunnelEvent.stage)).all()
    assert sorted(stages).count("placements") == 6


def test_an_unknown_or_draft_campaign_link_is_ignored(app, client, db):
    make_campaign(db, slug="luonnos", status="draft")
    client.get("/?c=luonnos")
    client.get("/?c=" + "x" * 200)
    with client.session_transaction() as sess:
        assert funnel.SESSION_KEY not in sess


def test_signals_without_a_campaign_change_nothing(app, db):
    org = make_org("employer")
    with app.test_request_context("/"):
        organisation_signed_up.send(current_app._get_current_object(), organisation=org, user=None)
        role_published.send(current_app._get_current_object(), role=FakeRole(1, org.id))
        placement_changed.send(current_app._get_current_object(),
                               placement=FakePlacement(1, "job", org.id), change="started")
    assert db.session.scalars(select(FunnelEvent)).all() == []


def test_the_funnel_page_draws_a_chart_with_its_table_and_hides_small_placements(app, client, login_as, db):
    campaign = make_campaign(db)
    admin = login_as("admin")
    campaign.organisation_id = admin.organisation_id
    for n in range(3):
        funnel.credit(campaign.id, "placements", f"placement:{n}", None)
    for n in range(12):
        funnel.credit(campaign.id, "signups", f"organisation:{n}", None)
    db.session.commit()
    page = client.get(f"/manage/campaigns/{campaign.id}/funnel").get_data(as_text=True)
    assert '<svg class="funnel-chart"' in page and 'role="img"' in page and "<title id=\"funnel-title\">" in page
    assert "<caption>Suppilon luvut</caption>" in page
    assert page.count("alle 5") == 2  # placements hidden: in the chart and in the table
    assert '<th scope="row">Työnantajien rekisteröitymiset</th>' in page and "<td class=\"num\">12</td>" in page
    assert "<script" not in page.split("<main")[1]


def test_pledging_is_for_employers_and_a_draft_campaign_takes_none(app, client, login_as, db):
    make_campaign(db, slug="luonnos", status="draft")
    login_as("employer")
    assert client.get("/campaigns/luonnos/pledge").status_code == 404
    coach = make_user("coach")
    sign_in(client, coach)
    assert client.get("/campaigns/luonnos/pledge").status_code == 403


def test_the_real_employer_sign_up_through_the_campaign_link_is_credited(app, client, db):
    from tests.factories import next_business_id

    campaign = make_campaign(db)
    page = client.get("/campaigns/kevat").get_data(as_text=True)
    assert "/employer/signup?c=kevat" in page  # the call to action carries the link
    client.get("/employer/signup?c=kevat")
    response = client.post("/employer/signup", data={
        "organisation_name": "Kampanja Oy", "business_id": next_business_id(), "contact_name": "Kalle",
        "email": "kalle@kampanja.example", "confirm": "y"})
    assert response.status_code == 302
    assert funnel.counts(campaign.id)["signups"] == 1
    org_id = db.session.scalar(select(CampaignReferral.organisation_id))
    from portal.accounts.models import Organisation
    assert db.session.get(Organisation, org_id).name == "Kampanja Oy"

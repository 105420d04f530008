"""A coordinator from the team across organisations: a professional who sees the plan, seen by the team as
the contact."""
from __future__ import annotations

from sqlalchemy import select

from portal import clock
from portal.coordination.models import Coordinator
from portal.extensions import db
from portal.team.models import TeamConsent
from tests.conftest import sign_in

TODAY = clock.today().isoformat()


def _name(client, cid, user):
    return client.post(f"/coordination/candidates/{cid}/coordinator",
                       data={"user_id": user.id, "phase": "job_search", "start_on": TODAY, "note": ""},
                       follow_redirects=True).get_data(as_text=True)


def _as_coach(client, world):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    return world.ids["candidate"]


def test_a_social_worker_sharing_the_plan_is_offered_named_and_seen_by_the_team_as_the_contact(client, world):
    cid, social = _as_coach(client, world), world.users["professional"]
    form = client.get(f"/coordination/candidates/{cid}/coordinator").get_data(as_text=True)
    assert f'value="{social.id}"' in form
    assert f'value="{world.users["peer"].id}"' not in form  # a peer never coordinates
    assert "The hand-over has been saved" in _name(client, cid, social)
    sign_in(client, world.users["peer"])
    client.get("/start?lang=en")
    page = client.get(f"/team/candidates/{cid}").get_data(as_text=True)
    assert "Work-ability coordinator" in page and social.name in page and social.email in page


def test_a_peer_or_a_member_without_the_plan_cannot_be_named(client, world):
    cid = _as_coach(client, world)
    assert "must be one of the people working with the candidate" in _name(client, cid, world.users["peer"])
    consent = db.session.get(TeamConsent, world.ids["team_consent_professional"])
    consent.scopes = "work_ability"
    db.session.commit()
    assert "must be one of the people working with the candidate" in _name(client, cid, world.users["professional"])


def test_a_withdrawn_consent_leaves_the_person_without_a_coordinator_at_once(client, world):
    cid, social = _as_coach(client, world), world.users["professional"]
    _name(client, cid, social)
    assert db.session.scalars(select(Coordinator.user_id).where(Coordinator.candidate_id == cid,
                                                                Coordinator.end_on.is_(None))).all() == [social.id]
    assert "no coordinator" not in client.get("/coaching/").get_data(as_text=True)
    consent = db.session.get(TeamConsent, world.ids["team_consent_professional"])
    consent.withdrawn_at = clock.now()
    db.session.commit()
    assert "no coordinator" in client.get("/coaching/").get_data(as_text=True)

"""The candidate's own pages: profile, goals in own words, consents, and the data download."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from portal import clock
from portal.audit.models import AuditEvent
from portal.coaching.models import Consent, Goal, PlanChange
from portal.coaching.services import has_valid_consent
from tests.access.coaching import SENSITIVE
from tests.conftest import sign_in

TARGET = (clock.today() + timedelta(days=30)).isoformat()


def as_candidate(client, world, who="candidate"):
    sign_in(client, world.users[who])
    client.get("/start?lang=en")


def count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_start_page_of_a_candidate_is_their_own_profile(client, world):
    as_candidate(client, world)
    response = client.get("/start")
    assert response.status_code == 302 and response.headers["Location"].endswith("/my/")
    page = client.get("/my/").get_data(as_text=True)
    assert SENSITIVE["name"] in page and "Lifting and carrying: Briefly" in page and "Quiet workspace" in page


def test_the_profile_is_shown_in_the_candidates_language(client, world):
    sign_in(client, world.users["candidate"])
    assert "Nostaminen ja kantaminen: Lyhytkestoisesti" in client.get("/my/?lang=fi").get_data(as_text=True)
    assert "Lyfta och bära: Kortvarigt" in client.get("/my/?lang=sv").get_data(as_text=True)


def test_a_candidate_without_a_record_sees_an_empty_state_and_nobody_elses_data(client, world):
    as_candidate(client, world, "second_candidate")
    page = client.get("/my/").get_data(as_text=True)
    assert "has not yet made your record" in page and SENSITIVE["name"] not in page
    assert client.get("/my/plan").status_code == 404
    assert client.get(f"/my/plan/goals/{world.ids['goal']}").status_code == 404
    assert client.get("/my/data.json").status_code == 404


def test_a_candidate_edits_a_goal_in_their_own_words(client, world, db):
    as_candidate(client, world)
    goal_id = world.ids["goal"]
    response = client.post(f"/my/plan/goals/{goal_id}", data={
        "own_words": "Haluan töihin kauppaan", "measure": "Kolme hakemusta",
        "target_date": (clock.today() + timedelta(days=45)).isoformat()})
    assert response.status_code == 302
    goal = db.session.get(Goal, goal_id)
    assert goal.own_words == "Haluan töihin kauppaan" and goal.title == SENSITIVE["goal"]
    change = db.session.scalars(select(PlanChange)).one()
    assert change.actor_id == world.users["candidate"].id and set(change.changes) == {"own_words", "target_date"}
    page = client.get("/my/plan").get_data(as_text=True)
    assert "Haluan töihin kauppaan" in page and "Goal changed" in page


def test_a_candidates_new_goal_needs_a_measure_and_a_date(client, world, db):
    as_candidate(client, world)
    before = count(db, Goal)
    page = client.post("/my/plan/goals/new", data={"own_words": "Oma tavoite", "measure": "", "target_date": ""})
    text = page.get_data(as_text=True)
    assert "Every goal needs a measure" in text and "Oma tavoite" in text
    page = client.post("/my/plan/goals/new", data={"own_words": "Oma tavoite", "measure": "Valmis"})
    assert "Every goal needs a target date." in page.get_data(as_text=True)
    assert count(db, Goal) == before
    client.post("/my/plan/goals/new", data={"own_words": "Oma tavoite", "measure": "Valmis", "target_date": TARGET})
    goal = db.session.scalars(select(Goal).where(Goal.own_words == "Oma tavoite")).one()
    assert goal.title == "Oma tavoite" and goal.responsible == world.users["candidate"].name


def test_a_candidate_cannot_reach_another_candidates_goal(client, world, db):
    as_candidate(client, world, "other_candidate")
    assert client.post(f"/my/plan/goals/{world.ids['goal']}", data={"own_words": "x", "measure": "y",
                                                                     "target_date": TARGET}).status_code == 404
    assert db.session.get(Goal, world.ids["goal"]).own_words == SENSITIVE["own_words"]


def test_a_candidate_grants_and_withdraws_a_consent(client, world, db):
    as_candidate(client, world)
    cid, other = world.ids["candidate"], world.orgs["other_employer"]
    page = client.post("/my/consents", data={"employer_id": "424242", "scope": "profile"})
    assert "does not exist in the portal" in page.get_data(as_text=True)
    assert count(db, Consent) == 1
    assert client.post("/my/consents", data={"employer_id": str(other.id), "scope": "profile"}).status_code == 302
    assert has_valid_consent(cid, other.id)
    consent = db.session.scalars(select(Consent).where(Consent.employer_organisation_id == other.id)).one()
    assert consent.given_by_id == world.users["candidate"].id and not consent.recorded_by_coach
    confirm = client.get(f"/my/consents/{consent.id}/withdraw").get_data(as_text=True)
    assert f"Withdraw the consent for {other.name}?" in confirm
    client.post(f"/my/consents/{consent.id}/withdraw")
    assert not has_valid_consent(cid, other.id)
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_id == cid)).all()
    assert "consent_given" in actions and "consent_withdrawn" in actions


def test_a_candidate_cannot_withdraw_another_candidates_consent(client, world, db):
    as_candidate(client, world, "other_candidate")
    assert client.post(f"/my/consents/{world.ids['consent']}/withdraw").status_code == 404
    assert db.session.get(Consent, world.ids["consent"]).withdrawn_at is None


def test_the_download_holds_all_the_candidates_data_and_is_logged(client, world, db):
    as_candidate(client, world)
    client.get("/my/")
    response = client.get("/my/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    text = json.dumps(data, ensure_ascii=False)
    assert all(value in text for value in SENSITIVE.values())  # everything held on them, nothing held back
    assert data["functional_limits"] == [{"physical_demand": "lifting", "highest_level_managed": "brief"}]
    assert data["assessment"]["multi_sector"] is True and len(data["plan"]["goals"]) == 1
    assert {"code": "quiet_workspace", "label": "Quiet workspace"} in data["adjustments_needed"]
    assert data["consents"][0]["withdrawn_at"] is None
    assert any(e["action"] == "candidate_read" for e in data["access_log"])
    assert count(db, AuditEvent, AuditEvent.action == "candidate_exported") == 1

"""Issue 19, tester's finding 2: a coordinator from another organisation sees the whole plan and hands over."""
from __future__ import annotations

from sqlalchemy import select

from portal import clock
from portal.coaching.models import FollowUp, Goal, Plan
from portal.coordination.models import Coordinator, Referral
from portal.extensions import db
from portal.team.models import TeamConsent
from tests.access.coaching import SENSITIVE
from tests.conftest import sign_in

TODAY = clock.today()


def _as(client, user):
    user.language = "en"
    db.session.commit()
    sign_in(client, user)
    client.get("/start?lang=en")


def _coordinated(world, scopes="plan"):
    """The world candidate's coordinator becomes the social worker, whose consent shares only `scopes`."""
    cid, social = world.ids["candidate"], world.users["professional"]
    current = db.session.scalar(select(Coordinator).where(Coordinator.candidate_id == cid,
                                                          Coordinator.end_on.is_(None)))
    current.end_on = TODAY
    db.session.add(Coordinator(candidate_id=cid, user_id=social.id, phase="job_search", start_on=TODAY,
                               recorded_by_id=world.users["coach"].id, note="Työkokeilu alkaa"))
    db.session.get(TeamConsent, world.ids["team_consent_professional"]).scopes = scopes
    db.session.commit()
    return cid


def test_the_coordinator_sees_every_partys_part_and_the_referrals_on_their_team_page(client, world):
    cid = _coordinated(world)
    referral = db.session.get(Referral, world.ids["referral"])
    referral.state, referral.answered_on, referral.answer_text = "completed", TODAY, "Hyllytys sujuu hyvin"
    db.session.commit()
    _as(client, world.users["professional"])
    team_page = client.get(f"/team/candidates/{cid}").get_data(as_text=True)
    assert "Coordination: the whole plan" in team_page
    page = client.get(f"/coordination/team/candidates/{cid}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    # Follow-ups too, although the consent shares only the plan; the referral with its reason and answer.
    assert SENSITIVE["goal"] in html and SENSITIVE["follow_up"] in html
    assert SENSITIVE["referral_reason"] in html and "Hyllytys sujuu hyvin" in html and "Result received" in html
    assert "Työkokeilu alkaa" in html and world.users["coach"].name in html
    assert SENSITIVE["limits_note"] not in html and SENSITIVE["situation"] not in html  # health only by scope


def test_an_answer_naming_health_is_hidden_from_a_coordinator_without_the_work_ability_scope(client, world):
    cid = _coordinated(world)
    referral = db.session.get(Referral, world.ids["referral"])
    referral.state, referral.answered_on, referral.answer_text = "completed", TODAY, "Todettu masennus"
    db.session.commit()
    _as(client, world.users["professional"])
    html = client.get(f"/coordination/team/candidates/{cid}").get_data(as_text=True)
    assert "masennus" not in html and "shown only to the coaches" in html
    db.session.get(TeamConsent, world.ids["team_consent_professional"]).scopes = "plan,work_ability"
    db.session.commit()
    assert "Todettu masennus" in client.get(f"/coordination/team/candidates/{cid}").get_data(as_text=True)


def test_the_coordinator_hands_over_to_the_next_and_then_loses_the_whole_plan(client, world):
    cid = _coordinated(world)
    _as(client, world.users["professional"])
    url = f"/coordination/team/candidates/{cid}/coordinator"
    assert world.users["coach"].name in client.get(url).get_data(as_text=True)
    refused = client.post(url, data={"user_id": world.users["peer"].id, "phase": "job_search",
                                     "start_on": TODAY.isoformat(), "note": ""}).get_data(as_text=True)
    assert "must be one of the people working with the candidate" in refused
    done = client.post(url, data={"user_id": world.users["coach"].id, "phase": "in_work",
                                  "start_on": TODAY.isoformat(), "note": "Työsuhde alkoi"}, follow_redirects=True)
    assert "The hand-over has been saved" in done.get_data(as_text=True)
    assert db.session.scalar(select(Coordinator.user_id).where(Coordinator.candidate_id == cid,
                                                               Coordinator.end_on.is_(None))) == world.users["coach"].id
    assert client.get(f"/coordination/team/candidates/{cid}").status_code == 404


def test_the_coordinator_loses_it_at_once_when_the_consent_is_withdrawn(client, world):
    cid = _coordinated(world)
    _as(client, world.users["professional"])
    assert client.get(f"/coordination/team/candidates/{cid}").status_code == 200
    db.session.get(TeamConsent, world.ids["team_consent_professional"]).withdrawn_at = clock.now()
    db.session.commit()
    for url in (f"/coordination/team/candidates/{cid}", f"/coordination/team/candidates/{cid}/coordinator"):
        assert client.get(url).status_code == 404
    assert client.post(f"/coordination/team/candidates/{cid}/coordinator",
                       data={"user_id": world.users["coach"].id, "phase": "in_work",
                             "start_on": TODAY.isoformat()}).status_code == 404


def test_a_member_who_is_not_the_coordinator_gets_404_and_no_section(client, world):
    cid = world.ids["candidate"]  # the coach coordinates
    _as(client, world.users["professional"])
    assert "Coordination: the whole plan" not in client.get(f"/team/candidates/{cid}").get_data(as_text=True)
    assert client.get(f"/coordination/team/candidates/{cid}").status_code == 404


def test_the_whole_plan_page_makes_no_query_per_goal(client, world, count_queries):
    cid = _coordinated(world)
    _as(client, world.users["professional"])
    url = f"/coordination/team/candidates/{cid}"
    client.get(url)
    statements = count_queries()
    client.get(url)
    few = len(statements)
    plan = db.session.scalar(select(Plan).where(Plan.candidate_id == cid))
    for n in range(5):
        goal = Goal(plan_id=plan.id, title=f"Tavoite {n}", measure="m", status="open", target_date=TODAY)
        db.session.add(goal)
        db.session.flush()
        db.session.add(FollowUp(goal_id=goal.id, follow_up_on=TODAY, note=f"Seuranta {n}"))
    db.session.commit()
    statements = count_queries()
    html = client.get(url).get_data(as_text=True)
    assert "Seuranta 4" in html and len(statements) == few

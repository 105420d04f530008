"""Issue 19, tester's finding 1: health words stay out of what peers and members without a health scope read."""
from __future__ import annotations

from sqlalchemy import select

from portal import clock
from portal.coaching.models import Goal, PlanStep
from portal.coordination.models import Coordinator, Referral
from portal.extensions import db
from portal.team.models import TeamConsent
from tests.conftest import sign_in

TODAY = clock.today()
DIAGNOSIS = "Työpajalla todettu masennus ja diabetes, ICD-10 F 32 . 1"
REFUSED = "Write it in work terms, never a diagnosis or a condition"


def _as(client, user):
    user.language = "en"
    db.session.commit()
    sign_in(client, user)
    client.get("/start?lang=en")


def _name_coordinator(client, world, user):
    cid = world.ids["candidate"]
    return client.post(f"/coordination/candidates/{cid}/coordinator",
                       data={"user_id": user.id, "phase": "job_search", "start_on": TODAY.isoformat(), "note": ""},
                       follow_redirects=True).get_data(as_text=True)


def test_the_plan_step_made_from_a_referral_names_the_kind_and_date_never_the_answer(client, world):
    _as(client, world.users["coach"])
    cid, rid = world.ids["candidate"], world.ids["referral"]
    response = client.post(f"/coordination/candidates/{cid}/referrals/{rid}",
                           data={"answer": "completed", "answered_on": TODAY.isoformat(),
                                 "answer_text": "Hyllytys sujuu; todettu masennus ja diabetes.",
                                 "step_kind": "work_activity"}, follow_redirects=True)
    assert "The answer has been recorded." in response.get_data(as_text=True)
    db.session.expire_all()
    step = db.session.get(PlanStep, db.session.get(Referral, rid).plan_step_id)
    assert "masennus" not in step.note and "Hyllytys" not in step.note
    assert "Assessment at a workshop" in step.note
    # The peer on the team (plan scope) reads the steps: no word of the answer reaches them.
    _as(client, world.users["peer"])
    page = client.get(f"/team/candidates/{cid}").get_data(as_text=True)
    assert "masennus" not in page and "diabetes" not in page


def test_a_coordinator_without_a_health_scope_makes_health_words_in_an_answer_refused(client, world):
    social = world.users["professional"]
    _as(client, world.users["coach"])
    assert "The hand-over has been saved" in _name_coordinator(client, world, social)
    consent = db.session.get(TeamConsent, world.ids["team_consent_professional"])
    consent.scopes = "follow_ups,plan"
    db.session.commit()
    url = f"/coordination/candidates/{world.ids['candidate']}/referrals/{world.ids['referral']}"
    data = {"answer": "completed", "answered_on": TODAY.isoformat(), "answer_text": DIAGNOSIS, "step_kind": ""}
    refused = client.post(url, data=data).get_data(as_text=True)
    assert REFUSED in refused and "masennus" in refused
    db.session.expire_all()
    assert db.session.get(Referral, world.ids["referral"]).state == "sent"
    # With the work-ability scope shared, the coordinator may read it: the answer is recorded.
    consent.scopes = "follow_ups,plan,work_ability"
    db.session.commit()
    assert "The answer has been recorded." in client.post(url, data=data, follow_redirects=True).get_data(as_text=True)


def test_the_hand_over_note_is_refused_with_a_diagnosis_or_a_spaced_icd_code(client, world):
    _as(client, world.users["coach"])
    cid = world.ids["candidate"]
    before = db.session.scalars(select(Coordinator.id).where(Coordinator.candidate_id == cid)).all()
    for note in (DIAGNOSIS, "Dg F 32 . 1 ennen"):
        page = client.post(f"/coordination/candidates/{cid}/coordinator",
                           data={"user_id": world.users["professional"].id, "phase": "job_search",
                                 "start_on": TODAY.isoformat(), "note": note}).get_data(as_text=True)
        assert REFUSED in page and "F 32 . 1" in page
    assert db.session.scalars(select(Coordinator.id).where(Coordinator.candidate_id == cid)).all() == before


def test_a_members_measure_and_follow_up_with_health_words_are_refused(client, world):
    _as(client, world.users["professional"])
    url = f"/team/candidates/{world.ids['candidate']}"
    bad = client.post(f"{url}/measures", data={"measure-title": "Diabeteksen hoito", "measure-measure": "Sopimus"})
    assert bad.status_code == 200 and REFUSED in bad.get_data(as_text=True)
    assert db.session.scalar(select(Goal).where(Goal.title == "Diabeteksen hoito")) is None
    ok = client.post(f"{url}/measures", data={"measure-title": "Asumisen tuki", "measure-measure": "Sopimus",
                                              "measure-target_date": "2027-06-30"})
    assert ok.status_code == 302
    goal = db.session.scalar(select(Goal).where(Goal.title == "Asumisen tuki"))
    bad = client.post(f"{url}/follow-ups", data={"follow-goal_id": goal.id, "follow-follow_up_on": "2026-01-02",
                                                 "follow-note": "Masennus pahentunut"})
    assert bad.status_code == 200 and REFUSED in bad.get_data(as_text=True)

"""Referrals: the reason in work terms, the receiving party, its answer, and the result as a step of the plan."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.coaching.erasure import erase_candidate
from portal.coaching.models import Candidate, PlanStep
from portal.coordination.models import Coordinator, Referral
from tests.access.coaching import build_candidate
from tests.conftest import sign_in

TODAY = clock.today()


def as_coach(client, world):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    return world.ids["candidate"]


def _new(client, cid, **fields):
    data = {"kind": "work_ability_assessment", "reason": "Jaksaako neljän tunnin seisomatyötä kaupassa",
            "organisation_id": "", "receiving_name": "Hyvinvointialueen työkyvyn arviointi",
            "sent_on": TODAY.isoformat()} | fields
    return client.post(f"/coordination/candidates/{cid}/referrals/new", data=data, follow_redirects=True)


def test_the_form_says_the_reason_is_in_work_terms_never_a_diagnosis(client, world, db):
    cid = as_coach(client, world)
    page = client.get(f"/coordination/candidates/{cid}/referrals/new").get_data(as_text=True)
    assert "Never write a diagnosis or a condition." in page


def test_a_referral_to_an_outside_party_is_recorded_and_shown_on_the_plan(client, world, db):
    cid = as_coach(client, world)
    response = _new(client, cid)
    assert "The referral has been recorded." in response.get_data(as_text=True)
    referral = db.session.scalars(select(Referral).where(Referral.kind == "work_ability_assessment")).one()
    assert (referral.state, referral.receiving_name, referral.receiving_organisation_id) == (
        "sent", "Hyvinvointialueen työkyvyn arviointi", None)
    page = client.get(f"/coaching/candidates/{cid}/plan").get_data(as_text=True)
    assert "Work-ability assessment in health care" in page and "Waiting for an answer" in page


def test_a_referral_to_an_organisation_of_the_portal(client, world, db):
    cid = as_coach(client, world)
    provider = world.orgs["other_provider"]
    _new(client, cid, organisation_id=provider.id, receiving_name="")
    referral = db.session.scalars(select(Referral).where(Referral.receiving_organisation_id == provider.id)).one()
    assert referral.receiving_name == ""
    employer = world.orgs["employer"]  # health-related referrals never go to an employer
    response = _new(client, cid, organisation_id=employer.id, receiving_name="")
    assert "Choose the receiving organisation from the list." in response.get_data(as_text=True)


def test_a_referral_refuses_what_is_missing_or_wrong_with_clear_messages(client, world, db):
    cid = as_coach(client, world)
    cases = [
        ({"reason": " "}, "Write the reason for the referral in work terms."),
        ({"receiving_name": ""}, "Choose the receiving organisation, or name the outside party."),
        ({"organisation_id": world.orgs["other_provider"].id}, "not both"),
        ({"sent_on": (TODAY + timedelta(days=1)).isoformat()}, "The date cannot be in the future."),
        ({"kind": "surgery"}, "Choose the kind of referral from the list."),
        ({"reason": "Masennus haittaa työntekoa"}, "Describe the reason in work terms, never a diagnosis"),
        ({"sent_on": "32.13.2026", "organisation_id": "abc"}, None),
    ]
    for fields, message in cases:
        response = _new(client, cid, **fields)
        assert response.status_code == 200
        if message:
            assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalars(select(Referral).where(Referral.candidate_id == cid)).all() == [
        db.session.get(Referral, world.ids["referral"])]


def test_the_answer_is_recorded_on_the_partys_behalf_and_the_result_becomes_a_plan_step(client, world, db):
    cid = as_coach(client, world)
    rid = world.ids["referral"]
    url = f"/coordination/candidates/{cid}/referrals/{rid}"
    response = client.post(url, data={"answer": "accepted", "answered_on": TODAY.isoformat(), "answer_text": "",
                                      "step_kind": "work_activity"}, follow_redirects=True)
    assert "The answer has been recorded." in response.get_data(as_text=True)
    db.session.expire_all()
    referral = db.session.get(Referral, rid)
    assert (referral.state, referral.answer_on_behalf, referral.answered_by_id) == (
        "accepted", True, world.users["coach"].id)
    step = db.session.get(PlanStep, referral.plan_step_id)
    assert (step.kind, step.start_on, step.candidate_id) == ("work_activity", TODAY, cid)
    response = client.post(url, data={"answer": "completed", "answered_on": TODAY.isoformat(),
                                      "answer_text": "Hyllytys sujuu neljä tuntia päivässä."}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Result received" in page and "Hyllytys sujuu neljä tuntia päivässä." in page
    assert "recorded by the coach for the receiving party" in page
    assert "The referral is closed" in page
    page = client.get(f"/coaching/candidates/{cid}/plan").get_data(as_text=True)
    assert "Step of the plan: Work activity" in page


def test_an_answer_that_does_not_fit_is_refused(client, world, db):
    cid = as_coach(client, world)
    url = f"/coordination/candidates/{cid}/referrals/{world.ids['referral']}"
    cases = [
        ({"answer": "declined", "answer_text": ""}, "Write why the referral was declined"),
        ({"answer": "accepted", "answered_on": (TODAY - timedelta(days=30)).isoformat()},
         "cannot be dated before the referral was made"),
        ({"answer": "accepted", "step_kind": "surgery"}, "choose the step from the list"),
        ({"answer": "declined", "answer_text": "Ei paikkoja", "step_kind": "day_activity"},
         "A declined referral starts no step"),
        ({"answer": "maybe"}, "Choose the answer from the list."),
        ({"answered_on": "x"}, None),
    ]
    for fields, message in cases:
        data = {"answer": "accepted", "answered_on": TODAY.isoformat(), "answer_text": "", "step_kind": ""} | fields
        response = client.post(url, data=data)
        assert response.status_code == 200
        if message:
            assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Referral, world.ids["referral"]).state == "sent"
    assert db.session.scalars(select(PlanStep.id).where(PlanStep.candidate_id == cid)).all() == [world.ids["step"]]


def test_cancelling_asks_first_and_keeps_the_referral_in_the_history(client, world, db):
    cid = as_coach(client, world)
    url = f"/coordination/candidates/{cid}/referrals/{world.ids['referral']}/cancel"
    page = client.get(url).get_data(as_text=True)
    assert "Cancel the referral to Työpaja?" in page and "Yes, cancel the referral" in page
    response = client.post(url, follow_redirects=True)
    assert "The referral has been cancelled." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Referral, world.ids["referral"]).state == "cancelled"
    response = client.post(url, follow_redirects=True)  # again: refused, said so, no 500
    assert "Only a referral still waiting or accepted can be cancelled." in response.get_data(as_text=True)


def test_another_candidates_referral_is_404(client, world, db):
    cid = as_coach(client, world)
    second = build_candidate(world)  # also ours, but the referral belongs to the first candidate
    db.session.commit()
    rid = world.ids["referral"]
    assert client.get(f"/coordination/candidates/{second.id}/referrals/{rid}").status_code == 404
    assert client.post(f"/coordination/candidates/{second.id}/referrals/{rid}/cancel").status_code == 404
    assert client.get(f"/coordination/candidates/{cid}/referrals/99999").status_code == 404
    assert db.session.get(Referral, rid).state == "sent"


def test_the_candidate_sees_their_referrals_and_coordinator_in_their_own_plan(client, world, db):
    sign_in(client, world.users["candidate"])
    client.get("/start?lang=en")
    page = client.get("/my/plan").get_data(as_text=True)
    assert "Assessment at a workshop" in page and "Työpaja" in page and "Waiting for an answer" in page


def test_erasure_clears_the_text_of_referrals_and_hand_overs(client, world, db):
    cid = world.ids["candidate"]
    db.session.get(Coordinator, db.session.scalar(select(Coordinator.id).where(Coordinator.candidate_id == cid)))\
        .note = "Siirtomuistio"
    db.session.commit()
    erase_candidate(db.session.get(Candidate, cid), world.users["coach"], agreed=True)
    db.session.commit()
    referral = db.session.get(Referral, world.ids["referral"])
    assert (referral.reason, referral.answer_text, referral.receiving_name) == ("", "", "")
    assert db.session.scalar(select(Coordinator.note).where(Coordinator.candidate_id == cid)) == ""


def test_the_coach_reads_the_reason_on_the_referral_page_and_the_read_is_logged(client, world, db):
    # The privacy test (tests/web/test_coaching_privacy.py) looks for this reason on every outsider's page.
    from portal.audit.models import AuditEvent
    from tests.access.coaching import SENSITIVE

    cid = as_coach(client, world)
    page = client.get(f"/coordination/candidates/{cid}/referrals/{world.ids['referral']}").get_data(as_text=True)
    assert SENSITIVE["referral_reason"] in page
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_read",
                                                         AuditEvent.object_id == cid)).all()
    assert any(e.detail == {"part": "referrals"} for e in events)


def test_the_candidates_data_download_holds_their_coordinators_and_referrals(client, world, db):
    import json

    sign_in(client, world.users["candidate"])
    data = json.loads(client.get("/my/data.json").get_data(as_text=True))
    assert [(a["name"], a["phase"], a["end_on"]) for a in data["coordinators"]] == [
        (world.users["coach"].name, "job_search", None)]
    assert [(r["kind"], r["state"], r["receiving_party"]) for r in data["referrals"]] == [
        ("workshop_assessment", "sent", "Työpaja")]

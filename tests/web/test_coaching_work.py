"""Assessment, plan, modules and consents on the coach's side."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal import clock, signals
from portal.coaching.models import Assessment, Candidate, CoachingModule, Consent, Goal, ModuleReview, PlanChange
from portal.coaching.services import consent_covers_introduction, has_valid_consent
from tests.access.coaching import SENSITIVE
from tests.conftest import sign_in

TODAY = clock.today()


def as_coach(client, world):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    return world.ids["candidate"]


def count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_assessment_page_shows_the_fifteen_situations_and_four_focus_areas(client, world):
    cid = as_coach(client, world)
    page = client.get(f"/coaching/candidates/{cid}/assessment").get_data(as_text=True)
    assert page.count('id="sit_') == 15 and page.count('id="focus_') == 4
    assert "Autism spectrum diagnosis" in page and "Housing difficulties" in page
    assert SENSITIVE["situation"] in page and "Multi-sector" in page


def test_several_services_need_participants_and_completion_needs_every_focus_note(client, world, db):
    cid = as_coach(client, world)
    base = {"sit_health": "y", "note_health": "uusi huomio", "services": ["employment_services", "social_work"],
            "participants": ""}
    page = client.post(f"/coaching/candidates/{cid}/assessment", data=base)
    assert "name who takes part" in page.get_data(as_text=True)
    assessment = db.session.scalars(select(Assessment)).one()
    assert {s.code for s in assessment.situations} == {"mental_health"}  # nothing written
    focus = {f"focus_{k}": "huomio" for k in ("own_goals", "work_ability", "treatment_rehabilitation")}
    page = client.post(f"/coaching/candidates/{cid}/assessment",
                       data={**base, **focus, "participants": "TYP", "action": "complete"})
    assert "write a note on each of the four focus areas" in page.get_data(as_text=True)
    focus["focus_special_support"] = "huomio"
    assessment.completed_on = None
    db.session.commit()
    response = client.post(f"/coaching/candidates/{cid}/assessment",
                           data={**base, **focus, "participants": "TYP ja sosiaalityö", "action": "complete"})
    assert response.status_code == 302
    db.session.expire_all()
    assessment = db.session.scalars(select(Assessment)).one()
    assert assessment.multi_sector and assessment.completed_on == TODAY
    assert {s.code: s.note for s in assessment.situations} == {"health": "uusi huomio"}
    assert len(assessment.focus_notes) == 4


def test_one_service_is_not_multi_sector(client, world, db):
    cid = as_coach(client, world)
    client.post(f"/coaching/candidates/{cid}/assessment", data={"services": ["employment_services"]})
    assert not db.session.scalars(select(Assessment)).one().multi_sector


def test_a_goal_without_measure_or_date_is_refused_and_nothing_written(client, world, db):
    cid = as_coach(client, world)
    before = count(db, Goal)
    page = client.post(f"/coaching/candidates/{cid}/plan/goals/new", data={"title": "Uusi tavoite", "measure": ""})
    text = page.get_data(as_text=True)
    assert "Every goal needs a measure" in text and 'Uusi tavoite' in text
    page = client.post(f"/coaching/candidates/{cid}/plan/goals/new",
                       data={"title": "Uusi tavoite", "measure": "Sopimus"})
    assert "Every goal needs a target date." in page.get_data(as_text=True)
    assert count(db, Goal) == before and count(db, PlanChange) == 0


def test_goals_are_added_edited_and_followed_up_with_a_history(client, world, db):
    cid = as_coach(client, world)
    target = (TODAY + timedelta(days=40)).isoformat()
    client.post(f"/coaching/candidates/{cid}/plan/goals/new", data={
        "title": "Työkokeilu", "measure": "Sopimus tehty", "target_date": target, "responsible": "Valmentaja",
        "status": "open"})
    goal = db.session.scalars(select(Goal).where(Goal.title == "Työkokeilu")).one()
    client.post(f"/coaching/candidates/{cid}/plan/goals/{goal.id}", data={
        "action": "goal", "goal-title": "Työkokeilu kaupassa", "goal-measure": "Sopimus tehty",
        "goal-target_date": target, "goal-status": "open"})
    client.post(f"/coaching/candidates/{cid}/plan/goals/{goal.id}", data={
        "action": "follow_up", "fu-follow_up_on": TODAY.isoformat(), "fu-note": "Haastattelu sovittu"})
    db.session.expire_all()
    goal = db.session.get(Goal, goal.id)
    assert goal.title == "Työkokeilu kaupassa" and [f.note for f in goal.follow_ups] == ["Haastattelu sovittu"]
    changes = db.session.scalars(select(PlanChange).order_by(PlanChange.id)).all()
    assert [c.action for c in changes] == ["goal_added", "goal_changed", "follow_up_added"]
    assert changes[1].changes == {"title": ["Työkokeilu", "Työkokeilu kaupassa"]}
    page = client.get(f"/coaching/candidates/{cid}/plan").get_data(as_text=True)
    assert "Goal changed" in page and "Työkokeilu kaupassa" in page


def test_the_print_view_holds_the_whole_plan(client, world):
    cid = as_coach(client, world)
    page = client.get(f"/coaching/candidates/{cid}/plan/print").get_data(as_text=True)
    assert SENSITIVE["goal"] in page and SENSITIVE["follow_up"] in page and "Kolme hakemusta" in page
    assert "print command" in page


def test_a_goal_of_another_candidate_is_not_found(client, world, db):
    cid = as_coach(client, world)
    other = Candidate(code="OTE-XXXX-XXXX", organisation_id=world.orgs["other_provider"].id, status="intake",
                      status_since=TODAY, intake_on=TODAY)
    db.session.add(other)
    db.session.commit()
    goal_id = world.ids["goal"]
    assert client.get(f"/coaching/candidates/{other.id}/plan/goals/{goal_id}").status_code == 404
    assert client.get(f"/coaching/candidates/{cid}/plan/goals/999999").status_code == 404


def test_modules_from_the_directory_and_the_end_before_start_check(client, world, db):
    cid = as_coach(client, world)
    page = client.post(f"/coaching/candidates/{cid}/modules/new", data={
        "title": "Oma moduuli", "start_on": TODAY.isoformat(), "end_on": (TODAY - timedelta(days=1)).isoformat(),
        "status": "planned"})
    assert "The module cannot end before it starts." in page.get_data(as_text=True)
    assert count(db, CoachingModule, CoachingModule.title == "Oma moduuli") == 0
    client.post(f"/coaching/candidates/{cid}/modules/new", data={
        "service_id": str(world.ids["service"]), "start_on": TODAY.isoformat(), "status": "ongoing"})
    module = db.session.scalars(select(CoachingModule).where(CoachingModule.service_id == world.ids["service"])).one()
    assert module.title == "Työnhakuvalmennus ryhmässä" and module.goal_code == "job_search"


def test_a_review_decides_the_exit_and_its_destination(client, world, db):
    cid = as_coach(client, world)
    url = f"/coaching/candidates/{cid}/modules/{world.ids['module']}/review"
    day = TODAY.isoformat()
    page = client.post(url, data={"reviewed_on": day, "results": "Hyvä jakso", "decision": "exit"})
    assert "choose the destination" in page.get_data(as_text=True)
    assert count(db, ModuleReview) == 1  # only the world's earlier review
    response = client.post(url, data={"reviewed_on": day, "results": "Hyvä jakso", "decision": "exit",
                                      "exit_destination": "education", "participants": "Asiakas, tilaaja"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, cid).status == "education"
    assert db.session.get(CoachingModule, world.ids["module"]).status == "completed"
    page = client.post(url, data={"reviewed_on": day, "results": "Toinen", "decision": "next_module"})
    assert "already been reviewed" in page.get_data(as_text=True)


def test_a_consent_for_an_employer_that_does_not_exist_is_refused(client, world, db):
    cid = as_coach(client, world)
    before = count(db, Consent)
    for bad in ("999999", str(world.orgs["buyer"].id), "x"):
        page = client.post(f"/coaching/candidates/{cid}/consents", data={"employer_id": bad, "scope": "profile"})
        assert "does not exist in the portal" in page.get_data(as_text=True)
    assert count(db, Consent) == before


def test_consents_are_checked_for_matching_and_withdrawal_is_announced(client, world, db):
    cid = as_coach(client, world)
    employer, other = world.orgs["employer"].id, world.orgs["other_employer"].id
    assert has_valid_consent(cid, employer) and not has_valid_consent(cid, other)
    client.post(f"/coaching/candidates/{cid}/consents", data={"employer_id": str(other),
                                                               "scope": "profile_contact"})
    assert has_valid_consent(cid, other) and consent_covers_introduction(cid, other)
    # A second consent for the same employer changes what the valid one shares (issue 13, finding 4) ...
    response = client.post(f"/coaching/candidates/{cid}/consents", data={"employer_id": str(other),
                                                                          "scope": "profile"})
    assert response.status_code == 302
    assert has_valid_consent(cid, other) and not consent_covers_introduction(cid, other)
    assert len(db.session.scalars(select(Consent).where(Consent.candidate_id == cid,
                                                        Consent.employer_organisation_id == other)).all()) == 1
    # ... and the same scope again is refused, writing nothing.
    page = client.post(f"/coaching/candidates/{cid}/consents", data={"employer_id": str(other), "scope": "profile"})
    assert "already shares exactly this" in page.get_data(as_text=True)
    heard = []
    receiver = lambda sender, consent, actor: heard.append((consent.id, actor.id))  # noqa: E731
    signals.consent_withdrawn.connect(receiver)
    try:
        response = client.post(f"/coaching/candidates/{cid}/consents/{world.ids['consent']}/withdraw")
    finally:
        signals.consent_withdrawn.disconnect(receiver)
    assert response.status_code == 302 and heard == [(world.ids["consent"], world.users["coach"].id)]
    assert not has_valid_consent(cid, employer)
    assert db.session.get(Consent, world.ids["consent"]).withdrawn_at is not None

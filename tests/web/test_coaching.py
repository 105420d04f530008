"""The coach's caseload and candidate record through the web client."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal import clock
from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate, CandidateCoach, EmployerContact, StatusChange
from portal.domain.profile import valid_code
from tests.access.coaching import SENSITIVE, build_candidate
from tests.factories import make_user

PROFILE = {"name": "Uusi Asiakas", "email": "uusi@test.example", "municipality_code": "837",
           "skills": ["cleaning", "warehouse"], "skills_text": "Siivous ja Varasto",
           "occupations_text": "Siivooja\nVarastotyöntekijä",
           "desired_work_text": "Aamuvuorot Tampereella", "hours_min": "20", "hours_max": "30",
           "limit_lifting": "brief", "lang_fi": "native", "lang_en": "basic", "adjustments": ["part_time"],
           "target_groups": ["partial_work_ability"], "support_intensity": "light"}


def english(client):
    client.get("/start?lang=en")


def count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_a_coach_takes_in_a_candidate_with_a_normalised_profile(client, login_as, db):
    coach = login_as("coach")
    response = client.post("/coaching/candidates/new", data=PROFILE)
    assert response.status_code == 302
    c = db.session.scalars(select(Candidate)).one()
    assert valid_code(c.code) and c.status == "intake" and c.organisation_id == coach.organisation_id
    assert [link.user_id for link in c.coach_links] == [coach.id]
    assert {s.code for s in c.skills} == {"cleaning", "warehouse"}
    assert c.skills_folded == "siivous ja varasto"
    assert [(o.name, o.name_folded) for o in c.occupations] == [("Siivooja", "siivooja"),
                                                                ("Varastotyöntekijä", "varastotyontekija")]
    assert [(x.demand_code, x.max_level) for x in c.limits] == [("lifting", "brief")]
    assert {(x.code, x.level) for x in c.languages} == {("fi", "native"), ("en", "basic")}
    assert (c.hours_min, c.hours_max) == (20, 30)
    assert count(db, StatusChange, StatusChange.candidate_id == c.id) == 1
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_created")).one()
    assert event.object_id == c.id and event.organisation_id == coach.organisation_id
    assert "Uusi" not in str(event.detail)  # the log names parts, never values


def test_reversed_hours_are_refused_with_a_clear_message_and_nothing_written(client, login_as, db):
    login_as("coach")
    english(client)
    page = client.post("/coaching/candidates/new", data={**PROFILE, "hours_min": "30", "hours_max": "20"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "The smallest number of hours is larger than the largest. Swap them." in text
    assert 'value="Uusi Asiakas"' in text  # what was typed is kept
    assert count(db, Candidate) == 0 and count(db, AuditEvent, AuditEvent.object_type == "candidate") == 0


def test_editing_with_reversed_hours_changes_nothing(client, world, db):
    from tests.conftest import sign_in
    sign_in(client, world.users["coach"])
    english(client)
    cid = world.ids["candidate"]
    page = client.post(f"/coaching/candidates/{cid}/edit", data={**PROFILE, "hours_min": "35", "hours_max": "10"})
    assert "Swap them" in page.get_data(as_text=True)
    c = db.session.get(Candidate, cid)
    assert (c.hours_min, c.hours_max, c.name) == (20, 30, SENSITIVE["name"])


def test_unknown_catalogue_codes_are_refused(client, login_as, db):
    login_as("coach")
    english(client)
    page = client.post("/coaching/candidates/new", data={**PROFILE, "municipality_code": "999"})
    assert page.status_code == 200 and count(db, Candidate) == 0


def test_caseload_lists_status_follow_up_and_days_since_employer_contact(client, world, db):
    from tests.conftest import sign_in
    sign_in(client, world.users["coach"])
    english(client)
    page = client.get("/coaching/").get_data(as_text=True)
    assert SENSITIVE["name"] in page and "Job search" in page
    assert "Active candidates: 1" in page and "Fidelity limit: 20" in page
    contact = db.session.scalars(select(EmployerContact)).one()
    assert f">{(clock.today() - contact.contact_on).days}<" in page
    assert "Warning:" not in page
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "caseload_read")).one()
    assert event.detail == {"candidates": [world.ids["candidate"]]}


def test_caseload_warns_above_the_fidelity_limit(client, world, db):
    from tests.conftest import sign_in
    for _ in range(20):
        build_candidate(world)
    db.session.commit()
    sign_in(client, world.users["coach"])
    english(client)
    page = client.get("/coaching/").get_data(as_text=True)
    assert "Active candidates: 21" in page and "above the supported-employment fidelity limit" in page


def test_caseload_query_count_does_not_grow_with_candidates(client, world, db, count_queries):
    from tests.conftest import sign_in
    sign_in(client, world.users["coach"])
    client.get("/coaching/")
    statements = count_queries()
    client.get("/coaching/")
    few = len(statements)
    for _ in range(15):
        build_candidate(world)
    db.session.commit()
    statements.clear()
    page = client.get("/coaching/")
    assert page.status_code == 200 and page.get_data(as_text=True).count(SENSITIVE["name"]) == 16
    assert len(statements) == few, statements


def test_caseload_filters_and_search(client, world, db):
    from tests.conftest import sign_in
    other = build_candidate(world)
    other.name, other.status = "Toinen Henkilö", "exited"
    db.session.commit()
    sign_in(client, world.users["coach"])
    assert "Toinen Henkilö" not in client.get("/coaching/").get_data(as_text=True)
    assert "Toinen Henkilö" in client.get("/coaching/?status=all").get_data(as_text=True)
    assert "Toinen Henkilö" in client.get("/coaching/?status=exited&q=toinen").get_data(as_text=True)
    assert SENSITIVE["name"] not in client.get("/coaching/?status=all&q=toinen").get_data(as_text=True)


def test_coaches_of_the_same_provider_share_a_candidate(client, world, db):
    from tests.conftest import sign_in
    cid, second = world.ids["candidate"], world.users["second_coach"]
    sign_in(client, second)
    assert client.get(f"/coaching/candidates/{cid}").status_code == 404
    sign_in(client, world.users["coach"])
    client.post(f"/coaching/candidates/{cid}/team", data={"action": "add", "add-coach_id": str(second.id)})
    assert count(db, CandidateCoach, CandidateCoach.candidate_id == cid) == 2
    sign_in(client, second)
    assert client.get(f"/coaching/candidates/{cid}").status_code == 200
    assert SENSITIVE["name"] in client.get("/coaching/").get_data(as_text=True)


def test_a_coach_of_another_organisation_cannot_be_added(client, world, db):
    from tests.conftest import sign_in
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    client.post(f"/coaching/candidates/{cid}/team", data={"action": "add",
                                                         "add-coach_id": str(world.users["other_coach"].id)})
    assert count(db, CandidateCoach, CandidateCoach.candidate_id == cid) == 1


def test_the_last_coach_cannot_be_removed(client, world, db):
    from tests.conftest import sign_in
    cid, coach = world.ids["candidate"], world.users["coach"]
    sign_in(client, coach)
    client.post(f"/coaching/candidates/{cid}/team", data={"action": "remove", "user_id": str(coach.id)})
    assert count(db, CandidateCoach, CandidateCoach.candidate_id == cid) == 1


def test_linking_the_candidates_own_login(client, world, db):
    from tests.conftest import sign_in
    c = build_candidate(world)
    login = make_user("candidate", world.orgs["provider"])
    outsider = make_user("candidate", world.orgs["other_provider"])
    db.session.commit()
    sign_in(client, world.users["coach"])
    client.post(f"/coaching/candidates/{c.id}/team", data={"action": "account", "account-user_id": str(outsider.id)})
    assert db.session.get(Candidate, c.id).user_id is None
    # A login already linked to another record cannot be linked twice.
    client.post(f"/coaching/candidates/{c.id}/team", data={"action": "account",
                                                          "account-user_id": str(world.users["candidate"].id)})
    assert db.session.get(Candidate, c.id).user_id is None
    client.post(f"/coaching/candidates/{c.id}/team", data={"action": "account", "account-user_id": str(login.id)})
    assert db.session.get(Candidate, c.id).user_id == login.id


def test_status_change_keeps_history_and_refuses_bad_dates(client, world, db):
    from tests.conftest import sign_in
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    english(client)
    future = (clock.today() + timedelta(days=3)).isoformat()
    page = client.post(f"/coaching/candidates/{cid}/status", data={"status": "work_trial", "since": future})
    assert "The date cannot be in the future." in page.get_data(as_text=True)
    assert db.session.get(Candidate, cid).status == "job_search"
    response = client.post(f"/coaching/candidates/{cid}/status", data={"status": "work_trial",
                                                                       "since": clock.today().isoformat()})
    assert response.status_code == 302
    assert db.session.get(Candidate, cid).status == "work_trial"
    assert count(db, StatusChange, StatusChange.candidate_id == cid) == 3


def test_employer_contacts_feed_days_since(client, world, db):
    from tests.conftest import sign_in
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    client.post(f"/coaching/candidates/{cid}/contacts", data={"contact_on": clock.today().isoformat(), "note": "x"})
    assert db.session.get(Candidate, cid).last_employer_contact == clock.today()
    future = (clock.today() + timedelta(days=1)).isoformat()
    client.post(f"/coaching/candidates/{cid}/contacts", data={"contact_on": future})
    assert count(db, EmployerContact, EmployerContact.candidate_id == cid) == 2

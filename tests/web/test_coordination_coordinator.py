"""The work-ability coordinator: named per phase, seen as the contact on every plan page, never left missing."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate, CandidateCoach
from portal.coordination.models import Coordinator
from tests.access.coaching import build_candidate
from tests.conftest import sign_in

TODAY = clock.today()


def as_coach(client, world):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    return world.ids["candidate"]


def _current(db, cid):
    db.session.expire_all()
    return db.session.scalars(select(Coordinator).where(Coordinator.candidate_id == cid,
                                                        Coordinator.end_on.is_(None))).all()


def test_the_caseload_flags_a_person_without_a_coordinator_until_one_is_named(client, world, db):
    as_coach(client, world)
    new = build_candidate(world)
    new.name = "Ilman Koordinaattoria"
    db.session.commit()
    page = client.get("/coaching/").get_data(as_text=True)
    assert page.count("no coordinator") == 1  # the new person; the world's candidate has one
    row = page[page.index("Ilman Koordinaattoria"):]
    assert row.index("no coordinator") < row.index("</tr>")
    response = client.post(f"/coordination/candidates/{new.id}/coordinator",
                           data={"user_id": world.users["coach"].id, "phase": "job_search",
                                 "start_on": TODAY.isoformat(), "note": ""}, follow_redirects=True)
    assert "The coordinator has been named." in response.get_data(as_text=True)
    assert "no coordinator" not in client.get("/coaching/").get_data(as_text=True)


def test_a_coordinator_who_left_the_team_leaves_the_person_flagged(client, world, db):
    cid = as_coach(client, world)
    coordinator = _current(db, cid)[0]
    coordinator.user_id = world.users["second_coach"].id  # named once, not among the coaches now
    db.session.commit()
    assert "no coordinator" in client.get("/coaching/").get_data(as_text=True)


def test_the_caseload_asks_the_same_number_of_queries_whatever_the_number_of_people(client, world, db,
                                                                                     count_queries):
    as_coach(client, world)
    client.get("/coaching/")
    statements = count_queries()
    client.get("/coaching/")
    few = len(statements)
    for _ in range(5):
        build_candidate(world)
    db.session.commit()
    statements = count_queries()
    client.get("/coaching/")
    assert len(statements) == few


def test_a_hand_over_cannot_be_saved_without_the_next_coordinator(client, world, db):
    cid = as_coach(client, world)
    before = _current(db, cid)
    response = client.post(f"/coordination/candidates/{cid}/coordinator",
                           data={"user_id": "", "phase": "in_work", "start_on": TODAY.isoformat()})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Choose the next coordinator: nobody may be left without one." in page
    assert [c.id for c in _current(db, cid)] == [c.id for c in before]
    assert _current(db, cid)[0].end_on is None


def test_the_coordinator_must_be_of_the_candidates_team(client, world, db):
    cid = as_coach(client, world)
    for outsider in ("second_coach", "other_coach"):
        response = client.post(f"/coordination/candidates/{cid}/coordinator",
                               data={"user_id": world.users[outsider].id, "phase": "in_work",
                                     "start_on": TODAY.isoformat()})
        assert "must be one of the people working with the candidate" in response.get_data(as_text=True)
    for bad in ("abc", "99999999999999", "-1"):
        response = client.post(f"/coordination/candidates/{cid}/coordinator",
                               data={"user_id": bad, "phase": "x", "start_on": "31.02.2026"})
        assert response.status_code == 200


def test_a_hand_over_ends_the_current_part_and_names_the_next(client, world, db):
    cid = as_coach(client, world)
    second = world.users["second_coach"]
    db.session.add(CandidateCoach(candidate_id=cid, user_id=second.id))
    db.session.commit()
    day = TODAY - timedelta(days=1)
    response = client.post(f"/coordination/candidates/{cid}/coordinator",
                           data={"user_id": second.id, "phase": "in_work", "start_on": day.isoformat(),
                                 "note": "Työsuhde alkoi"}, follow_redirects=True)
    assert "The hand-over has been saved" in response.get_data(as_text=True)
    db.session.expire_all()
    rows = db.session.scalars(select(Coordinator).where(Coordinator.candidate_id == cid)
                              .order_by(Coordinator.id)).all()
    assert [(r.user_id, r.phase, r.end_on) for r in rows] == [
        (world.users["coach"].id, "job_search", day), (second.id, "in_work", None)]
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == cid,
                                                         AuditEvent.action == "candidate_changed")).all()
    assert any(e.detail == {"part": "coordination", "fields": ["coordinator_handed_over"]} for e in events)


def test_every_plan_page_shows_the_coordinator_as_the_contact(client, world, db):
    cid = as_coach(client, world)
    coach = world.users["coach"]
    for url in (f"/coaching/candidates/{cid}/plan", f"/coaching/candidates/{cid}/plan/print",
                f"/coordination/candidates/{cid}"):
        page = client.get(url).get_data(as_text=True)
        assert "Work-ability coordinator" in page
        assert coach.name in page and coach.email in page and coach.organisation.name in page
    sign_in(client, world.users["candidate"])
    client.get("/start?lang=en")
    page = client.get("/my/plan").get_data(as_text=True)
    assert "Work-ability coordinator" in page and coach.email in page and coach.organisation.name in page


def test_a_plan_without_a_coordinator_says_so(client, world, db):
    as_coach(client, world)
    new = build_candidate(world)
    db.session.commit()
    page = client.get(f"/coaching/candidates/{new.id}/plan").get_data(as_text=True)
    assert "No coordinator has been named yet." in page
    page = client.get(f"/coordination/candidates/{new.id}").get_data(as_text=True)
    assert "Nobody coordinates this person's services now." in page and "Name the coordinator" in page


def test_another_organisations_coach_gets_404_for_every_coordination_page(client, world, db):
    cid = world.ids["candidate"]
    sign_in(client, world.users["other_coach"])
    for url in (f"/coordination/candidates/{cid}", f"/coordination/candidates/{cid}/coordinator",
                f"/coordination/candidates/{cid}/referrals/new",
                f"/coordination/candidates/{cid}/referrals/{world.ids['referral']}"):
        assert client.get(url).status_code == 404
    assert db.session.get(Candidate, cid) is not None

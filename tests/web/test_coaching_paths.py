"""Light and intensive paths: follow-ups from the rhythm, the weighted caseload, the path review."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.coaching.models import Candidate, EmployerContact, PathDecision
from tests.access.coaching import build_candidate
from tests.conftest import sign_in

TODAY = clock.today()


def as_coach(client, world):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    return world.ids["candidate"]


def test_a_contact_sets_the_next_follow_up_from_the_path_rhythm(client, world, db):
    cid = as_coach(client, world)
    candidate = db.session.get(Candidate, cid)
    candidate.next_follow_up = None
    db.session.commit()
    day = TODAY - timedelta(days=1)
    response = client.post(f"/coaching/candidates/{cid}/contacts", data={"contact_on": day.isoformat(), "note": ""},
                           follow_redirects=True)
    assert "Next follow-up" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Candidate, cid).next_follow_up == day + timedelta(days=7)  # intensive: weekly
    candidate = db.session.get(Candidate, cid)
    candidate.support_intensity, candidate.next_follow_up = "light", None
    db.session.commit()
    client.post(f"/coaching/candidates/{cid}/contacts", data={"contact_on": day.isoformat(), "note": ""})
    db.session.expire_all()
    assert db.session.get(Candidate, cid).next_follow_up == day + timedelta(days=30)  # light: monthly


def test_the_caseload_shows_the_weighted_load_and_warns_on_it(client, world, db):
    as_coach(client, world)
    page = client.get("/coaching/").get_data(as_text=True)
    # The world's candidate is intensive (weight 2): one person, load 2.
    assert "Active candidates: 1" in page and "Weighted load: 2 (of them on the intensive path: 1)" in page
    assert "above the supported-employment fidelity limit" not in page
    for _ in range(10):  # 11 intensive people weigh 22, above the limit of 20 though only 11 people
        build_candidate(world)
    db.session.commit()
    page = client.get("/coaching/").get_data(as_text=True)
    assert "Active candidates: 11" in page and "Weighted load: 22" in page
    assert "weighted caseload is above the supported-employment fidelity limit" in page


def _due_for_review(db, cid, contacts):
    candidate = db.session.get(Candidate, cid)
    candidate.intake_on = TODAY - timedelta(days=100)
    db.session.add_all([EmployerContact(candidate_id=cid, contact_on=TODAY - timedelta(days=i + 1))
                        for i in range(contacts)])
    db.session.commit()


def test_the_review_proposes_a_move_that_the_coach_accepts_into_the_history(client, world, db):
    cid = as_coach(client, world)
    url = f"/coaching/candidates/{cid}/path"
    page = client.get(url).get_data(as_text=True)
    assert "No move is proposed now" in page and "Every 7 days" in page
    assert client.post(url, data={"decision": "accepted"}, follow_redirects=True).status_code == 200
    assert db.session.scalar(select(PathDecision)) is None  # nothing to accept
    _due_for_review(db, cid, 8)
    page = client.get(url).get_data(as_text=True)
    assert "Proposal: move from Intensive coaching to Light coaching." in page
    assert "Steady employer contacts" in page
    page = client.post(url, data={"decision": "accepted"}, follow_redirects=True).get_data(as_text=True)
    assert "The move has been made and recorded." in page
    db.session.expire_all()
    assert db.session.get(Candidate, cid).support_intensity == "light"
    row = db.session.scalar(select(PathDecision))
    assert (row.from_path, row.to_path, row.decision, row.decided_on) == ("intensive", "light", "accepted", TODAY)
    assert "No move is proposed now" in page and "Accepted" in page  # the period restarts at the decision


def test_accepting_a_move_to_intensive_brings_the_next_follow_up_to_the_weekly_rhythm(client, world, db):
    cid = as_coach(client, world)
    candidate = db.session.get(Candidate, cid)
    candidate.support_intensity, candidate.next_follow_up = "light", TODAY + timedelta(days=25)
    db.session.commit()
    _due_for_review(db, cid, 0)  # the world's one contact is all there is in the period
    page = client.get(f"/coaching/candidates/{cid}/path").get_data(as_text=True)
    assert "Proposal: move from Light coaching to Intensive coaching." in page and "Hardly any" in page
    client.post(f"/coaching/candidates/{cid}/path", data={"decision": "accepted"})
    db.session.expire_all()
    candidate = db.session.get(Candidate, cid)
    assert (candidate.support_intensity, candidate.next_follow_up) == ("intensive", TODAY + timedelta(days=7))


def test_a_declined_proposal_keeps_the_path_and_is_recorded(client, world, db):
    cid = as_coach(client, world)
    _due_for_review(db, cid, 9)
    url = f"/coaching/candidates/{cid}/path"
    page = client.post(url, data={"decision": "declined"}, follow_redirects=True).get_data(as_text=True)
    assert "The proposal has been declined and recorded." in page
    db.session.expire_all()
    assert db.session.get(Candidate, cid).support_intensity == "intensive"
    assert db.session.scalar(select(PathDecision.decision)) == "declined"
    client.post(url, data={"decision": "bogus"})
    assert len(db.session.scalars(select(PathDecision)).all()) == 1


def test_another_coach_cannot_see_or_answer_the_path(client, world, db):
    cid = world.ids["candidate"]
    _due_for_review(db, cid, 8)
    for who in ("second_coach", "other_coach"):
        sign_in(client, world.users[who])
        assert client.get(f"/coaching/candidates/{cid}/path").status_code == 404
        assert client.post(f"/coaching/candidates/{cid}/path", data={"decision": "accepted"}).status_code == 404
    sign_in(client, world.users["candidate"])
    assert client.get(f"/coaching/candidates/{cid}/path").status_code in (403, 404)
    db.session.expire_all()
    assert db.session.get(Candidate, cid).support_intensity == "intensive"
    assert db.session.scalar(select(PathDecision)) is None


def test_a_move_in_the_candidates_details_goes_into_the_path_history_and_restarts_the_review(client, world, db):
    from tests.web.test_coaching import PROFILE

    cid = as_coach(client, world)
    _due_for_review(db, cid, 8)
    assert "Proposal: move from" in client.get(f"/coaching/candidates/{cid}/path").get_data(as_text=True)
    assert client.post(f"/coaching/candidates/{cid}/edit",
                       data={**PROFILE, "support_intensity": "light"}).status_code == 302
    db.session.expire_all()
    row = db.session.scalar(select(PathDecision))
    assert (row.from_path, row.to_path, row.decision, row.decided_on, row.decided_by_id) == (
        "intensive", "light", "moved", TODAY, world.users["coach"].id)
    page = client.get(f"/coaching/candidates/{cid}/path").get_data(as_text=True)
    assert "Moved by the coach" in page and "No move is proposed now" in page
    # Saving the details again without a move adds nothing to the history.
    client.post(f"/coaching/candidates/{cid}/edit", data={**PROFILE, "support_intensity": "light"})
    assert len(db.session.scalars(select(PathDecision)).all()) == 1

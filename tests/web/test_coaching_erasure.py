"""Erasure removes personal data, keeps the code and the path, and refuses while something blocks it."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.audit.models import AuditEvent
from portal.coaching.erasure import register_erasure_blocker, unregister_erasure_blocker
from portal.coaching.models import (
    Assessment,
    Candidate,
    CandidateCoach,
    CandidateSkill,
    CoachingModule,
    Consent,
    EmployerContact,
    FunctionalLimit,
    Plan,
    StatusChange,
)
from tests.access.coaching import SENSITIVE
from tests.conftest import sign_in


def count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def open_placement(candidate):
    """Stands in for the blocker matching registers: here every candidate has an open placement."""
    return "The candidate has an open placement: end it first, then erase."


def test_erasure_refuses_while_a_placement_is_open_and_writes_nothing(client, world, db):
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    register_erasure_blocker(open_placement)
    try:
        page = client.get(f"/coaching/candidates/{cid}/erase").get_data(as_text=True)
        assert "end it first" in page
        page = client.post(f"/coaching/candidates/{cid}/erase", data={"agreed": "y"})
    finally:
        unregister_erasure_blocker(open_placement)
    assert page.status_code == 200 and "end it first, then erase" in page.get_data(as_text=True)
    c = db.session.get(Candidate, cid)
    assert c.erased_at is None and c.name == SENSITIVE["name"] and count(db, Assessment) == 1
    assert count(db, AuditEvent, AuditEvent.action == "candidate_erased") == 0


def test_erasure_needs_the_candidates_agreement(client, world, db):
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    page = client.post(f"/coaching/candidates/{cid}/erase", data={})
    assert "Confirm that the candidate has agreed" in page.get_data(as_text=True)
    assert db.session.get(Candidate, cid).erased_at is None


def test_erasure_removes_personal_data_and_keeps_the_code_and_path(client, world, db):
    cid, login = world.ids["candidate"], world.users["candidate"]
    code = db.session.get(Candidate, cid).code
    sign_in(client, world.users["coach"])
    response = client.post(f"/coaching/candidates/{cid}/erase", data={"agreed": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    c = db.session.get(Candidate, cid)
    assert c.erased_at is not None and c.code == code
    assert (c.name, c.email, c.phone, c.user_id, c.hours_min) == (None, None, None, None, None)
    assert c.education == c.work_history == c.limits_note == c.peer_coach == c.skills_text == ""
    for model in (Assessment, Plan, CoachingModule):
        assert count(db, model, model.candidate_id == cid) == 0, model
    # Consents stay as a record of what was shared, all withdrawn.
    assert [c.withdrawn_at is not None for c in db.session.scalars(select(Consent))] == [True]
    for model in (CandidateSkill, FunctionalLimit, CandidateCoach):
        assert count(db, model, model.candidate_id == cid) == 0, model
    # The path stays for the figures, without its notes.
    steps = db.session.scalars(select(StatusChange).where(StatusChange.candidate_id == cid)).all()
    assert [s.status for s in sorted(steps, key=lambda s: s.since)] == ["intake", "job_search"]
    assert all(s.note == "" for s in steps)
    assert [x.note for x in db.session.scalars(select(EmployerContact))] == [""]
    assert c.municipality_code == "091" and [t.code for t in c.target_groups] == ["partial_work_ability"]
    # The own login is closed and stripped; a search of the whole database finds no sensitive text.
    user = db.session.get(User, login.id)
    assert not user.active and user.password_hash is None and user.email.startswith("erased-")
    assert client.get(f"/coaching/candidates/{cid}").status_code == 404
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_erased")).one()
    assert event.object_id == cid and event.detail == {"part": "erasure", "fields": ["by_coach"]}


def test_no_sensitive_text_survives_erasure_anywhere_in_the_database(client, world, db, raw_sql):
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    client.get(f"/coaching/candidates/{cid}")  # reads are logged before the erasure
    client.post(f"/coaching/candidates/{cid}/erase", data={"agreed": "y"})
    found = []
    for table in db.metadata.sorted_tables:
        for row in raw_sql(f"SELECT * FROM {table.name}"):
            blob = " ".join(str(v) for v in row)
            found += [f"{table.name}: {k}" for k, text in SENSITIVE.items() if text in blob]
    assert not found, found


def test_an_admin_erases_without_a_coach(client, world, db):
    cid = world.ids["candidate"]
    sign_in(client, world.users["admin"])
    page = client.get("/coaching/admin/candidates").get_data(as_text=True)
    assert SENSITIVE["name"] not in page
    assert client.post(f"/coaching/admin/candidates/{cid}/erase").status_code == 302
    assert db.session.get(Candidate, cid).erased_at is not None
    assert client.get(f"/coaching/admin/candidates/{cid}/erase").status_code == 404

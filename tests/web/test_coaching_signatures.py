"""Module reviews signed by the candidate (self-service) and the buyer (recorded by the coach); steps before work."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.coaching.models import PlanStep, ReviewSignature
from tests.conftest import sign_in

TODAY = clock.today()


def _signature(db, signer):
    db.session.expire_all()
    return db.session.scalar(select(ReviewSignature).where(ReviewSignature.signer == signer))


def test_the_candidate_signs_their_module_review_in_self_service(client, world, db):
    sign_in(client, world.users["candidate"])
    client.get("/start?lang=en")
    page = client.get("/my/modules").get_data(as_text=True)
    assert "Not yet signed" in page and "Sign the review of" in page
    mid = world.ids["reviewed_module"]
    page = client.post(f"/my/modules/{mid}/sign", data={"action": "sign"}, follow_redirects=True).get_data(
        as_text=True)
    assert "You have signed the review." in page
    row = _signature(db, "candidate")
    assert (row.state, row.signed_on) == ("signed", TODAY)
    assert "Sign the review of" not in page  # signed once, no second form
    # The coach sees the state on the module page.
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    page = client.get(f"/coaching/candidates/{world.ids['candidate']}/modules").get_data(as_text=True)
    assert "Candidate: <strong>Signed</strong>" in page
    assert "Buyer of the service: <strong>Not yet signed</strong>" in page


def test_the_candidate_may_decline_with_a_reason_and_a_module_without_review_is_not_found(client, world, db):
    sign_in(client, world.users["candidate"])
    client.get("/start?lang=en")
    mid = world.ids["reviewed_module"]
    page = client.post(f"/my/modules/{mid}/sign", data={"action": "decline", f"m{mid}-reason": " "},
                       follow_redirects=True).get_data(as_text=True)
    assert "Tell why the review was not signed." in page and _signature(db, "candidate") is None
    client.post(f"/my/modules/{mid}/sign", data={"action": "decline", f"m{mid}-reason": "En ole samaa mieltä"})
    row = _signature(db, "candidate")
    assert (row.state, row.reason) == ("not_signed", "En ole samaa mieltä")
    assert client.post(f"/my/modules/{world.ids['module']}/sign", data={"action": "sign"}).status_code == 404


def test_other_candidates_cannot_sign_someone_elses_review(client, world, db):
    mid = world.ids["reviewed_module"]
    for who in ("second_candidate", "other_candidate"):
        sign_in(client, world.users[who])
        assert client.post(f"/my/modules/{mid}/sign", data={"action": "sign"}).status_code == 404
    for who in ("second_coach", "other_coach"):
        sign_in(client, world.users[who])
        url = f"/coaching/candidates/{world.ids['candidate']}/modules/{mid}/signatures"
        assert client.post(url, data={"signer": "buyer", "state": "signed", "name": "X",
                                      "signed_on": TODAY.isoformat()}).status_code == 404
    assert _signature(db, "candidate") is None and _signature(db, "buyer") is None


def test_the_coach_records_the_buyers_sign_off_with_name_and_date(client, world, db):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    url = f"/coaching/candidates/{world.ids['candidate']}/modules/{world.ids['reviewed_module']}/signatures"
    page = client.post(url, data={"signer": "buyer", "state": "signed", "signed_on": TODAY.isoformat()})
    assert "Give the name of the buyer&#39;s representative who signed." in page.get_data(as_text=True)
    page = client.post(url, data={"signer": "candidate", "state": "signed", "signed_on": TODAY.isoformat()})
    assert "Only the candidate signs their own part" in page.get_data(as_text=True)
    assert _signature(db, "candidate") is None
    response = client.post(url, data={"signer": "buyer", "state": "signed", "signed_on": TODAY.isoformat(),
                                      "name": "Tilaaja Tiina"})
    assert response.status_code == 302
    row = _signature(db, "buyer")
    assert (row.state, row.name, row.signed_on) == ("signed", "Tilaaja Tiina", TODAY)
    page = client.get(f"/coaching/candidates/{world.ids['candidate']}/modules").get_data(as_text=True)
    assert "Tilaaja Tiina" in page
    page = client.post(url, data={"signer": "buyer", "state": "not_signed", "reason": "x"})
    assert "already been signed" in page.get_data(as_text=True)


def test_steps_before_work_are_recorded_with_dates_and_outcome(client, world, db):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    cid = world.ids["candidate"]
    start = (TODAY - timedelta(days=40)).isoformat()
    page = client.post(f"/coaching/candidates/{cid}/steps", data={
        "kind": "day_activity", "start_on": start, "end_on": TODAY.isoformat()}).get_data(as_text=True)
    assert "choose the outcome" in page
    assert client.post(f"/coaching/candidates/{cid}/steps", data={
        "kind": "day_activity", "start_on": start, "end_on": TODAY.isoformat(), "outcome": "work"}).status_code == 302
    page = client.get(f"/coaching/candidates/{cid}/steps").get_data(as_text=True)
    assert "Day activity" in page and "Moved on to work" in page and "Work activity" in page
    url = f"/coaching/candidates/{cid}/steps/{world.ids['step']}"
    assert client.post(url, data={"kind": "work_activity", "start_on": start, "end_on": TODAY.isoformat(),
                                  "outcome": "education"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(PlanStep, world.ids["step"]).outcome == "education"
    sign_in(client, world.users["second_coach"])
    assert client.get(url).status_code == 404
    assert client.post(f"/coaching/candidates/{cid}/steps", data={"kind": "day_activity",
                                                                  "start_on": start}).status_code == 404


def test_the_module_pages_read_signatures_in_a_fixed_number_of_queries(client, world, db, count_queries):
    from portal.coaching.models import CoachingModule, ModuleReview

    cid = world.ids["candidate"]
    sign_in(client, world.users["candidate"])
    client.get("/my/modules")
    statements = count_queries()
    client.get("/my/modules")
    own_few = len(statements)
    sign_in(client, world.users["coach"])
    url = f"/coaching/candidates/{cid}/modules"
    client.get(url)
    statements.clear()
    client.get(url)
    few = len(statements)
    for i in range(5):
        m = CoachingModule(candidate_id=cid, title=f"M{i}", start_on=TODAY - timedelta(days=30), status="completed")
        m.review = ModuleReview(reviewed_on=TODAY, results="r", decision="next_module")
        db.session.add(m)
        db.session.flush()
        db.session.add(ReviewSignature(review_id=m.review.id, signer="buyer", state="not_signed", reason="x"))
    db.session.commit()
    statements.clear()
    client.get(url)
    assert len(statements) == few
    sign_in(client, world.users["candidate"])
    client.get("/my/modules")
    statements.clear()
    page = client.get("/my/modules").get_data(as_text=True)
    assert len(statements) == own_few and page.count("<form") >= 6


def test_the_signature_form_saves_with_a_save_label_in_every_language(client, world, db):
    sign_in(client, world.users["coach"])
    url = f"/coaching/candidates/{world.ids['candidate']}/modules/{world.ids['reviewed_module']}/signatures"
    for lang, label, wrong in (("fi", "Tallenna allekirjoitustieto", "Asiakastiedot"),
                               ("sv", "Spara underskriftsuppgiften", "Klientuppgifter"),
                               ("en", "Save the signature record", "Record")):
        client.get(f"/start?lang={lang}")
        page = client.get(url).get_data(as_text=True)
        assert f'class="button">{label}</button>' in page and f">{wrong}</button>" not in page, lang


def test_a_step_can_be_planned_ahead_but_not_recorded_as_ended_in_the_future(client, world, db):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    cid = world.ids["candidate"]
    ahead = (TODAY + timedelta(days=14)).isoformat()
    assert client.post(f"/coaching/candidates/{cid}/steps", data={"kind": "day_activity",
                                                                  "start_on": ahead}).status_code == 302
    page = client.get(f"/coaching/candidates/{cid}/steps").get_data(as_text=True)
    assert "Planned" in page
    ended = client.post(f"/coaching/candidates/{cid}/steps", data={
        "kind": "work_activity", "start_on": ahead, "end_on": (TODAY + timedelta(days=20)).isoformat(),
        "outcome": "work"}).get_data(as_text=True)
    assert "The date cannot be in the future." in ended
    db.session.expire_all()
    assert db.session.scalars(select(PlanStep.kind).where(PlanStep.candidate_id == cid,
                                                          PlanStep.start_on > TODAY)).all() == ["day_activity"]

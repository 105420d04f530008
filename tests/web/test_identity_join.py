"""A business ID that is already registered never makes a second organisation: signing up with it asks to
join, and a user of that organisation accepts or declines (audited, the requester is mailed)."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from portal.accounts.models import Organisation, User
from portal.audit.models import AuditEvent
from portal.extensions import db as _db
from portal.identity.models import JoinRequest
from tests.conftest import sign_in
from tests.factories import make_org, make_user

# The same business ID as the organisation's 2077474-0, typed without the hyphen.
JOINER = {"organisation_name": "Pienyritys", "business_id": "20774740", "contact_name": "Jaana Jäsen",
          "email": "Jaana@Pienyritys.example", "confirm": "y"}


def count(model, *where) -> int:
    return _db.session.scalar(select(func.count()).select_from(model).where(*where))


def _org_with_boss(db):
    org = make_org("employer", name="Pienyritys Oy", business_id="2077474-0")
    boss = make_user("employer", org, email="pomo@pienyritys.example")
    _db.session.commit()
    return org, boss


def _request(client) -> JoinRequest:
    client.get("/?lang=en")
    response = client.post("/employer/signup", data=JOINER)
    assert response.status_code == 302 and response.headers["Location"] == "/employer/signup/sent"
    return _db.session.scalars(select(JoinRequest)).one()


def test_signup_with_a_registered_business_id_asks_to_join_and_gives_no_access(client, db, outbox):
    org, boss = _org_with_boss(db)
    request = _request(client)
    assert count(Organisation) == 1 and count(User) == 1  # no second organisation, no account yet
    assert (request.organisation_id, request.email, request.state) == (org.id, "jaana@pienyritys.example", "pending")
    sent = client.get("/employer/signup/sent").get_data(as_text=True)
    assert "Your request to join it has been sent to its users" in sent
    assert {m.to for m in outbox} == {"jaana@pienyritys.example", boss.email}
    to_boss = next(m for m in outbox if m.to == boss.email)
    assert f"/employer/join-requests/{request.id}" in to_boss.body and "Jaana Jäsen" in to_boss.body
    assert client.post("/login", data={"email": JOINER["email"], "password": "x" * 14}).status_code == 200
    # Asking again while the request waits changes nothing and mails nobody.
    outbox.clear()
    client.post("/employer/signup", data=JOINER)
    assert count(JoinRequest) == 1 and outbox == []


def test_the_organisations_user_accepts_and_the_requester_signs_in(app, client, db, outbox):
    org, boss = _org_with_boss(db)
    request = _request(client)
    sign_in(client, boss)
    client.get("/?lang=en")
    assert "1 request to join your organisation waits" in client.get("/employer/").get_data(as_text=True)
    page = client.get(f"/employer/join-requests/{request.id}").get_data(as_text=True)
    assert "jaana@pienyritys.example" in page and 'value="accept"' in page
    assert client.post(f"/employer/join-requests/{request.id}", data={"decision": "accept"}).status_code == 302
    joined = _db.session.scalars(select(User).where(User.email == "jaana@pienyritys.example")).one()
    assert joined.organisation_id == org.id and joined.role == "employer" and joined.password_hash is None
    done = _db.session.get(JoinRequest, request.id)
    assert (done.state, done.decided_by_id, done.user_id) == ("accepted", boss.id, joined.id)
    event = _db.session.scalars(select(AuditEvent).where(AuditEvent.action == "join_accepted")).one()
    assert (event.actor_id, event.object_id, event.organisation_id) == (boss.id, request.id, org.id)
    mail = outbox[-1]
    assert mail.to == joined.email and "was accepted" in mail.subject
    link = re.search(r"http://localhost(/\S+)", mail.body).group(1)
    fresh = app.test_client()
    new_password = {"new": "kesainen-puutarha-2026", "confirm": "kesainen-puutarha-2026"}
    assert fresh.post(link, data=new_password).status_code == 302
    assert fresh.get("/start").headers["Location"] == "/employer/"
    # Deciding again is refused.
    page = client.post(f"/employer/join-requests/{request.id}", data={"decision": "decline"}).get_data(as_text=True)
    assert "This request has already been decided." in page
    assert count(User, User.email == joined.email) == 1 and _db.session.get(JoinRequest, request.id).state == "accepted"


def test_a_declined_requester_is_told_and_gets_no_account(client, db, outbox):
    org, boss = _org_with_boss(db)
    request = _request(client)
    sign_in(client, boss)
    assert client.post(f"/employer/join-requests/{request.id}", data={"decision": "decline"}).status_code == 302
    assert _db.session.get(JoinRequest, request.id).state == "declined"
    assert count(User, User.email == "jaana@pienyritys.example") == 0
    assert outbox[-1].to == "jaana@pienyritys.example" and "hylättiin" in outbox[-1].subject
    assert _db.session.scalars(select(AuditEvent.actor_id).where(AuditEvent.action == "join_declined")).one() == boss.id


def test_another_organisations_user_can_neither_see_nor_decide_the_request(client, db):
    org, boss = _org_with_boss(db)
    request = _request(client)
    stranger = make_user("employer", make_org("employer"))
    sign_in(client, stranger)
    assert client.get(f"/employer/join-requests/{request.id}").status_code == 404
    assert client.post(f"/employer/join-requests/{request.id}", data={"decision": "accept"}).status_code == 404
    assert request.email not in client.get("/employer/join-requests").get_data(as_text=True)
    sign_in(client, make_user("coach"))
    assert client.post(f"/employer/join-requests/{request.id}", data={"decision": "accept"}).status_code == 403
    assert _db.session.get(JoinRequest, request.id).state == "pending"
    assert count(User, User.email == "jaana@pienyritys.example") == 0


def test_an_address_with_an_account_gets_the_same_answer_and_no_request(client, db, outbox):
    _org_with_boss(db)
    existing = make_user("coach", email="jaana@pienyritys.example")
    _db.session.commit()
    response = client.post("/employer/signup", data=JOINER)
    assert response.headers["Location"] == "/employer/signup/sent"
    assert count(JoinRequest) == 0 and outbox[-1].to == existing.email and "/login" in outbox[-1].body


def test_a_business_id_of_a_buyer_or_provider_is_refused_openly(client, db):
    make_org("buyer", business_id="2077474-0")
    client.get("/?lang=en")
    page = client.post("/employer/signup", data=JOINER).get_data(as_text=True)
    assert "An organisation with this business ID is already registered." in page
    assert count(JoinRequest) == 0 and count(User) == 0

"""Employers register themselves: organisation, user and profile, a set-password mail, a signal; rate-limited."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from portal import signals
from portal.accounts.models import Organisation, User
from portal.employers.models import EmployerProfile
from tests.factories import make_org, make_user

GOOD = {"organisation_name": "Pienyritys Oy", "business_id": "20774740", "contact_name": "Pekka Pieni",
        "email": "Pekka@Pienyritys.example", "confirm": "y"}


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def signed_up(db):
    received = []

    def receiver(sender, organisation, user):
        received.append((organisation.id, user.id))

    signals.organisation_signed_up.connect(receiver)
    yield received
    signals.organisation_signed_up.disconnect(receiver)


def test_signup_creates_the_employer_and_mails_a_link_that_leads_to_the_organisation(app, client, db, outbox,
                                                                                      signed_up):
    client.get("/?lang=en")
    page = client.get("/employer/signup").get_data(as_text=True)
    assert "What happens next" in page and "check that the organisation is who it says it is" in page
    response = client.post("/employer/signup", data=GOOD)
    assert response.status_code == 302 and response.headers["Location"] == "/employer/signup/sent"
    sent = client.get("/employer/signup/sent").get_data(as_text=True)
    assert "We have sent a message to Pekka@Pienyritys.example." in sent
    org = db.session.scalars(select(Organisation).where(Organisation.name == "Pienyritys Oy")).one()
    user = db.session.scalars(select(User).where(User.email == "pekka@pienyritys.example")).one()
    assert org.kind == "employer" and org.business_id == "2077474-0"
    assert org.verified_at is None and not org.verified  # waits for an administrator
    assert user.role == "employer" and user.organisation_id == org.id and user.password_hash is None
    assert db.session.scalars(select(EmployerProfile)).one().contact_name == "Pekka Pieni"
    assert signed_up == [(org.id, user.id)]
    link = re.search(r"http://localhost(/\S+)", outbox[-1].body).group(1)
    assert outbox[-1].to == user.email
    fresh = app.test_client()
    response = fresh.post(link, data={"new": "pienyrityksen-salasana", "confirm": "pienyrityksen-salasana"})
    assert response.status_code == 302
    assert fresh.get("/start").headers["Location"] == "/employer/"


@pytest.mark.parametrize("changes,message", [
    ({"business_id": "2077474-1"}, "Anna kelvollinen Y-tunnus"),
    ({"email": "ei-osoite"}, "Virheellinen sähköpostiosoite"),
    ({"confirm": ""}, "Pakollinen"),
    ({"organisation_name": ""}, "Pakollinen"),
])
def test_bad_signup_is_refused_and_nothing_is_created(client, db, outbox, changes, message):
    page = client.post("/employer/signup", data={**GOOD, **changes})
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert count(db, Organisation) == 0 and count(db, User) == 0 and outbox == []


def test_a_registered_business_id_makes_no_second_organisation(client, db):
    make_org("employer", business_id="2077474-0")
    client.get("/?lang=en")
    response = client.post("/employer/signup", data=GOOD)
    # a request to join (tests/web/test_identity_join.py)
    assert response.headers["Location"] == "/employer/signup/sent"
    assert count(db, Organisation) == 1 and count(db, User) == 0


def test_an_address_with_an_account_gets_a_mail_and_the_same_answer(client, db, outbox, signed_up):
    existing = make_user("coach", email="pekka@pienyritys.example")
    db.session.commit()
    response = client.post("/employer/signup", data=GOOD)
    assert response.headers["Location"] == "/employer/signup/sent"
    assert count(db, Organisation) == 1  # only the coach's own provider
    assert outbox[-1].to == existing.email and "/login" in outbox[-1].body
    assert signed_up == []


def test_signup_is_rate_limited(client, db):
    for _ in range(5):
        client.post("/employer/signup", data={**GOOD, "business_id": "x"})
    assert client.post("/employer/signup", data=GOOD).status_code == 429
    assert count(db, Organisation) == 0

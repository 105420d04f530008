"""Administrators create organisations, invite users and change roles; all audited."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from portal.accounts.models import Organisation, User
from portal.audit.models import AuditEvent
from tests.factories import make_org, make_user


def test_create_organisation_validates_the_business_id(client, login_as, db):
    login_as("admin")
    page = client.post("/admin/organisations/new", data={"name": "Firma", "kind": "employer",
                                                          "business_id": "2077474-1"})
    assert page.status_code == 200
    assert "Anna kelvollinen Y-tunnus" in page.get_data(as_text=True)
    assert 'value="2077474-1"' in page.get_data(as_text=True)  # what was typed is kept
    assert db.session.scalar(select(func.count()).select_from(Organisation).where(Organisation.name == "Firma")) == 0
    response = client.post("/admin/organisations/new", data={"name": "Firma", "kind": "employer",
                                                              "business_id": "20774740"})
    assert response.status_code == 302
    org = db.session.scalars(select(Organisation).where(Organisation.name == "Firma")).one()
    assert org.business_id == "2077474-0"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "organisation_created")).object_id == org.id


def test_a_business_id_cannot_be_used_twice(client, login_as, db):
    login_as("admin")
    make_org("employer", business_id="2077474-0")
    page = client.post("/admin/organisations/new", data={"name": "Toinen", "kind": "buyer",
                                                          "business_id": "2077474-0"})
    assert "Toisella organisaatiolla on jo tämä Y-tunnus." in page.get_data(as_text=True)


def test_invite_creates_a_user_and_mails_a_link_that_sets_the_password(app, client, login_as, outbox, db):
    login_as("admin")
    org = make_org("provider")
    response = client.post("/admin/users/invite", data={"name": "Uusi Valmentaja", "email": "Uusi@Test.Example",
                                                        "organisation_id": org.id, "role": "coach"})
    assert response.status_code == 302
    user = db.session.scalars(select(User).where(User.email == "uusi@test.example")).one()
    assert user.password_hash is None and user.role == "coach"
    link = re.search(r"http://localhost(/\S+)", outbox[-1].body).group(1)
    invited = app.test_client()
    response = invited.post(link, data={"new": "valmentajan-salasana", "confirm": "valmentajan-salasana"})
    assert response.status_code == 302 and response.headers["Location"] == "/start"
    assert invited.get("/start", follow_redirects=True).status_code == 200
    assert invited.post(link, data={"new": "x-toinen-salasana", "confirm": "x-toinen-salasana"}).status_code == 400


def test_invite_refuses_duplicates_regardless_of_case_and_roles_that_do_not_fit(client, login_as, db):
    login_as("admin")
    existing = make_user("coach")
    org = make_org("buyer")
    page = client.post("/admin/users/invite", data={"name": "X", "email": existing.email.upper(),
                                                    "organisation_id": org.id, "role": "officer"})
    assert "Tällä sähköpostiosoitteella on jo käyttäjä." in page.get_data(as_text=True)
    page = client.post("/admin/users/invite", data={"name": "X", "email": "x@test.example",
                                                    "organisation_id": org.id, "role": "coach"})
    assert "Rooli ei sovi organisaation tyyppiin." in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(User).where(User.email == "x@test.example")) == 0


def test_changing_a_role_signs_the_user_out_and_is_audited(app, client, login_as, db):
    login_as("admin")
    provider = make_org("provider")
    coach = make_user("coach", provider)
    from tests.conftest import sign_in
    device = app.test_client()
    sign_in(device, coach)
    response = client.post(f"/admin/users/{coach.id}", data={"role": "candidate"})
    assert response.status_code == 302
    db.session.refresh(coach)
    assert coach.role == "candidate"
    assert device.get("/account").status_code == 302
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "role_changed")).one()
    assert event.detail == {"from": "coach", "to": "candidate"}


def test_deactivation_needs_confirmation_and_ends_sessions(app, client, login_as, db):
    admin = login_as("admin")
    coach = make_user("coach")
    from tests.conftest import sign_in
    device = app.test_client()
    sign_in(device, coach)
    page = client.get(f"/admin/users/{coach.id}/active")
    assert "Poistetaanko käyttäjän" in page.get_data(as_text=True)
    assert client.post(f"/admin/users/{coach.id}/active").status_code == 302
    db.session.refresh(coach)
    assert coach.active is False
    assert device.get("/account").status_code == 302
    client.post(f"/admin/users/{admin.id}/active")
    db.session.refresh(admin)
    assert admin.active is True  # nobody deactivates themselves


def test_organisation_list_searches_sorts_and_pages(client, login_as, db):
    login_as("admin")
    for n in range(30):
        make_org("employer", name=f"Yritys {n:02d}")
    page = client.get("/admin/organisations?q=yritys&sort=-name").get_data(as_text=True)
    assert page.index("Yritys 29") < page.index("Yritys 28")
    assert "Yritys 04" not in page  # on page 2
    assert "Sivu 1 / 2" in page
    page2 = client.get("/admin/organisations?q=yritys&sort=-name&page=2").get_data(as_text=True)
    assert "Yritys 04" in page2
    empty = client.get("/admin/organisations?q=ei-ole-tällaista").get_data(as_text=True)
    assert "Haulla ei löytynyt organisaatioita." in empty


def test_user_list_query_count_does_not_grow_with_users(client, login_as, db, count_queries):
    login_as("admin")
    for _ in range(3):
        make_user("coach")
    statements = count_queries()
    client.get("/admin/users")
    few = len(statements)
    for _ in range(20):
        make_user("employer")
    statements = count_queries()
    client.get("/admin/users")
    assert len(statements) == few


def test_audit_log_lists_events(client, login_as, db):
    login_as("admin")
    client.post("/admin/organisations/new", data={"name": "Lokitettu", "kind": "buyer"})
    page = client.get("/admin/audit/").get_data(as_text=True)
    assert "<td>Organisaatio luotu</td>" in page  # in words (tests/web/test_audit_log.py has the rest)

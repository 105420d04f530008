"""Issue 13, finding 1: anyone could become "Esimerkki Oy". A self-registered employer is now unverified
until an administrator verifies it: it is in no consent list, takes no consent and no proposal, publishes
nothing; administrators verify (who, when, how; audited) or reject it."""
from __future__ import annotations

import html

from sqlalchemy import func, select

from portal.accounts.models import Organisation, User, UserSession
from portal.audit.models import AuditEvent
from portal.coaching.models import Consent
from portal.employers.models import JobRole
from portal.extensions import db as _db
from portal.identity.models import JoinRequest
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_org, make_user

IMPOSTOR = {"organisation_name": "Esimerkki Oy", "business_id": "20774740", "contact_name": "Ville Väärä",
            "email": "ville@huijari.example", "confirm": "y"}


def count(model, *where) -> int:
    return _db.session.scalar(select(func.count()).select_from(model).where(*where))


def _real_esimerkki(world) -> Organisation:
    org = world.orgs["employer"]
    org.name, org.municipality_code = "Esimerkki Oy", "837"
    _db.session.commit()
    return org


def _impostor(client) -> Organisation:
    response = client.post("/employer/signup", data=IMPOSTOR)
    assert response.status_code == 302
    return _db.session.scalars(select(Organisation).where(Organisation.business_id == "2077474-0")).one()


def _options(page: str, name: str) -> list[str]:
    """The texts of the <option>s that name the organisation."""
    import re

    return [html.unescape(o) for o in re.findall(r"<option[^>]*>([^<]*)</option>", page) if name in html.unescape(o)]


def test_an_anonymous_signup_with_an_existing_name_is_not_listed_consented_to_or_proposed_to(client, world, db):
    real = _real_esimerkki(world)
    impostor = _impostor(client)
    assert impostor.name == "Esimerkki Oy" and impostor.verified_at is None and impostor.active

    coach, cid = world.users["coach"], world.ids["candidate"]
    sign_in(client, coach)
    page = client.get(f"/coaching/candidates/{cid}/consents?lang=en").get_data(as_text=True)
    assert _options(page, "Esimerkki Oy") == [f"Esimerkki Oy ({real.business_id}, Tampere)"]
    # A forged POST naming the impostor is refused, by the coach and by the candidate.
    page = client.post(f"/coaching/candidates/{cid}/consents?lang=en",
                       data={"employer_id": str(impostor.id), "scope": "contact"}).get_data(as_text=True)
    assert "does not exist in the portal" in page
    sign_in(client, world.users["candidate"])
    page = client.get("/my/consents?lang=en").get_data(as_text=True)
    assert _options(page, "Esimerkki Oy") == [f"Esimerkki Oy ({real.business_id}, Tampere)"]
    page = client.post("/my/consents?lang=en", data={"employer_id": str(impostor.id), "scope": "contact"})
    assert "does not exist in the portal" in page.get_data(as_text=True)
    assert count(Consent, Consent.employer_organisation_id == impostor.id) == 0

    # Even a role and a consent put straight into the database do not let a coach propose to it.
    person = make_candidate(coach, consent_for=impostor)
    role = make_role(impostor, publish=False, title="Siivooja")
    role.status = "published"
    _db.session.commit()
    sign_in(client, coach)
    page = client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en", data={"message": "Hei"})
    assert "has not been verified by the portal's administrators" in html.unescape(page.get_data(as_text=True))
    assert count(Proposal, Proposal.organisation_id == impostor.id) == 0


def test_an_unverified_employer_signs_in_saves_drafts_but_cannot_publish_and_is_told_why(client, db):
    org = make_org("employer", name="Uusi Oy", verified=False)
    user = make_user("employer", org)
    _db.session.commit()
    sign_in(client, user)
    page = html.unescape(client.get("/employer/?lang=en").get_data(as_text=True))
    assert "Your organisation awaits verification." in page and "roles cannot be published" in page
    form = client.get("/employer/roles/new").get_data(as_text=True)
    assert 'value="publish"' not in form and 'value="save"' in form
    data = {"title": "Siivooja", "kind": "job", "description": "Siivousta", "municipality_code": "837",
            "hours_min": "10", "hours_max": "20", "remote": "none", "schedule": "agreed", "positions": "1"}
    page = client.post("/employer/roles/new", data={**data, "action": "publish"}).get_data(as_text=True)
    assert "has not been verified yet, so its roles cannot be published" in html.unescape(page)
    assert count(JobRole) == 0
    assert client.post("/employer/roles/new", data={**data, "action": "save"}).status_code == 302
    role = _db.session.scalars(select(JobRole)).one()
    assert role.status == "draft"
    assert client.post(f"/employer/roles/{role.id}/publish").status_code == 302
    assert _db.session.get(JobRole, role.id).status == "draft"
    assert client.get(f"/jobs/{role.id}").status_code == 404


def test_the_administrator_verifies_with_who_when_and_how_and_is_warned_of_a_namesake(client, world, db, outbox):
    real = _real_esimerkki(world)
    impostor = _impostor(client)
    admin = world.users["admin"]
    sign_in(client, admin)
    listing = client.get("/admin/verification?lang=en").get_data(as_text=True)
    assert "Esimerkki Oy" in listing and "2077474-0" in listing and "Same name as another organisation" in listing
    page = html.unescape(client.get(f"/admin/verification/{impostor.id}?lang=en").get_data(as_text=True))
    assert "Other organisations on the portal have the same name" in page and real.business_id in page
    seen = {"seen_name": "Esimerkki Oy", "seen_business_id": "2077474-0"}
    # No confirmation, no method, or "other" without a note: nothing is recorded.
    for data in ({"method": "trade_register"}, {"confirm": "y"}, {"method": "other", "confirm": "y"}):
        assert client.post(f"/admin/verification/{impostor.id}?lang=en", data={**seen, **data}).status_code == 200
    assert _db.session.get(Organisation, impostor.id).verified_at is None
    response = client.post(f"/admin/verification/{impostor.id}?lang=en", data={
        **seen, "method": "called_contact", "note": "Soitin YTJ:n numeroon, Ville on toimitusjohtaja.", "confirm": "y"})
    assert response.status_code == 302
    org = _db.session.get(Organisation, impostor.id)
    assert org.verified_at is not None and org.verified_by_id == admin.id
    assert (org.verification_method, org.verification_note) == (
        "called_contact", "Soitin YTJ:n numeroon, Ville on toimitusjohtaja.")
    event = _db.session.scalars(select(AuditEvent).where(AuditEvent.action == "organisation_verified")).one()
    assert (event.actor_id, event.object_id) == (admin.id, org.id) and event.at is not None
    assert event.detail["method"] == "called_contact" and event.detail["same_name_as"] == [real.id]
    assert "Ville" in event.detail["note"]
    # Told in their own language (Finnish when they have chosen none).
    assert outbox[-1].to == "ville@huijari.example" and "on vahvistettu" in outbox[-1].subject
    # Verified, it is listed, told apart from its namesake by business ID.
    sign_in(client, world.users["coach"])
    page = client.get(f"/coaching/candidates/{world.ids['candidate']}/consents").get_data(as_text=True)
    assert sorted(_options(page, "Esimerkki Oy")) == sorted([f"Esimerkki Oy ({real.business_id}, Tampere)",
                                                             "Esimerkki Oy (2077474-0)"])


def test_a_verification_of_details_that_changed_meanwhile_is_refused(client, world, db):
    org = make_org("employer", name="Alkuperäinen Oy", verified=False)
    org.name = "Muutettu Oy"
    _db.session.commit()
    sign_in(client, world.users["admin"])
    page = client.post(f"/admin/verification/{org.id}?lang=en", data={
        "seen_name": "Alkuperäinen Oy", "seen_business_id": org.business_id, "method": "trade_register",
        "confirm": "y"}).get_data(as_text=True)
    assert "changed while you were checking it" in html.unescape(page)
    assert _db.session.get(Organisation, org.id).verified_at is None


def test_rejecting_deactivates_the_organisation_and_its_users_and_frees_the_business_id(client, world, db, outbox):
    impostor = _impostor(client)
    user = _db.session.scalars(select(User).where(User.email == "ville@huijari.example")).one()
    user.password_hash = "x"
    _db.session.add(JoinRequest(organisation_id=impostor.id, email="joku@example.com", name="Joku",
                                organisation_name="Esimerkki"))
    _db.session.commit()
    sign_in(client, user)
    sign_in(client, world.users["admin"])
    assert "Reject Esimerkki Oy?" in client.get(f"/admin/verification/{impostor.id}/reject?lang=en").get_data(
        as_text=True)
    assert client.post(f"/admin/verification/{impostor.id}/reject", data={"note": "Ei YTJ:ssä"}).status_code == 302
    org = _db.session.get(Organisation, impostor.id)
    assert not org.active and org.business_id is None and org.verified_at is None
    assert not _db.session.get(User, user.id).active
    assert count(UserSession, UserSession.user_id == user.id, UserSession.ended_at.is_(None)) == 0
    assert _db.session.scalars(select(JoinRequest).where(JoinRequest.organisation_id == org.id)).one().state == \
        "declined"
    assert {m.to for m in outbox} >= {"ville@huijari.example", "joku@example.com"}
    event = _db.session.scalars(select(AuditEvent).where(AuditEvent.action == "organisation_rejected")).one()
    assert event.detail["business_id"] == "2077474-0" and event.detail["users"] == [user.id]
    # The real organisation can now register with its business ID.
    client.post("/logout")
    with client.session_transaction() as sess:
        sess.clear()
    response = client.post("/employer/signup", data={**IMPOSTOR, "email": "oikea@esimerkki.example"})
    assert response.status_code == 302
    assert count(Organisation, Organisation.business_id == "2077474-0", Organisation.active.is_(True)) == 1


def test_organisations_made_by_trusted_people_are_verified(client, db, login_as):
    admin = login_as("admin")
    client.post("/admin/organisations/new", data={"name": "Firma", "kind": "employer", "business_id": "20774740"})
    org = _db.session.scalars(select(Organisation).where(Organisation.name == "Firma")).one()
    assert org.verified and (org.verification_method, org.verified_by_id) == ("created_by_admin", admin.id)


def test_a_verified_employer_cannot_rename_itself_but_an_unverified_one_can(client, db, login_as):
    employer = login_as("employer")
    page = client.post("/employer/profile?lang=en", data={"name": "Esimerkki Oy",
                                                          "business_id": employer.organisation.business_id})
    assert "changed by the portal's administrators" in html.unescape(page.get_data(as_text=True))
    assert _db.session.get(Organisation, employer.organisation_id).name != "Esimerkki Oy"
    other = make_org("employer", verified=False)
    login_as(make_user("employer", other))
    assert client.post("/employer/profile", data={"name": "Korjattu Oy", "business_id": other.business_id}
                       ).status_code == 302
    assert _db.session.get(Organisation, other.id).name == "Korjattu Oy"


def test_an_administrator_cannot_give_an_organisation_a_name_that_looks_like_anothers(client, db, login_as):
    """Outsider pass: an admin renamed a verified organisation to 'Esimerkki Oy', and public role pages, the API
    and the coach's matching pages, which show the name alone, could no longer tell the two apart."""
    make_org("employer", name="Esimerkki Oy", business_id="2077474-0")
    other = make_org("employer", name="Toinen Oy", business_id="1572860-0")
    db.session.commit()
    login_as("admin")
    for name in ("Esimerkki Oy", "ESIMERKKI OY.", "Esimerkki \u041ey"):  # the last with a Cyrillic O
        page = client.post(f"/admin/organisations/{other.id}?lang=en",
                           data={"name": name, "kind": "employer", "business_id": "1572860-0"})
        assert page.status_code == 200, name
        text = page.get_data(as_text=True)
        assert "2077474-0" in html.unescape(text) and "looks the same" in text
        db.session.expire_all()
        assert db.session.get(Organisation, other.id).name == "Toinen Oy"
    page = client.post("/admin/organisations/new?lang=en",
                       data={"name": "Esimerkki oy", "kind": "employer", "business_id": "0737546-2"})
    assert page.status_code == 200 and "looks the same" in page.get_data(as_text=True)
    # A name that tells them apart is fine, and saving an unchanged name is not refused.
    assert client.post(f"/admin/organisations/{other.id}", data={"name": "Toinen Oy", "kind": "employer",
                                                                  "business_id": "1572860-0"}).status_code == 302
    assert client.post(f"/admin/organisations/{other.id}", data={"name": "Esimerkki Oy Rovaniemi", "kind": "employer",
                                                                  "business_id": "1572860-0"}).status_code == 302

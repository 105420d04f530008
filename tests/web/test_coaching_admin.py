"""The portal administrator's grants of the provider admin right, and the demo caseload."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate, OrganisationAdmin
from tests.conftest import sign_in


def test_the_admin_grants_and_revokes_the_provider_admin_right(client, world, db):
    second = world.users["second_coach"]
    sign_in(client, second)
    assert client.get("/coaching/audit").status_code == 403
    sign_in(client, world.users["admin"])
    page = client.get("/coaching/admin/organisation-admins?lang=en").get_data(as_text=True)
    assert f"Grant to {second.name}" in page
    client.post("/coaching/admin/organisation-admins", data={"user_id": str(second.id), "action": "grant"})
    assert db.session.get(OrganisationAdmin, (world.orgs["provider"].id, second.id)) is not None
    sign_in(client, second)
    assert client.get("/coaching/audit").status_code == 200
    sign_in(client, world.users["admin"])
    client.post("/coaching/admin/organisation-admins", data={"user_id": str(second.id), "action": "revoke"})
    sign_in(client, second)
    assert client.get("/coaching/audit").status_code == 403
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "user")).all()
    assert {"org_admin_granted", "org_admin_revoked"} <= set(actions)


def test_only_coaches_of_providers_can_hold_the_right(client, world, db):
    sign_in(client, world.users["admin"])
    for who in ("employer", "candidate", "officer"):
        client.post("/coaching/admin/organisation-admins", data={"user_id": str(world.users[who].id),
                                                                 "action": "grant"})
    assert db.session.scalar(select(func.count()).select_from(OrganisationAdmin)) == 2  # the world's two


def test_the_log_can_be_searched_by_candidate_code(client, world, db):
    coach, cid = world.users["coach"], world.ids["candidate"]
    sign_in(client, coach)
    client.get(f"/coaching/candidates/{cid}/assessment")
    code = db.session.get(Candidate, cid).code
    page = client.get(f"/coaching/audit?lang=en&code={code.lower()}").get_data(as_text=True)
    assert code in page and "Service-need assessment" in page and "Caseload viewed" not in page
    assert "Nothing has been logged yet." in client.get("/coaching/audit?code=OTE-NONE-0000").get_data(as_text=True)


def test_the_demo_caseload_loads_once(app, db):
    from portal.accounts import demo as accounts
    from portal.coaching import demo as coaching
    from portal.directory import demo as directory

    accounts.seed()
    assert directory.seed() == "6 services created"
    assert coaching.seed() == "6 candidates created"
    db.session.commit()
    assert (directory.seed(), coaching.seed()) == ("0 services created", "0 candidates created")
    kaisa = db.session.scalars(select(Candidate).where(Candidate.user_id == accounts.demo_user("candidate").id)).one()
    assert kaisa.name == "Kaisa Asiakas" and [c.name for c in kaisa.coaches] == ["Ville Valmentaja"]

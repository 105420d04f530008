"""Officers create and edit procurements, move them through their statuses, and invite suppliers."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select

from portal.accounts.models import Organisation, User
from portal.audit.models import AuditEvent
from portal.procurements.models import Procurement
from tests.access.procurements import make_clause, make_procurement
from tests.factories import make_org, make_user

GOOD = {"reference": "HILMA-2026-77", "title": "Ruokapalvelut", "description": "Kouluruoka",
        "cpv_code": "55524000 - 9", "estimated_value": "250000", "contract_start": "2026-03-01",
        "contract_end": "2028-02-29", "supplier_id": ""}


def _count(db, model=Procurement) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_an_officer_creates_a_procurement_that_starts_as_planned(client, login_as, db):
    officer = login_as("officer")
    response = client.post("/procurements/new", data=GOOD)
    assert response.status_code == 302
    item = db.session.scalars(select(Procurement)).one()
    assert item.buyer_id == officer.organisation_id and item.status == "planned"
    assert item.cpv_code == "55524000-9" and item.contract_end == date(2028, 2, 29)
    assert db.session.scalar(select(AuditEvent.object_id).where(AuditEvent.action == "procurement_created")) == item.id
    page = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "Hotel, restaurant and retail trade services" in page  # the CPV division is named


def test_reversed_dates_are_refused_in_the_users_language_and_what_was_typed_is_kept(client, login_as, db):
    login_as("officer")
    page = client.post("/procurements/new", data={**GOOD, "contract_end": "2025-01-01"}).get_data(as_text=True)
    assert "Sopimus päättyy ennen kuin se alkaa." in page
    assert 'value="HILMA-2026-77"' in page and 'value="2025-01-01"' in page
    page = client.post("/procurements/new?lang=sv", data={**GOOD, "contract_end": "2025-01-01"}).get_data(as_text=True)
    assert "Avtalet upphör innan det börjar." in page
    assert _count(db) == 0


def test_an_unknown_cpv_division_and_a_malformed_code_are_refused(client, login_as, db):
    login_as("officer", language="en")
    page = client.post("/procurements/new", data={**GOOD, "cpv_code": "99000000"}).get_data(as_text=True)
    assert "The first two digits of the CPV code do not name a CPV division." in page
    page = client.post("/procurements/new", data={**GOOD, "cpv_code": "4500-7"}).get_data(as_text=True)
    assert "Give the CPV code as eight digits" in page
    assert _count(db) == 0


def test_a_negative_value_and_a_reference_used_twice_are_refused(client, login_as, db):
    officer = login_as("officer", language="en")
    page = client.post("/procurements/new", data={**GOOD, "estimated_value": "-5"}).get_data(as_text=True)
    assert 'id="estimated_value-error"' in page
    make_procurement(officer.organisation, reference="HILMA-2026-77")
    page = client.post("/procurements/new", data=GOOD).get_data(as_text=True)
    assert "Another procurement of yours already has this reference." in page
    assert _count(db) == 1


def test_only_employer_organisations_can_be_suppliers(client, login_as, db):
    login_as("officer", language="en")
    provider = make_org("provider")
    page = client.post("/procurements/new", data={**GOOD, "supplier_id": provider.id}).get_data(as_text=True)
    assert "Choose a supplier from the list." in page
    employer = make_org("employer", name="Hyvä Ruoka Oy")
    assert client.post("/procurements/new", data={**GOOD, "supplier_id": employer.id}).status_code == 302
    assert db.session.scalars(select(Procurement)).one().supplier_id == employer.id


def test_status_moves_only_along_the_allowed_transitions(client, login_as, db):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, status="planned")
    url = f"/procurements/{item.id}/status"
    page = client.post(url, data={"status": "ended"}, follow_redirects=True).get_data(as_text=True)
    assert "A procurement cannot move from planned to ended." in page
    assert client.post(url, data={"status": "tendering"}).status_code == 302
    page = client.post(url, data={"status": "awarded"}, follow_redirects=True).get_data(as_text=True)
    assert "Choose the supplier before marking the procurement as awarded." in page
    db.session.refresh(item)
    assert item.status == "tendering"
    item.supplier_id = make_org("employer").id
    for step in ("awarded", "in_force", "ended"):
        client.post(url, data={"status": step})
    db.session.refresh(item)
    assert item.status == "ended"
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "procurement_status_changed")
                                .order_by(AuditEvent.id)).all()
    assert [e.detail["to"] for e in events] == ["tendering", "awarded", "in_force", "ended"]


def test_the_page_offers_only_the_allowed_next_steps(client, login_as, db):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, status="tendering")
    page = client.get(f"/procurements/{item.id}").get_data(as_text=True)
    assert 'value="awarded"' in page and 'value="planned"' in page and 'value="ended"' not in page


def test_an_officer_edits_a_procurement_and_the_change_is_audited(client, login_as, db):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, status="tendering")
    assert 'value="HK-2026-001"' in client.get(f"/procurements/{item.id}/edit").get_data(as_text=True)
    supplier = make_org("employer", name="Uusi Toimittaja Oy")
    data = {**GOOD, "reference": "HILMA-2026-78", "title": "Koulujen rakennustyöt", "cpv_code": "45000000-7",
            "estimated_value": "300000.50", "contract_start": "2026-02-01", "supplier_id": supplier.id}
    response = client.post(f"/procurements/{item.id}/edit", data=data)
    assert response.status_code == 302
    db.session.refresh(item)
    assert (item.reference, item.title, item.cpv_code, float(item.estimated_value), item.supplier_id) == (
        "HILMA-2026-78", "Koulujen rakennustyöt", "45000000-7", 300000.5, supplier.id)
    assert item.contract_start == date(2026, 2, 1) and item.status == "tendering"  # editing never moves the status
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "procurement_updated")).one()
    assert event.object_id == item.id and event.detail["supplier_id"] == supplier.id
    page = client.get(f"/procurements/{item.id}").get_data(as_text=True)
    assert "Construction work" in page and "Uusi Toimittaja Oy" in page


def test_a_new_contract_period_must_still_hold_the_clause_deadlines(client, login_as, db):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, start=date(2026, 1, 1), end=date(2027, 12, 31))
    make_clause(item, deadline=date(2027, 6, 30))
    data = {**GOOD, "reference": item.reference, "contract_start": "2026-01-01", "contract_end": "2027-03-31"}
    page = client.post(f"/procurements/{item.id}/edit", data=data).get_data(as_text=True)
    assert "A clause deadline would fall outside the new contract period." in page
    db.session.refresh(item)
    assert item.contract_end == date(2027, 12, 31)


def test_an_officer_invites_a_supplier_that_is_not_on_the_portal(client, login_as, outbox, db):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, status="tendering")
    response = client.post(f"/procurements/{item.id}/invite", data={
        "name": "Uusi Siivous Oy", "business_id": "20774740", "contact_name": "Sanna Siivooja",
        "contact_email": "sanna@uusisiivous.example"})
    assert response.status_code == 302
    org = db.session.scalars(select(Organisation).where(Organisation.name == "Uusi Siivous Oy")).one()
    assert org.kind == "employer" and org.business_id == "2077474-0"
    user = db.session.scalars(select(User).where(User.email == "sanna@uusisiivous.example")).one()
    assert user.role == "employer" and user.password_hash is None
    assert re.search(r"http://localhost/\S+", outbox[-1].body)
    db.session.refresh(item)
    assert item.supplier_id == org.id


def test_inviting_with_a_bad_or_known_business_id_writes_nothing(client, login_as, db):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, status="tendering")
    before = _count(db, Organisation)
    data = {"name": "Väärä Oy", "business_id": "2077474-1", "contact_name": "X Y", "contact_email": "x@y.example"}
    page = client.post(f"/procurements/{item.id}/invite", data=data).get_data(as_text=True)
    assert "Give a valid Finnish business ID" in page
    known = make_org("employer", name="Vanha Oy", business_id="2077474-0")
    page = client.post(f"/procurements/{item.id}/invite",
                       data={**data, "business_id": "2077474-0"}).get_data(as_text=True)
    assert "Vanha Oy is already on the portal" in page
    assert _count(db, Organisation) == before + 1 and known.id
    assert db.session.scalar(select(func.count()).select_from(User).where(User.email == "x@y.example")) == 0


def test_the_procurement_list_is_searchable_sorted_and_scoped(client, login_as, db):
    officer = login_as("officer", language="en")
    make_procurement(officer.organisation, reference="A-1", status="planned")
    make_procurement(officer.organisation, reference="B-2", status="in_force")
    make_procurement(make_user("officer").organisation, reference="OTHER-9")
    page = client.get("/procurements/all?sort=-reference").get_data(as_text=True)
    assert page.index("B-2") < page.index("A-1") and "OTHER-9" not in page
    page = client.get("/procurements/all?status=planned").get_data(as_text=True)
    assert "A-1" in page and "B-2" not in page
    assert "No procurements match the search." in client.get("/procurements/all?q=zzz").get_data(as_text=True)


def test_the_officers_start_page_is_the_clause_dashboard(client, login_as, db):
    login_as("officer")
    response = client.get("/start")
    assert response.status_code == 302 and response.headers["Location"] == "/procurements/"

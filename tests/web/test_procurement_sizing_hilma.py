"""The size helper (the buyer's rule, suggested on the clause form) and the Hilma number and CPV name."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.clock import today
from portal.procurements.models import Procurement, SizeRule
from tests.access.procurements import make_procurement
from tests.factories import make_org

RULE = {"euros_per_person_month": "20000", "euros_per_person": "100000",
        "justification": "Kaupunginhallituksen päätös 12.3.2026 § 7"}
GOOD = {"reference": "HK-77", "title": "Siivous", "description": "", "cpv_code": "90910000-9",
        "estimated_value": "600000", "labour_share": "40", "hilma_notice": "2026-012345",
        "contract_start": "2026-03-01", "contract_end": "2028-02-29", "supplier_id": ""}


def _procurement(login_as, value="600000", share="0.4"):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, make_org("employer"), start=date(2026, 1, 1),
                            end=date(2027, 12, 31))
    item.estimated_value = Decimal(value) if value else None
    item.labour_share = Decimal(share) if share else None
    return item


def test_the_officer_sets_the_buyers_rule_with_its_justification_and_it_is_audited(client, login_as, db):
    officer = login_as("officer", language="en")
    assert "No rule has been set yet" in client.get("/procurements/size-rule").get_data(as_text=True)
    assert client.post("/procurements/size-rule", data=RULE).status_code == 302
    rule = db.session.scalars(select(SizeRule)).one()
    assert rule.organisation_id == officer.organisation_id and rule.euros_per_person_month == 20000
    assert rule.justification.startswith("Kaupunginhallituksen")
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "size_rule_saved")) == 1


@pytest.mark.parametrize(("data", "message"), [
    ({**RULE, "euros_per_person_month": "", "euros_per_person": ""}, "Give euros per person-month, per person"),
    ({**RULE, "justification": ""}, "This field is required"),
    ({**RULE, "euros_per_person_month": "abc"}, "Not a valid decimal value"),
    ({**RULE, "euros_per_person_month": "0"}, "Give a number from 1"),
])
def test_a_rule_without_a_figure_or_a_justification_is_refused(client, login_as, db, data, message):
    login_as("officer", language="en")
    response = client.post("/procurements/size-rule", data=data)
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(SizeRule)) == 0


def test_the_clause_form_suggests_a_size_the_officer_can_change(client, login_as, db):
    item = _procurement(login_as)
    client.post("/procurements/size-rule", data=RULE)
    page = client.get(f"/procurements/{item.id}/clauses/new/person_months").get_data(as_text=True)
    assert "Suggested size: 12.0 person-months" in page and "labour cost 240,000" in page
    quantity = page[page.index('name="quantity"'):]  # the decimal field shows no needless zeros
    assert "Kaupunginhallituksen päätös" in page and quantity[:quantity.index(">")].endswith('value="12"')
    persons = client.get(f"/procurements/{item.id}/clauses/new/persons").get_data(as_text=True)
    assert "Suggested size: 2 people" in persons  # 240,000 / 100,000 = 2.4
    saved = client.post(f"/procurements/{item.id}/clauses/new/person_months", data={
        "quantity": "15", "target_groups": ["partial_work_ability"], "reporting_interval": "3",
        "deadline": "2027-06-30", "action": "save"})
    assert saved.status_code == 302  # the officer's own figure, not the suggestion


def test_no_suggestion_without_a_rule_or_the_contracts_figures(client, login_as, db):
    item = _procurement(login_as, share="")
    client.post("/procurements/size-rule", data=RULE)
    assert "Suggested size" not in client.get(f"/procurements/{item.id}/clauses/new/person_months").get_data(
        as_text=True)
    other = _procurement(login_as)  # a new officer of another buyer: no rule of its own
    assert "Suggested size" not in client.get(f"/procurements/{other.id}/clauses/new/person_months").get_data(
        as_text=True)


def test_a_procurement_keeps_its_hilma_number_and_links_it_with_the_cpv_name(client, login_as, db):
    login_as("officer", language="en")
    response = client.post("/procurements/new", data={**GOOD, "hilma_notice": " HILMA 2026-012345 "})
    assert response.status_code == 302
    item = db.session.scalars(select(Procurement)).one()
    assert item.hilma_notice == "2026-012345" and item.labour_share == Decimal("0.4")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'href="https://www.hankintailmoitukset.fi/fi/search?q=2026-012345"' in page
    assert "90910000-9 – Cleaning services" in page and "40%" in page
    detail = db.session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "procurement_created"))
    assert detail["hilma_notice"] == "2026-012345" and detail["cpv_code"] == "90910000-9"
    edit = client.get(f"/procurements/{item.id}/edit").get_data(as_text=True)
    assert 'value="40"' in edit and 'value="2026-012345"' in edit


@pytest.mark.parametrize("number", ["2026-12345", "HK-2026-001", "2026/012345", "12345678901"])
def test_a_malformed_hilma_number_is_refused_and_the_form_kept(client, login_as, db, number):
    login_as("officer", language="en")
    response = client.post("/procurements/new", data={**GOOD, "hilma_notice": number})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "the year, a hyphen and six digits" in page
    assert f'value="{number}"' in page and 'value="Siivous"' in page
    assert db.session.scalar(select(func.count()).select_from(Procurement)) == 0


@pytest.mark.parametrize(("share", "message"), [("0", "from 1 to 100"), ("101", "from 1 to 100"),
                                                ("forty", "Not a valid integer value")])
def test_a_labour_share_outside_1_to_100_is_refused(client, login_as, db, share, message):
    login_as("officer", language="en")
    page = client.post("/procurements/new", data={**GOOD, "labour_share": share}).get_data(as_text=True)
    assert message in page
    assert db.session.scalar(select(func.count()).select_from(Procurement)) == 0


@pytest.mark.parametrize(("code", "name", "note"), [
    ("90919200-4", "Office cleaning services", False),
    ("90911300-9", "Accommodation, building and window cleaning services", True),  # its group is known
    ("33600000-6", "Medical equipment, pharmaceuticals and personal care products", True),  # only its division
])
def test_a_cpv_code_is_shown_with_the_most_specific_name_known(client, login_as, db, code, name, note):
    login_as("officer", language="en")
    response = client.post("/procurements/new", data={**GOOD, "cpv_code": code, "hilma_notice": ""})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"{code} – {name}" in page
    assert ("list does not name this code" in page) is note


def test_the_cpv_name_follows_the_language(client, login_as, db):
    login_as("officer", language="sv")
    response = client.post("/procurements/new", data=GOOD)
    assert "90910000-9 – Rengöring" in client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("number", ["2099-012345", "2009-000001"])
def test_a_hilma_number_of_a_year_no_notice_can_have_is_refused(client, login_as, db, number):
    login_as("officer", language="en")
    response = client.post("/procurements/new", data={**GOOD, "hilma_notice": number})
    page = response.get_data(as_text=True)
    last = today().year + 1
    assert response.status_code == 200 and f"year must be between 2010 and {last}" in page
    assert db.session.scalar(select(func.count()).select_from(Procurement)) == 0
    ok = client.post("/procurements/new", data={**GOOD, "hilma_notice": f"{last}-000001"})
    assert ok.status_code == 302

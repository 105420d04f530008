"""The award criterion and the reserved contract: from the library in fi, sv and en, scored, checked, audited."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.clause_reports.models import ClauseReport
from portal.procurements.models import EmploymentClause, ShareDeclaration, TenderPlan
from tests.access.procurements import make_procurement
from tests.factories import make_org, make_user

BASE = {"min_months": "6", "target_groups": ["partial_work_ability"], "reporting_interval": "3",
        "deadline": "2027-06-30", "sanction_per_month": "", "social_enterprise_share": "", "action": "save"}
AWARD = {**BASE, "quantity": "6", "award_points": "10", "award_scale": "6 = 2\n12 = 5\n24 = 10"}
RESERVED = {**BASE, "quantity": "2", "required_share": "30"}


def _setup(login_as, language="en"):
    officer = login_as("officer", language=language)
    supplier = make_org("employer")
    return make_procurement(officer.organisation, supplier, start=date(2026, 1, 1), end=date(2027, 12, 31))


def _audited(db, action) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action))


@pytest.mark.parametrize(("language", "award", "reserved"), [
    ("fi", "Vertailuperuste – työllistämissuunnitelma", "Varattu hankinta – sosiaaliset yritykset"),
    ("sv", "Tilldelningskriterium – sysselsättningsplan", "Reserverad upphandling – sociala företag"),
    ("en", "Award criterion – employment plan", "Reserved contract – social enterprises"),
])
def test_the_library_offers_the_three_forms_in_each_language(client, login_as, db, language, award, reserved):
    item = _setup(login_as, language)
    page = client.get(f"/procurements/{item.id}/clauses/new").get_data(as_text=True)
    assert award in page and reserved in page
    form = client.get(f"/procurements/{item.id}/clauses/new/award_person_months").get_data(as_text=True)
    assert "6 = 2\n12 = 5\n24 = 10" in form  # the template's default scale to start from


def test_an_award_criterion_is_saved_with_its_scale_as_data_and_its_wording_in_three_languages(client, login_as, db):
    item = _setup(login_as)
    response = client.post(f"/procurements/{item.id}/clauses/new/award_person_months", data=AWARD)
    assert response.status_code == 302
    clause = db.session.scalars(select(EmploymentClause)).one()
    assert clause.form == "award" and clause.kind == "person_months" and clause.award_points == 10
    assert clause.award_scale == [{"at_least": 6.0, "points": 2.0}, {"at_least": 12.0, "points": 5.0},
                                  {"at_least": 24.0, "points": 10.0}]
    assert "enintään 10 pistettä" in clause.text_fi
    assert "12 henkilötyökuukautta tai enemmän 5 pistettä" in clause.text_fi
    assert "högst 10 poäng" in clause.text_sv and "at most 10 points" in clause.text_en
    assert "24 person-months or more 10 points" in clause.text_en
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Award criterion" in page and "No winner has been chosen yet" in page


@pytest.mark.parametrize(("scale", "points", "message"), [
    ("six = two", "10", "Write one step a line"),
    ("12 = 5\n6 = 2", "10", "Each step must ask for a larger plan"),
    ("6 = 2\n12 = 15", "10", "No step may give more points"),
    ("6 = 2", "0", "Give the criterion&#39;s points"),
])
def test_a_bad_scale_is_refused_with_its_message_and_the_input_kept(client, login_as, db, scale, points, message):
    item = _setup(login_as)
    response = client.post(f"/procurements/{item.id}/clauses/new/award_person_months",
                           data={**AWARD, "award_scale": scale, "award_points": points})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and scale.split("\n")[0] in page
    assert db.session.scalar(select(func.count()).select_from(EmploymentClause)) == 0


def test_tenders_are_scored_and_the_winners_plan_becomes_the_target(client, login_as, db):
    item = _setup(login_as)
    client.post(f"/procurements/{item.id}/clauses/new/award_person_months", data=AWARD)
    clause = db.session.scalars(select(EmploymentClause)).one()
    for tenderer, planned in (("Alpha Oy", "5"), ("Beta Oy", "12"), ("Gamma Oy", "30")):
        assert client.post(f"/procurements/clauses/{clause.id}/tenders",
                           data={"tenderer": tenderer, "planned": planned}).status_code == 302
    points = dict(db.session.execute(select(TenderPlan.tenderer, TenderPlan.points)).all())
    assert points == {"Alpha Oy": 0, "Beta Oy": 5, "Gamma Oy": 10}
    page = client.get(f"/procurements/clauses/{clause.id}/tenders").get_data(as_text=True)
    page = page[page.index('id="plans-h"'):]
    assert page.index("Gamma Oy") < page.index("Beta Oy") < page.index("Alpha Oy")  # most points first
    again = client.post(f"/procurements/clauses/{clause.id}/tenders", data={"tenderer": "Beta Oy", "planned": "1"})
    assert "already scored" in again.get_data(as_text=True)
    beta = db.session.scalar(select(TenderPlan).where(TenderPlan.tenderer == "Beta Oy"))
    assert "Make this plan" in client.get(f"/procurements/clauses/{clause.id}/tenders/{beta.id}/winner").get_data(
        as_text=True)
    assert float(db.session.get(EmploymentClause, clause.id).quantity) == 6  # a GET changes nothing
    assert client.post(f"/procurements/clauses/{clause.id}/tenders/{beta.id}/winner").status_code == 302
    db.session.expire_all()
    clause = db.session.get(EmploymentClause, clause.id)
    assert clause.quantity == 12 and "vähintään 12 henkilötyökuukautta työllistämällä" in clause.text_fi
    assert "at least 12 person-months in total" in clause.text_en
    assert _audited(db, "tender_plan_scored") == 3 and _audited(db, "tender_winner_chosen") == 1
    page = client.get(f"/procurements/clauses/{clause.id}").get_data(as_text=True)
    assert "The winner Beta Oy committed to 12" in page


def test_a_condition_or_another_buyers_clause_has_no_tenders(client, login_as, db):
    item = _setup(login_as)
    client.post(f"/procurements/{item.id}/clauses/new/person_months", data={**BASE, "quantity": "12"})
    clause = db.session.scalars(select(EmploymentClause)).one()
    assert client.get(f"/procurements/clauses/{clause.id}/tenders").status_code == 404


def test_a_reserved_contract_starts_from_the_legal_share_and_refuses_less(client, login_as, db):
    item = _setup(login_as)
    form = client.get(f"/procurements/{item.id}/clauses/new/reserved_persons").get_data(as_text=True)
    assert 'value="30"' in form
    page = client.post(f"/procurements/{item.id}/clauses/new/reserved_persons",
                       data={**RESERVED, "required_share": "25"}).get_data(as_text=True)
    assert "must require at least 30%" in page and 'value="25"' in page
    assert db.session.scalar(select(func.count()).select_from(EmploymentClause)) == 0
    assert client.post(f"/procurements/{item.id}/clauses/new/reserved_persons",
                       data={**RESERVED, "required_share": "40"}).status_code == 302
    clause = db.session.scalars(select(EmploymentClause)).one()
    assert clause.form == "reserved" and clause.required_share == Decimal("0.4")
    assert clause.share_rule_id == "reserved-contract-share-2017"
    assert "(1397/2016 § 18)" in clause.text_fi and "vähintään 40\xa0%" in clause.text_fi
    assert "minst 40\xa0%" in clause.text_sv and "at least 40%" in clause.text_en


def _reserved_clause(client, login_as, db):
    item = _setup(login_as)
    client.post(f"/procurements/{item.id}/clauses/new/reserved_persons", data=RESERVED)
    return item, db.session.scalars(select(EmploymentClause)).one()


def test_the_supplier_declares_its_share_with_the_report_and_one_below_the_requirement_is_flagged(
        client, login_as, db):
    item, clause = _reserved_clause(client, login_as, db)
    officer = make_user("officer", org=item.buyer, language="en")
    supplier = make_user("employer", org=item.supplier, language="en")
    login_as(supplier)
    url = f"/clause-reports/supplier/{clause.id}/2026-03-31"
    form = client.get(url).get_data(as_text=True)
    assert "31 Mar 2026" in form or "Mar 31, 2026" in form
    assert "Share of disadvantaged staff on the report date" in form and "Staff in all on the report date" in form
    bad = client.post(url, data={"staff": "10", "disadvantaged": "11", "comment": "x"})
    assert bad.status_code == 200
    assert "There cannot be more disadvantaged staff than staff." in bad.get_data(as_text=True)
    missing = client.post(url, data={"comment": "x"})
    assert missing.status_code == 200 and 'class="error-summary' in missing.get_data(as_text=True)
    assert client.post(f"/clause-reports/supplier/{clause.id}/2026-03-30",
                       data={"staff": "10", "disadvantaged": "3"}).status_code == 404  # not a report date
    assert db.session.scalar(select(func.count()).select_from(ShareDeclaration)) == 0
    assert db.session.scalar(select(func.count()).select_from(ClauseReport)) == 0  # one form: nothing saved
    ok = client.post(url, data={"staff": "10", "disadvantaged": "2"}, follow_redirects=True)
    assert "below the share the contract requires" in ok.get_data(as_text=True)
    report = db.session.scalars(select(ClauseReport)).one()
    login_as(officer)
    assert client.post(f"/clause-reports/report/{report.id}/return",
                       data={"reasons": "Henkilöstömäärä tarkistettava."}).status_code == 302
    login_as(supplier)
    corrected = client.post(url, data={"staff": "10", "disadvantaged": "4"}, follow_redirects=True)
    assert "meets the contract&#39;s requirement" in corrected.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ShareDeclaration)) == 1
    assert _audited(db, "share_declared") == 1 and _audited(db, "share_declaration_corrected") == 1
    # Each submission's figures stay in the report's history, on the supplier's and the officer's pages.
    for page in (client.get(f"/clause-reports/supplier/{clause.id}?lang=en"),
                 client.get(f"/supplier/clauses/{clause.id}/share?lang=en")):
        assert page.status_code == 200
    history = client.get(f"/clause-reports/supplier/{clause.id}?lang=en").get_data(as_text=True)
    assert "Declared staff: 10, of them disadvantaged: 2" in history
    assert "Declared staff: 10, of them disadvantaged: 4" in history
    assert "Meets the required share" in client.get(f"/supplier/clauses/{clause.id}/share").get_data(as_text=True)
    login_as(officer)
    officer_page = client.get(f"/clause-reports/clause/{clause.id}?lang=en").get_data(as_text=True)
    assert "disadvantaged: 2" in officer_page and "disadvantaged: 4" in officer_page


def test_the_officer_sees_each_declared_share_checked(client, login_as, db):
    item, clause = _reserved_clause(client, login_as, db)
    db.session.add_all([ShareDeclaration(clause_id=clause.id, report_date=date(2026, 3, 31), staff=10, disadvantaged=2,
                                         comment=""),
                        ShareDeclaration(clause_id=clause.id, report_date=date(2026, 6, 30), staff=10, disadvantaged=3,
                                         comment="")])
    db.session.commit()
    page = client.get(f"/procurements/clauses/{clause.id}").get_data(as_text=True)
    assert "Below the required share" in page and "Meets the required share" in page
    assert "1397/2016 § 18" in page and "has not been checked against the law text" in page


def test_a_condition_clause_asks_no_share(client, login_as, db):
    item = _setup(login_as)
    client.post(f"/procurements/{item.id}/clauses/new/person_months", data={**BASE, "quantity": "12"})
    clause = db.session.scalars(select(EmploymentClause)).one()
    login_as(make_user("employer", org=item.supplier))
    response = client.get(f"/supplier/clauses/{clause.id}/share")
    assert response.status_code == 302

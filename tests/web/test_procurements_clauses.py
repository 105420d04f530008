"""Officers attach clauses from the library, preview them in three languages, and follow their status."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.procurements.models import EmploymentClause
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org

PERSONS = {"quantity": "3", "min_months": "6", "target_groups": ["partial_work_ability", "young"],
           "reporting_interval": "3", "deadline": "2027-06-30", "sanction_per_month": "500",
           "social_enterprise_share": "", "action": "save"}


def _setup(login_as, **kw):
    officer = login_as("officer", language="en")
    return make_procurement(officer.organisation, make_org("employer"), start=date(2026, 1, 1),
                            end=date(2027, 12, 31), **kw)


def _clauses(db) -> int:
    return db.session.scalar(select(func.count()).select_from(EmploymentClause))


def test_the_library_offers_every_template(client, login_as, db):
    item = _setup(login_as)
    page = client.get(f"/procurements/{item.id}/clauses/new").get_data(as_text=True)
    for name in ("Employ N people for at least M months each", "Deliver X person-months in total",
                 "N apprenticeship places", "N work-trial places",
                 "Combined employment, apprenticeships and work trials"):
        assert name in page
    assert client.get(f"/procurements/{item.id}/clauses/new/nonsense").status_code == 404


def test_the_officer_sees_the_clause_text_in_three_languages_before_saving(client, login_as, db):
    item = _setup(login_as)
    page = client.post(f"/procurements/{item.id}/clauses/new/persons",
                       data={**PERSONS, "action": "preview"}).get_data(as_text=True)
    assert "vähintään 3 henkilöä seuraavista kohderyhmistä: osatyökykyiset tai nuoret (alle 30-vuotiaat)" in page
    assert "minst 3 personer ur följande målgrupper: personer med partiell arbetsförmåga eller unga" in page
    assert "employ at least 3 people from the following target groups" in page
    assert "The obligation shall be met by 30 June 2027." in page
    assert "€500.00 for each missing person-month" in page
    assert _clauses(db) == 0


def test_saving_a_clause_freezes_its_wording_and_is_audited(client, login_as, db):
    item = _setup(login_as)
    response = client.post(f"/procurements/{item.id}/clauses/new/person_months", data={
        **PERSONS, "quantity": "24.5", "social_enterprise_share": "25"})
    assert response.status_code == 302
    clause = db.session.scalars(select(EmploymentClause)).one()
    assert clause.kind == "person_months" and float(clause.quantity) == 24.5 and clause.min_months is None
    assert float(clause.social_enterprise_share) == 0.25 and clause.target_groups == ["partial_work_ability", "young"]
    assert "24,5 henkilötyökuukautta" in clause.text_fi and "Enintään 25\xa0% velvoitteesta" in clause.text_fi
    assert "24,5 personmånader" in clause.text_sv and "24.5 person-months" in clause.text_en
    assert db.session.scalar(select(AuditEvent.object_id).where(AuditEvent.action == "clause_created")) == clause.id
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "24.5 person-months" in page and 'lang="sv"' in page


def test_zero_or_negative_quantities_are_refused_and_nothing_is_written(client, login_as, db):
    item = _setup(login_as)
    for quantity in ("0", "-3"):
        page = client.post(f"/procurements/{item.id}/clauses/new/persons",
                           data={**PERSONS, "quantity": quantity}).get_data(as_text=True)
        assert "Give a number greater than zero." in page
        assert f'value="{quantity}"' in page
    page = client.post(f"/procurements/{item.id}/clauses/new/persons",
                       data={**PERSONS, "quantity": "2.5"}).get_data(as_text=True)
    assert "People are counted in whole numbers." in page
    page = client.post(f"/procurements/{item.id}/clauses/new/persons",
                       data={**PERSONS, "min_months": "0"}).get_data(as_text=True)
    assert 'id="min_months-error"' in page
    assert _clauses(db) == 0


def test_a_deadline_outside_the_contract_period_is_refused(client, login_as, db):
    item = _setup(login_as)
    for deadline in ("2028-01-01", "2025-12-31"):
        page = client.post(f"/procurements/{item.id}/clauses/new/persons",
                           data={**PERSONS, "deadline": deadline}).get_data(as_text=True)
        assert "The deadline must fall within the contract period (1/1/26 to 12/31/27)." in page
    assert _clauses(db) == 0


def test_target_groups_and_the_social_enterprise_share_are_checked(client, login_as, db):
    item = _setup(login_as)
    page = client.post(f"/procurements/{item.id}/clauses/new/combined",
                       data={**PERSONS, "target_groups": [], "social_enterprise_share": "150"}).get_data(as_text=True)
    assert "Choose at least one target group." in page
    assert "Give a share from 1 to 100 per cent." in page
    assert _clauses(db) == 0


def test_editing_a_clause_writes_its_wording_again(client, login_as, db):
    item = _setup(login_as)
    clause = make_clause(item, kind="persons", quantity=3, min_months=6)
    clause.template_code = "persons"
    page = client.get(f"/procurements/clauses/{clause.id}/edit").get_data(as_text=True)
    assert 'value="3' in page
    response = client.post(f"/procurements/clauses/{clause.id}/edit", data={**PERSONS, "quantity": "5"})
    assert response.status_code == 302
    db.session.refresh(clause)
    assert int(clause.quantity) == 5 and "at least 5 people" in clause.text_en


def test_a_clause_is_deleted_only_after_confirmation_and_only_without_a_ledger(client, login_as, db):
    item = _setup(login_as)
    empty = make_clause(item)
    kept = make_clause(item)
    make_entry(kept)
    page = client.get(f"/procurements/clauses/{empty.id}/delete").get_data(as_text=True)
    assert "Delete the clause?" in page and _clauses(db) == 2
    assert client.post(f"/procurements/clauses/{empty.id}/delete").status_code == 302
    page = client.post(f"/procurements/clauses/{kept.id}/delete", follow_redirects=True).get_data(as_text=True)
    assert "This clause has ledger entries and cannot be deleted." in page
    assert _clauses(db) == 1


def test_the_clause_page_shows_figures_reports_chart_and_the_ledger_by_code(client, login_as, db):
    item = _setup(login_as)
    clause = make_clause(item, kind="person_months", quantity=12, deadline=date(2026, 12, 31))
    make_entry(clause, person="EO-0042", start=date(2026, 1, 1), end=date(2026, 6, 30), share="0.5")
    page = client.get(f"/procurements/clauses/{clause.id}").get_data(as_text=True)
    assert "EO-0042" in page
    assert "3.0 person-months" in page  # six months at half time
    assert "Final report at the deadline" in page and "Dec 31, 2026" in page
    assert page.count("Interim report") == 3  # quarterly: the ends of March, June and September
    assert "Mar 31, 2026" in page and "Jun 30, 2026" in page and "Sep 30, 2026" in page
    assert '<svg class="chart-svg"' in page and "The chart's figures" in page


def test_the_status_changes_as_ledger_entries_arrive(client, login_as, db):
    item = _setup(login_as)
    clause = make_clause(item, kind="persons", quantity=1, min_months=1, deadline=date(2026, 6, 30))
    url = f"/procurements/clauses/{clause.id}"
    assert "Breached" in client.get(url).get_data(as_text=True)
    make_entry(clause, person="EO-0001", start=date(2026, 1, 1), end=date(2026, 3, 31))
    page = client.get(url).get_data(as_text=True)
    assert "Met" in page and "Breached" not in page

"""Issue 18's tester on the award criterion: the winner's plan IS the target, and the winner stays once
the supplier has delivered or reported against it."""
from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.procurements.models import EmploymentClause, TenderPlan
from tests.access.procurements import make_entry
from tests.web.test_procurement_terms import AWARD, _setup


def _award_with_winner(client, login_as):
    item = _setup(login_as)
    client.post(f"/procurements/{item.id}/clauses/new/award_person_months", data=AWARD)
    clause = db.session.scalars(select(EmploymentClause)).one()
    for tenderer, planned in (("Alpha Oy", "8"), ("Beta Oy", "18")):
        client.post(f"/procurements/clauses/{clause.id}/tenders", data={"tenderer": tenderer, "planned": planned})
    plans = {p.tenderer: p for p in db.session.scalars(select(TenderPlan))}
    assert client.post(f"/procurements/clauses/{clause.id}/tenders/{plans['Beta Oy'].id}/winner").status_code == 302
    return clause, plans


def test_the_quantity_of_an_award_clause_with_a_winner_is_the_winners_plan(client, login_as, db):
    clause, _plans = _award_with_winner(client, login_as)
    answer = client.post(f"/procurements/clauses/{clause.id}/edit?lang=en", data={**AWARD, "quantity": "5"})
    assert answer.status_code == 200 and "the quantity is the plan (18)" in answer.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(EmploymentClause, clause.id).quantity == 18
    assert client.post(f"/procurements/clauses/{clause.id}/edit", data={**AWARD, "quantity": "18"}).status_code == 302


def test_the_winner_is_not_changed_once_the_supplier_has_delivered(client, login_as, db):
    clause, plans = _award_with_winner(client, login_as)
    make_entry(db.session.get(EmploymentClause, clause.id), person="EO-0001")
    db.session.commit()
    answer = client.post(f"/procurements/clauses/{clause.id}/tenders/{plans['Alpha Oy'].id}/winner?lang=en",
                         follow_redirects=True)
    assert "The winner cannot be changed" in answer.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(EmploymentClause, clause.id).quantity == 18
    assert db.session.get(TenderPlan, plans["Beta Oy"].id).winner
    assert not db.session.get(TenderPlan, plans["Alpha Oy"].id).winner

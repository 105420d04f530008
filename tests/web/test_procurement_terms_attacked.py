"""Issue 18's tester on the award criterion (the winner's plan IS the target, and the winner stays once
the supplier has delivered or reported against it) and on a reserved contract's share below the requirement."""
from __future__ import annotations

from sqlalchemy import select

from portal.clause_reports.models import ClauseReport
from portal.extensions import db
from portal.procurements.models import EmploymentClause, TenderPlan
from tests.access.procurements import make_entry
from tests.factories import make_user
from tests.web.test_procurement_terms import AWARD, _reserved_clause, _setup


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


def test_a_share_below_the_requirement_is_warned_compared_and_flagged(client, login_as, db):
    item, clause = _reserved_clause(client, login_as, db)
    officer = make_user("officer", org=item.buyer, language="en")
    login_as(make_user("employer", org=item.supplier, language="en"))
    url = f"/clause-reports/supplier/{clause.id}/2026-03-31"
    sent = client.post(url, data={"staff": "10", "disadvantaged": "2"}, follow_redirects=True).get_data(as_text=True)
    assert 'class="flash flash-warning"' in sent and "Warning: the declared share (20%) is below" in sent
    report = db.session.scalars(select(ClauseReport)).one()
    login_as(officer)
    page = client.get(f"/clause-reports/report/{report.id}?lang=en").get_data(as_text=True)
    share = page[page.index('id="share-h"'):page.index("Accept the report")]
    assert "Declared share" in share and "20%" in share and "Required share" in share
    assert "below the share the contract requires" in share
    board = client.get("/procurements/?lang=en").get_data(as_text=True)
    attention = board[board.index('id="attention-h"'):]
    assert "Share below the requirement" in attention and "People employed, 2 (deadline" in attention

"""The demo data gives every procurement and supplier page something to show, and loads only once."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.accounts import demo as accounts_demo
from portal.accounts.demo import demo_user
from portal.clock import today
from portal.procurements import demo
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement


def _counts(db):
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Procurement, EmploymentClause,
                                                                                 LedgerEntry))


def test_the_demo_loads_once_and_fills_the_officer_and_supplier_pages(client, login_as, db):
    accounts_demo.seed()
    assert demo.seed().startswith("1 procurement")
    db.session.commit()
    counts = _counts(db)
    assert counts == (2, 3, 9)  # the contract in force (2 clauses, 7 entries) and the ended one (1 clause, 2)
    assert demo.seed() == "0 created"
    assert _counts(db) == counts
    login_as(demo_user("officer"))
    page = client.get("/procurements/?lang=en").get_data(as_text=True)
    assert "DEMO-2025-014" in page and page.count("<progress") == 3 and "chart-svg" in page
    clause = db.session.scalars(select(EmploymentClause).order_by(EmploymentClause.id)).first()
    assert "EO-0101" in client.get(f"/procurements/clauses/{clause.id}").get_data(as_text=True)
    login_as(demo_user("employer"))
    page = client.get("/supplier/clauses?lang=en").get_data(as_text=True)
    assert "Demola kaupunki" in page and page.count("<progress") == 3


def test_the_demo_has_an_ended_clause_short_of_its_requirement_whose_sanction_the_officer_decides(
        client, login_as, db):
    accounts_demo.seed()
    demo.seed()
    db.session.commit()
    ended = db.session.scalars(select(EmploymentClause).join(EmploymentClause.procurement)
                               .where(Procurement.reference == demo.ENDED_REFERENCE)).one()
    assert ended.procurement.status == "ended" and ended.deadline < today()
    login_as(demo_user("officer"))
    page = client.get(f"/clause-reports/clause/{ended.id}?lang=en").get_data(as_text=True)
    assert "Decide the sanction" in page
    form = client.get(f"/clause-reports/clause/{ended.id}/sanction?lang=en").get_data(as_text=True)
    assert "person-months short" in form  # the requirement was not met: a sanction is computed
    done = client.post(f"/clause-reports/clause/{ended.id}/sanction",
                       data={"decision": "applied", "reasons": "Velvoite jäi täyttämättä.", "confirmed": "1"})
    assert done.status_code == 302
    shown = client.get(f"/procurements/clauses/{ended.id}?lang=en").get_data(as_text=True)
    assert "Sanction decision" in shown and "Applied" in shown and "Velvoite jäi täyttämättä." in shown

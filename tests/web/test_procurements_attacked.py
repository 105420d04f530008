"""Issue 18's tester on the procurement pages: a procurement not yet awarded is not behind, and has no sanction."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from portal.clock import today
from portal.extensions import db
from tests.access.procurements import make_clause, make_procurement


def test_a_procurement_without_a_supplier_is_not_started_and_has_no_sanction(client, login_as, db):
    officer = login_as("officer", language="en")
    start = today() - timedelta(days=200)
    item = make_procurement(officer.organisation, None, reference="EI-TOIMITTAJAA", status="planned", start=start,
                            end=start + timedelta(days=700))
    clause = make_clause(item, quantity=12, deadline=start + timedelta(days=600), sanction_per_month=Decimal("500"))
    db.session.commit()
    page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "Not started" in page and "no supplier yet" in page and "Sanction if the forecast holds" not in page
    assert "EI-TOIMITTAJAA" not in client.get("/procurements/?state=behind&lang=en").get_data(as_text=True)
    assert "EI-TOIMITTAJAA" in client.get("/procurements/?state=not_started&lang=en").get_data(as_text=True)

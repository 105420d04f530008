"""Issue 18's tester on the procurement pages: a procurement not yet awarded is not behind and has no sanction;
the procurement form names every problem at once."""
from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from portal.clock import today
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org
from tests.web.test_procurements import GOOD


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


def test_every_problem_of_the_procurement_form_is_named_at_once_each_a_sentence(client, login_as, db):
    login_as("officer", language="fi")
    bad = {**GOOD, "estimated_value": "abc", "labour_share": "150", "contract_end": "2025-01-01",
           "hilma_notice": "1999-012345"}
    page = client.post("/procurements/new?lang=en", data=bad).get_data(as_text=True)
    errors = dict(re.findall(r'id="([a-z_]+)-error"><span class="visually-hidden">Error:</span> ([^<]*)</p>', page))
    assert set(errors) >= {"estimated_value", "labour_share", "contract_end", "hilma_notice"}, errors
    assert errors["estimated_value"] == "Not a valid decimal value."  # no range message run on after it
    finnish = client.post("/procurements/new?lang=fi", data=bad).get_data(as_text=True)
    value = re.search(r'id="estimated_value-error">.*?</span> ([^<]*)</p>', finnish).group(1)
    assert value.endswith(".") and "Anna luku" not in value


def test_a_forged_status_is_not_echoed_and_cents_show_two_decimals(client, login_as, db):
    officer = login_as("officer", language="fi")
    start = today() - timedelta(days=400)
    item = make_procurement(officer.organisation, make_org("employer"), reference="SENTIT", start=start,
                            end=today() + timedelta(days=30))
    clause = make_clause(item, quantity=1, deadline=today() + timedelta(days=20),
                         sanction_per_month=Decimal("3250.5"))
    db.session.commit()
    page = client.post(f"/procurements/{item.id}/status?lang=en", data={"status": "closed"},
                       follow_redirects=True).get_data(as_text=True)
    assert "closed" not in page.lower().split("<main")[1].split("</main>")[0]
    assert "Choose one of the procurement&#39;s next steps." in page
    shown = client.get(f"/procurements/clauses/{clause.id}?lang=fi").get_data(as_text=True)
    assert "3\xa0250,50\xa0€" in shown and "3\xa0250,5\xa0€" not in shown


def test_a_period_that_ended_short_of_the_minimum_is_labelled_so_and_counted_apart(client, login_as, db):
    officer = login_as("officer", language="en")
    start = today() - timedelta(days=300)
    item = make_procurement(officer.organisation, make_org("employer"), reference="LYHYT", start=start,
                            end=start + timedelta(days=900))
    clause = make_clause(item, kind="persons", quantity=2, min_months=Decimal("6"),
                         deadline=start + timedelta(days=800))
    make_entry(clause, person="EO-0001", start=start, end=start + timedelta(days=91))
    db.session.commit()
    page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "Ended before the minimum length: cannot count" in page
    assert "People whose work ended before the minimum length" in page
    assert "People below the minimum length so far" not in page

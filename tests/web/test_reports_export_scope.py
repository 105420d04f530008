"""Issue 13, finding 7: every export holds the rows of the page it comes from, and hides what the page hides."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal.domain.person_months import add_months
from portal.placements.models import Placement
from portal.reports.refresh import refresh
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org, make_user
from tests.web.test_reports import THIS_MONTH, region
from tests.web.test_reports_exports import _book, _rows


def test_a_coach_without_candidates_exports_no_placement_of_a_colleague(client, login_as, db):
    home = region(n=6)
    newcomer = make_user("coach", home["provider"])  # same provider, no candidates of their own
    refresh()
    login_as(newcomer)
    rows = _rows(_book(client, "/reports/placements.xlsx?lang=en").active)
    assert rows[0][1] == "Person code" and rows[1:] == []
    login_as(home["coach"])  # the colleague's ledger: exactly the placements of their placements page
    rows = _rows(_book(client, "/reports/placements.xlsx?lang=en").active)
    page_ids = set(db.session.scalars(select(Placement.id)))
    assert {r[0] for r in rows[1:]} == page_ids and len(rows) == 13


def _section(page: str, heading: str) -> str:
    return page.split(f'id="{heading}"')[1].split("</section>")[0]


def test_an_officers_exports_hide_exactly_what_the_outcomes_page_hides(client, login_as, db):
    home = region(n=6)  # six people delivered on the clause of one supplier
    small_supplier = make_org("employer", name="Pieni Pesula Oy")
    clause = make_clause(make_procurement(home["buyer"], small_supplier, reference="HK-2026-002",
                                          start=add_months(THIS_MONTH, -12), end=add_months(THIS_MONTH, 12)),
                         deadline=add_months(THIS_MONTH, 11))
    for n in range(2):  # two people on the small supplier's clause
        make_entry(clause, person=f"PP-{n}", kind="job", start=add_months(THIS_MONTH, -6))
    refresh()
    login_as(make_user("officer", home["buyer"]))
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    rows = [re.findall(r'<td class="num">(.*?)</td>', row) for row in _section(page, "clauses-h").split("<tr>")[1:]]
    rows = [r for r in rows if len(r) == 11]  # six states, then required, delivered, forecast per unit
    # Buyer total (8 people) is shown; the small supplier's 2 are hidden, and so the other supplier's 6 too:
    # otherwise the total minus the 6 would give the 2 away.
    buyer_row, *supplier_rows = rows
    assert "hidden" not in buyer_row[8] and len(supplier_rows) == 2
    assert all("hidden" in r[8] for r in supplier_rows), supplier_rows

    book = _book(client, "/reports/outcomes.xlsx?lang=en")
    by_buyer, by_supplier = _rows(book["Clauses by buyer"]), _rows(book["Clauses by supplier"])
    assert isinstance(by_buyer[1][10], float) and [r[10] for r in by_supplier[1:]] == ["hidden", "hidden"]
    assert "fewer than 5 people" in str(_rows(book["Hidden figures"]))
    clauses = _rows(_book(client, "/reports/clauses.xlsx?lang=en").active)
    assert [(r[3], r[10], r[11]) for r in clauses[1:]] == [("Tampere Siivous Oy", "hidden", "hidden"),
                                                          ("Pieni Pesula Oy", "hidden", "hidden")]
    # The placements ledger: the officer's placements page's columns only, no wage subsidy (the page shows its
    # share only as an aggregate) and no filter by municipality that would tie a code to a home town.
    ledger = _rows(_book(client, "/reports/placements.xlsx?lang=en&municipality=091").active)
    assert ledger[0] == ["Placement", "Person code", "Kind", "State", "Start date", "End date",
                         "Working-time share (%)", "Employer", "Clause", "Procurement"]
    assert len(ledger) == 13 and not {"yes", "no"} & {v for r in ledger[1:] for v in r}

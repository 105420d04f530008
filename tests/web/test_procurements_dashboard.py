"""The officer dashboard (filters, sorting, pages, a chart with its table, constant queries) and its Excel export."""
from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

from openpyxl import load_workbook

from portal.clock import today
from portal.procurements.figures import Filters, buyer_figures
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org, make_user


def _buyer_with_clauses(officer, n: int, supplier=None, entries_each: int = 3):
    """n clauses of the officer's buyer, each with a few entries; half are far behind."""
    supplier = supplier or make_org("employer", name="Toimittaja Oy")
    start = today() - timedelta(days=300)
    item = make_procurement(officer.organisation, supplier, reference=f"P-{n:03d}", start=start,
                            end=start + timedelta(days=1000))
    clauses = []
    for i in range(n):
        clause = make_clause(item, quantity=6 if i % 2 else 60, deadline=start + timedelta(days=700 + i))
        for k in range(entries_each):
            make_entry(clause, person=f"EO-{i:03d}{k}", start=start + timedelta(days=10 * k), end=None)
        clauses.append(clause)
    return item, clauses


def test_the_dashboard_lists_every_clause_with_progress_state_and_a_chart_with_its_table(client, login_as, db):
    officer = login_as("officer", language="en")
    _buyer_with_clauses(officer, 2)
    page = client.get("/procurements/").get_data(as_text=True)
    assert page.count("<progress") == 2
    assert "Met" in page and "Behind" in page
    assert '<svg class="chart-svg"' in page and 'role="img"' in page
    assert page.count('<th scope="row">') >= 2  # the chart's numbers as table rows


def test_the_dashboard_shows_codes_and_figures_never_names(client, login_as, db):
    officer = login_as("officer", language="en")
    _, clauses = _buyer_with_clauses(officer, 1)
    coach = make_user("candidate", name="Kalle Kandidaatti")
    page = client.get("/procurements/").get_data(as_text=True)
    clause_page = client.get(f"/procurements/clauses/{clauses[0].id}").get_data(as_text=True)
    assert "EO-0000" in clause_page
    assert coach.name not in page and coach.name not in clause_page


def test_filters_by_state_supplier_and_deadline(client, login_as, db):
    officer = login_as("officer", language="en")
    item, clauses = _buyer_with_clauses(officer, 4)
    other = make_org("employer", name="Toinen Oy")
    second = make_procurement(officer.organisation, other, reference="Q-1")
    make_clause(second, deadline=date(2027, 5, 5))
    page = client.get("/procurements/?state=met").get_data(as_text=True)
    assert page.count("<progress") == 2
    page = client.get(f"/procurements/?supplier={other.id}").get_data(as_text=True)
    assert page.count("<progress") == 1 and "Q-1" in page
    page = client.get("/procurements/?deadline_from=2027-05-01&deadline_to=2027-05-31").get_data(as_text=True)
    assert page.count("<progress") == 1
    page = client.get("/procurements/?state=breached").get_data(as_text=True)
    assert "No clauses match." in page
    assert client.get("/procurements/?deadline_from=nonsense&supplier=x").status_code == 200


def test_sorting_and_pagination(client, login_as, db):
    officer = login_as("officer", language="en")
    _buyer_with_clauses(officer, 30, entries_each=1)
    first = client.get("/procurements/?sort=progress").get_data(as_text=True)
    assert first.count("<progress") == 25 and "Page 1 of 2 (30 in all)" in first
    assert client.get("/procurements/?sort=progress&page=2").get_data(as_text=True).count("<progress") == 5
    values = [int(v) for v in re.findall(r'<progress max="100" value="(\d+)"', first)]
    assert values == sorted(values)
    values = [int(v) for v in re.findall(r'<progress max="100" value="(\d+)"',
                                         client.get("/procurements/?sort=-progress").get_data(as_text=True))]
    assert values == sorted(values, reverse=True)


def test_the_dashboard_runs_the_same_number_of_queries_for_3_or_40_clauses(client, login_as, db, count_queries):
    officer = login_as("officer", language="en")
    client.get("/procurements/")  # warm up: first-request work is not the dashboard's
    _buyer_with_clauses(officer, 3)
    db.session.commit()
    few = count_queries()
    client.get("/procurements/")  # computed: the clauses were just written
    n_few = len(few)
    _buyer_with_clauses(officer, 37, supplier=make_org("employer"))
    db.session.commit()
    many = count_queries()
    client.get("/procurements/")
    assert len(many) == n_few, many
    # session, user, change counter, procurements, clauses, ledger, suppliers, catalogue, unread notifications
    assert n_few <= 9, few
    again = count_queries()
    client.get("/procurements/")  # nothing changed: the cached figures, without their queries
    assert sum("data_version" in q for q in again) == 1, again
    assert not any(table in q for q in again for table in ("employment_clause", "clause_ledger_entry")), again
    other_order = count_queries()
    client.get("/procurements/?sort=progress")  # a board of its own, from the kept figures
    assert not any("clause_ledger_entry" in q for q in other_order), other_order


def test_the_exported_workbook_opens_and_its_figures_equal_the_dashboards(client, login_as, db):
    officer = login_as("officer", language="en")
    item, clauses = _buyer_with_clauses(officer, 4)
    make_entry(clauses[0], person="EO-9999", start=today() - timedelta(days=40), end=None, share="0.5")
    response = client.get("/procurements/report.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    workbook = load_workbook(io.BytesIO(response.data))
    summary, ledger, reports, history, decisions = workbook.worksheets  # the reporting cycle adds three sheets
    assert (reports.title, history.title, decisions.title) == ("Reports", "Report history", "Sanction decisions")
    header = [c.value for c in summary[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in summary.iter_rows(min_row=2)]
    shown = {r.clause.id: r for r in buyer_figures(officer.organisation_id, Filters()).rows}
    dashboard = client.get("/procurements/").get_data(as_text=True)
    assert len(rows) == len(shown) == 4
    for row in rows:
        figures = shown[row["Clause"]]
        assert (row["Required"], row["Delivered"], row["Forecast at deadline"], row["Still owed"]) == (
            figures.required, figures.delivered, figures.forecast, figures.remaining)
        assert row["State"] == {"met": "Met", "behind": "Behind", "at_risk": "At risk", "on_track": "On track",
                                "breached": "Breached"}[figures.status.state]
        assert f"{row['Delivered']:.1f} / {row['Required']:.1f} ({row['Progress (%)']}%)" in dashboard
        assert isinstance(row["Deadline"], datetime) and isinstance(row["Required"], (int, float))
    assert ledger.max_row == 1 + 4 * 3 + 1
    codes = {c.value for c in ledger["C"][1:]}
    assert "EO-9999" in codes
    ledger_header = [c.value for c in ledger[1]]
    half_time = next(row for row in ledger.iter_rows(min_row=2) if row[2].value == "EO-9999")
    start, share = (half_time[ledger_header.index(k)] for k in ("Start date", "Working-time share (%)"))
    assert start.is_date and start.value.date() == today() - timedelta(days=40)
    assert share.data_type == "n" and share.value == 50


def test_the_export_neutralises_text_that_could_run_as_a_formula(client, login_as, db):
    officer = login_as("officer", language="en")
    item, _clauses = _buyer_with_clauses(officer, 1)
    item.title = '=HYPERLINK("http://evil.example","x")'
    response = client.get("/procurements/report.xlsx")
    cell = load_workbook(io.BytesIO(response.data)).worksheets[0]["B2"]
    assert cell.data_type == "s" and cell.quotePrefix is True and cell.value.startswith("=HYPERLINK")


def test_the_export_follows_the_dashboards_filters_and_scope(client, login_as, db):
    officer = login_as("officer", language="en")
    _buyer_with_clauses(officer, 4)
    _buyer_with_clauses(make_user("officer"), 2)  # another buyer's clauses never appear
    response = client.get("/procurements/report.xlsx?state=met")
    summary = load_workbook(io.BytesIO(response.data)).worksheets[0]
    assert summary.max_row == 1 + 2


def test_list_pages_run_a_fixed_number_of_queries(client, login_as, db, count_queries):
    officer = login_as("officer", language="en")
    item, clauses = _buyer_with_clauses(officer, 2)
    supplier = make_user("employer", item.supplier)
    pages = ["/procurements/all", f"/procurements/{item.id}", f"/procurements/clauses/{clauses[0].id}"]
    for url in pages:
        client.get(url)
    make_entry(clauses[1], person="EO-9999")  # a ledger change: figures are computed again, not cached
    db.session.commit()
    few = {}
    for url in pages:
        queries = count_queries()
        client.get(url)
        few[url] = len(queries)
    for n in range(3, 30):
        make_procurement(officer.organisation, item.supplier, reference=f"MORE-{n}")
        more = make_clause(item)
        make_entry(more)
        make_entry(clauses[0], person=f"EO-7{n:03d}")
    db.session.commit()
    for url in pages:
        queries = count_queries()
        client.get(url)
        assert len(queries) == few[url], (url, queries)
    again = count_queries()
    client.get(pages[-1])  # rendered again, after its access check, in as many queries
    assert len(again) == few[pages[-1]] and any("employment_clause" in q for q in again), again
    login_as(supplier)
    client.get("/supplier/clauses")
    queries = count_queries()
    client.get("/supplier/clauses")
    assert len(queries) <= 6, queries


def test_placements_reach_the_officer_by_pseudonymous_code_never_by_name(client, world, db):
    from portal.coaching.models import Candidate
    from tests.access.proposals import PLACED_NAME
    from tests.conftest import sign_in

    code = db.session.get(Candidate, world.ids["placed_candidate"]).code
    sign_in(client, world.users["officer"])
    dashboard = client.get("/procurements/?lang=en").get_data(as_text=True)
    clause_page = client.get(f"/procurements/clauses/{world.ids['clause']}?lang=en").get_data(as_text=True)
    workbook = load_workbook(io.BytesIO(client.get("/procurements/report.xlsx").data))
    cells = [str(c) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert code in clause_page and code in cells  # the placement's ledger entry, by its code
    assert PLACED_NAME not in dashboard and PLACED_NAME not in clause_page and PLACED_NAME not in cells

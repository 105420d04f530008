"""Issue 18's contradictions, each reproduced on the pages and in the exports, with the fixed behaviour."""
from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

from openpyxl import load_workbook

from portal.clock import today
from portal.domain.person_months import add_months
from portal.reports.refresh import refresh
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org


def _summary(client) -> dict:
    book = load_workbook(io.BytesIO(client.get("/procurements/report.xlsx?lang=en").data))
    rows = list(book["Summary"].iter_rows(values_only=True))
    return dict(zip(rows[0], rows[1], strict=True))


def test_a_clause_whose_contract_starts_next_year_is_not_started_without_a_sanction(client, login_as, db):
    officer = login_as("officer", language="en")
    start = date_next_year = today().replace(month=1, day=1) + timedelta(days=400)
    clause = make_clause(make_procurement(officer.organisation, make_org("employer"), start=date_next_year,
                                          end=start + timedelta(days=700)),
                         kind="persons", quantity=3, min_months=6, deadline=start + timedelta(days=700),
                         sanction_per_month=Decimal("500"))
    db.session.commit()
    page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "Not started" in page and "On track" not in page
    assert "Sanction" not in page and "nothing counts before it" in page
    board = client.get("/procurements/?lang=en").get_data(as_text=True)
    assert "Not started" in board
    row = _summary(client)
    assert row["State"] == "Not started" and row["Estimated sanction (EUR)"] is None


def test_the_forecast_counts_neither_ended_entries_again_nor_credits_past_their_cap(client, login_as, db):
    """The demo clause: 36 person-months; the old forecast said 62.7, then 110.8 after two ongoing jobs."""
    officer = login_as("officer", language="en")
    start = add_months(today().replace(day=1), -10)
    end = add_months(start, 36) - timedelta(days=1)
    clause = make_clause(make_procurement(officer.organisation, make_org("employer"), start=start, end=end),
                         quantity=36, deadline=end, social_enterprise_share=Decimal("0.25"))
    day = lambda months: add_months(start, months)  # noqa: E731
    make_entry(clause, "EO-0101", "job", day(1), None)
    make_entry(clause, "EO-0105", "job", day(3), day(7) - timedelta(days=1), share="0.8")
    make_entry(clause, "YY-2201", "social_enterprise", day(2), day(6) - timedelta(days=1))
    db.session.commit()
    # EO-0101 runs to the deadline (35 months), the two ended ones count as they were (3.2 and 4).
    assert _summary(client)["Forecast at deadline"] == 42.2
    page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "42.2" in page and "62.7" not in page
    make_entry(clause, "IM-1", "job", add_months(today().replace(day=1), -1), None)
    make_entry(clause, "IM-2", "job", add_months(today().replace(day=1), -1), None)
    db.session.commit()
    forecast = _summary(client)["Forecast at deadline"]
    assert forecast == round(42.2 + 2 * 27, 1)  # each ongoing job to the deadline (27 months), never 110.8
    assert f"{forecast}" in client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)


def test_the_sanction_appears_only_when_the_forecast_falls_short_and_says_how(client, login_as, db):
    officer = login_as("officer", language="en")
    start = add_months(today().replace(day=1), -6)
    end = add_months(start, 12) - timedelta(days=1)
    supplier = make_org("employer")
    short = make_clause(make_procurement(officer.organisation, supplier, reference="S-1", start=start, end=end),
                        quantity=12, deadline=end, sanction_per_month=Decimal("500"))
    make_entry(short, "EO-1", "job", start, add_months(start, 3) - timedelta(days=1))
    enough = make_clause(make_procurement(officer.organisation, supplier, reference="S-2", start=start, end=end),
                         quantity=12, deadline=end, sanction_per_month=Decimal("500"))
    make_entry(enough, "EO-2", "job", start, None)
    db.session.commit()
    page = client.get(f"/procurements/clauses/{short.id}?lang=en").get_data(as_text=True)
    assert "Sanction if the forecast holds" in page and "4,500" in page
    assert "the forecast is 9.0 person-months short of the requirement × 500 € per missing person-month" in page
    assert "Sanction" not in client.get(f"/procurements/clauses/{enough.id}?lang=en").get_data(as_text=True)


def test_the_same_figure_on_the_dashboard_the_clause_page_the_reports_page_and_the_exports(client, login_as, db):
    officer = login_as("officer", language="en")
    start = add_months(today().replace(day=1), -8)
    end = add_months(start, 24) - timedelta(days=1)
    clause = make_clause(make_procurement(officer.organisation, make_org("employer"), start=start, end=end),
                         quantity=40, deadline=end)
    for n in range(6):  # six people: the reports page may show the figure
        make_entry(clause, f"EO-{n}", "job", add_months(start, n), add_months(start, n + 2), share="0.5")
    db.session.commit()
    refresh()
    row = _summary(client)
    delivered, forecast = row["Delivered"], row["Forecast at deadline"]
    board = client.get("/procurements/?lang=en").get_data(as_text=True)
    assert f">{forecast}<" in board
    page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert f"{delivered} person-months" in page and f"{forecast} person-months" in page
    reports = load_workbook(io.BytesIO(client.get("/reports/clauses.xlsx?lang=en").data)).active
    line = list(reports.iter_rows(values_only=True))[1]
    assert (line[10], line[11]) == (delivered, forecast)
    outcomes = client.get("/reports/?lang=en").get_data(as_text=True)
    assert f">{delivered}<" in outcomes
    assert "Your own clauses, each with all its figures" in outcomes  # says why a small figure may be hidden


def test_the_persons_chart_shows_the_target_within_its_scale(client, login_as, db):
    officer = login_as("officer", language="en")
    start = add_months(today().replace(day=1), -6)
    end = add_months(start, 24) - timedelta(days=1)
    clause = make_clause(make_procurement(officer.organisation, make_org("employer"), start=start, end=end),
                         kind="persons", quantity=4, min_months=1, deadline=end)
    make_entry(clause, "EO-1", "job", start, None)
    db.session.commit()
    for url in (f"/procurements/clauses/{clause.id}?lang=en", "/procurements/?lang=en"):
        page = client.get(url).get_data(as_text=True)
        assert 'class="chart-target"' in page and "Target 4" in page, url
        assert ">2</text>" not in page.split("chart-svg")[1].split("</svg>")[0]  # the mid tick of 5 reads 2.5

"""Excel exports of the outcome report, clause report, placements ledger and caseload; small cells hidden."""
from __future__ import annotations

import io
import re
from datetime import datetime

from openpyxl import load_workbook
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.reports.refresh import refresh
from portal.reports.scope import Filters, Scope
from portal.reports.summaries import dashboard
from tests.access.reports import make_person
from tests.factories import make_user
from tests.web.test_reports import THIS_MONTH, TODAY, region

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _book(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == XLSX
    assert response.headers["Cache-Control"] == "no-store"
    return load_workbook(io.BytesIO(response.data))


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_outcome_workbook_holds_the_dashboards_figures(client, login_as, db):
    region(n=9)
    region(n=6, tag="Pori", municipality="091", uncontacted=5)
    refresh()
    login_as("admin")
    book = _book(client, "/reports/outcomes.xlsx?lang=en")
    board = dashboard(Scope("region"), Filters.default(TODAY))
    summary = {(r[0], r[1]): r[2] for r in _rows(book["Summary"])[1:]}
    assert summary["Caseload", "active candidates"] == board.caseload.active.value == 15
    assert summary["Days to first employer contact", "median days"] == board.contact[1] == 10.5  # 7..15 and 7
    assert summary["Days to first employer contact", "people without a contact yet"] == board.contact[2].value == 5
    assert summary["Job starts", "all"] == board.job_starts.value == 15
    assert summary["Job starts with a wage subsidy", "share (%)"] == round(board.subsidy.value * 100, 1)
    stock = _rows(book["Status by month"])
    statuses = stock[0][1:]
    for month_row, cells in zip(stock[1:], board.stock, strict=True):
        assert month_row[0].date() == board.months[stock.index(month_row) - 1]
        assert month_row[1:] == [c.value if c.shown else "hidden" for c in cells.values()]
    assert statuses[3] == "Employed"
    moves = _rows(book["Moves into outcomes"])
    assert moves[-1] == ["Whole period", 15, "hidden", "hidden", "hidden", "hidden"]
    buyers = _rows(book["Clauses by buyer"])
    assert [r[0] for r in buyers[1:]] == ["Pori kaupunki", "Tampere kaupunki", "All buyers"]
    ws = book["Summary"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b


def test_the_clause_report_covers_the_officers_own_procurements(client, login_as, db):
    home = region(n=6)
    other = region(n=5, tag="Pori")
    refresh()
    login_as(make_user("officer", home["buyer"]))
    rows = _rows(_book(client, "/reports/clauses.xlsx?lang=en").active)
    assert rows[0][:4] == ["Procurement", "Title", "Buyer", "Supplier"]
    assert [r[2] for r in rows[1:]] == ["Tampere kaupunki"]
    assert rows[1][10] > 0 and isinstance(rows[1][8], datetime)  # delivered behind six people; dates typed
    login_as("admin")
    rows = _rows(_book(client, f"/reports/clauses.xlsx?buyer={other['buyer'].id}").active)
    assert [r[2] for r in rows[1:]] == ["Pori kaupunki"]


def test_the_placements_ledger_names_people_by_code_within_each_scope(client, login_as, db):
    home = region(n=5)
    other = region(n=5, tag="Pori")
    home["employer"].name = "=HYPERLINK(\"http://evil.example\")"
    refresh()
    login_as(home["coach"])
    book = _book(client, "/reports/placements.xlsx?lang=en")
    rows = _rows(book.active)
    codes = {p.code for p in home["people"]}
    assert {r[1] for r in rows[1:]} == codes and len(rows) == 11  # a trial and a job each
    assert not any(p.name in str(r) for p in home["people"] + other["people"] for r in rows)
    cell = book.active["I2"]
    assert cell.data_type == "s" and cell.quotePrefix and cell.value.startswith("=HYPERLINK")
    assert isinstance(book.active["E2"].value, datetime) and isinstance(book.active["G2"].value, (int, float))
    widths = book.active.column_dimensions
    assert (widths["B"].width, widths["I"].width, widths["J"].width) == (14, 28, 30)
    assert book.active.freeze_panes == "A2"
    login_as(make_user("officer", other["buyer"]))
    rows = _rows(_book(client, "/reports/placements.xlsx").active)
    assert {r[1] for r in rows[1:]} == {p.code for p in other["people"]}


def test_the_caseload_export_is_the_coaches_own_through_the_coach_projection(client, login_as, db):
    home = region(n=5)
    colleague = make_user("coach", home["provider"])
    theirs = make_person(home["provider"], colleague, [(0, "intake")], TODAY, name="Toisen Valmentajan Asiakas")
    mine = home["people"][0]
    mine.limits_note = "Toimintarajoite-SALAISUUS"
    login_as(home["coach"])
    rows = _rows(_book(client, "/reports/caseload.xlsx?lang=en").active)
    assert rows[0][:4] == ["Code", "Name", "Email", "Phone"]
    assert {r[0] for r in rows[1:]} == {p.code for p in home["people"]}
    assert theirs.code not in str(rows) and "SALAISUUS" not in str(rows)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "caseload_exported"))
    assert sorted(event.detail["candidates"]) == sorted(p.id for p in home["people"])


NUMBER = re.compile(r'<td class="num">(\d+)</td>')


def _people_cells(section: str) -> list[int]:
    return [int(n) for n in NUMBER.findall(section)]


def test_small_cells_are_hidden_on_every_aggregate_page_and_export_for_a_region_of_four(client, login_as, db):
    four = region(n=4)
    refresh()
    officer = make_user("officer", four["buyer"])
    for user in (make_user("admin"), four["coach"], officer):
        login_as(user)
        page = client.get("/reports/?lang=en").get_data(as_text=True)
        for section in ("status-h", "moves-h", "placements-h"):
            if f'id="{section}"' in page:
                part = page.split(f'id="{section}"')[1].split("</section>")[0]
                assert _people_cells(part) == [], (user.role, section)
                assert "hidden" in part
        if 'id="support-h"' in page:
            support = page.split('id="support-h"')[1].split("</section>")[0]
            assert re.findall(r"<dd>(\d+)</dd>", support) in ([], ["1"])  # only the number of coaches
        if 'id="clauses-h"' in page:
            clauses = page.split('id="clauses-h"')[1].split("</section>")[0]
            rows = [re.findall(r'<td class="num">(.*?)</td>', row) for row in clauses.split("<tr>")[1:]]
            rows = [r for r in rows if len(r) == 11]  # buyer and supplier rows: delivered in columns 9 and 11
            assert rows and all("hidden" in r[8] and "hidden" in r[10] for r in rows), rows
        book = _book(client, "/reports/outcomes.xlsx?lang=en")
        for name in book.sheetnames:
            rows = _rows(book[name])
            if name == "Summary":
                figures = [r for r in rows[1:] if r[0] not in ("Figures refreshed", "Period", "Scope")
                           and r[1] != "coaches"]
                assert all(r[2] == "hidden" for r in figures), figures
            elif name.startswith("Clauses by"):
                assert all(r[c] == "hidden" for r in rows[1:] for c in (9, 10, 12, 13)), rows
            else:
                values = [v for r in rows[1:] for v in r[1:] if not isinstance(v, (datetime, str))]
                assert values == [], (name, values)
        if user.role != "coach":
            rows = _rows(_book(client, "/reports/clauses.xlsx?lang=en").active)
            assert rows[1][10] == rows[1][11] == "hidden"
    assert THIS_MONTH <= TODAY


def test_people_without_a_contact_cannot_be_worked_out_from_the_workbook(client, login_as, db):
    """Outsider pass: 'with a contact 5', 'without: hidden' and 'active 6' told that one person had none."""
    region(n=6, uncontacted=1)
    refresh()
    login_as("admin")
    summary = {(r[0], r[1]): r[2] for r in _rows(_book(client, "/reports/outcomes.xlsx?lang=en")["Summary"])[1:]}
    assert summary["Caseload", "active candidates"] == 6
    assert summary["Days to first employer contact", "people with a contact"] == "hidden"
    assert summary["Days to first employer contact", "people without a contact yet"] == "hidden"

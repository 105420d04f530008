"""In the browser: an officer creates a procurement and a clause, the supplier records and imports
ledger entries, and the officer sees the status move and exports figures equal to the page's."""
from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook, load_workbook

from tests.browser.conftest import sign_in


def _ledger_file() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Person code", "Kind", "Start date", "End date", "Working-time share (%)"])
    workbook.active.append(["FL-0002", "Employment", date(2026, 7, 1), date(2026, 9, 30), 50])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_procurement_clause_ledger_import_and_export_end_to_end(browser, live_server, tmp_path):
    url = live_server.url
    officer = browser.new_context(accept_downloads=True).new_page()
    sign_in(officer, live_server, "officer")
    errors = []
    officer.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    officer.goto(f"{url}/procurements/new?lang=en")
    officer.fill("#reference", "FLOW-1")
    officer.fill("#title", "Cleaning of schools")
    officer.fill("#cpv_code", "90910000-9")
    officer.fill("#contract_start", "2026-01-01")
    officer.fill("#contract_end", "2027-12-31")
    officer.select_option("#supplier_id", label=f"Home employer ({live_server.world.orgs['employer'].business_id})")
    officer.click("main button[type=submit]")
    assert officer.locator("h1").inner_text() == "FLOW-1: Cleaning of schools"

    officer.click("text=Attach a clause from the library")
    officer.click("text=Deliver X person-months in total")
    officer.fill("#quantity", "12")
    officer.check("input[name=target_groups][value=partial_work_ability]")
    officer.fill("#deadline", "2027-06-30")
    officer.click("button[value=preview]")
    assert "12 henkilötyökuukautta" in officer.locator("p.clause-text[lang=fi]").inner_text()
    assert "12 personmånader" in officer.locator("p.clause-text[lang=sv]").inner_text()
    officer.click("button[value=save]")
    clause_url = officer.url
    assert "0.0 person-months (0%)" in officer.locator("main").inner_text()

    supplier = browser.new_context().new_page()
    sign_in(supplier, live_server, "employer")
    supplier.goto(f"{url}/supplier/clauses?lang=en")
    supplier.locator("tr", has_text="FLOW-1").locator("a").click()
    supplier.click("text=Add an entry")
    supplier.fill("#person_code", "FL-0001")
    supplier.fill("#start_date", "2026-01-01")
    supplier.fill("#end_date", "2026-06-30")
    supplier.click("main button[type=submit]")
    assert "The entry has been added to the ledger." in supplier.locator(".flashes").inner_text()
    supplier.click("text=Import entries from Excel")
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(_ledger_file())
    supplier.set_input_files("#file", str(path))
    supplier.click("main form button[type=submit]")
    assert "1 entry was imported." in supplier.locator(".flashes").inner_text()
    assert "7.5 person-months (62%)" in supplier.locator("main").inner_text()

    officer.goto(clause_url)
    text = officer.locator("main").inner_text()
    assert "7.5 person-months (62%)" in text and "FL-0001" in text and "FL-0002" in text
    officer.goto(f"{url}/procurements/?lang=en")
    with officer.expect_download() as download:
        officer.click("text=Download the clause report (Excel)")
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    rows = [[c.value for c in row] for row in workbook.worksheets[0].iter_rows()]
    header, flow = rows[0], next(r for r in rows if r[0] == "FLOW-1")
    assert flow[header.index("Delivered")] == 7.5 and flow[header.index("Required")] == 12
    assert not errors, errors
    officer.context.close()
    supplier.context.close()

"""Ledger entries from Excel: the portal's template in, every row checked, all rows or none."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.clause_reports.models import ClauseReport, SanctionDecision
from portal.procurements.models import LedgerEntry
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org

EN = ["Person code", "Kind", "Start date", "End date", "Working-time share (%)"]
# The Finnish headers of templates before December 2026 (Alku-/Loppupäivä): still read.
FI = ["Henkilökoodi", "Tyyppi", "Alkupäivä", "Loppupäivä", "Työaikaosuus (%)"]
FI_NOW = ["Henkilökoodi", "Tyyppi", "Aloituspäivä", "Päättymispäivä", "Työaikaosuus (%)"]
SV = ["Personkod", "Typ", "Startdatum", "Slutdatum", "Arbetstidsandel (%)"]


def _xlsx(rows, headers=EN, sheet_first=None) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    if sheet_first is not None:
        ws.append(sheet_first)
        ws = workbook.create_sheet("Ledger")
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _setup(login_as, language="en", **kw):
    employer = login_as("employer", language=language)
    item = make_procurement(make_org("buyer"), employer.organisation, start=date(2026, 1, 1), end=date(2027, 12, 31))
    return make_clause(item, deadline=date(2027, 6, 30), **kw)


def _send(client, clause, data: bytes, name="ledger.xlsx", lang=None):
    url = f"/supplier/clauses/{clause.id}/import" + (f"?lang={lang}" if lang else "")
    return client.post(url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def _entries(db) -> int:
    return db.session.scalar(select(func.count()).select_from(LedgerEntry))


def test_the_template_opens_with_the_columns_and_instructions_in_the_users_language(client, login_as, db):
    clause = _setup(login_as)
    response = client.get(f"/supplier/clauses/{clause.id}/template.xlsx?lang=fi")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.data))
    assert [c.value for c in workbook.worksheets[0][1]] == FI_NOW
    assert workbook.worksheets[0].max_row == 1
    instructions = " ".join(str(c.value) for row in workbook.worksheets[1].iter_rows() for c in row)
    assert "Työsuhde" in instructions and "Työkokeilu" not in instructions  # only the kinds the clause counts


def test_a_valid_file_is_imported_whole(client, login_as, db):
    clause = _setup(login_as, social_enterprise_share=0.25)
    data = _xlsx([
        ["EO-0001", "Employment", datetime(2026, 2, 1), None, 100],
        ["eo-0002", "oppisopimus", "1.3.2026", "31.8.2026", 0.6],   # Finnish label, text date, per-cent cell
        [1234, "social_enterprise", "2026-04-01", None, "50 %"],
        [None, None, None, None, None],                                # empty rows are skipped
    ])
    response = _send(client, clause, data)
    assert response.status_code == 302
    rows = db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.id)).all()
    assert [(r.person_code, r.kind, float(r.work_share), r.source) for r in rows] == [
        ("EO-0001", "job", 1.0, "import"), ("EO-0002", "apprenticeship", 0.6, "import"),
        ("1234", "social_enterprise", 0.5, "import")]
    assert rows[1].end_date == date(2026, 8, 31)
    assert db.session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "ledger_imported")) == {"rows": 3}


def test_one_bad_row_stops_the_whole_file_and_errors_name_row_and_column(client, login_as, db):
    clause = _setup(login_as)
    data = _xlsx([
        ["EO-0001", "Employment", "1.2.2026", None, 100],
        ["Matti Virtanen", "Employment", "1.2.2026", "1.1.2026", 100],
        ["EO-0003", "Work trial", "1.2.2030", None, 250],
        ["EO-0004", "Employment", "not a date", None, "lots"],
    ])
    page = _send(client, clause, data).get_data(as_text=True)
    assert "Nothing was imported" in page
    assert "<td>3</td><td>Person code</td><td>Use a pseudonymous code" in page
    assert "<td>3</td><td>End date</td><td>The end date is before the start date.</td>" in page
    assert "<td>4</td><td>Kind</td><td>This kind of entry does not count towards this clause.</td>" in page
    assert "<td>4</td><td>Start date</td><td>The start date is after the clause deadline" in page
    assert "<td>4</td><td>Working-time share (%)</td><td>Give a share from 1 to 100 per cent.</td>" in page
    assert "<td>5</td><td>Start date</td><td>Give a date, for example 31.12.2026.</td>" in page
    assert "<td>5</td><td>Working-time share (%)</td><td>Give a number.</td>" in page
    assert _entries(db) == 0


def test_errors_come_in_the_users_language(client, login_as, db):
    clause = _setup(login_as, language="fi")
    for headers in (FI_NOW, FI):  # today's template, and one downloaded before its headers were reworded
        page = _send(client, clause, _xlsx([["EO-0001", "Työsuhde", "1.2.2026", "1.1.2026", 100]], headers=headers)
                     ).get_data(as_text=True)
        assert "Mitään ei tuotu" in page and "Päättymispäivä on ennen aloituspäivää." in page
    assert "<td>2</td><td>Päättymispäivä</td><td>Päättymispäivä on ennen aloituspäivää.</td>" in page
    page = _send(client, clause, _xlsx([["EO-0001", "Työsuhde", "1.2.2026", "1.1.2026", 100]], headers=FI),
                 lang="sv").get_data(as_text=True)
    assert "<td>2</td><td>Slutdatum</td>" in page


def test_a_template_downloaded_in_another_language_is_accepted(client, login_as, db):
    clause = _setup(login_as, language="fi")
    response = _send(client, clause, _xlsx([["EO-0001", "Anställning", "2026-02-01", None, 100]], headers=SV))
    assert response.status_code == 302 and _entries(db) == 1


def test_duplicates_in_the_file_or_the_ledger_are_refused(client, login_as, db):
    clause = _setup(login_as)
    make_entry(clause, person="EO-0001", kind="job", start=date(2026, 2, 1))
    page = _send(client, clause, _xlsx([["EO-0001", "job", "1.2.2026", None, 100],
                                        ["EO-0002", "job", "1.3.2026", None, 100],
                                        ["EO-0002", "job", "1.3.2026", None, 50]])).get_data(as_text=True)
    assert "<td>2</td><td>Start date</td><td>The same person, kind and start date are already in the ledger." in page
    assert "<td>4</td><td>Start date</td><td>The same person, kind and start date appear earlier in the file." in page
    assert _entries(db) == 1


def test_corrupt_oversized_macro_enabled_and_foreign_files_are_refused(client, login_as, db):
    clause = _setup(login_as)
    good = _xlsx([["EO-0001", "job", "1.2.2026", None, 100]])
    macro = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(macro, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\x00" * 64)
    cases = [
        (b"PK\x03\x04 this is not really a workbook", "The file is not an Excel workbook (.xlsx), or it is damaged."),
        (good[:len(good) // 2], "The file is not an Excel workbook (.xlsx), or it is damaged."),
        (good + b"\x00" * (5 * 1024 * 1024), "The file is larger than 5 MB."),
        (macro.getvalue(), "The file contains macros."),
        (_xlsx([["a", "b"]], headers=["Name", "Salary"]), "The first sheet is not the ledger template"),
        (_xlsx([], sheet_first=["Notes"]), "The first sheet is not the ledger template"),
        (_xlsx([]), "The file has no rows under the column names."),
    ]
    for data, message in cases:
        page = _send(client, clause, data).get_data(as_text=True)
        assert message in page, message
    assert _entries(db) == 0


def test_a_file_must_be_chosen(client, login_as, db):
    clause = _setup(login_as)
    page = client.post(f"/supplier/clauses/{clause.id}/import", data={}).get_data(as_text=True)
    assert 'id="file-error"' in page


def test_an_import_cannot_touch_an_accepted_period_nor_a_decided_ledger(client, login_as, db):
    clause = _setup(login_as)
    db.session.add(ClauseReport(clause_id=clause.id, due_date=date(2026, 3, 31), period_start=date(2026, 1, 1),
                                period_end=date(2026, 3, 31), state="accepted", comment="", entries=[],
                                submissions=1))
    db.session.commit()
    inside = _send(client, clause, _xlsx([["EO-0501", "Employment", date(2026, 3, 1), None, 100],
                                          ["EO-0502", "Employment", date(2026, 5, 1), None, 100]]), lang="en")
    assert inside.status_code == 200 and "a report the buyer has accepted" in inside.get_data(as_text=True)
    assert _entries(db) == 0  # all rows or none
    later = _send(client, clause, _xlsx([["EO-0502", "Employment", date(2026, 5, 1), None, 100]]))
    assert later.status_code == 302 and _entries(db) == 1
    db.session.add(SanctionDecision(clause_id=clause.id, decision="waived", computed=Decimal("0"), amount=Decimal("0"),
                                    reasons="Ei sanktiota.", decided_on=date(2026, 12, 1)))
    db.session.commit()
    closed = _send(client, clause, _xlsx([["EO-0503", "Employment", date(2026, 9, 1), None, 100]]), lang="en")
    assert closed.status_code == 200 and "its ledger is closed" in closed.get_data(as_text=True)
    assert _entries(db) == 1

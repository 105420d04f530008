"""Issue 18's tester's findings on the reporting cycle, reproduced through the web: the officer's notifications,
a report after the sanction decision, the clause's terms once decided, and the decision's confirm and history."""
from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from sqlalchemy import func, select

from portal.clause_reports.models import ClauseReport, SanctionDecision, SanctionHistory
from portal.clause_reports.schedule import schedule
from portal.clock import today
from portal.extensions import db
from portal.procurements.clauses import form_data
from portal.procurements.models import EmploymentClause
from tests.web.test_clause_reports import _setup


def _submit(client, login_as, employer, clause):
    due = schedule(clause, today())[0].due.isoformat()
    login_as(employer)
    assert client.post(f"/clause-reports/supplier/{clause.id}/{due}", data={"comment": "x"}).status_code == 302
    return due, db.session.scalar(select(ClauseReport).where(ClauseReport.clause_id == clause.id))


def test_the_officer_opens_the_links_of_the_report_submitted_mail(app, client, login_as, db, outbox):
    app.config.update(NOTIFY_BY_EMAIL=True, MAIL_BACKEND="memory")
    officer, employer, clause = _setup()
    _submit(client, login_as, employer, clause)
    mail = next(m for m in outbox if m.to == officer.email)
    links = [re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"https?://\S+", mail.body)]
    assert any("/notifications/settings" in u for u in links) and len(links) == 2
    login_as(officer)
    note, settings = links
    assert client.get(note).status_code == 302
    assert client.get(note).headers["Location"].endswith(f"/clause-reports/clause/{clause.id}")
    assert client.get(settings).status_code == 200
    page = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "DEM-1" in page and 'href="/notifications/"' in client.get("/procurements/").get_data(as_text=True)


def _decide(client, clause, **data):
    """The officer records a sanction decision, confirming it."""
    return client.post(f"/clause-reports/clause/{clause.id}/sanction", data={"confirmed": "1", **data})


def test_no_report_is_submitted_accepted_or_returned_once_the_sanction_is_decided(client, login_as, db):
    officer, employer, clause = _setup()
    slots = schedule(clause, today())
    assert len(slots) >= 3
    login_as(employer)
    second = f"/clause-reports/supplier/{clause.id}/{slots[1].due.isoformat()}"
    assert client.post(second, data={"comment": "x"}).status_code == 302
    report = db.session.scalar(select(ClauseReport).where(ClauseReport.clause_id == clause.id))
    login_as(officer)
    assert _decide(client, clause, decision="waived", reasons="Hyvä yritys.").status_code == 302
    refused = client.post(f"/clause-reports/report/{report.id}/accept", follow_redirects=True)
    assert "the clause&#39;s reports are closed" in refused.get_data(as_text=True)
    client.post(f"/clause-reports/report/{report.id}/return", data={"reasons": "x"})
    db.session.refresh(report)
    assert report.state == "submitted"
    page = client.get(f"/clause-reports/report/{report.id}?lang=en").get_data(as_text=True)
    assert "Accept the report" not in page and "Return the report" not in page

    login_as(employer)
    third = f"/clause-reports/supplier/{clause.id}/{slots[2].due.isoformat()}"
    answer = client.post(third + "?lang=en", data={"comment": "late"})
    assert answer.status_code == 200 and "the clause&#39;s reports are closed" in answer.get_data(as_text=True)
    assert db.session.scalar(select(ClauseReport).where(ClauseReport.due_date == slots[2].due)) is None
    listing = client.get(f"/clause-reports/supplier/{clause.id}?lang=en").get_data(as_text=True)
    assert "Submit the report" not in listing and "Correct and submit again" not in listing


def test_the_supplier_reads_the_steps_of_a_submitted_report_on_its_page(client, login_as, db):
    _, employer, clause = _setup()
    due, _report = _submit(client, login_as, employer, clause)
    page = client.get(f"/clause-reports/supplier/{clause.id}/{due}?lang=en").get_data(as_text=True)
    steps = page.split('<ol class="history"')[1].split("</ol>")[0]
    assert "<strong>Submitted</strong>" in steps and "Ledger lines sent: 1" in steps and "Comment: x" in steps
    assert "Declared staff" not in steps and steps.count("<li>") == 1


def _terms(clause, **changed) -> dict:
    """The clause's edit form as saved, with some fields changed."""
    data = {k: ("" if v is None else [str(x) for x in v] if isinstance(v, list) else str(v))
            for k, v in form_data(clause).items()}
    return {**data, "action": "save", **changed}


def test_the_clause_is_locked_once_the_sanction_is_decided(client, login_as, db):
    officer, _employer, clause = _setup()
    login_as(officer)
    assert _decide(client, clause, decision="applied", reasons="Vajaus.").status_code == 302
    answer = client.post(f"/procurements/clauses/{clause.id}/edit?lang=en", data=_terms(clause, quantity="19"))
    assert answer.status_code == 200 and "the clause is locked" in answer.get_data(as_text=True)
    db.session.refresh(clause)
    assert clause.quantity == 12
    page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "the clause is locked" in page and f"/procurements/clauses/{clause.id}/edit" not in page
    assert client.post(f"/procurements/clauses/{clause.id}/delete").status_code in (200, 302)
    assert db.session.get(EmploymentClause, clause.id) is not None


def test_an_accepted_report_keeps_its_period_when_the_interval_would_change(client, login_as, db):
    officer, employer, clause = _setup()
    _due, report = _submit(client, login_as, employer, clause)
    login_as(officer)
    assert client.post(f"/clause-reports/report/{report.id}/accept").status_code == 302
    answer = client.post(f"/procurements/clauses/{clause.id}/edit?lang=en",
                         data=_terms(clause, reporting_interval="6"))
    assert answer.status_code == 200 and "cut the accepted periods anew" in answer.get_data(as_text=True)
    db.session.refresh(clause)
    assert clause.reporting_interval == 3 and schedule(clause, today())[0].due == report.due_date
    assert client.post(f"/procurements/clauses/{clause.id}/edit",
                       data=_terms(clause, quantity="13")).status_code == 302


def test_the_decision_is_confirmed_and_a_change_keeps_the_first_one(client, login_as, db):
    officer, _employer, clause = _setup()
    login_as(officer)
    url = f"/clause-reports/clause/{clause.id}/sanction?lang=en"
    asked = client.post(url, data={"decision": "waived", "reasons": "Hyvä yritys."}).get_data(as_text=True)
    assert "Record the sanction decision?" in asked and 'name="confirmed" value="1"' in asked
    assert db.session.scalar(select(SanctionDecision)) is None
    refused = client.post(url, data={"decision": "reduced", "amount": "0", "reasons": "x", "confirmed": "1"})
    assert refused.status_code == 200 and "less than the computed sanction" in refused.get_data(as_text=True)
    assert _decide(client, clause, decision="waived", reasons="Hyvä yritys.").status_code == 302
    computed = db.session.scalar(select(SanctionDecision)).computed
    assert _decide(client, clause, decision="applied", reasons="Uusi arvio.").status_code == 302
    page = client.get(f"/clause-reports/clause/{clause.id}?lang=en").get_data(as_text=True)
    earlier = page.split('id="earlier-h"')[1]
    assert "Waived, €0" in earlier and "Hyvä yritys." in earlier and "Uusi arvio." in page.split("earlier-h")[0]
    assert db.session.scalar(select(func.count()).select_from(SanctionHistory)) == 2
    login_as("admin")
    log = client.get("/admin/audit/?lang=en").get_data(as_text=True)
    applied = f"€{computed:,.2f}".removesuffix(".00")  # English money: two decimals only with cents
    assert f"Waived €0 → Applied {applied}" in log

    login_as(officer)
    book = load_workbook(io.BytesIO(client.get("/procurements/report.xlsx?lang=en").data))
    rows = [list(r) for r in book["Sanction decisions"].iter_rows(values_only=True)][1:]
    assert [(r[4], r[-1]) for r in rows] == [("Applied", "Current"), ("Waived", "Earlier")]


def test_a_decided_ledger_offers_no_edit_remove_add_or_import(client, login_as, db):
    officer, employer, clause = _setup()
    login_as(officer)
    assert _decide(client, clause, decision="waived", reasons="Hyvä yritys.").status_code == 302
    login_as(employer)
    page = client.get(f"/supplier/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "ledger is closed" in page and "EO-0101" in page
    for gone in ("/entries/new", f"/supplier/clauses/{clause.id}/import", ">Edit<", ">Remove<"):
        assert gone not in page, gone

"""The reporting cycle end to end: submit, return with reasons, resubmit, accept, the sanction decision,
report.xlsx, the audit trail, the dashboard's late and returned reports, and idempotent reminders."""
from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.clause_reports.models import ClauseReport, ReportReminder, SanctionDecision
from portal.clause_reports.reminders import send_reminders
from portal.clause_reports.schedule import schedule
from portal.clock import today
from portal.extensions import db
from portal.notifications.models import Notification
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org, make_user


def _setup(deadline_days_ago: int = 10):
    """A buyer's officer, a supplier's employer user, and a clause whose deadline has passed."""
    buyer, supplier = make_org("buyer", name="Demola kaupunki"), make_org("employer", name="Esimerkki Oy")
    officer = make_user("officer", buyer, language="en")
    employer = make_user("employer", supplier, language="en")
    start = today().replace(day=1) - timedelta(days=400)
    deadline = today() - timedelta(days=deadline_days_ago)
    clause = make_clause(make_procurement(buyer, supplier, reference="DEM-1", start=start, end=deadline),
                         quantity=12, deadline=deadline, sanction_per_month=Decimal("500"))
    make_entry(clause, person="EO-0101", start=start + timedelta(days=5), end=start + timedelta(days=120))
    db.session.commit()
    return officer, employer, clause


def _actions() -> list[str]:
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
            if e.action.startswith(("clause_report_", "sanction")) and e.action != "clause_report_exported"]


def test_the_whole_cycle_submit_return_resubmit_accept_decide_and_export(client, login_as, db):
    officer, employer, clause = _setup()
    due = schedule(clause, today())[0]
    url = f"/clause-reports/supplier/{clause.id}/{due.due.isoformat()}"

    login_as(employer)
    page = client.get(f"/clause-reports/supplier/{clause.id}?lang=en").get_data(as_text=True)
    assert "Late" in page and "Submit the report" in page
    assert "EO-0101" in client.get(url).get_data(as_text=True)  # the period's ledger lines, by code
    assert client.post(url, data={"comment": "Yksi työsuhde."}).status_code == 302
    report = db.session.scalar(select(ClauseReport).where(ClauseReport.clause_id == clause.id))
    assert report.state == "submitted" and report.entries[0]["person_code"] == "EO-0101"
    assert client.post(url, data={"comment": "again"}).status_code == 200  # awaiting review: refused
    assert client.get(f"/clause-reports/clause/{clause.id}").status_code == 403  # a supplier never reviews

    login_as(officer)
    refused = client.post(f"/clause-reports/report/{report.id}/return", data={"reasons": "  "})
    assert refused.status_code == 200 and "This field is required." in refused.get_data(as_text=True)
    assert client.post(f"/clause-reports/report/{report.id}/return",
                       data={"reasons": "The second person is missing."}).status_code == 302
    db.session.refresh(report)
    assert report.state == "returned" and report.return_reasons == "The second person is missing."
    board = client.get("/procurements/?lang=en").get_data(as_text=True)
    assert "Reports that need attention" in board and "Returned for correction" in board and "Late" in board

    login_as(employer)
    assert "The second person is missing." in client.get(f"/clause-reports/supplier/{clause.id}").get_data(
        as_text=True)
    make_entry(clause, person="EO-0102", start=clause.procurement.contract_start + timedelta(days=10),
               end=clause.procurement.contract_start + timedelta(days=70))
    db.session.commit()
    assert client.post(url, data={"comment": "Korjattu."}).status_code == 302
    db.session.refresh(report)
    assert report.state == "submitted" and report.submissions == 2 and len(report.entries) == 2

    login_as(officer)
    assert client.post(f"/clause-reports/report/{report.id}/accept").status_code == 302
    db.session.refresh(report)
    assert report.state == "accepted"
    assert client.post(f"/clause-reports/report/{report.id}/return", data={"reasons": "x"}).status_code == 200

    page = client.get(f"/clause-reports/clause/{clause.id}/sanction?lang=en").get_data(as_text=True)
    assert "person-months short" in page
    too_much = client.post(f"/clause-reports/clause/{clause.id}/sanction",
                           data={"decision": "reduced", "amount": "999999", "reasons": "Osittain."})
    assert too_much.status_code == 200 and "less than the computed sanction" in too_much.get_data(as_text=True)
    asked = client.post(f"/clause-reports/clause/{clause.id}/sanction?lang=en",
                        data={"decision": "reduced", "amount": "1000", "reasons": "Partly fulfilled."})
    assert asked.status_code == 200 and "Yes, record the decision" in asked.get_data(as_text=True)
    assert db.session.scalar(select(SanctionDecision)) is None  # nothing recorded before the confirmation
    decided = client.post(f"/clause-reports/clause/{clause.id}/sanction",
                          data={"decision": "reduced", "amount": "1000", "reasons": "Partly fulfilled.",
                                "confirmed": "1"})
    assert decided.status_code == 302
    decision = db.session.scalar(select(SanctionDecision).where(SanctionDecision.clause_id == clause.id))
    assert decision.decision == "reduced" and decision.amount == Decimal("1000") and decision.computed > 1000

    book = load_workbook(io.BytesIO(client.get("/procurements/report.xlsx?lang=en").data))
    reports = [list(r) for r in book["Reports"].iter_rows(values_only=True)]
    decisions = [list(r) for r in book["Sanction decisions"].iter_rows(values_only=True)]
    assert reports[1][5] == "Accepted" and reports[1][6] == 2
    assert decisions[1][4] == "Reduced" and decisions[1][5] == 1000 and decisions[1][6] == "Partly fulfilled."
    assert _actions() == ["clause_report_submitted", "clause_report_returned", "clause_report_resubmitted",
                              "clause_report_accepted", "sanction_decided"]


def test_other_organisations_never_reach_the_cycle(client, login_as, db):
    officer, employer, clause = _setup()
    due = schedule(clause, today())[0].due.isoformat()
    login_as(make_user("employer", make_org("employer", name="Kilpailija Oy")))
    assert client.get(f"/clause-reports/supplier/{clause.id}").status_code == 404
    assert client.post(f"/clause-reports/supplier/{clause.id}/{due}", data={"comment": "x"}).status_code == 404
    assert client.get(f"/clause-reports/supplier/{clause.id}/not-a-date").status_code in (403, 404)
    login_as(make_user("officer", make_org("buyer", name="Muu kunta")))
    assert client.get(f"/clause-reports/clause/{clause.id}").status_code == 404
    assert client.post(f"/clause-reports/clause/{clause.id}/sanction",
                       data={"decision": "waived", "reasons": "x"}).status_code == 404
    assert db.session.scalar(select(ClauseReport)) is None and db.session.scalar(select(SanctionDecision)) is None


def test_the_sanction_cannot_be_decided_before_the_deadline(client, login_as, db):
    officer, _, clause = _setup(deadline_days_ago=-30)
    login_as(officer)
    page = client.post(f"/clause-reports/clause/{clause.id}/sanction",
                       data={"decision": "waived", "reasons": "x"}).get_data(as_text=True)
    assert "once the clause&#39;s deadline has passed" in page or "once the clause's deadline has passed" in page
    assert db.session.scalar(select(SanctionDecision)) is None


def test_reminders_are_sent_once_however_often_the_command_runs(app, db, outbox):
    _, employer, clause = _setup(deadline_days_ago=-10)  # the final report is due in ten days
    app.config.update(NOTIFY_BY_EMAIL=True, MAIL_BACKEND="memory")
    first = send_reminders(today())
    mails = [m for m in outbox if m.to == employer.email]  # a notification, mailed at once by default
    assert first.reminders >= 1 and mails and "DEM-1" in mails[0].body
    assert db.session.scalar(select(Notification).where(Notification.user_id == employer.id,
                                                        Notification.kind == "clause_report_due")) is not None
    kinds = {(r.due_date, r.kind) for r in db.session.scalars(select(ReportReminder))}
    assert (clause.deadline, "before") in kinds
    again = send_reminders(today())
    assert again.reminders == 0 and len([m for m in outbox if m.to == employer.email]) == len(mails)
    result = app.test_cli_runner().invoke(args=["clause-reports", "remind"])
    assert result.exit_code == 0 and "reminders sent: 0" in result.output
    assert sum(e.action == "clause_report_reminder_sent" for e in db.session.scalars(select(AuditEvent))) == len(kinds)

"""What the reporting cycle closes and keeps: an accepted report locks its period in the supplier's ledger
and a sanction decision locks all of it; the officer reopens a report with reasons; each report keeps its
history; the cycle's steps reach each side as notifications, never with free text in a mail; the decided
sanction shows beside the forecast and in report.xlsx."""
from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.clause_reports.models import ClauseReport
from portal.clause_reports.schedule import schedule
from portal.clock import today
from portal.extensions import db
from portal.notifications.models import Notification
from portal.notifications.services import set_delivery
from portal.procurements.models import LedgerEntry
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org, make_user

LOCKED = "touches the period of a report the buyer has accepted"
CLOSED = "its ledger is closed"


def _setup():
    """A buyer's officer, a supplier's employer user, and a clause whose deadline passed ten days ago."""
    buyer, supplier = make_org("buyer", name="Demola kaupunki"), make_org("employer", name="Esimerkki Oy")
    officer = make_user("officer", buyer, language="en")
    employer = make_user("employer", supplier, language="en")
    start = today().replace(day=1) - timedelta(days=400)
    deadline = today() - timedelta(days=10)
    clause = make_clause(make_procurement(buyer, supplier, reference="DEM-1", start=start, end=deadline),
                         quantity=12, deadline=deadline, sanction_per_month=Decimal("500"))
    entry = make_entry(clause, person="EO-0101", start=start + timedelta(days=5), end=start + timedelta(days=120))
    db.session.commit()
    return officer, employer, clause, entry


def _entry(day, end=None, person="EO-0300") -> dict:
    return {"person_code": person, "kind": "job", "start_date": day.isoformat(),
            "end_date": end.isoformat() if end else "", "work_share": "100"}


def _entries() -> int:
    return db.session.scalar(select(func.count()).select_from(LedgerEntry))


def _submit_and_accept(client, login_as, officer, employer, clause, comment="Ensimmäinen jakso."):
    first = schedule(clause, today())[0]
    login_as(employer)
    assert client.post(f"/clause-reports/supplier/{clause.id}/{first.due.isoformat()}",
                       data={"comment": comment}).status_code == 302
    report = db.session.scalars(select(ClauseReport).where(ClauseReport.due_date == first.due)).one()
    login_as(officer)
    assert client.post(f"/clause-reports/report/{report.id}/accept").status_code == 302
    return first, report


def test_an_accepted_report_locks_its_period_until_the_officer_reopens_it(client, login_as, db):
    officer, employer, clause, entry = _setup()
    first, report = _submit_and_accept(client, login_as, officer, employer, clause)
    login_as(employer)
    new = f"/supplier/clauses/{clause.id}/entries/new?lang=en"
    inside = client.post(new, data=_entry(first.first + timedelta(days=30)))
    assert inside.status_code == 200 and LOCKED in inside.get_data(as_text=True)
    removed = client.post(f"/supplier/clauses/{clause.id}/entries/{entry.id}/delete?lang=en", follow_redirects=True)
    assert LOCKED in removed.get_data(as_text=True) and db.session.get(LedgerEntry, entry.id) is not None
    edited = client.post(f"/supplier/clauses/{clause.id}/entries/{entry.id}/edit?lang=en",
                         data=_entry(entry.start_date, entry.start_date + timedelta(days=20), person="EO-0101"))
    assert edited.status_code == 200 and LOCKED in edited.get_data(as_text=True)
    assert _entries() == 1
    after = client.post(new, data=_entry(first.last + timedelta(days=10), first.last + timedelta(days=40)))
    assert after.status_code == 302 and _entries() == 2  # later periods stay open
    page = client.get(f"/supplier/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "Entries in the periods of accepted reports can no longer be added" in page

    login_as(officer)
    review = client.get(f"/clause-reports/report/{report.id}?lang=en").get_data(as_text=True)
    assert "Reopen the report" in review
    empty = client.post(f"/clause-reports/report/{report.id}/reopen?lang=en", data={"reasons": " "})
    assert empty.status_code == 200 and "This field is required." in empty.get_data(as_text=True)
    assert client.post(f"/clause-reports/report/{report.id}/reopen",
                       data={"reasons": "Jakson toinen työsuhde puuttuu."}).status_code == 302
    db.session.refresh(report)
    assert report.state == "returned"
    again = client.post(f"/clause-reports/report/{report.id}/reopen?lang=en", data={"reasons": "x"})
    assert again.status_code == 200 and "Only an accepted report can be reopened." in again.get_data(as_text=True)
    audited = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "clause_report_reopened")).one()
    assert audited.detail["reasons"] == "Jakson toinen työsuhde puuttuu."
    assert db.session.scalar(select(Notification).where(Notification.user_id == employer.id,
                                                        Notification.kind == "clause_report_reopened"))

    login_as(employer)
    assert client.post(new, data=_entry(first.first + timedelta(days=30))).status_code == 302
    supplier_page = client.get(f"/clause-reports/supplier/{clause.id}?lang=en").get_data(as_text=True)
    assert "Reopened by the buyer" in supplier_page and "Jakson toinen työsuhde puuttuu." in supplier_page


def test_a_sanction_decision_closes_the_whole_ledger(client, login_as, db):
    officer, employer, clause, entry = _setup()
    login_as(officer)
    assert client.post(f"/clause-reports/clause/{clause.id}/sanction",
                       data={"decision": "applied", "reasons": "Velvoite jäi täyttämättä.",
                             "confirmed": "1"}).status_code == 302
    login_as(employer)
    late = clause.procurement.contract_start + timedelta(days=300)
    refused = client.post(f"/supplier/clauses/{clause.id}/entries/new?lang=en", data=_entry(late))
    assert refused.status_code == 200 and CLOSED in refused.get_data(as_text=True)
    removed = client.post(f"/supplier/clauses/{clause.id}/entries/{entry.id}/delete?lang=en", follow_redirects=True)
    assert CLOSED in removed.get_data(as_text=True) and _entries() == 1
    page = client.get(f"/supplier/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert CLOSED in page and "Sanction decision" in page and "Velvoite jäi täyttämättä." in page


def test_each_side_hears_of_the_cycle_as_it_chose_and_mails_carry_no_free_text(app, client, login_as, db, outbox):
    officer, employer, clause, _ = _setup()
    quiet = make_user("officer", officer.organisation, language="en")
    digest = make_user("officer", officer.organisation, language="en")
    set_delivery(quiet, "portal")
    set_delivery(digest, "daily")
    db.session.commit()
    app.config.update(NOTIFY_BY_EMAIL=True, MAIL_BACKEND="memory")
    first = schedule(clause, today())[0]
    url = f"/clause-reports/supplier/{clause.id}/{first.due.isoformat()}"
    login_as(employer)
    assert client.post(url, data={"comment": "Luottamuksellinen kommentti."}).status_code == 302
    mails = [m for m in outbox if m.to == officer.email]
    assert len(mails) == 1 and "DEM-1" in mails[0].body and "Luottamuksellinen" not in mails[0].body
    assert not [m for m in outbox if m.to in (quiet.email, digest.email)]  # portal only, and the daily digest
    kinds = {(n.user_id, n.kind) for n in db.session.scalars(select(Notification))}
    assert {(u.id, "clause_report_submitted") for u in (officer, quiet, digest)} <= kinds
    report = db.session.scalars(select(ClauseReport)).one()
    login_as(officer)
    outbox.clear()
    assert client.post(f"/clause-reports/report/{report.id}/return",
                       data={"reasons": "Toinen henkilö puuttuu."}).status_code == 302
    to_supplier = [m for m in outbox if m.to == employer.email]
    assert len(to_supplier) == 1 and "returned" in to_supplier[0].body
    assert "Toinen henkilö" not in to_supplier[0].body
    login_as(employer)
    notes = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "for correction. The reasons are on the report page." in notes


def test_a_report_keeps_every_submission_and_return_and_the_decision_shows_beside_the_forecast(
        client, login_as, db):
    officer, employer, clause, _ = _setup()
    first = schedule(clause, today())[0]
    url = f"/clause-reports/supplier/{clause.id}/{first.due.isoformat()}"
    login_as(employer)
    assert client.post(url, data={"comment": "Ensimmäinen kommentti."}).status_code == 302
    report = db.session.scalars(select(ClauseReport)).one()
    login_as(officer)
    assert client.post(f"/clause-reports/report/{report.id}/return",
                       data={"reasons": "Toinen henkilö puuttuu."}).status_code == 302
    login_as(employer)
    assert client.post(url, data={"comment": "Korjattu kommentti."}).status_code == 302
    supplier_page = client.get(f"/clause-reports/supplier/{clause.id}?lang=en").get_data(as_text=True)
    login_as(officer)
    officer_page = client.get(f"/clause-reports/clause/{clause.id}?lang=en").get_data(as_text=True)
    review = client.get(f"/clause-reports/report/{report.id}?lang=en").get_data(as_text=True)
    for page in (supplier_page, officer_page, review):
        assert "Ensimmäinen kommentti." in page and "Toinen henkilö puuttuu." in page
        assert "Korjattu kommentti." in page and employer.name in page
    assert client.post(f"/clause-reports/clause/{clause.id}/sanction",
                       data={"decision": "reduced", "amount": "1000", "reasons": "Osittain täytetty.",
                             "confirmed": "1"}
                       ).status_code == 302
    clause_page = client.get(f"/procurements/clauses/{clause.id}?lang=en").get_data(as_text=True)
    assert "Forecast at the deadline" in clause_page and "Sanction decision" in clause_page
    assert "Reduced" in clause_page and "Osittain täytetty." in clause_page

    book = load_workbook(io.BytesIO(client.get("/procurements/report.xlsx?lang=en").data))
    summary = [list(r) for r in book["Summary"].iter_rows(values_only=True)]
    assert summary[0][-3:] == ["Sanction decision", "Decided sanction (EUR)", "Reasons for the decision"]
    assert summary[1][-3:] == ["Reduced", 1000, "Osittain täytetty."]
    steps = [list(r) for r in book["Report history"].iter_rows(values_only=True)]
    assert [s[3] for s in steps[1:]] == ["Submitted", "Returned for correction", "Submitted"]
    assert [s[9] for s in steps[1:]] == ["Ensimmäinen kommentti.", "Toinen henkilö puuttuu.", "Korjattu kommentti."]
    assert steps[1][5] == employer.name and steps[2][5] == officer.name


def test_bad_input_to_the_cycle_is_refused_with_a_message_never_a_500(client, login_as, db):
    officer, employer, clause, _ = _setup()
    first = schedule(clause, today())[0]
    login_as(employer)
    long = client.post(f"/clause-reports/supplier/{clause.id}/{first.due.isoformat()}?lang=en",
                       data={"comment": "x" * 5000})
    assert long.status_code == 200 and "at most 4000 characters" in long.get_data(as_text=True)
    assert client.get(f"/clause-reports/supplier/{clause.id}/2025-13-45").status_code == 404
    login_as(officer)
    assert client.post("/clause-reports/report/999999/reopen", data={"reasons": "x"}).status_code == 404

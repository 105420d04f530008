"""Issue 18's browser walk, the reporting cycle's findings through the web: the supplier hears of the sanction
decision, an amount with "Applied" is refused, a resubmission reads as one, the next report is the oldest overdue,
and locked ledger entries offer no edit or delete."""
from __future__ import annotations

import re
from datetime import timedelta

from babel.dates import format_date
from sqlalchemy import select

from portal.clause_reports.models import ClauseReport, SanctionDecision
from portal.clause_reports.schedule import schedule
from portal.clock import today
from portal.notifications.models import Notification
from portal.procurements.models import LedgerEntry
from tests.access.procurements import make_entry
from tests.web.test_clause_reports import _setup
from tests.web.test_clause_reports_lock import _setup as lock_setup
from tests.web.test_clause_reports_lock import _submit_and_accept


def _decide(client, clause, **data):
    """The officer records a sanction decision, confirming it."""
    return client.post(f"/clause-reports/clause/{clause.id}/sanction", data={"confirmed": "1", **data})


def test_the_supplier_hears_of_the_sanction_decision_by_mail_and_in_the_portal_without_its_reasons(
        app, client, login_as, db, outbox):
    app.config.update(NOTIFY_BY_EMAIL=True, MAIL_BACKEND="memory")
    officer, employer, clause = _setup()
    login_as(officer)
    assert _decide(client, clause, decision="waived", reasons="Luottamuksellinen perustelu.").status_code == 302
    mails = [m for m in outbox if m.to == employer.email]
    assert len(mails) == 1 and "DEM-1" in mails[0].body and "decided the sanction" in mails[0].body
    assert "Luottamuksellinen" not in mails[0].body and "waived" not in mails[0].body
    assert not [m for m in outbox if m.to == officer.email]  # the decider is not told of their own step
    note = db.session.scalar(select(Notification).where(Notification.user_id == employer.id))
    assert note.kind == "clause_sanction_decided"
    login_as(employer)
    page = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "The decision and its reasons are on the clause page." in page
    assert client.get("/notifications/?lang=fi").status_code == 200
    # A changed decision is news too.
    login_as(officer)
    assert _decide(client, clause, decision="applied", reasons="Uusi arvio.").status_code == 302
    assert len([m for m in outbox if m.to == employer.email]) == 2


def test_an_amount_with_applied_or_waived_is_refused_with_a_message(client, login_as, db):
    officer, _employer, clause = _setup()
    login_as(officer)
    url = f"/clause-reports/clause/{clause.id}/sanction?lang=en"
    for decision in ("applied", "waived"):
        for step in ({}, {"confirmed": "1"}):
            page = client.post(url, data={"decision": decision, "amount": "1000", "reasons": "x", **step})
            assert page.status_code == 200
            assert "An amount is given only for a reduced sanction" in page.get_data(as_text=True)
    assert db.session.scalar(select(SanctionDecision)) is None
    assert _decide(client, clause, decision="reduced", amount="1000", reasons="x").status_code == 302
    # A reduced decision's amount fills the field; an applied one's (computed) does not, so changing it
    # again is not refused for an amount nobody typed.
    assert "1000" in _amount_input(client.get(url))
    assert _decide(client, clause, decision="applied", reasons="y").status_code == 302
    assert "value" not in _amount_input(client.get(url)).replace('value=""', "")
    assert _decide(client, clause, decision="waived", reasons="z").status_code == 302


def _amount_input(page) -> str:
    """The amount field's input tag."""
    return re.search(r'<input[^>]*name="amount"[^>]*>', page.get_data(as_text=True)).group(0)


def test_the_resubmission_mail_says_the_report_is_a_corrected_one_and_which_resubmission(
        app, client, login_as, db, outbox):
    app.config.update(NOTIFY_BY_EMAIL=True, MAIL_BACKEND="memory")
    officer, employer, clause = _setup()
    url = f"/clause-reports/supplier/{clause.id}/{schedule(clause, today())[0].due.isoformat()}"
    for round_ in (1, 2, 3):
        login_as(employer)
        outbox.clear()
        assert client.post(url, data={"comment": "Korjattu."}).status_code == 302
        body = next(m for m in outbox if m.to == officer.email).body
        if round_ == 1:
            assert "submitted the report of" in body and "corrected" not in body
        else:
            assert "sent a corrected report of" in body and f"(resubmission {round_ - 1})" in body
            assert "Korjattu" not in body
        report = db.session.scalar(select(ClauseReport).where(ClauseReport.clause_id == clause.id))
        login_as(officer)
        assert client.post(f"/clause-reports/report/{report.id}/return", data={"reasons": "x"}).status_code == 302
    kinds = [n.kind for n in db.session.scalars(select(Notification).where(Notification.user_id == officer.id)
                                                  .order_by(Notification.id))]
    assert kinds == ["clause_report_submitted", "clause_report_resubmitted", "clause_report_resubmitted"]


def test_the_supplier_list_shows_the_oldest_overdue_report_first_marked_overdue(client, login_as, db):
    officer, employer, clause = _setup()
    slots = schedule(clause, today())
    first_day, second_day = (format_date(s.due, "medium", locale="en") for s in slots[:2])
    login_as(employer)

    def next_cell():
        page = client.get("/supplier/clauses?lang=en").get_data(as_text=True)
        return page.split(f'href="/supplier/clauses/{clause.id}"')[1].split("</tr>")[0]

    cell = next_cell()
    assert first_day in cell and "overdue report" in cell
    first, second = (f"/clause-reports/supplier/{clause.id}/{s.due.isoformat()}" for s in slots[:2])
    assert client.post(first, data={"comment": "x"}).status_code == 302
    login_as(employer)
    cell = next_cell()
    assert second_day in cell and first_day not in cell and "overdue report" in cell  # the second is owed now
    login_as(officer)
    assert _decide(client, clause, decision="waived", reasons="x").status_code == 302
    login_as(employer)
    assert "overdue report" not in next_cell()  # decided: the reports are closed, nothing is owed


def test_locked_ledger_entries_offer_no_edit_or_remove_and_say_they_are_locked(client, login_as, db):
    officer, employer, clause, partly = lock_setup()
    start = clause.procurement.contract_start
    first = schedule(clause, today())[0]
    inside = make_entry(clause, person="EO-0202", start=start + timedelta(days=10), end=start + timedelta(days=20))
    free = make_entry(clause, person="EO-0303", start=first.last + timedelta(days=5))
    db.session.commit()
    _submit_and_accept(client, login_as, officer, employer, clause)
    login_as(employer)
    page = client.get(f"/supplier/clauses/{clause.id}?lang=en").get_data(as_text=True)

    def row(code):
        return page.split(f"<code>{code}</code>")[1].split("</tr>")[0]

    edit, remove = "/entries/{}/edit", "/entries/{}/delete"
    assert "Locked" in row("EO-0202") and "in the period of an accepted report" in row("EO-0202")
    assert edit.format(inside.id) not in page and remove.format(inside.id) not in page
    assert edit.format(partly.id) in page and remove.format(partly.id) not in page
    assert "Partly locked" in row("EO-0101")
    assert edit.format(free.id) in page and remove.format(free.id) in page and "Locked" not in row("EO-0303")
    # The server refuses what the page no longer offers.
    refused = client.post(f"/supplier/clauses/{clause.id}/entries/{inside.id}/delete", follow_redirects=True)
    assert refused.status_code == 200 and db.session.get(LedgerEntry, inside.id) is not None

"""Issue 18's tester's findings on the reporting cycle, reproduced through the web: the officer's notifications,
a report after the sanction decision, the clause's terms once decided, and the decision's confirm and history."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal.clause_reports.models import ClauseReport
from portal.clause_reports.schedule import schedule
from portal.clock import today
from portal.extensions import db
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

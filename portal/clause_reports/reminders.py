"""Reminders about report dates, sent by `flask clause-reports remind` once a day (from cron), as
notifications: each of the supplier's users hears as they chose (at once, in the daily digest, or only
in the portal).

Each reminder is sent once: a row in clause_report_reminder (unique per clause, date and kind) is
written in the same transaction as the audit entry, so running the command twice a day, or again
after a failure, never sends a reminder twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.audit.services import record
from portal.clause_reports import notices
from portal.clause_reports.models import ClauseReport, ReportReminder
from portal.clause_reports.schedule import decided_clauses, schedule
from portal.domain import report_cycle as cycle
from portal.extensions import db
from portal.notifications.services import employer_users
from portal.procurements.models import EmploymentClause, Procurement


@dataclass
class Sent:
    """What one run sent: reminders (one per report date and kind) and the notifications they made."""

    reminders: int = 0
    notifications: int = 0


def send_reminders(today: date) -> Sent:
    """Send the reminders due today that were not sent before; commits after each report date."""
    sent = Sent()
    clauses = list(db.session.scalars(
        select(EmploymentClause).join(EmploymentClause.procurement)
        .options(joinedload(EmploymentClause.procurement))
        .where(Procurement.supplier_id.is_not(None), Procurement.contract_start <= today)))
    ids = [c.id for c in clauses]
    reports: dict[int, list[ClauseReport]] = {}
    done: set[tuple[int, date, str]] = set()
    decided = decided_clauses(ids)  # a decided clause's reports are closed: nothing to remind of
    if ids:
        for r in db.session.scalars(select(ClauseReport).where(ClauseReport.clause_id.in_(ids))):
            reports.setdefault(r.clause_id, []).append(r)
        done = {(r.clause_id, r.due_date, r.kind) for r in db.session.scalars(
            select(ReportReminder).where(ReportReminder.clause_id.in_(ids)))}
    for clause in (c for c in clauses if c.id not in decided):
        for slot in schedule(clause, today, reports.get(clause.id, []), decided=False):
            state = slot.report.state if slot.report else None
            for kind in cycle.REMINDER_KINDS:
                if (clause.id, slot.due, kind) in done or not cycle.reminder_due(kind, slot.due, state, today):
                    continue
                users = employer_users(clause.procurement.supplier_id)
                db.session.add(ReportReminder(clause_id=clause.id, due_date=slot.due, kind=kind,
                                              recipients=len(users), sent_on=today))
                record("clause_report_reminder_sent", "employment_clause", clause.id,
                       organisation_id=clause.procurement.supplier_id,
                       detail={"due": slot.due.isoformat(), "kind": kind, "recipients": len(users)})
                made = notices.reminded(clause, slot.due, kind, users)
                db.session.commit()  # row and notifications together; their mails go after the commit
                sent.reminders += 1
                sent.notifications += made
    return sent

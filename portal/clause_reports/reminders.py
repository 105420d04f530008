"""Reminders about report dates, sent by `flask clause-reports remind` once a day (from cron).

Each reminder is sent once: a row in clause_report_reminder (unique per clause, date and kind) is
written in the same transaction as the audit entry, so running the command twice a day, or again
after a failure, never sends a reminder twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.accounts.models import Membership, User
from portal.audit.services import record
from portal.clause_reports.models import ClauseReport, ReportReminder
from portal.clause_reports.schedule import schedule
from portal.domain import report_cycle as cycle
from portal.extensions import db
from portal.i18n import in_language
from portal.mail import send_mail
from portal.procurements.models import EmploymentClause, Procurement


@dataclass
class Sent:
    """What one run sent: reminders (one per report date and kind) and mails."""

    reminders: int = 0
    mails: int = 0


def _recipients(organisation_id: int) -> list[User]:
    return list(db.session.scalars(select(User).join(Membership).where(
        Membership.organisation_id == organisation_id, Membership.role == "employer", User.active.is_(True))
        .order_by(User.id)))


def _mail(user: User, kind: str, clause: EmploymentClause, due: date) -> None:
    with in_language(user.language or "fi"):
        p = clause.procurement
        subject = (_("Report due on %(date)s: %(reference)s", date=format_date(due, "short"), reference=p.reference)
                   if kind == "before" else
                   _("Report missing since %(date)s: %(reference)s", date=format_date(due, "short"),
                     reference=p.reference))
        body = _("The employment clause of procurement %(reference)s (%(title)s) asks for a report on %(date)s. "
                 "Submit it on the portal: %(link)s", reference=p.reference, title=p.title,
                 date=format_date(due, "long"),
                 link=url_for("clause_reports.supplier_clause", clause_id=clause.id, _external=True))
    send_mail(user.email, subject, body)


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
    if ids:
        for r in db.session.scalars(select(ClauseReport).where(ClauseReport.clause_id.in_(ids))):
            reports.setdefault(r.clause_id, []).append(r)
        done = {(r.clause_id, r.due_date, r.kind) for r in db.session.scalars(
            select(ReportReminder).where(ReportReminder.clause_id.in_(ids)))}
    for clause in clauses:
        for slot in schedule(clause, today, reports.get(clause.id, [])):
            state = slot.report.state if slot.report else None
            for kind in cycle.REMINDER_KINDS:
                if (clause.id, slot.due, kind) in done or not cycle.reminder_due(kind, slot.due, state, today):
                    continue
                users = _recipients(clause.procurement.supplier_id)
                db.session.add(ReportReminder(clause_id=clause.id, due_date=slot.due, kind=kind,
                                              recipients=len(users), sent_on=today))
                record("clause_report_reminder_sent", "employment_clause", clause.id,
                       organisation_id=clause.procurement.supplier_id,
                       detail={"due": slot.due.isoformat(), "kind": kind, "recipients": len(users)})
                db.session.commit()  # the row first: a crash after it never sends the reminder again
                for user in users:
                    _mail(user, kind, clause, slot.due)
                sent.reminders += 1
                sent.mails += len(users)
    return sent

"""The notifications of the reporting cycle: the buyer's officers hear of a submitted (or corrected) report,
the supplier's users of its acceptance, its return or its reopening, of the sanction decision, and of
reminders. Each reader hears as they chose
(portal.notifications: at once, in the daily digest, or only in the portal).

A notice names the procurement by its reference and the report by its date, nothing more: the comment and
the reasons are free text that could carry a person's details, so they are read on the report's page
behind the link (which checks access again), never in a mail.
"""
from __future__ import annotations

from datetime import date

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import Membership, User
from portal.clause_reports.models import ClauseReport
from portal.domain.notices import notice_key
from portal.extensions import db
from portal.i18n import date_filter
from portal.notifications.kinds import register_kind
from portal.notifications.services import employer_users, notify
from portal.procurements.models import EmploymentClause

TO_SUPPLIER = ("clause_report_accepted", "clause_report_returned", "clause_report_reopened",
               "clause_report_due", "clause_report_missing", "clause_sanction_decided")
TO_BUYER = ("clause_report_submitted", "clause_report_resubmitted")


def officers(organisation_id: int) -> list[User]:
    """The active officers of the buying organisation."""
    return list(db.session.scalars(select(User).join(Membership).where(
        Membership.organisation_id == organisation_id, Membership.role == "officer", User.active.is_(True))
        .order_by(User.id)))


def _params(clause: EmploymentClause, due: date) -> dict:
    return {"clause_id": clause.id, "reference": clause.procurement.reference, "due": due.isoformat()}


def text(note) -> str:
    """The sentence of a reporting-cycle notification, in the reader's language."""
    p = dict(note.params or {})
    ref, day = p.get("reference", ""), date_filter(date.fromisoformat(p["due"])) if p.get("due") else ""
    sentences = {
        "clause_report_submitted": _("The supplier submitted the report of %(date)s for procurement %(reference)s. "
                                     "It awaits your review."),
        "clause_report_resubmitted": _("The supplier sent a corrected report of %(date)s for procurement "
                                       "%(reference)s (resubmission %(count)s). It awaits your review."),
        "clause_report_accepted": _("The buyer accepted your report of %(date)s for procurement %(reference)s."),
        "clause_report_returned": _("The buyer returned your report of %(date)s for procurement %(reference)s "
                                    "for correction. The reasons are on the report page."),
        "clause_report_reopened": _("The buyer reopened your accepted report of %(date)s for procurement "
                                    "%(reference)s. The reasons are on the report page."),
        "clause_report_due": _("The report of %(date)s for procurement %(reference)s is due soon."),
        "clause_report_missing": _("The report of %(date)s for procurement %(reference)s is missing or awaits "
                                   "correction."),
        # The date is the decision's; the decision, its amount and its reasons are read on the page.
        "clause_sanction_decided": _("The buyer decided the sanction of the employment clause of procurement "
                                     "%(reference)s on %(date)s. The decision and its reasons are on the clause "
                                     "page."),
    }
    found = sentences.get(note.kind)
    return found % {"date": day, "reference": ref, "count": p.get("count", "")} if found else note.kind


def target(note, role: str | None) -> str:
    """The clause's reports page of the reader's side (the page checks access again)."""
    clause_id = (note.params or {}).get("clause_id")
    if clause_id is None:
        return url_for("notifications.index")
    if role == "officer":
        return url_for("clause_reports.officer_clause", clause_id=clause_id)
    return url_for("clause_reports.supplier_clause", clause_id=clause_id)


def submitted(report: ClauseReport, actor) -> None:
    """Tell the buyer's officers that a report awaits their review; a corrected one says so, and how many times."""
    clause = report.clause
    if report.submissions > 1:
        notify(officers(clause.procurement.buyer_id), "clause_report_resubmitted",
               params=dict(_params(clause, report.due_date), count=report.submissions - 1), actor=actor)
        return
    notify(officers(clause.procurement.buyer_id), "clause_report_submitted",
           params=_params(clause, report.due_date), actor=actor)


def reviewed(report: ClauseReport, state: str, actor) -> None:
    """Tell the supplier's users that their report was accepted, returned or reopened."""
    clause = report.clause
    if clause.procurement.supplier_id is None:
        return
    notify(employer_users(clause.procurement.supplier_id), f"clause_report_{state}",
           params=_params(clause, report.due_date), actor=actor)


def sanction_decided(clause: EmploymentClause, day: date, actor) -> None:
    """Tell the supplier's users that the clause's sanction was decided (or the decision changed)."""
    if clause.procurement.supplier_id is None:
        return
    notify(employer_users(clause.procurement.supplier_id), "clause_sanction_decided",
           params=_params(clause, day), actor=actor)


def reminded(clause: EmploymentClause, due: date, kind: str, users: list[User]) -> int:
    """A reminder before a report date or after it, once per user and date (the key); how many were made."""
    name = "clause_report_due" if kind == "before" else "clause_report_missing"
    return len(notify(users, name, params=_params(clause, due), key=notice_key(name, clause.id, due)))


for _kind in TO_SUPPLIER + TO_BUYER:
    register_kind(_kind, text, target)

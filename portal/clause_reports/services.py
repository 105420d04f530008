"""The steps of the reporting cycle: the supplier submits, the officer accepts or returns, the officer
decides the sanction. Each step is checked by portal.domain.report_cycle and written to the audit trail.
Services flush; the view commits.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.audit.services import record
from portal.clause_reports import notices
from portal.clause_reports.labels import DECISION_LABELS, problem
from portal.clause_reports.models import ClauseReport, ReportEvent, SanctionDecision, SanctionHistory
from portal.clause_reports.schedule import due_of
from portal.clock import today
from portal.db_types import utcnow
from portal.domain import report_cycle as cycle
from portal.domain.ledger_lock import reopen_problem
from portal.errors import FieldErrors, ServiceError
from portal.extensions import db
from portal.procurements import ledger
from portal.procurements.decided import FINDERS, Decided
from portal.procurements.figures import clause_figures
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from portal.procurements.terms_records import declare_share


def report_for_officer(user, report_id: int):
    """A select for one report of a clause of the officer's buyer."""
    return (select(ClauseReport).join(ClauseReport.clause).join(EmploymentClause.procurement)
            .options(joinedload(ClauseReport.clause).joinedload(EmploymentClause.procurement)
                     .joinedload(Procurement.supplier))
            .where(ClauseReport.id == report_id, Procurement.buyer_id == user.organisation_id))


def decision_of(clause_id: int) -> SanctionDecision | None:
    """The clause's sanction decision, if taken."""
    return db.session.scalar(select(SanctionDecision).where(SanctionDecision.clause_id == clause_id))


def closed_by_cycle(clause_id: int) -> ledger.Closed:
    """What the cycle has closed of a clause's ledger: the accepted reports' periods, all of it once decided."""
    periods = [(first, last) for first, last in db.session.execute(
        select(ClauseReport.period_start, ClauseReport.period_end)
        .where(ClauseReport.clause_id == clause_id, ClauseReport.state == "accepted"))]
    return ledger.Closed(decision_of(clause_id) is not None, periods)


ledger.CLOSERS.append(closed_by_cycle)


def decided_sanctions(clause_ids: set[int]) -> dict[int, Decided]:
    """clause id -> its sanction decision as the procurement pages and the summary sheet show it (one query)."""
    rows = db.session.scalars(select(SanctionDecision).where(SanctionDecision.clause_id.in_(clause_ids)))
    return {d.clause_id: Decided(d.decision, str(DECISION_LABELS.get(d.decision, d.decision)), float(d.amount),
                                 float(d.computed), d.reasons, d.decided_on) for d in rows}


FINDERS.append(decided_sanctions)


def history(report_ids: list[int]) -> dict[int, list[ReportEvent]]:
    """report id -> its steps, oldest first, with who took them (one query)."""
    found: dict[int, list[ReportEvent]] = {i: [] for i in report_ids}
    if report_ids:
        for event in db.session.scalars(select(ReportEvent).options(joinedload(ReportEvent.by))
                                        .where(ReportEvent.report_id.in_(report_ids))
                                        .order_by(ReportEvent.at, ReportEvent.id)):
            found[event.report_id].append(event)
    return found


def _step(report: ClauseReport, kind: str, user, text: str = "", **figures) -> None:
    db.session.add(ReportEvent(report_id=report.id, kind=kind, text=text, by_id=user.id, at=utcnow(), **figures))


def period_entries(clause: EmploymentClause, first: date, last: date) -> list[dict]:
    """The clause's ledger lines that touch the period, as a report keeps them (codes, never names)."""
    rows = db.session.scalars(select(LedgerEntry).where(LedgerEntry.clause_id == clause.id)
                              .order_by(LedgerEntry.start_date, LedgerEntry.person_code, LedgerEntry.id))
    return [{"person_code": e.person_code, "kind": e.kind, "start": e.start_date.isoformat(),
             "end": e.end_date.isoformat() if e.end_date else None, "share": str(e.work_share),
             "source": e.source}
            for e in rows if cycle.overlaps(first, last, e.start_date, e.end_date)]


def submit(clause: EmploymentClause, due: date, comment: str, user, share: dict | None = None) -> ClauseReport:
    """Submit (or resubmit after a return) the supplier's report for one report date; a reserved contract's
    report carries the declared share of disadvantaged staff on that date (share: staff, disadvantaged)."""
    day = today()
    slot = due_of(clause, due, day)
    if slot is None:
        raise ServiceError(problem("not_a_report_date"))
    if not slot.can_submit:
        raise ServiceError(problem("decided" if decision_of(clause.id) else "not_open"))
    found = cycle.text_problem(comment, required=False)
    if found:
        raise FieldErrors({"comment": problem(found)})
    declared = None
    if clause.form == "reserved":  # one form: the share is declared with the report it belongs to
        data = dict(share or {}, report_date=due.isoformat(), comment=comment)
        declared = declare_share(clause, data, [due], user.id).row
    report = slot.report or ClauseReport(clause_id=clause.id, due_date=due, period_start=slot.first,
                                         period_end=slot.last, submissions=0)
    resubmitted = report.state == "returned"
    report.state, report.comment = "submitted", (comment or "").strip()
    report.entries = period_entries(clause, slot.first, slot.last)
    report.submissions += 1
    report.submitted_at, report.submitted_by_id = utcnow(), user.id
    db.session.add(report)
    db.session.flush()
    _step(report, "submitted", user, report.comment, entries=len(report.entries),
          staff=declared.staff if declared else None, disadvantaged=declared.disadvantaged if declared else None)
    record("clause_report_resubmitted" if resubmitted else "clause_report_submitted", "clause_report", report.id,
           organisation_id=user.organisation_id,
           detail={"clause": clause.id, "due": due.isoformat(), "entries": len(report.entries)})
    notices.submitted(report, user)
    return report


def _review(report: ClauseReport, state: str, user, reasons: str = "") -> ClauseReport:
    decided = decision_of(report.clause_id) is not None
    if not cycle.can_review(report.state, decided):
        raise ServiceError(problem("decided" if decided else "not_submitted"))
    report.state, report.reviewed_at, report.reviewed_by_id = state, utcnow(), user.id
    report.return_reasons = reasons
    db.session.flush()
    _step(report, state, user, reasons)
    detail = {"clause": report.clause_id, "due": report.due_date.isoformat()}
    if reasons:
        detail["reasons"] = reasons
    record(f"clause_report_{state}", "clause_report", report.id, organisation_id=user.organisation_id,
           detail=detail)
    notices.reviewed(report, state, user)
    return report


def reopen(report: ClauseReport, reasons: str, user) -> ClauseReport:
    """Reopen an accepted report with reasons: it is returned, so its period opens again in the ledger."""
    if decision_of(report.clause_id) is not None:
        raise ServiceError(problem("decided"))
    found = reopen_problem(report.state, reasons, cycle.MAX_TEXT)
    if "state" in found:
        raise ServiceError(problem("not_accepted"))
    if found:
        raise FieldErrors({"reasons": problem(found["reasons"])})
    report.state, report.reviewed_at, report.reviewed_by_id = "returned", utcnow(), user.id
    report.return_reasons = reasons.strip()
    db.session.flush()
    _step(report, "reopened", user, report.return_reasons)
    record("clause_report_reopened", "clause_report", report.id, organisation_id=user.organisation_id,
           detail={"clause": report.clause_id, "due": report.due_date.isoformat(), "reasons": report.return_reasons})
    notices.reviewed(report, "reopened", user)
    return report


def accept(report: ClauseReport, user) -> ClauseReport:
    """Accept a submitted report: it is final."""
    return _review(report, "accepted", user)


def return_report(report: ClauseReport, reasons: str, user) -> ClauseReport:
    """Return a submitted report to the supplier with the reasons it must correct."""
    found = cycle.text_problem(reasons, required=True)
    if found:
        raise FieldErrors({"reasons": problem(found)})
    return _review(report, "returned", user, reasons.strip())


def _computed(clause: EmploymentClause, day: date):
    status = clause_figures(clause, day)[0].status
    computed = Decimal(str(status.sanction_estimate)) if status.sanction_estimate is not None else None
    if computed is None and clause.sanction_per_month is not None and day > clause.deadline:
        computed = Decimal("0.00")  # met: a sanction is set but nothing is owed
    return status, computed


def check_decision(clause: EmploymentClause, decision: str, amount: Decimal | None, reasons: str) -> Decimal:
    """The amount the decision would record (shown for confirmation), or FieldErrors naming every problem."""
    day = today()
    _status, computed = _computed(clause, day)
    problems = cycle.decision_problems(decision, computed, amount, reasons, clause.deadline, day)
    if problems:
        raise FieldErrors({field: problem(code) for field, code in problems.items()})
    assert computed is not None  # decision_problems refused a clause without a sanction
    return cycle.decision_amount(decision, computed, amount)


def decisions_before(clause_id: int) -> list[SanctionHistory]:
    """The clause's earlier sanction decisions, newest first, without the current one (one query)."""
    rows = list(db.session.scalars(select(SanctionHistory).options(joinedload(SanctionHistory.by))
                                   .where(SanctionHistory.clause_id == clause_id)
                                   .order_by(SanctionHistory.at.desc(), SanctionHistory.id.desc())))
    return rows[1:]


def decide(clause: EmploymentClause, decision: str, amount: Decimal | None, reasons: str,
           user) -> SanctionDecision:
    """Record (or change) the sanction decision once the deadline has passed; every decision is kept."""
    day = today()
    recorded = check_decision(clause, decision, amount, reasons)
    status, computed = _computed(clause, day)
    item = decision_of(clause.id) or SanctionDecision(clause_id=clause.id)
    before = {"before_decision": item.decision, "before_amount": str(item.amount)} if item.id is not None else {}
    item.decision, item.computed = decision, computed
    item.shortfall = Decimal(str(round(status.sanction_shortfall, 2))) if status.sanction_shortfall else None
    item.amount = recorded
    item.reasons, item.decided_on, item.decided_by_id = reasons.strip(), day, user.id
    db.session.add(item)
    db.session.add(SanctionHistory(clause_id=clause.id, decision=decision, computed=computed,
                                   shortfall=item.shortfall, amount=recorded, reasons=item.reasons, decided_on=day,
                                   decided_by_id=user.id, at=utcnow()))
    db.session.flush()
    # The audit names what changed in codes and figures; the reasons are free text, kept in the history.
    record("sanction_decision_changed" if before else "sanction_decided", "employment_clause", clause.id,
           organisation_id=user.organisation_id,
           detail={"decision": decision, "amount": str(item.amount), "computed": str(computed), **before})
    notices.sanction_decided(clause, day, user)
    return item

"""Where a clause's reports stand: each report date with its report (if any), and the late and
returned reports of a buyer for the officer's dashboard, in a fixed number of queries."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import joinedload

from portal.clause_reports.models import ClauseReport, SanctionDecision
from portal.domain import report_cycle as cycle
from portal.domain.employment_forms import ShareCheck
from portal.domain.obligation_details import report_dates
from portal.extensions import db
from portal.procurements.figures import to_domain
from portal.procurements.models import EmploymentClause, Procurement, ShareDeclaration


@dataclass(frozen=True)
class Due:
    """One report date of a clause: its period, its report, and what it shows."""

    clause: EmploymentClause
    due: date
    first: date
    last: date
    report: ClauseReport | None
    shown: str
    can_submit: bool
    share_below: bool = False  # a reserved contract's declared share is below the required one


def decided_clauses(clause_ids: list[int]) -> set[int]:
    """The clauses among these whose sanction is decided: their reports are closed (one query)."""
    if not clause_ids:
        return set()
    return set(db.session.scalars(select(SanctionDecision.clause_id)
                                  .where(SanctionDecision.clause_id.in_(clause_ids))))


def schedule(clause: EmploymentClause, today: date, reports: list[ClauseReport] | None = None,
             decided: bool | None = None) -> list[Due]:
    """Every report date of the clause, oldest first, with its report (two queries unless given)."""
    if reports is None:
        reports = list(db.session.scalars(select(ClauseReport).where(ClauseReport.clause_id == clause.id)))
    if decided is None:
        decided = bool(decided_clauses([clause.id]))
    by_due = {r.due_date: r for r in reports}
    found = []
    for due, first, last in cycle.periods(clause.procurement.contract_start, report_dates(to_domain(clause))):
        report = by_due.get(due)
        state = report.state if report else None
        found.append(Due(clause, due, first, last, report, cycle.due_state(due, state, today),
                         cycle.can_submit(due, state, today, decided)))
    return found


def due_of(clause: EmploymentClause, due: date, today: date) -> Due | None:
    """The clause's report date `due`, or None when it is not one."""
    return next((d for d in schedule(clause, today) if d.due == due), None)


def oldest_overdue(clauses: list[EmploymentClause], today: date) -> dict[int, date]:
    """clause id -> its oldest report date that has passed without a submitted or accepted report (late, or
    returned and not corrected), for the clauses whose sanction is not decided (one query)."""
    if not clauses:
        return {}
    undecided: set[int] = set()
    reports: dict[int, list[ClauseReport]] = {}
    for clause_id, report in db.session.execute(
            select(EmploymentClause.id, ClauseReport)
            .outerjoin(ClauseReport, ClauseReport.clause_id == EmploymentClause.id)
            .where(EmploymentClause.id.in_([c.id for c in clauses]),
                   ~exists().where(SanctionDecision.clause_id == EmploymentClause.id))):
        undecided.add(clause_id)
        if report is not None:
            reports.setdefault(clause_id, []).append(report)
    found = {}
    for c in clauses:
        if c.id not in undecided or c.procurement.contract_start > today:
            continue
        late = [d.due for d in schedule(c, today, reports.get(c.id, []), False)
                if d.due < today and d.shown in ("late", "returned")]
        if late:
            found[c.id] = min(late)
    return found


def attention(buyer_id: int, today: date) -> list[Due]:
    """The buyer's late and returned reports of undecided clauses, and submitted ones declaring a share below
    the requirement, oldest date first (two queries)."""
    clauses = list(db.session.scalars(
        select(EmploymentClause).join(EmploymentClause.procurement)
        .options(joinedload(EmploymentClause.procurement).joinedload(Procurement.supplier))
        .where(Procurement.buyer_id == buyer_id, Procurement.supplier_id.is_not(None),
               Procurement.contract_start <= today,  # a decided clause's reports are closed
               ~exists().where(SanctionDecision.clause_id == EmploymentClause.id))))
    reports: dict[int, list[ClauseReport]] = {}
    below: set[tuple[int, date]] = set()
    if clauses:
        required = {c.id: float(c.required_share or 0) for c in clauses}
        for r, staff, disadvantaged in db.session.execute(
                select(ClauseReport, ShareDeclaration.staff, ShareDeclaration.disadvantaged)
                .outerjoin(ShareDeclaration, (ShareDeclaration.clause_id == ClauseReport.clause_id)
                           & (ShareDeclaration.report_date == ClauseReport.due_date))
                .where(ClauseReport.clause_id.in_([c.id for c in clauses]))):
            reports.setdefault(r.clause_id, []).append(r)
            if staff is not None and ShareCheck(staff, disadvantaged, required[r.clause_id]).below:
                below.add((r.clause_id, r.due_date))
    found = [replace(d, share_below=(c.id, d.due) in below) for c in clauses
             for d in schedule(c, today, reports.get(c.id, []), False)
             if cycle.needs_attention(d.due, d.report.state if d.report else None, today, (c.id, d.due) in below)]
    return sorted(found, key=lambda d: (d.due, d.clause.procurement.reference, d.clause.id))

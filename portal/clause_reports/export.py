"""The reporting cycle's sheets in the officer's clause report (report.xlsx): every report with its
state, every step of each report's history (submissions with comments and declared shares, returns and
reopenings with reasons, acceptances; who and when), and every sanction decision, the current one and
the earlier ones, with its reasons and amount. Registered with procurements.export."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.clause_reports.labels import DECISION_LABELS, DUE_STATE_LABELS, STEP_LABELS
from portal.clause_reports.models import ClauseReport, ReportEvent, SanctionHistory
from portal.excel import Sheet
from portal.extensions import db
from portal.procurements.export import SHEET_MAKERS
from portal.procurements.models import EmploymentClause, Procurement


def _of_buyer(model, buyer_id: int):
    return (select(model, Procurement.reference).join(EmploymentClause, model.clause_id == EmploymentClause.id)
            .join(EmploymentClause.procurement).where(Procurement.buyer_id == buyer_id))


def cycle_sheets(buyer_id: int, clause_ids: set[int]) -> list[Sheet]:
    """The Reports and Sanction decisions sheets for the clauses of the workbook (two queries)."""
    states = {k: str(v) for k, v in DUE_STATE_LABELS.items()}
    decisions = {k: str(v) for k, v in DECISION_LABELS.items()}
    reports = [[ref, r.clause_id, r.due_date, r.period_start, r.period_end, states.get(r.state, r.state),
                r.submissions, len(r.entries or []), r.comment, r.return_reasons]
               for r, ref in db.session.execute(_of_buyer(ClauseReport, buyer_id)
                                                .order_by(Procurement.reference, ClauseReport.clause_id,
                                                          ClauseReport.due_date))
               if r.clause_id in clause_ids]
    steps = {k: str(v) for k, v in STEP_LABELS.items()}
    history = [[ref, r.clause_id, r.due_date, steps.get(e.kind, e.kind), e.at.replace(tzinfo=None),
                e.by.name if e.by else "", e.entries, e.staff, e.disadvantaged, e.text]
               for e, r, ref in db.session.execute(
                   select(ReportEvent, ClauseReport, Procurement.reference).options(joinedload(ReportEvent.by))
                   .join(ClauseReport, ReportEvent.report_id == ClauseReport.id)
                   .join(EmploymentClause, ClauseReport.clause_id == EmploymentClause.id)
                   .join(EmploymentClause.procurement).where(Procurement.buyer_id == buyer_id)
                   .order_by(Procurement.reference, ClauseReport.clause_id, ClauseReport.due_date, ReportEvent.at,
                             ReportEvent.id))
               if r.clause_id in clause_ids]
    decided = [[ref, d.clause_id, float(d.computed), float(d.shortfall) if d.shortfall is not None else None,
                decisions.get(d.decision, d.decision), float(d.amount), d.reasons, d.decided_on,
                d.by.name if d.by else ""]
               for d, ref in db.session.execute(_of_buyer(SanctionHistory, buyer_id)
                                                .options(joinedload(SanctionHistory.by))
                                                .order_by(Procurement.reference, SanctionHistory.clause_id,
                                                          SanctionHistory.at.desc(), SanctionHistory.id.desc()))
               if d.clause_id in clause_ids]
    # The newest decision of each clause is its current one; the earlier ones follow it, marked so.
    seen: set[int] = set()
    for row in decided:
        row.append(_("Current") if row[1] not in seen else _("Earlier"))
        seen.add(row[1])
    return [
        Sheet(_("Reports"), [_("Procurement"), _("Clause"), _("Report date"), _("Period from"), _("Period until"),
                             _("State"), _("Submissions"), _("Ledger lines"), _("Comment"), _("Reasons for returning")],
              reports),
        Sheet(_("Report history"), [_("Procurement"), _("Clause"), _("Report date"), _("Step"), _("When (UTC)"),
                                    _("By"), _("Ledger lines"), _("Declared staff"), _("Declared disadvantaged"),
                                    _("Comment or reasons")], history),
        Sheet(_("Sanction decisions"), [_("Procurement"), _("Clause"), _("Computed sanction (EUR)"),
                                        _("Shortfall (person-months)"), _("Decision"), _("Amount (EUR)"),
                                        _("Reasons"), _("Decided on"), _("By"), _("Current or earlier")], decided),
    ]


SHEET_MAKERS.append(cycle_sheets)

"""The buyer's clause report as an Excel workbook: a summary sheet and the ledger.

Written with portal.excel (write-only, numbers as numbers, dates as dates,
text that could start a formula neutralised). The summary holds exactly the
figures of the dashboard: both read the same rounded ClauseFigures.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from flask_babel import gettext as _
from sqlalchemy import select

from portal.audit.services import record
from portal.domain.obligation_details import contributions
from portal.domain.obligations import Entry
from portal.excel import Sheet, write_workbook
from portal.extensions import db
from portal.procurements.decided import Decided, decisions_of
from portal.procurements.figures import Filters, buyer_figures, round_figure, to_domain
from portal.procurements.labels import (
    CONTRIBUTION_LABELS,
    ENTRY_KIND_LABELS,
    INTERVAL_LABELS,
    KIND_LABELS,
    SOURCE_LABELS,
    STATE_LABELS,
    UNIT_LABELS,
)
from portal.procurements.models import EmploymentClause, LedgerEntry
from portal.reference.services import labels

# Sheets other features add to the workbook (the reporting cycle adds its reports and sanction decisions):
# each maker gets the buyer and the ids of the summary's clauses, and returns its sheets.
SHEET_MAKERS: list[Callable[[int, set[int]], list[Sheet]]] = []


def summary_headers() -> list[str]:
    """Column names of the summary sheet, in the user's language."""
    return [_("Procurement"), _("Title"), _("Supplier"), _("Clause"), _("Kind"), _("Unit"), _("Target groups"),
            _("Period start"), _("Deadline"), _("Required"), _("Delivered"), _("Forecast at deadline"),
            _("Still owed"), _("Progress (%)"), _("State"), _("Reporting"), _("Next report"),
            _("Sanction per missing person-month (EUR)"), _("Estimated sanction (EUR)"), _("Sanction decision"),
            _("Decided sanction (EUR)"), _("Reasons for the decision")]


def ledger_headers() -> list[str]:
    """Column names of the ledger sheet."""
    return [_("Procurement"), _("Clause"), _("Person code"), _("Kind"), _("Start date"), _("End date"),
            _("Working-time share (%)"), _("Counted"), _("Note"), _("Source"), _("Placement")]


def _decision_cells(decision: Decided | None) -> list:
    return [decision.label, decision.amount, decision.reasons] if decision else [None, None, None]


def clause_report(buyer_id: int, filters: Filters) -> bytes:
    """The workbook for the buyer's clauses that pass the dashboard's filters."""
    figures = buyer_figures(buyer_id, filters)
    rows = sorted(figures.rows, key=lambda r: (r.clause.procurement.reference.casefold(), r.clause.id))
    groups = labels("target_groups")
    decided = decisions_of({r.clause.id for r in rows})
    summary = []
    for r in rows:
        c, p = r.clause, r.clause.procurement
        summary.append([
            p.reference, p.title, p.supplier.name if p.supplier else "", c.id, str(KIND_LABELS[c.kind]),
            str(UNIT_LABELS[r.unit]), ", ".join(groups.get(g, g) for g in c.target_groups), p.contract_start,
            c.deadline, r.required, r.delivered, r.forecast, r.remaining, r.progress_percent,
            str(STATE_LABELS[r.status.state]), str(INTERVAL_LABELS.get(c.reporting_interval, "")), r.next_report,
            float(c.sanction_per_month) if c.sanction_per_month is not None else None,
            r.status.sanction_estimate, *_decision_cells(decided.get(c.id)),
        ])
    ledger = []
    by_id = {r.clause.id: r for r in rows}
    entries = db.session.scalars(
        select(LedgerEntry).join(LedgerEntry.clause).join(EmploymentClause.procurement)
        .where(*filters.conditions(buyer_id))
        .order_by(LedgerEntry.clause_id, LedgerEntry.start_date, LedgerEntry.id))
    per_clause: dict[int, list[LedgerEntry]] = {}
    for entry in entries:
        if entry.clause_id in by_id:  # a state filter may have left its clause out
            per_clause.setdefault(entry.clause_id, []).append(entry)
    for clause_id, clause_entries in per_clause.items():
        r = by_id[clause_id]
        domain_entries = [Entry(e.person_code, e.kind, e.start_date, e.end_date, float(e.work_share))
                          for e in clause_entries]
        explained = contributions(to_domain(r.clause), domain_entries, figures.as_of)
        for entry, part in zip(clause_entries, explained, strict=True):
            ledger.append([
                r.clause.procurement.reference, clause_id, entry.person_code, str(ENTRY_KIND_LABELS[entry.kind]),
                entry.start_date, entry.end_date, float(entry.work_share * 100),
                round_figure(part.value, "person_months"), str(CONTRIBUTION_LABELS[part.note]),
                str(SOURCE_LABELS.get(entry.source, entry.source)), entry.placement_id,
            ])
    buffer = io.BytesIO()
    sheets = [Sheet(_("Summary"), summary_headers(), summary), Sheet(_("Ledger"), ledger_headers(), ledger)]
    for make in SHEET_MAKERS:
        sheets += make(buyer_id, set(by_id))
    write_workbook(sheets, buffer)
    record("clause_report_exported", "organisation", buyer_id, organisation_id=buyer_id,
           detail={"clauses": len(rows), "entries": len(ledger)})
    return buffer.getvalue()


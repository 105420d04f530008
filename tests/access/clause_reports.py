"""Access rules of the reporting cycle: only the clause's supplier submits; only the buying
organisation's officers review and decide. Users of other organisations get 404 for its objects.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from portal.clause_reports.models import ClauseReport
from portal.extensions import db
from tests.access import Route
from tests.access.procurements import make_clause, make_entry, make_procurement

OFFICER = ("officer",)
SUPPLIER = ("employer",)


def make_report(clause, due, first, state="submitted") -> ClauseReport:
    """A report of the clause for one report date, flushed."""
    report = ClauseReport(clause_id=clause.id, due_date=due, period_start=first, period_end=due, state=state,
                          comment="", entries=[], submissions=1)
    db.session.add(report)
    db.session.flush()
    return report


def build(world) -> None:
    """A clause of the home buyer supplied by the home employer, past its deadline, with two submitted reports."""
    procurement = make_procurement(world.orgs["buyer"], world.orgs["employer"], reference="HK-2025-009",
                                   start=date(2025, 1, 1), end=date(2026, 6, 30))
    clause = make_clause(procurement, quantity=12, deadline=date(2026, 6, 30), sanction_per_month=Decimal("500"))
    make_entry(clause, start=date(2025, 2, 1), end=date(2025, 7, 31))
    first = make_report(clause, date(2025, 3, 31), date(2025, 1, 1))
    second = make_report(clause, date(2025, 6, 30), date(2025, 4, 1))
    accepted = make_report(clause, date(2025, 12, 31), date(2025, 10, 1), state="accepted")
    world.ids.update(cycle_clause=clause.id, cycle_report=first.id, cycle_report_2=second.id,
                     cycle_accepted=accepted.id)


def _c(w):
    return {"clause_id": w.ids["cycle_clause"]}


def _open(w):
    return {"clause_id": w.ids["cycle_clause"], "due": "2025-09-30"}  # late, no report yet: open to submit


ROUTES = [
    Route("clause_reports.supplier_clause", SUPPLIER, params=_c, scoped=True),
    Route("clause_reports.submit_report", SUPPLIER, params=_open, scoped=True),
    Route("clause_reports.submit_report", SUPPLIER, method="POST", params=_open, scoped=True,
          data=lambda w: {"comment": "Kaksi työsuhdetta jatkuu."}),
    Route("clause_reports.officer_clause", OFFICER, params=_c, scoped=True),
    Route("clause_reports.review", OFFICER, params=lambda w: {"report_id": w.ids["cycle_report"]}, scoped=True),
    Route("clause_reports.accept", OFFICER, method="POST", params=lambda w: {"report_id": w.ids["cycle_report"]},
          scoped=True, ok=(302,)),
    Route("clause_reports.return_report", OFFICER, params=lambda w: {"report_id": w.ids["cycle_report_2"]},
          scoped=True),
    Route("clause_reports.return_report", OFFICER, method="POST",
          params=lambda w: {"report_id": w.ids["cycle_report_2"]}, scoped=True,
          data=lambda w: {"reasons": "Jakso puuttuu."}),
    Route("clause_reports.reopen", OFFICER, params=lambda w: {"report_id": w.ids["cycle_accepted"]}, scoped=True),
    Route("clause_reports.reopen", OFFICER, method="POST",
          params=lambda w: {"report_id": w.ids["cycle_accepted"]}, scoped=True,
          data=lambda w: {"reasons": "Jakson rivit korjattava."}),
    Route("clause_reports.decide", OFFICER, params=_c, scoped=True),
    Route("clause_reports.decide", OFFICER, method="POST", params=_c, scoped=True,
          data=lambda w: {"decision": "waived", "reasons": "Toimittaja työllisti muulla tavoin."}),
]

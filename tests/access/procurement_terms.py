"""Access rules of the award criterion's tenders, the reserved contract's share declarations and the size rule.

The home buyer's second procurement is supplied by the home employer; officers
and employers of the other organisations must get 404 for its objects.
"""
from __future__ import annotations

from decimal import Decimal

from portal.extensions import db
from portal.procurements.models import TenderPlan
from tests.access import Route
from tests.access.procurements import make_clause, make_procurement

OFFICER = ("officer",)
SUPPLIER = ("employer",)


def build(world) -> None:
    """An award-criterion clause with one scored tender, and a reserved-contract clause."""
    procurement = make_procurement(world.orgs["buyer"], world.orgs["employer"], reference="HK-2026-TERMS")
    award = make_clause(procurement, form="award", award_points=Decimal("10"),
                        award_scale=[{"at_least": 6, "points": 5}, {"at_least": 12, "points": 10}])
    plan = TenderPlan(clause_id=award.id, tenderer="Tarjoaja Oy", planned=Decimal("12"), points=Decimal("10"))
    db.session.add(plan)
    reserved = make_clause(procurement, kind="persons", form="reserved", required_share=Decimal("0.300"),
                           min_months=Decimal("6"), share_rule_id="reserved-contract-share-2017")
    db.session.flush()
    world.ids.update(award_clause=award.id, tender_plan=plan.id, reserved_clause=reserved.id)


def _award(w):
    return {"clause_id": w.ids["award_clause"]}


def _plan(w):
    return {"clause_id": w.ids["award_clause"], "plan_id": w.ids["tender_plan"]}


def _reserved(w):
    return {"clause_id": w.ids["reserved_clause"]}


ROUTES = [
    Route("procurements.tenders", OFFICER, params=_award, scoped=True),
    Route("procurements.tenders", OFFICER, method="POST", params=_award, scoped=True,
          data=lambda w: {"tenderer": "Toinen Oy", "planned": "8"}),
    Route("procurements.tender_winner", OFFICER, params=_plan, scoped=True),
    Route("procurements.tender_winner", OFFICER, method="POST", params=_plan, scoped=True, ok=(302,)),
    # The clause pages of the two forms (their own sections), so axe checks them too.
    Route("procurements.clause", OFFICER, params=_award, scoped=True),
    Route("procurements.clause", OFFICER, params=_reserved, scoped=True),
    Route("suppliers.clause", SUPPLIER, params=_reserved, scoped=True),
    Route("procurements.size_rule", OFFICER),
    Route("procurements.size_rule", OFFICER, method="POST"),
    # The declarations, listed; they are made with the report (clause_reports.submit_report).
    Route("suppliers.share", SUPPLIER, params=_reserved, scoped=True),
]

"""Tenders' employment plans of an award criterion, the winner's plan as the target, and a reserved
contract's share declarations with their check. Services flush; the view commits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.audit.services import record
from portal.domain.employment_forms import (
    ShareCheck,
    declaration_problems,
    scale_from_data,
    score_plan,
    winner_change_problem,
)
from portal.domain.rules import Rule
from portal.errors import FieldErrors, ServiceError
from portal.extensions import db
from portal.guidance.rules_data import rules
from portal.procurements import clauses as clause_service
from portal.procurements import ledger
from portal.procurements.clause_text import get_template
from portal.procurements.labels import PROBLEM_MESSAGES, TERMS_PROBLEMS
from portal.procurements.models import EmploymentClause, LedgerEntry, ShareDeclaration, TenderPlan


def tender_plans(clause: EmploymentClause) -> list[TenderPlan]:
    """The clause's tenders, most points first."""
    return list(db.session.scalars(select(TenderPlan).where(TenderPlan.clause_id == clause.id)
                                   .order_by(TenderPlan.points.desc(), TenderPlan.tenderer, TenderPlan.id)))


def add_tender_plan(clause: EmploymentClause, data: dict) -> TenderPlan:
    """Score a tender's employment plan on the clause's scale and keep it."""
    if clause.form != "award":
        raise ServiceError(_("Only an award criterion scores tenders."))
    tenderer = data["tenderer"].strip()
    if db.session.scalar(select(func.count()).select_from(TenderPlan).where(
            TenderPlan.clause_id == clause.id, TenderPlan.tenderer == tenderer)):
        raise FieldErrors({"tenderer": _("This tenderer's plan is already scored.")})
    planned = Decimal(data["planned"])
    points = score_plan(float(planned), scale_from_data(clause.award_scale))
    plan = TenderPlan(clause_id=clause.id, tenderer=tenderer, planned=planned,
                      points=Decimal(str(points)).quantize(Decimal("0.01")), winner=False)
    db.session.add(plan)
    db.session.flush()
    record("tender_plan_scored", "employment_clause", clause.id, organisation_id=clause.procurement.buyer_id,
           detail={"tender_plan_id": plan.id, "planned": str(planned), "points": str(plan.points)})
    return plan


def _delivered_or_reported(clause: EmploymentClause) -> bool:
    """Whether the supplier has ledger entries, an accepted report or a decision for the clause."""
    shut = ledger.closed(clause)
    entries = db.session.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.clause_id == clause.id))
    return bool(entries or shut.periods or shut.decided)


def choose_winner(clause: EmploymentClause, plan: TenderPlan) -> None:
    """The winner's plan becomes the clause's target; its wording is written again in three languages."""
    if plan.planned <= 0:
        raise ServiceError(_("A plan of zero cannot become the clause's target."))
    template = get_template(clause.template_code)
    if template is None:
        raise ServiceError(_("The clause's template is no longer in the library."))
    plans = tender_plans(clause)
    current = next((p.id for p in plans if p.winner), None)
    if winner_change_problem(current, plan.id, _delivered_or_reported(clause)):
        raise ServiceError(str(PROBLEM_MESSAGES["winner_locked"]))
    data = clause_service.form_data(clause)
    data["quantity"] = plan.planned
    previous = clause.quantity
    for other in plans:  # first: the clause's target is checked against the new winner's plan
        other.winner = other.id == plan.id
    db.session.flush()
    clause_service.save_clause(clause.procurement, template, data, clause)
    record("tender_winner_chosen", "employment_clause", clause.id, organisation_id=clause.procurement.buyer_id,
           detail={"tender_plan_id": plan.id, "previous_quantity": str(previous), "quantity": str(plan.planned)})


@dataclass(frozen=True)
class CheckedDeclaration:
    """A declaration with its check against the clause's required share."""

    row: ShareDeclaration
    check: ShareCheck


def declarations(clause: EmploymentClause) -> list[CheckedDeclaration]:
    """The clause's share declarations, oldest report first, each checked."""
    required = float(clause.required_share or 0)
    rows = db.session.scalars(select(ShareDeclaration).where(ShareDeclaration.clause_id == clause.id)
                              .order_by(ShareDeclaration.report_date))
    return [CheckedDeclaration(r, ShareCheck(r.staff, r.disadvantaged, required)) for r in rows]


def declare_share(clause: EmploymentClause, data: dict, report_dates: list[date], user_id: int) -> CheckedDeclaration:
    """Record (or correct) the supplier's declaration for a report date; flags a share below the requirement."""
    if clause.form != "reserved":
        raise ServiceError(_("Only a reserved contract asks for a share declaration."))
    errors = {f: str(TERMS_PROBLEMS[c]) for f, c in declaration_problems(data.get("staff"),
                                                                          data.get("disadvantaged")).items()}
    day = next((d for d in report_dates if d.isoformat() == data.get("report_date")), None)
    if day is None:
        errors["report_date"] = str(TERMS_PROBLEMS["not_a_report_date"])
    if errors:
        raise FieldErrors(errors)
    row = db.session.scalar(select(ShareDeclaration).where(
        ShareDeclaration.clause_id == clause.id, ShareDeclaration.report_date == day))
    creating = row is None
    row = row or ShareDeclaration(clause_id=clause.id, report_date=day)
    row.staff, row.disadvantaged = data["staff"], data["disadvantaged"]
    row.comment = (data.get("comment") or "").strip()
    row.created_by_id = user_id
    db.session.add(row)
    db.session.flush()
    check = ShareCheck(row.staff, row.disadvantaged, float(clause.required_share or 0))
    record("share_declared" if creating else "share_declaration_corrected", "employment_clause", clause.id,
           organisation_id=clause.procurement.supplier_id,
           detail={"report_date": day.isoformat() if day else "", "staff": row.staff,
                   "disadvantaged": row.disadvantaged, "below_required": check.below})
    return CheckedDeclaration(row, check)


@dataclass(frozen=True)
class TermsView:
    """What the clause page shows of an award criterion or a reserved contract."""

    winner: TenderPlan | None
    declarations: list[CheckedDeclaration]
    rule: Rule | None

    @property
    def legal_reference(self) -> str:
        """The section the required share rests on, as the rule names it."""
        return str(self.rule["legal_reference"]) if self.rule is not None else ""


def clause_terms(clause: EmploymentClause) -> TermsView:
    """The winner, the checked declarations and the legal rule of a clause (for its page)."""
    winner = next((p for p in tender_plans(clause) if p.winner), None) if clause.form == "award" else None
    found = declarations(clause) if clause.form == "reserved" else []
    rule = None
    if clause.share_rule_id:
        try:
            rule = rules().by_id(clause.share_rule_id)
        except KeyError:
            rule = None  # a rule later removed from seeds/rules: the clause keeps its stored share
    return TermsView(winner, found, rule)

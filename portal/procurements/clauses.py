"""Employment clauses: fill a template's parameters, render its wording in three languages, save."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.audit.services import record
from portal.domain.employment_forms import award_quantity_problem
from portal.domain.ledger_lock import terms_problems
from portal.domain.procurement_rules import ClauseParams, clause_problems
from portal.errors import FieldErrors, ServiceError
from portal.extensions import db
from portal.i18n import number_filter
from portal.procurements import ledger
from portal.procurements.clause_text import LANGS, ClauseTemplate, render
from portal.procurements.labels import problem
from portal.procurements.ledger_view import linked_roles
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement, TenderPlan
from portal.procurements.terms import Terms, apply_terms, check_terms, term_texts, terms_form_data
from portal.reference.services import items


def _float(value) -> float | None:
    return float(value) if value is not None else None


def params_from(template: ClauseTemplate, data: dict) -> ClauseParams:
    """The domain's view of the form data (the share is typed in per cent)."""
    share = data.get("social_enterprise_share") if template.allows_social_enterprise else None
    return ClauseParams(
        kind=template.kind, quantity=_float(data.get("quantity")), deadline=data.get("deadline"),
        reporting_interval=data.get("reporting_interval"),
        min_months=_float(data.get("min_months")) if template.uses_min_months else None,
        social_enterprise_share=float(share) / 100 if share is not None else None,
        sanction_per_month=_float(data.get("sanction_per_month")),
    )


def _group_labels(codes: list[str]) -> dict[str, list[str]]:
    known = {i.code: i for i in items("target_groups")}
    chosen = [known[c] for c in codes if c in known]
    return {lang: [i.label(lang) for i in chosen] for lang in LANGS}


def check(procurement: Procurement, template: ClauseTemplate, data: dict) -> tuple[ClauseParams, Terms]:
    """The parameters and the form's terms, or FieldErrors naming every input that cannot stand."""
    params = params_from(template, data)
    try:
        terms = check_terms(template, data)
    except FieldErrors as exc:
        terms, term_errors = Terms(), exc.errors
    else:
        term_errors = {}
    codes = {field: problem(code) for field, code in
             clause_problems(params, procurement.contract_start, procurement.contract_end).items()}
    known = {i.code for i in items("target_groups")}
    groups = data.get("target_groups") or []
    if not groups or any(g not in known for g in groups):
        codes["target_groups"] = _("Choose at least one target group.")
    if "deadline" in codes:
        codes["deadline"] = _("The deadline must fall within the contract period (%(start)s to %(end)s).",
                              start=format_date(procurement.contract_start, "short"),
                              end=format_date(procurement.contract_end, "short"))
    codes.update(term_errors)
    if codes:
        raise FieldErrors(codes)
    return params, terms


def preview(procurement: Procurement, template: ClauseTemplate, data: dict) -> dict[str, str]:
    """The wording the parameters give, in fi, sv and en; FieldErrors if they cannot stand."""
    params, terms = check(procurement, template, data)
    return render(template, params, _group_labels(data["target_groups"]), term_texts(template, terms))


def locked(clause: EmploymentClause) -> bool:
    """Whether the clause's sanction is decided, so it is not changed any more (ledger_lock rule 4)."""
    return ledger.closed(clause).decided


def _check_locked(clause: EmploymentClause, params: ClauseParams) -> None:
    shut = ledger.closed(clause)
    found = terms_problems(shut.decided, [last for _, last in shut.periods], clause.reporting_interval,
                           params.reporting_interval, params.deadline)
    if "clause" in found:
        raise ServiceError(problem(found["clause"]))
    if found:
        raise FieldErrors({field: problem(code) for field, code in found.items()})
    plan = db.session.scalar(select(TenderPlan.planned).where(TenderPlan.clause_id == clause.id,
                                                              TenderPlan.winner.is_(True)))
    code = award_quantity_problem(clause.form, float(plan) if plan is not None else None, params.quantity)
    if code:
        raise FieldErrors({"quantity": problem(code, plan=number_filter(plan))})


def save_clause(procurement: Procurement, template: ClauseTemplate, data: dict,
                clause: EmploymentClause | None = None) -> EmploymentClause:
    """Create or update a clause with its wording frozen in three languages."""
    params, terms = check(procurement, template, data)
    if clause is not None:
        _check_locked(clause, params)
        late = db.session.scalar(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.clause_id == clause.id, LedgerEntry.start_date > params.deadline))
        if late:
            raise FieldErrors({"deadline": _("Ledger entries start after this deadline.")})
    texts = render(template, params, _group_labels(data["target_groups"]), term_texts(template, terms))
    creating = clause is None
    clause = clause or EmploymentClause(procurement_id=procurement.id, template_code=template.code,
                                        kind=template.kind)
    clause.quantity = Decimal(str(params.quantity))
    clause.min_months = Decimal(str(params.min_months)) if params.min_months is not None else None
    clause.target_groups = list(data["target_groups"])
    clause.reporting_interval = params.reporting_interval
    clause.deadline = params.deadline
    clause.sanction_per_month = data.get("sanction_per_month")
    clause.social_enterprise_share = (Decimal(str(params.social_enterprise_share)).quantize(Decimal("0.001"))
                                      if params.social_enterprise_share is not None else None)
    clause.text_fi, clause.text_sv, clause.text_en = texts["fi"], texts["sv"], texts["en"]
    apply_terms(clause, terms)
    db.session.add(clause)
    db.session.flush()
    record("clause_created" if creating else "clause_updated", "employment_clause", clause.id,
           organisation_id=procurement.buyer_id,
           detail={"procurement_id": procurement.id, "template": template.code, "quantity": str(clause.quantity),
                   "form": clause.form, "award_points": str(clause.award_points or ""),
                   "required_share": str(clause.required_share or ""), "share_rule": clause.share_rule_id})
    return clause


def form_data(clause: EmploymentClause) -> dict:
    """A saved clause as the form's data (the share back in per cent)."""
    share = clause.social_enterprise_share
    return {"quantity": clause.quantity, "min_months": clause.min_months, "target_groups": clause.target_groups,
            "reporting_interval": clause.reporting_interval, "deadline": clause.deadline,
            "sanction_per_month": clause.sanction_per_month,
            "social_enterprise_share": int(share * 100) if share is not None else None,
            **terms_form_data(clause)}


def delete_clause(clause: EmploymentClause) -> None:
    """Delete a clause that has no ledger entries (a ledger is a record; it is never thrown away)."""
    if locked(clause):
        raise ServiceError(problem("terms_decided"))
    if db.session.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.clause_id == clause.id)):
        raise ServiceError(_("This clause has ledger entries and cannot be deleted."))
    if linked_roles(clause.id):
        raise ServiceError(_("Roles are linked to this clause; the employer must unlink them first."))
    procurement = clause.procurement
    record("clause_deleted", "employment_clause", clause.id, organisation_id=procurement.buyer_id,
           detail={"procurement_id": procurement.id, "kind": clause.kind})
    db.session.delete(clause)
    db.session.flush()

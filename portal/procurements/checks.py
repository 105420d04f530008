"""The checks of a procurement's details before it is saved: every problem named at once, so the form
shows them all together (the form's own checks and these run on the same submission)."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import Organisation
from portal.domain.procurement_rules import parse_cpv, period_problem
from portal.errors import ServiceError
from portal.extensions import db
from portal.procurements.hilma import notice_number, notice_year_range
from portal.procurements.labels import TERMS_PROBLEMS, problem
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from portal.reference.services import labels


def supplier_of(supplier_id: int | None) -> Organisation | None:
    """The chosen supplier (an active employer organisation), None for none; refused otherwise."""
    if not supplier_id:
        return None
    org = db.session.get(Organisation, supplier_id)
    if org is None or org.kind != "employer" or not org.active:
        raise ServiceError(_("Choose a supplier from the list."), "supplier_id")
    return org


def _code_problems(data: dict) -> dict[str, str]:
    """The CPV code's and the Hilma notice number's problems."""
    found: dict[str, str] = {}
    if data.get("cpv_code"):
        try:
            _cpv, division = parse_cpv(data["cpv_code"])
        except ValueError:
            found["cpv_code"] = problem("cpv_format")
        else:
            if division not in labels("cpv_divisions"):
                found["cpv_code"] = problem("cpv_division")
    try:
        notice_number(data.get("hilma_notice"))
    except ValueError as exc:
        first, last = notice_year_range()
        found["hilma_notice"] = (str(TERMS_PROBLEMS["notice_year"]) % {"first": first, "last": last}
                                 if str(exc) == "notice_year" else str(TERMS_PROBLEMS["notice_format"]))
    return found


def procurement_problems(procurement: Procurement | None, data: dict, buyer_id: int) -> dict[str, str]:
    """field -> message for every input of a procurement that cannot stand, all at once; a value the form
    could not read (None) is left to the form's own message."""
    found = _code_problems(data)
    labour = data.get("labour_share")
    if labour is not None and not 1 <= labour <= 100:
        found["labour_share"] = problem("share_range")
    start, end = data.get("contract_start"), data.get("contract_end")
    if start and end and period_problem(start, end):
        found["contract_end"] = _("The contract ends before it starts.")
    reference = (data.get("reference") or "").strip()
    clash = db.session.scalar(select(Procurement.id).where(
        Procurement.buyer_id == buyer_id, Procurement.reference == reference)) if reference else None
    if clash is not None and (procurement is None or clash != procurement.id):
        found["reference"] = _("Another procurement of yours already has this reference.")
    try:
        supplier = supplier_of(data.get("supplier_id"))
        if procurement is not None and start and end and not found:
            check_clauses_still_fit(procurement, start, end, supplier)
    except ServiceError as exc:
        found.setdefault(exc.field or "", exc.message)
    return found


def check_clauses_still_fit(procurement: Procurement, start, end, supplier) -> None:
    """A new contract period must still hold every clause deadline and ledger entry."""
    if any(not start <= c.deadline <= end for c in procurement.clauses):
        raise ServiceError(_("A clause deadline would fall outside the new contract period. "
                             "Change the clause first."), "contract_end")
    earliest = db.session.scalar(select(LedgerEntry.start_date).join(LedgerEntry.clause)
                                 .where(EmploymentClause.procurement_id == procurement.id)
                                 .order_by(LedgerEntry.start_date).limit(1))
    if earliest is not None and earliest < start:
        raise ServiceError(_("Ledger entries start before the new contract start."), "contract_start")
    if procurement.supplier_id and (supplier is None or supplier.id != procurement.supplier_id) and earliest:
        raise ServiceError(_("The supplier has already recorded ledger entries; it cannot be changed."),
                           "supplier_id")
    if supplier is None and procurement.status in ("awarded", "in_force", "ended"):
        raise ServiceError(_("An awarded procurement needs a supplier."), "supplier_id")

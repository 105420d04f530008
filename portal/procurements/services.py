"""Procurements of a buyer: scoped queries, saving, status changes, inviting a supplier.

Every query here is scoped: an officer reaches only their own buyer's
procurements, a supplier only the clauses of procurements it supplies.
Services flush; the view commits.
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.accounts.models import Organisation, User
from portal.admin.services import invite_user, save_organisation
from portal.audit.services import record
from portal.cache import cached
from portal.domain.obligations import MONTH_UNIT_KINDS
from portal.domain.procurement_rules import parse_cpv, transition_problem
from portal.errors import FieldErrors, ServiceError
from portal.extensions import db
from portal.i18n import current_language
from portal.identity.choices import organisation_label
from portal.procurements.checks import procurement_problems, supplier_of
from portal.procurements.hilma import notice_number
from portal.procurements.labels import KIND_LABELS, STATUS_LABELS, UNIT_LABELS
from portal.procurements.models import EmploymentClause, Procurement
from portal.reference.services import labels

PROCUREMENT_SORTS = {"reference": Procurement.reference, "title": Procurement.title,
                     "status": Procurement.status, "start": Procurement.contract_start,
                     "end": Procurement.contract_end}


def procurements_of_buyer(organisation_id: int, q: str = "", status: str = ""):
    """The buyer's procurements (unsorted), with their suppliers loaded."""
    stmt = (select(Procurement).options(joinedload(Procurement.supplier))
            .where(Procurement.buyer_id == organisation_id))
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(Procurement.reference.ilike(like) | Procurement.title.ilike(like))
    if status in STATUS_LABELS:
        stmt = stmt.where(Procurement.status == status)
    return stmt


def procurement_for_officer(user: User, procurement_id: int):
    """A select for one of the officer's own procurements (get_or_404 runs it)."""
    return (select(Procurement).options(joinedload(Procurement.supplier), joinedload(Procurement.buyer))
            .where(Procurement.id == procurement_id, Procurement.buyer_id == user.organisation_id))


def clause_for_officer(user: User, clause_id: int):
    """A select for one clause of the officer's buyer, its procurement and supplier loaded."""
    return (select(EmploymentClause).join(EmploymentClause.procurement)
            .options(joinedload(EmploymentClause.procurement).joinedload(Procurement.supplier))
            .where(EmploymentClause.id == clause_id, Procurement.buyer_id == user.organisation_id))


def clause_for_supplier(user: User, clause_id: int):
    """A select for one clause whose procurement the user's organisation supplies."""
    return (select(EmploymentClause).join(EmploymentClause.procurement)
            .options(joinedload(EmploymentClause.procurement).joinedload(Procurement.buyer))
            .where(EmploymentClause.id == clause_id, Procurement.supplier_id == user.organisation_id))


def suppliers_of_buyer(organisation_id: int) -> list[tuple[int, str]]:
    """(id, label) of the organisations that supply the buyer's procurements, for a filter.

    Cached per buyer and language while procurements and organisations stand still ("ledger"):
    a buyer of a large city has hundreds, and the dashboard asks on every visit.
    """
    return cached("buyer-suppliers", (organisation_id, current_language()), ("ledger", "reference"),
                  lambda: _suppliers_of_buyer(organisation_id))


def _suppliers_of_buyer(organisation_id: int) -> list[tuple[int, str]]:
    rows = db.session.execute(select(Organisation.id, Organisation.name, Organisation.business_id,
                                     Organisation.municipality_code, Organisation.verified_at).distinct()
                              .join(Procurement, Procurement.supplier_id == Organisation.id)
                              .where(Procurement.buyer_id == organisation_id)
                              .order_by(Organisation.name, Organisation.id))
    return _labelled(rows)


def employer_choices() -> list[tuple[int, str]]:
    """Active employer organisations that can be chosen as a supplier (labelled with business ID and municipality)."""
    rows = db.session.execute(select(Organisation.id, Organisation.name, Organisation.business_id,
                                     Organisation.municipality_code, Organisation.verified_at)
                              .where(Organisation.kind == "employer", Organisation.active.is_(True))
                              .order_by(Organisation.name, Organisation.id))
    return _labelled(rows)


def _labelled(rows) -> list[tuple[int, str]]:
    municipalities = labels("municipalities")
    return [(i, organisation_label(name, bid, muni, verified is not None, municipalities))
            for i, name, bid, muni, verified in rows]


def save_procurement(procurement: Procurement | None, data: dict, buyer_id: int) -> Procurement:
    """Create or update a procurement of the buyer; refuses bad dates, CPV codes and clashes, all named at once."""
    found = procurement_problems(procurement, data, buyer_id)
    if found:
        raise FieldErrors(found)
    cpv, _division = parse_cpv(data["cpv_code"])
    hilma_notice = notice_number(data.get("hilma_notice"))
    labour = data.get("labour_share")
    start, end = data["contract_start"], data["contract_end"]
    reference = data["reference"].strip()
    supplier = supplier_of(data.get("supplier_id"))
    creating = procurement is None
    procurement = procurement or Procurement(buyer_id=buyer_id, status="planned")
    procurement.reference = reference
    procurement.title = data["title"].strip()
    procurement.description = (data.get("description") or "").strip()
    procurement.cpv_code = cpv
    procurement.estimated_value = data.get("estimated_value")
    procurement.hilma_notice = hilma_notice
    procurement.labour_share = Decimal(labour) / 100 if labour is not None else None
    procurement.contract_start, procurement.contract_end = start, end
    procurement.supplier_id = supplier.id if supplier else None
    db.session.add(procurement)
    db.session.flush()
    record("procurement_created" if creating else "procurement_updated", "procurement", procurement.id,
           organisation_id=buyer_id, detail={"reference": reference, "supplier_id": procurement.supplier_id,
                                             "hilma_notice": hilma_notice, "cpv_code": cpv,
                                             "labour_share": str(procurement.labour_share or "")})
    return procurement


def change_status(procurement: Procurement, target: str) -> None:
    """Move the procurement to another status, if that step is allowed."""
    if target not in STATUS_LABELS:  # a forged value is never echoed back
        raise ServiceError(_("Choose one of the procurement's next steps."))
    code = transition_problem(procurement.status, target, procurement.supplier_id is not None)
    if code == "needs_supplier":
        raise ServiceError(_("Choose the supplier before marking the procurement as %(status)s.",
                             status=str(STATUS_LABELS[target]).lower()))
    if code:
        raise ServiceError(_("A procurement cannot move from %(current)s to %(target)s.",
                             current=str(STATUS_LABELS[procurement.status]).lower(),
                             target=str(STATUS_LABELS[target]).lower()))
    old, procurement.status = procurement.status, target
    db.session.flush()
    record("procurement_status_changed", "procurement", procurement.id,
           organisation_id=procurement.buyer_id, detail={"from": old, "to": target})


def invite_supplier(procurement: Procurement, data: dict) -> tuple[Organisation, User]:
    """Create an employer organisation that is not yet on the portal, invite its contact person,
    and make it the procurement's supplier."""
    if procurement.supplier_id is not None:
        raise ServiceError(_("This procurement already has a supplier."))
    existing = db.session.scalar(select(Organisation).where(Organisation.business_id == data["business_id"]))
    if existing is not None:
        raise ServiceError(_("%(name)s is already on the portal with this business ID: choose it as the "
                             "supplier in the procurement's details.", name=existing.name), "business_id")
    org = save_organisation(None, {"name": data["name"], "kind": "employer", "business_id": data["business_id"]},
                            verified_as="invited_by_buyer")
    user, _link = invite_user(data["contact_name"], data["contact_email"], org, "employer")
    procurement.supplier_id = org.id
    db.session.flush()
    record("supplier_invited", "procurement", procurement.id, organisation_id=procurement.buyer_id,
           detail={"supplier_id": org.id})
    return org, user


def clause_label(clause: EmploymentClause, reference: str) -> str:
    """A short label of a clause: procurement reference, what it asks and by when."""
    unit = UNIT_LABELS["person_months" if clause.kind in MONTH_UNIT_KINDS else "persons"]
    quantity = format_decimal(clause.quantity)
    return _("%(reference)s: %(kind)s, %(quantity)s %(unit)s by %(deadline)s", reference=reference,
             kind=KIND_LABELS[clause.kind], quantity=quantity, unit=unit,
             deadline=format_date(clause.deadline, "short"))


class ClauseChoice(NamedTuple):
    """A clause offered to another feature: a (id, label) pair that also has .id and .label."""

    id: int
    label: str


def clauses_for_supplier(organisation_id: int) -> list[ClauseChoice]:
    """(clause id, short label) for every clause whose procurement's supplier is the organisation.

    For other features (an employer links a role to one of its clauses): the
    list is also the check that a chosen clause belongs to the employer.
    Clauses of ended procurements are included, so an existing link stays valid.
    """
    rows = db.session.execute(
        select(EmploymentClause, Procurement.reference).join(EmploymentClause.procurement)
        .where(Procurement.supplier_id == organisation_id)
        .order_by(Procurement.reference, EmploymentClause.id))
    return [ClauseChoice(clause.id, clause_label(clause, reference)) for clause, reference in rows]

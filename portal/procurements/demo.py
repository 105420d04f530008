"""Demo data: procurements of Demola kaupunki supplied by Esimerkki Oy, their clauses and ledgers.

Dates are set from the day the demo is first loaded, so the figures show
progress, a forecast and a coming report; a second, ended contract fell short
of its clause, so its deadline has passed and an officer can decide the
sanction. Idempotent: an existing demo procurement is left as it is.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from portal.accounts.demo import demo_org
from portal.clock import today
from portal.domain.person_months import add_months
from portal.domain.procurement_rules import ClauseParams
from portal.extensions import db
from portal.procurements.clause_text import get_template, render
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from portal.reference.services import items

REFERENCE = "DEMO-2025-014"
ENDED_REFERENCE = "DEMO-2023-007"
GROUPS = ["partial_work_ability", "long_term_unemployed"]


def _clause(procurement: Procurement, code: str, params: ClauseParams, **extra) -> EmploymentClause:
    labels = {i.code: i for i in items("target_groups")}
    texts = render(get_template(code), params, {lang: [labels[g].label(lang) for g in GROUPS if g in labels]
                                                for lang in ("fi", "sv", "en")})
    clause = EmploymentClause(
        procurement_id=procurement.id, template_code=code, kind=params.kind, quantity=Decimal(str(params.quantity)),
        min_months=Decimal(str(params.min_months)) if params.min_months else None, target_groups=GROUPS,
        reporting_interval=params.reporting_interval, deadline=params.deadline,
        text_fi=texts["fi"], text_sv=texts["sv"], text_en=texts["en"], **extra)
    db.session.add(clause)
    db.session.flush()
    return clause


def _entry(clause, code, kind, start, end, share="1"):
    db.session.add(LedgerEntry(clause_id=clause.id, person_code=code, kind=kind, start_date=start, end_date=end,
                               work_share=Decimal(share), source="manual"))


def _exists(buyer_id: int, reference: str) -> bool:
    return db.session.scalar(select(Procurement.id).where(Procurement.buyer_id == buyer_id,
                                                          Procurement.reference == reference)) is not None


def seed() -> str:
    """Create the demo procurements with their clauses and ledgers, each unless it exists."""
    buyer, supplier = demo_org("buyer"), demo_org("employer")
    done = [] if _exists(buyer.id, REFERENCE) else [_running(buyer.id, supplier.id)]
    if not _exists(buyer.id, ENDED_REFERENCE):
        done.append(_ended(buyer.id, supplier.id))
    return "; ".join(done) or "0 created"


def _ended(buyer_id: int, supplier_id: int) -> str:
    """An ended contract whose clause was not met: past its deadline, so its sanction can be decided."""
    end = add_months(today().replace(day=1), -2) - timedelta(days=1)  # a month's end, some weeks ago
    start = add_months(end.replace(day=1), -23)
    procurement = Procurement(
        buyer_id=buyer_id, supplier_id=supplier_id, reference=ENDED_REFERENCE, status="ended",
        title="Viheralueiden hoito / Skötsel av grönområden", cpv_code="77310000",
        description="Demola kaupungin puistojen ja viheralueiden hoito, päättynyt sopimus.",
        estimated_value=Decimal("640000.00"), contract_start=start, contract_end=end)
    db.session.add(procurement)
    db.session.flush()
    clause = _clause(procurement, "person_months", ClauseParams(
        kind="person_months", quantity=24, deadline=end, reporting_interval=6, sanction_per_month=500),
        sanction_per_month=Decimal("500.00"))
    _entry(clause, "EO-0201", "job", add_months(start, 2), add_months(start, 10) - timedelta(days=1))
    _entry(clause, "EO-0202", "job", add_months(start, 6), add_months(start, 12) - timedelta(days=1), "0.5")
    db.session.flush()
    return "1 ended procurement, 1 clause short of its requirement, 2 ledger entries"


def _running(buyer_id: int, supplier_id: int) -> str:
    """The contract in force: two clauses under way, with a forecast and coming reports."""
    start = add_months(today().replace(day=1), -10)
    end = add_months(start, 36) - timedelta(days=1)
    procurement = Procurement(
        buyer_id=buyer_id, supplier_id=supplier_id, reference=REFERENCE, status="in_force",
        title="Kiinteistöjen siivouspalvelut / Fastighetsstädning", cpv_code="90910000-9",
        description="Demola kaupungin toimitilojen ylläpitosiivous 2025–2028.",
        estimated_value=Decimal("1850000.00"), contract_start=start, contract_end=end)
    db.session.add(procurement)
    db.session.flush()
    persons = _clause(procurement, "persons", ClauseParams(
        kind="persons", quantity=4, deadline=add_months(start, 24) - timedelta(days=1), reporting_interval=3,
        min_months=6, sanction_per_month=800), sanction_per_month=Decimal("800.00"))
    months = _clause(procurement, "person_months", ClauseParams(
        kind="person_months", quantity=36, deadline=end, reporting_interval=6, social_enterprise_share=0.25),
        social_enterprise_share=Decimal("0.250"))
    day = lambda months_from_start, d=1: add_months(start, months_from_start).replace(day=d)  # noqa: E731
    _entry(persons, "EO-0101", "job", day(1), None)
    _entry(persons, "EO-0102", "apprenticeship", day(2), day(9) - timedelta(days=1))
    _entry(persons, "EO-0103", "job", day(6, 15), None, "0.6")
    _entry(persons, "EO-0104", "job", day(8), None)
    _entry(months, "EO-0101", "job", day(1), None)
    _entry(months, "EO-0105", "job", day(3), day(7) - timedelta(days=1), "0.8")
    _entry(months, "YY-2201", "social_enterprise", day(2), day(6) - timedelta(days=1))
    db.session.flush()
    return "1 procurement, 2 clauses, 7 ledger entries"

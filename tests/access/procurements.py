"""Access rules of procurements (officers) and suppliers (employers bound by a clause).

The home buyer's procurement is supplied by the home employer; officers and
employers of the other organisations must get 404 for its objects.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from portal.extensions import db
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from tests.access import Route

OFFICER = ("officer",)
SUPPLIER = ("employer",)


def make_procurement(buyer, supplier=None, reference="HK-2026-001", status="in_force",
                     start=date(2026, 1, 1), end=date(2027, 12, 31)) -> Procurement:
    """A procurement of the buyer, flushed."""
    item = Procurement(buyer_id=buyer.id, supplier_id=supplier.id if supplier else None, reference=reference,
                       title="Siivouspalvelut", description="", cpv_code="90910000-9",
                       contract_start=start, contract_end=end, status=status)
    db.session.add(item)
    db.session.flush()
    return item


def make_clause(procurement, kind="person_months", quantity=12, deadline=date(2027, 6, 30), **fields):
    """A clause of the procurement with placeholder texts, flushed."""
    clause = EmploymentClause(procurement_id=procurement.id, template_code=kind, kind=kind,
                              quantity=Decimal(str(quantity)), deadline=deadline,
                              target_groups=["partial_work_ability"], reporting_interval=3,
                              text_fi="Teksti", text_sv="Text", text_en="Text", **fields)
    db.session.add(clause)
    db.session.flush()
    return clause


def make_entry(clause, person="HK-0001", kind="job", start=date(2026, 2, 1), end=None, share="1",
               source="manual") -> LedgerEntry:
    """A ledger entry of the clause, flushed."""
    entry = LedgerEntry(clause_id=clause.id, person_code=person, kind=kind, start_date=start, end_date=end,
                        work_share=Decimal(share), source=source)
    db.session.add(entry)
    db.session.flush()
    return entry


def build(world) -> None:
    """A procurement of the home buyer supplied by the home employer, with a clause and two entries."""
    procurement = make_procurement(world.orgs["buyer"], world.orgs["employer"])
    clause = make_clause(procurement)
    entry = make_entry(clause)
    spare = make_entry(clause, person="HK-0002")  # deleted by the matrix's POST
    world.ids.update(procurement=procurement.id, clause=clause.id, entry=entry.id, spare_entry=spare.id)


def _p(w):
    return {"procurement_id": w.ids["procurement"]}


def _c(w):
    return {"clause_id": w.ids["clause"]}


def _e(w):
    return {"clause_id": w.ids["clause"], "entry_id": w.ids["entry"]}


ROUTES = [
    Route("procurements.index", OFFICER),
    Route("procurements.export_report", OFFICER, kind="file"),
    Route("procurements.procurements", OFFICER),
    Route("procurements.procurement_new", OFFICER),
    Route("procurements.procurement_new", OFFICER, method="POST"),
    Route("procurements.procurement", OFFICER, params=_p, scoped=True),
    Route("procurements.procurement_edit", OFFICER, params=_p, scoped=True),
    Route("procurements.procurement_edit", OFFICER, method="POST", params=_p, scoped=True),
    Route("procurements.procurement_status", OFFICER, method="POST", params=_p, scoped=True, ok=(302,),
          data=lambda w: {"status": "ended"}),
    Route("procurements.invite_supplier", OFFICER, params=_p, scoped=True),
    Route("procurements.invite_supplier", OFFICER, method="POST", params=_p, scoped=True),
    Route("procurements.clause_templates", OFFICER, params=_p, scoped=True),
    Route("procurements.clause_new", OFFICER, params=lambda w: {**_p(w), "template_code": "persons"},
          scoped=True),
    Route("procurements.clause_new", OFFICER, method="POST",
          params=lambda w: {**_p(w), "template_code": "persons"}, scoped=True),
    Route("procurements.clause", OFFICER, params=_c, scoped=True),
    Route("procurements.clause_edit", OFFICER, params=_c, scoped=True),
    Route("procurements.clause_edit", OFFICER, method="POST", params=_c, scoped=True),
    Route("procurements.clause_delete", OFFICER, params=_c, scoped=True),
    # The clause has ledger entries, so the confirmed delete is refused and redirects back.
    Route("procurements.clause_delete", OFFICER, method="POST", params=_c, scoped=True, ok=(302,)),
    Route("suppliers.index", SUPPLIER),
    Route("suppliers.clause", SUPPLIER, params=_c, scoped=True),
    Route("suppliers.entry_new", SUPPLIER, params=_c, scoped=True),
    Route("suppliers.entry_new", SUPPLIER, method="POST", params=_c, scoped=True),
    Route("suppliers.entry_edit", SUPPLIER, params=_e, scoped=True),
    Route("suppliers.entry_edit", SUPPLIER, method="POST", params=_e, scoped=True),
    Route("suppliers.entry_delete", SUPPLIER, params=_e, scoped=True),
    Route("suppliers.entry_delete", SUPPLIER, method="POST", scoped=True, ok=(302,),
          params=lambda w: {"clause_id": w.ids["clause"], "entry_id": w.ids["spare_entry"]}),
    Route("suppliers.ledger_template", SUPPLIER, params=_c, scoped=True, kind="file"),
    Route("suppliers.ledger_import", SUPPLIER, params=_c, scoped=True),
    Route("suppliers.ledger_import", SUPPLIER, method="POST", params=_c, scoped=True),
]

"""Procurements of a public buyer, their employment clauses, and the ledger that fulfils them.

The ledger is the one bookkeeping of a clause: entries typed by a supplier
(``manual``), imported from Excel (``import``), or written by the matching
feature in the same transaction as a placement (``placement``, with its
``placement_id``). A clause's status is always computed from these rows.
Persons appear only as pseudonymous codes, never by name.

The award criterion's tenders (each plan scored; the winner's plan becomes
the clause's target), a reserved contract's share declarations and the
buyer's size rule live here too.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation
from portal.db_types import UTCDateTime, utcnow
from portal.domain.obligations import Entry
from portal.extensions import db
from portal.versions import watch


class Procurement(db.Model):
    """A public contract of a buyer, with its supplier once awarded."""

    __tablename__ = "procurement"
    __table_args__ = (UniqueConstraint("buyer_id", "reference"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    reference: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    cpv_code: Mapped[str] = mapped_column(String(10))
    estimated_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    contract_start: Mapped[date] = mapped_column(Date)
    contract_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    # The Hilma notice number in its published form (2024-004717) and the share of the value that is
    # labour cost (0..1), which the size helper uses.
    hilma_notice: Mapped[str | None] = mapped_column(String(20))
    labour_share: Mapped[Decimal | None] = mapped_column(Numeric(4, 3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    buyer: Mapped[Organisation] = relationship(foreign_keys=[buyer_id])
    supplier: Mapped[Organisation | None] = relationship(foreign_keys=[supplier_id])
    clauses: Mapped[list[EmploymentClause]] = relationship(
        back_populates="procurement", order_by="EmploymentClause.id")

    def __repr__(self) -> str:
        return f"<Procurement {self.id} {self.reference!r}>"


class EmploymentClause(db.Model):
    """An obligation of the supplier to employ people of the target groups, with its frozen wording."""

    __tablename__ = "employment_clause"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurement.id"), index=True)
    template_code: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    min_months: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    target_groups: Mapped[list] = mapped_column(JSON, default=list)
    reporting_interval: Mapped[int] = mapped_column(Integer, default=3)  # months
    deadline: Mapped[date] = mapped_column(Date, index=True)
    sanction_per_month: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    social_enterprise_share: Mapped[Decimal | None] = mapped_column(Numeric(4, 3))
    # The form of the terms (portal.domain.employment_forms): a contract condition, an award criterion
    # with its points and scale, or a reserved contract with the share of disadvantaged staff it requires
    # and the legal rule (seeds/rules) that share was checked against.
    form: Mapped[str] = mapped_column(String(10), default="condition", server_default="condition")
    award_points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    award_scale: Mapped[list | None] = mapped_column(JSON)
    required_share: Mapped[Decimal | None] = mapped_column(Numeric(4, 3))
    share_rule_id: Mapped[str | None] = mapped_column(String(60))
    # The agreed wording is frozen when saved: a later change of the template
    # never rewrites a clause already in a contract.
    text_fi: Mapped[str] = mapped_column(Text)
    text_sv: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    procurement: Mapped[Procurement] = relationship(back_populates="clauses")
    entries: Mapped[list[LedgerEntry]] = relationship(back_populates="clause", order_by="LedgerEntry.id")

    def __repr__(self) -> str:
        return f"<EmploymentClause {self.id} {self.kind} {self.quantity}>"


class LedgerEntry(db.Model):
    """One period of one person (by code) that may count towards a clause."""

    __tablename__ = "clause_ledger_entry"
    __table_args__ = (Index("ix_clause_ledger_entry_clause_person", "clause_id", "person_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id"))
    person_code: Mapped[str] = mapped_column(String(20))  # pseudonymous, never a name
    kind: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    work_share: Mapped[Decimal] = mapped_column(Numeric(4, 3))  # 0 < share <= 1
    source: Mapped[str] = mapped_column(String(10), default="manual")  # manual, import, placement
    # Filled by the matching feature; no foreign key until placements exist.
    placement_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    clause: Mapped[EmploymentClause] = relationship(back_populates="entries")

    def as_entry(self) -> Entry:
        """The entry as the domain counts it."""
        return Entry(self.person_code, self.kind, self.start_date, self.end_date, float(self.work_share))

    def __repr__(self) -> str:
        return f"<LedgerEntry {self.id} {self.person_code} {self.kind}>"


class TenderPlan(db.Model):
    """One tender's employment plan for an award-criterion clause, with the points it earned."""

    __tablename__ = "clause_tender_plan"
    __table_args__ = (UniqueConstraint("clause_id", "tenderer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id", ondelete="CASCADE"), index=True)
    tenderer: Mapped[str] = mapped_column(String(200))
    planned: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    points: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    winner: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    clause: Mapped[EmploymentClause] = relationship()


class ShareDeclaration(db.Model):
    """A reserved contract's supplier's staff and disadvantaged staff on a report date."""

    __tablename__ = "clause_share_declaration"
    __table_args__ = (UniqueConstraint("clause_id", "report_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id", ondelete="CASCADE"), index=True)
    report_date: Mapped[date] = mapped_column(Date)
    staff: Mapped[int] = mapped_column(Integer)
    disadvantaged: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SizeRule(db.Model):
    """A buyer's rule for suggesting the size of an obligation, with its justification."""

    __tablename__ = "procurement_size_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), unique=True)
    euros_per_person_month: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    euros_per_person: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    justification: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


# The officer dashboard keeps its figures until one of these changes (portal.versions); an organisation's
# name shows on it as a supplier's.
watch("ledger", Procurement, EmploymentClause, LedgerEntry, Organisation)
# A winner's plan changes a clause's target, and a declaration its figures on the dashboard.
watch("ledger", TenderPlan, ShareDeclaration)

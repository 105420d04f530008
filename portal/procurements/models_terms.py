"""The records of the award-criterion and reserved-contract forms, and the buyer's size rule.

A tender's employment plan is scored on its clause's scale; the plan of the
tender marked as the winner becomes the clause's target. A reserved
contract's supplier declares at each report how many of its staff are
disadvantaged; the share is checked against the clause's requirement. The
size rule is the buyer's own: how many euros of labour cost call for one
unit of obligation, with the buyer's justification.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db
from portal.procurements.models import EmploymentClause
from portal.versions import watch


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


# A winner's plan changes a clause's target, and a declaration its figures on the dashboard.
watch("ledger", TenderPlan, ShareDeclaration)

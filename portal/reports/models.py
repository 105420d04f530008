"""The summaries the dashboard reads: one generation of counts at a time, rebuilt by `flask reports refresh`.

A refresh writes a new generation beside the one being read, then switches
to it in one short transaction (its state becomes ``ready``); pages always
read the newest ready generation, so they never see half of a refresh. Cells
hold whole counts of people (or events about people) per month, provider,
municipality and buyer, before any small cell is hidden: hiding happens when
cells are added up for a page or an export, since a sum of small cells may
be large enough to show.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db


class ReportGeneration(db.Model):
    """One refresh of the summaries: building, then ready."""

    __tablename__ = "report_generation"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(10), default="building", index=True)
    as_of: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cells: Mapped[int] = mapped_column(default=0)
    clauses: Mapped[int] = mapped_column(default=0)


class ReportCell(db.Model):
    """A count of one measure and key for a month, provider, municipality and buyer (None: not applicable)."""

    __tablename__ = "report_cell"
    __table_args__ = (Index("ix_report_cell_lookup", "generation_id", "measure", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    generation_id: Mapped[int] = mapped_column(ForeignKey("report_generation.id", ondelete="CASCADE"))
    measure: Mapped[str] = mapped_column(String(20))
    month: Mapped[date | None] = mapped_column(Date)
    provider_id: Mapped[int | None] = mapped_column(Integer)
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    buyer_id: Mapped[int | None] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    people: Mapped[int] = mapped_column(default=0)


class ReportClause(db.Model):
    """A clause's fulfilment on the refresh date, with the number of people behind what was delivered."""

    __tablename__ = "report_clause"
    __table_args__ = (Index("ix_report_clause_lookup", "generation_id", "buyer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    generation_id: Mapped[int] = mapped_column(ForeignKey("report_generation.id", ondelete="CASCADE"))
    clause_id: Mapped[int] = mapped_column(Integer)
    procurement_id: Mapped[int] = mapped_column(Integer)
    buyer_id: Mapped[int] = mapped_column(Integer)
    supplier_id: Mapped[int | None] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    required: Mapped[float] = mapped_column(Float)
    delivered: Mapped[float] = mapped_column(Float)
    forecast: Mapped[float] = mapped_column(Float)
    people: Mapped[int] = mapped_column(default=0)

"""A supplier's report for one report date of a clause, the reminders sent about it, and the sanction
decision taken once the clause's deadline has passed.

A report keeps a copy of the ledger entries it covered when it was submitted (pseudonymous codes,
never names), so the officer reviews what the supplier sent even if the ledger changes later.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db
from portal.procurements.models import EmploymentClause
from portal.versions import watch


class ClauseReport(db.Model):
    """The supplier's report for one report date: submitted, returned with reasons, or accepted."""

    __tablename__ = "clause_report"
    __table_args__ = (UniqueConstraint("clause_id", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id", ondelete="CASCADE"), index=True)
    due_date: Mapped[date] = mapped_column(Date)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    entries: Mapped[list] = mapped_column(JSON, default=list)  # the ledger lines of the period, as submitted
    return_reasons: Mapped[str] = mapped_column(Text, default="")
    submissions: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    clause: Mapped[EmploymentClause] = relationship()

    def __repr__(self) -> str:
        return f"<ClauseReport {self.id} {self.clause_id} {self.due_date} {self.state}>"


class ReportEvent(db.Model):
    """One step of a report's history: each submission with its comment (and declared share), each return
    or reopening with its reasons, each acceptance; who and when. Kept, never overwritten."""

    __tablename__ = "clause_report_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("clause_report.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # submitted, returned, accepted, reopened
    text: Mapped[str] = mapped_column(Text, default="")  # the comment, or the reasons
    entries: Mapped[int | None] = mapped_column(Integer)  # ledger lines sent with a submission
    staff: Mapped[int | None] = mapped_column(Integer)  # a reserved contract's declared share, as submitted
    disadvantaged: Mapped[int | None] = mapped_column(Integer)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    by: Mapped[User | None] = relationship()


class ReportReminder(db.Model):
    """A reminder sent about one report date; the unique key makes the daily command send each once."""

    __tablename__ = "clause_report_reminder"
    __table_args__ = (UniqueConstraint("clause_id", "due_date", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id", ondelete="CASCADE"), index=True)
    due_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))  # before, after
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    sent_on: Mapped[date] = mapped_column(Date)


class SanctionDecision(db.Model):
    """The buyer's decision on a clause's sanction: applied, reduced or waived, with its reasons."""

    __tablename__ = "clause_sanction_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id", ondelete="CASCADE"), unique=True)
    decision: Mapped[str] = mapped_column(String(10))
    computed: Mapped[Decimal] = mapped_column(Numeric(12, 2))  # the sanction as computed on the decision day
    shortfall: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))  # person-months short
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    reasons: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    clause: Mapped[EmploymentClause] = relationship()


class SanctionHistory(db.Model):
    """Every sanction decision of a clause as it was recorded, the first and each change; never overwritten.
    The newest is the current one (clause_sanction_decision)."""

    __tablename__ = "clause_sanction_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("employment_clause.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    computed: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    shortfall: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    reasons: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    by: Mapped[User | None] = relationship()


# The officer dashboard's board shows late and returned reports: it is kept until the ledger's kind changes.
watch("ledger", ClauseReport, ReportEvent, SanctionDecision, SanctionHistory)

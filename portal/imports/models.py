"""An import job: one uploaded file, its progress while it is read, and what came of it.

The rows themselves are written (all of them) in the same transaction that
marks the job ``done``; a ``rejected`` job wrote nothing and keeps its
problems as codes (row, column, code, parameters), so the page can show
them in whatever language the reader uses.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.db_types import UTCDateTime, utcnow
from portal.extensions import db

STATES = ("reading", "writing", "done", "rejected", "failed")
FINISHED = frozenset({"done", "rejected", "failed"})


class ImportJob(db.Model):
    """One uploaded file of an import kind, for one user: progress, result and problems as codes."""

    __tablename__ = "import_job"
    __table_args__ = (Index("ix_import_job_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    target_id: Mapped[int | None]
    filename: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(10), default="reading")
    rows_read: Mapped[int] = mapped_column(default=0)
    rows_total: Mapped[int | None]
    imported: Mapped[int] = mapped_column(default=0)
    file_problem: Mapped[str | None] = mapped_column(String(30))
    problem_count: Mapped[int] = mapped_column(default=0)
    problems: Mapped[list | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

"""The facts a refresh counts from, read as plain rows in a fixed number of queries.

Candidates with their status steps, first employer contacts, coaches and ended steps before work come
from the coaching feature; placements from the placements feature; clauses
and their ledgers from procurements. Nothing here turns into ORM objects: a
region of 50,000 candidates and 200,000 placements is read in a few seconds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import String, func, select, type_coerce

from portal.coaching.models import Candidate, CandidateCoach, EmployerContact, PlanStep, StatusChange
from portal.extensions import db
from portal.placements.models import Placement
from portal.procurements.models import EmploymentClause, Procurement


@dataclass(slots=True)
class CandidateRow:
    """A candidate as the refresh counts them."""

    id: int
    provider_id: int
    municipality: str | None
    intake_on: date
    status: str
    erased: bool
    steps: list = field(default_factory=list)  # (since, status), oldest first
    first_contact: date | None = None
    coaches: list = field(default_factory=list)
    ended_steps: list = field(default_factory=list)  # steps before work that ended: (end_on, kind, outcome)


@dataclass(slots=True)
class PlacementRow:
    """A placement as the refresh counts it, with the buyer of the clause it counts for."""

    candidate_id: int
    provider_id: int
    kind: str
    state: str
    start_on: date
    end_on: date | None
    wage_subsidy: bool
    buyer_id: int | None


def raw_dates():
    """(column wrapper, parser) that read dates fast: on SQLite as text parsed by date.fromisoformat.

    SQLAlchemy's own SQLite date processing parses each value with a regular
    expression, which costs more than the rest of a 100,000-row export.
    """
    if db.session.get_bind().dialect.name == "sqlite":
        return (lambda column: type_coerce(column, String)), (lambda v: date.fromisoformat(v) if v else None)
    return (lambda column: column), (lambda v: v)


def load_candidates() -> dict[int, CandidateRow]:
    """Every candidate (erased ones too: erasure keeps the figures) with steps, first contact and coaches."""
    conn, (text, as_date) = db.session.connection(), raw_dates()
    rows: dict[int, CandidateRow] = {}
    for cid, org, muni, intake, status, erased in conn.execute(select(
            Candidate.id, Candidate.organisation_id, Candidate.municipality_code, text(Candidate.intake_on),
            Candidate.status, Candidate.erased_at.is_not(None))):
        rows[cid] = CandidateRow(cid, org, muni, as_date(intake), status, bool(erased))
    for cid, since, status in conn.execute(select(StatusChange.candidate_id, text(StatusChange.since),
                                                  StatusChange.status)
                                           .order_by(StatusChange.candidate_id, StatusChange.since,
                                                     StatusChange.id)):
        if cid in rows:
            rows[cid].steps.append((as_date(since), status))
    for cid, first in conn.execute(select(EmployerContact.candidate_id, text(func.min(EmployerContact.contact_on)))
                                   .group_by(EmployerContact.candidate_id)):
        if cid in rows:
            rows[cid].first_contact = as_date(first)
    for cid, uid in conn.execute(select(CandidateCoach.candidate_id, CandidateCoach.user_id)):
        if cid in rows:
            rows[cid].coaches.append(uid)
    _load_ended_steps(rows)
    for row in rows.values():
        if not row.steps:  # a record made without a history starts in its current status at intake
            row.steps.append((row.intake_on, row.status))
    return rows


def _load_ended_steps(rows: dict[int, CandidateRow]) -> None:
    """Add each candidate's ended steps before work (with an outcome) to their row."""
    conn, (text, as_date) = db.session.connection(), raw_dates()
    for cid, end, kind, outcome in conn.execute(select(PlanStep.candidate_id, text(PlanStep.end_on), PlanStep.kind,
                                                       PlanStep.outcome).where(PlanStep.outcome.is_not(None))):
        if cid in rows and end:
            rows[cid].ended_steps.append((as_date(end), kind, outcome))


def clause_buyers() -> dict[int, int]:
    """clause id -> the buyer organisation of its procurement."""
    return dict(db.session.connection().execute(
        select(EmploymentClause.id, Procurement.buyer_id).join(EmploymentClause.procurement)).all())


def load_placements() -> list[PlacementRow]:
    """Every placement with its buyer (through the clause it counts for)."""
    buyers, (text, as_date) = clause_buyers(), raw_dates()
    out = []
    for cid, provider, kind, state, start, end, subsidy, clause in db.session.connection().execute(select(
            Placement.candidate_id, Placement.provider_id, Placement.kind, Placement.state, text(Placement.start_on),
            text(Placement.end_on), Placement.wage_subsidy, Placement.clause_id)):
        out.append(PlacementRow(cid, provider, kind, state, as_date(start), as_date(end),
                                bool(subsidy), buyers.get(clause) if clause else None))
    return out

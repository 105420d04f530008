"""The coach's caseload: one query for the page, one for its size, whatever the number of candidates."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import undefer

from portal.audit.services import record
from portal.coaching.models import Candidate, CandidateCoach
from portal.coaching.paths import path_rules
from portal.coaching.rules import fidelity_rule
from portal.domain.caseload import ACTIVE_STATUSES, STATUSES, FidelityRule, days_since
from portal.domain.coaching_paths import over_weighted_limit, weighted_load
from portal.extensions import db

SORTS = {
    "name": Candidate.name,
    "code": Candidate.code,
    "status": Candidate.status,
    "follow_up": Candidate.next_follow_up,
    "contact": Candidate.last_employer_contact,
}


@dataclass(frozen=True)
class CaseloadSummary:
    size: int
    rule: FidelityRule | None
    over_limit: bool
    weighted: float = 0.0  # each person counted with their path's weight (seeds/coaching/paths.yaml)
    intensive: int = 0


def _own(stmt, coach):
    # An IN over the coach's links (indexed by user) lets the database fetch the few candidates by id,
    # instead of walking every candidate of the organisation (measured in bench/coaching.py).
    mine = select(CandidateCoach.candidate_id).where(CandidateCoach.user_id == coach.id)
    return stmt.where(Candidate.id.in_(mine), Candidate.organisation_id == coach.organisation_id,
                      Candidate.erased_at.is_(None))


def caseload_query(coach, status: str = "", q: str = ""):
    """The coach's candidates (not erased), optionally by status or a name/code search (unsorted)."""
    stmt = _own(select(Candidate), coach).options(undefer(Candidate.last_employer_contact))
    if status in STATUSES:
        stmt = stmt.where(Candidate.status == status)
    elif status != "all":
        stmt = stmt.where(Candidate.status.in_(ACTIVE_STATUSES))
    if q.strip():
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(func.lower(Candidate.name).like(like) | func.lower(Candidate.code).like(like))
    return stmt


def summary(coach, today: date) -> CaseloadSummary:
    """The caseload size (active candidates) and its path-weighted load against the fidelity limit."""
    per_path = dict(db.session.execute(_own(select(Candidate.support_intensity, func.count()), coach).where(
        Candidate.status.in_(ACTIVE_STATUSES)).group_by(Candidate.support_intensity)).all())
    size = sum(per_path.values())
    load = sum(weighted_load([code], path_rules()) * n for code, n in per_path.items())
    rule = fidelity_rule(today)
    # The weighted load is what the limit is held against: an intensive person counts more.
    return CaseloadSummary(size=size, rule=rule, over_limit=over_weighted_limit(load, rule and rule.max_caseload),
                           weighted=load, intensive=per_path.get("intensive", 0))


def days_since_contact(candidate: Candidate, today: date) -> int | None:
    """Days since the last employer contact (None: no contact yet)."""
    return days_since(candidate.last_employer_contact, today)


def log_caseload_read(coach, candidates: list[Candidate]) -> None:
    """One audit event for the names shown on a caseload page (ids only in the detail)."""
    record("caseload_read", "caseload", coach.id, organisation_id=coach.organisation_id,
           detail={"candidates": [c.id for c in candidates]})

"""Fetching a candidate through the user's scope, and logging every read and change of sensitive parts."""
from __future__ import annotations

from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.audit.services import record
from portal.coaching.models import Candidate, CandidateCoach, OrganisationAdmin
from portal.extensions import db
from portal.security import get_or_404

AUDIT_TYPE = "candidate"
PROFILE_PARTS = (Candidate.skills, Candidate.occupations, Candidate.languages, Candidate.limits,
                 Candidate.adjustments, Candidate.target_groups, Candidate.coach_links)


def candidate_for(user, candidate_id: int, profile: bool = False) -> Candidate:
    """The user's candidate by id (404 outside their scope); profile=True loads the profile tables too."""
    stmt = Candidate.query_for(user).where(Candidate.id == candidate_id)
    if profile:
        stmt = stmt.options(*(selectinload(rel) for rel in PROFILE_PARTS))
    return get_or_404(stmt)


def own_candidate(user, profile: bool = False) -> Candidate | None:
    """A candidate user's own record, or None when their coach has not made one."""
    stmt = Candidate.query_for(user)
    if profile:
        stmt = stmt.options(*(selectinload(rel) for rel in PROFILE_PARTS))
    return db.session.scalars(stmt).first()


def log_read(candidate: Candidate, part: str, actor=None) -> None:
    """Record that someone read a sensitive part of a candidate (record, assessment, plan ...)."""
    record("candidate_read", AUDIT_TYPE, candidate.id, actor=actor,
           organisation_id=candidate.organisation_id, detail={"part": part})


def log_change(candidate: Candidate, part: str, action: str = "candidate_changed",
               fields: list[str] | None = None, actor=None) -> None:
    """Record a change of a candidate's sensitive part; detail names fields, never their values."""
    detail = {"part": part}
    if fields:
        detail["fields"] = sorted(fields)
    record(action, AUDIT_TYPE, candidate.id, actor=actor, organisation_id=candidate.organisation_id,
           detail=detail)


def is_coach_of(user, candidate: Candidate) -> bool:
    """Whether the user is one of the candidate's coaches."""
    return db.session.scalar(select(CandidateCoach.user_id).where(
        CandidateCoach.candidate_id == candidate.id, CandidateCoach.user_id == user.id)) is not None


def is_org_admin(user=None) -> bool:
    """Whether the user holds the provider organisation's admin grant (reads the audit log)."""
    user = user or current_user
    if not user.is_authenticated or user.organisation_id is None:
        return False
    return db.session.scalar(select(OrganisationAdmin.user_id).where(
        OrganisationAdmin.organisation_id == user.organisation_id,
        OrganisationAdmin.user_id == user.id)) is not None


def render_and_commit(template: str, **context) -> str:
    """Render first, then commit the audit events of the request.

    Committing expires every loaded object; rendering first keeps a list page
    from reloading each row (one query per row) after the commit.
    """
    from flask import render_template

    html = render_template(template, **context)
    db.session.commit()
    return html

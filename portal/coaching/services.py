"""What other features call: consent checks, privacy projections, employer contacts, erasure blockers.

The coaching pages use the modules beside this one (candidates, plans,
assessments, modules, consents, erasure); this module is the stable surface
for matching, reports and anybody else.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.coaching.access import PROFILE_PARTS
from portal.coaching.candidates import record_employer_contact  # noqa: F401  (re-exported for matching)
from portal.coaching.consents import valid_consent
from portal.coaching.erasure import register_erasure_blocker  # noqa: F401  (re-exported for matching)
from portal.coaching.models import Candidate
from portal.domain.privacy import Audience, CandidateProfile, project
from portal.extensions import db


def has_valid_consent(candidate_id: int, employer_organisation_id: int) -> bool:
    """Whether the candidate has a consent, not withdrawn, to share their profile with this employer."""
    return valid_consent(candidate_id, employer_organisation_id) is not None


def consent_covers_introduction(candidate_id: int, employer_organisation_id: int) -> bool:
    """Whether the valid consent for this employer also shares name and contact details."""
    consent = valid_consent(candidate_id, employer_organisation_id)
    return consent is not None and consent.scope == "profile_contact"


def profile_of(candidate: Candidate) -> CandidateProfile:
    """The domain profile of a candidate (everything; project it before showing it to anybody but a coach)."""
    return CandidateProfile(
        code=candidate.code, name=candidate.name, email=candidate.email, phone=candidate.phone,
        municipality=candidate.municipality_code,
        languages=tuple((x.code, x.level) for x in candidate.languages),
        education=candidate.education, work_history=candidate.work_history,
        skills=tuple(s.code for s in candidate.skills), skills_text=candidate.skills_text,
        desired_occupations=tuple(o.name for o in candidate.occupations),
        desired_work_text=candidate.desired_work_text,
        hours_min=candidate.hours_min, hours_max=candidate.hours_max,
        functional_limits=tuple((x.demand_code, x.max_level) for x in candidate.limits),
        limits_note=candidate.limits_note, adjustments=tuple(a.code for a in candidate.adjustments),
        target_groups=tuple(t.code for t in candidate.target_groups),
        support_intensity=candidate.support_intensity, peer_coach=candidate.peer_coach,
        status=candidate.status)


def candidate_view(candidate_id: int, audience: Audience | str, employer_organisation_id: int | None = None):
    """A candidate as an audience may see them, or None when erased or missing.

    For employers, the introduction view (with name and contact) is given only
    when the candidate's valid consent for that employer covers it.
    """
    candidate = db.session.scalar(select(Candidate).where(Candidate.id == candidate_id,
                                                          Candidate.erased_at.is_(None))
                                  .options(*(selectinload(rel) for rel in PROFILE_PARTS)))
    if candidate is None:
        return None
    audience = Audience(audience)
    if audience == Audience.INTRODUCTION and not (
            employer_organisation_id and consent_covers_introduction(candidate_id, employer_organisation_id)):
        audience = Audience.EMPLOYER
    return project(profile_of(candidate), audience)


def code_of(candidate_id: int) -> str | None:
    """The pseudonymous code of a candidate (kept after erasure)."""
    return db.session.scalar(select(Candidate.code).where(Candidate.id == candidate_id))

"""Team consents: the candidate agrees that one organisation's team members see named parts of the plan."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.audit.services import record
from portal.coaching.access import AUDIT_TYPE
from portal.coaching.models import Candidate
from portal.db_types import utcnow
from portal.domain.team import TEAM_SCOPES, join_codes
from portal.errors import ServiceError
from portal.extensions import db
from portal.team.models import TeamConsent


def team_consents_of(candidate: Candidate) -> list[TeamConsent]:
    """Every team consent of the candidate, valid ones first, newest first."""
    return list(db.session.scalars(select(TeamConsent).where(TeamConsent.candidate_id == candidate.id)
                                   .order_by(TeamConsent.withdrawn_at.is_not(None), TeamConsent.given_at.desc(),
                                             TeamConsent.id.desc())))


def valid_team_consent(candidate_id: int, organisation_id: int) -> TeamConsent | None:
    """The candidate's valid team consent for this organisation, if any."""
    return db.session.scalars(select(TeamConsent).where(
        TeamConsent.candidate_id == candidate_id, TeamConsent.organisation_id == organisation_id,
        TeamConsent.withdrawn_at.is_(None)).order_by(TeamConsent.given_at.desc())).first()


def _audit(action: str, candidate: Candidate, consent: TeamConsent, actor, **detail) -> None:
    record(action, AUDIT_TYPE, candidate.id, actor=actor, organisation_id=candidate.organisation_id,
           detail={"part": "team_consents", "consent": consent.id, "organisation": consent.organisation_id,
                   **detail})


def give_team_consent(candidate: Candidate, organisation_id: int, scopes: set[str], actor,
                      recorded_by_coach: bool = False) -> TeamConsent:
    """Record the consent for an organisation; a valid one already there takes the new scopes."""
    if not scopes or set(scopes) - set(TEAM_SCOPES):
        raise ServiceError(_("Choose what the team member may see from the list."), "scopes")
    stored = join_codes(scopes)
    consent = valid_team_consent(candidate.id, organisation_id)
    if consent is not None:
        if consent.scopes != stored:
            old, consent.scopes = consent.scopes, stored
            db.session.flush()
            _audit("team_consent_changed", candidate, consent, actor, **{"from": old, "to": stored})
        return consent
    consent = TeamConsent(candidate_id=candidate.id, organisation_id=organisation_id, scopes=stored,
                          given_by_id=actor.id, recorded_by_coach=recorded_by_coach)
    db.session.add(consent)
    db.session.flush()
    _audit("team_consent_given", candidate, consent, actor, scopes=stored)
    return consent


def team_consent_of(candidate: Candidate, consent_id: int) -> TeamConsent | None:
    """One team consent of this candidate (None for another candidate's)."""
    return db.session.scalar(select(TeamConsent).where(TeamConsent.id == consent_id,
                                                       TeamConsent.candidate_id == candidate.id))


def withdraw_team_consent(candidate: Candidate, consent: TeamConsent, actor) -> TeamConsent:
    """Withdraw a team consent: the organisation's members lose access with their next request."""
    if consent.withdrawn_at is not None:
        raise ServiceError(_("This consent has already been withdrawn."))
    consent.withdrawn_at = utcnow()
    consent.withdrawn_by_id = actor.id
    db.session.flush()
    _audit("team_consent_withdrawn", candidate, consent, actor)
    return consent

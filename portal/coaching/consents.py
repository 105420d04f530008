"""Consents to share a candidate's profile with one employer: given, withdrawn, and asked about."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from portal import signals
from portal.accounts.models import Organisation
from portal.audit.services import record
from portal.coaching.access import AUDIT_TYPE
from portal.coaching.models import Candidate, Consent, ConsentChange
from portal.db_types import utcnow
from portal.domain.coaching import CONSENT_SCOPES
from portal.domain.privacy import scope_change
from portal.errors import ServiceError
from portal.extensions import db


def consents_of(candidate: Candidate) -> list[Consent]:
    """Every consent of the candidate, valid ones first, newest first."""
    return list(db.session.scalars(select(Consent).where(Consent.candidate_id == candidate.id)
                                   .order_by(Consent.withdrawn_at.is_not(None), Consent.given_at.desc(),
                                             Consent.id.desc())))


def employer_choices() -> list[Organisation]:
    """Active employer organisations a consent can name."""
    return list(db.session.scalars(select(Organisation).where(Organisation.kind == "employer",
                                                              Organisation.active.is_(True), Organisation.verified)
                                   .order_by(Organisation.name, Organisation.id)))


def valid_consent(candidate_id: int, employer_organisation_id: int) -> Consent | None:
    """The candidate's valid consent for this employer, if any."""
    return db.session.scalars(select(Consent).where(
        Consent.candidate_id == candidate_id, Consent.employer_organisation_id == employer_organisation_id,
        Consent.withdrawn_at.is_(None)).order_by(Consent.given_at.desc())).first()


def give_consent(candidate: Candidate, employer_id: int | None, scope: str, actor,
                 recorded_by_coach: bool = False) -> Consent:
    """Record a consent; the employer must exist. With a valid consent for the employer already, its scope changes."""
    employer = db.session.get(Organisation, employer_id) if employer_id else None
    if employer is None or employer.kind != "employer" or not employer.active or not employer.verified:
        raise ServiceError(_("The employer you chose does not exist in the portal. Choose one from the list."),
                           "employer_id")
    if scope not in CONSENT_SCOPES:
        raise ServiceError(_("Choose what is shared from the list."), "scope")
    existing = valid_consent(candidate.id, employer.id)
    if existing is not None:  # widening or narrowing needs no withdrawal, which would end live proposals
        return change_scope(candidate, existing, scope, actor)
    consent = Consent(candidate_id=candidate.id, employer_organisation_id=employer.id, scope=scope,
                      given_by_id=actor.id, recorded_by_coach=recorded_by_coach)
    db.session.add(consent)
    db.session.flush()
    record("consent_given", AUDIT_TYPE, candidate.id, actor=actor, organisation_id=candidate.organisation_id,
           detail={"part": "consents", "consent": consent.id, "employer": employer.id, "scope": scope})
    return consent


def change_scope(candidate: Candidate, consent: Consent, scope: str, actor) -> Consent:
    """Share more or less with the employer under a valid consent; proposals made under it follow at once."""
    if consent.withdrawn_at is not None:
        raise ServiceError(_("This consent has already been withdrawn."))
    if scope not in CONSENT_SCOPES:
        raise ServiceError(_("Choose what is shared from the list."), "scope")
    change = scope_change(consent.scope, scope)
    if change == "same":
        raise ServiceError(_("A valid consent for this employer already shares exactly this."), "scope")
    old, consent.scope = consent.scope, scope
    # Kept as its own dated entry: the employer saw the old scope until now (the history must not be rewritten).
    consent.changes.append(ConsentChange(from_scope=old, to_scope=scope, changed_by_id=actor.id))
    db.session.flush()
    record(f"consent_{change}", AUDIT_TYPE, candidate.id, actor=actor, organisation_id=candidate.organisation_id,
           detail={"part": "consents", "consent": consent.id, "employer": consent.employer_organisation_id,
                   "from": old, "to": scope})
    signals.consent_scope_changed.send(current_app._get_current_object(), consent=consent, change=change)
    return consent


def consent_of(candidate: Candidate, consent_id: int) -> Consent | None:
    """One consent of this candidate (None for another candidate's)."""
    return db.session.scalar(select(Consent).where(Consent.id == consent_id, Consent.candidate_id == candidate.id))


def withdraw_consent(candidate: Candidate, consent: Consent, actor) -> Consent:
    """Withdraw a consent; other features hear of it (open proposals are withdrawn by matching)."""
    if consent.withdrawn_at is not None:
        raise ServiceError(_("This consent has already been withdrawn."))
    consent.withdrawn_at = utcnow()
    consent.withdrawn_by_id = actor.id
    db.session.flush()
    record("consent_withdrawn", AUDIT_TYPE, candidate.id, actor=actor, organisation_id=candidate.organisation_id,
           detail={"part": "consents", "consent": consent.id, "employer": consent.employer_organisation_id})
    signals.consent_withdrawn.send(current_app._get_current_object(), consent=consent, actor=actor)
    return consent

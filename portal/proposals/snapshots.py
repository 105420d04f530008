"""What an employer sees of a proposed person: a snapshot taken under the consent, kept in step with it.

The snapshot is taken when the proposal is made (portal.domain.privacy.consent_snapshot).
A withdrawn proposal or consent deletes it, with the coach's message and the
fit (both are about the person); a narrowed consent drops the parts it no
longer covers from every proposal at once; a widened one adds them to the
proposals still open, read at the moment of widening.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.accounts.models import Membership, Organisation
from portal.audit.models import AuditEvent
from portal.audit.services import record
from portal.coaching.access import AUDIT_TYPE, PROFILE_PARTS
from portal.coaching.models import Candidate
from portal.coaching.services import profile_of
from portal.domain import proposals as rules
from portal.domain.privacy import consent_snapshot, rescoped_snapshot, snapshot_parts, snapshot_view
from portal.employers.models import JobRole
from portal.extensions import db
from portal.notifications.models import Notification
from portal.proposals.models import Proposal
from portal.signals import consent_scope_changed

# The audit action of an employer's read of a proposed person; the candidate's "who saw what" lists them.
EMPLOYER_READ = "candidate_read_by_employer"


def take(candidate: Candidate, scope: str) -> dict:
    """The snapshot of the candidate as a consent of this scope lets the employer see them, now."""
    return consent_snapshot(profile_of(candidate), scope)


def forget(proposal: Proposal) -> None:
    """Delete what the proposal held of the person: the snapshot, the message, the fit, and the code
    in the employer's notifications of it."""
    proposal.snapshot, proposal.message, proposal.fit = None, "", None
    if rules.code_shown_to_employer(proposal.state, held=False):
        return
    employers = select(Membership.user_id).where(Membership.organisation_id == proposal.organisation_id)
    for note in db.session.scalars(select(Notification).where(Notification.proposal_id == proposal.id,
                                                              Notification.user_id.in_(employers))):
        note.params = {**(note.params or {}), "code": ""}


def forget_for_consent(consent) -> None:
    """A consent was withdrawn: every proposal of the person to that employer loses what it held of them."""
    for proposal in _proposals_of(consent, held_only=False):
        forget(proposal)
    db.session.flush()


def shown_to_employer(proposal: Proposal) -> dict:
    """What the employer's page of the proposal shows of the person: the view, the message, the fit."""
    view = snapshot_view(proposal.snapshot)
    return {"view": view, "fit": proposal.fit if view else None,
            "message": proposal.message if view and rules.message_shown(proposal.state) else ""}


def log_employer_read(proposal: Proposal, shown: dict, actor) -> None:
    """Record an employer's read of a proposed person: who, for which role, and which parts were shown."""
    parts = snapshot_parts(proposal.snapshot) + ["message"] * bool(shown["message"])
    record(EMPLOYER_READ, AUDIT_TYPE, proposal.candidate_id, actor=actor, organisation_id=proposal.provider_id,
           detail={"part": "employer_view", "proposal": proposal.id, "employer": proposal.organisation_id,
                   "role": proposal.role_id, "shown": parts})


def employer_reads(candidate_id: int):
    """A select of the employers' reads of the candidate, newest first (the audit trail is the record)."""
    return select(AuditEvent).where(AuditEvent.object_type == AUDIT_TYPE, AuditEvent.object_id == candidate_id,
                                    AuditEvent.action == EMPLOYER_READ).order_by(AuditEvent.at.desc(),
                                                                                 AuditEvent.id.desc())


def read_rows(events) -> list[dict]:
    """Each read as employer, role, parts shown and time; names fetched in one query per kind, not per row."""
    details = [e.detail or {} for e in events]
    employers = _names(Organisation.id, Organisation.name, {d.get("employer") for d in details})
    roles = _names(JobRole.id, JobRole.title, {d.get("role") for d in details})
    return [{"at": e.at, "employer": employers.get(d.get("employer"), ""), "role": roles.get(d.get("role"), ""),
             "shown": list(d.get("shown") or ())} for e, d in zip(events, details, strict=True)]


def _names(key, name, ids) -> dict:
    ids = {i for i in ids if i is not None}
    return dict(db.session.execute(select(key, name).where(key.in_(ids))).all()) if ids else {}


def _proposals_of(consent, states=None, held_only: bool = True) -> list[Proposal]:
    stmt = select(Proposal).where(Proposal.candidate_id == consent.candidate_id,
                                  Proposal.organisation_id == consent.employer_organisation_id)
    if held_only:
        stmt = stmt.where(Proposal.snapshot.is_not(None))
    if states is not None:
        stmt = stmt.where(Proposal.state.in_(states))
    return list(db.session.scalars(stmt.order_by(Proposal.id)))


def on_scope_changed(sender, consent=None, change: str = "", **extra) -> None:
    """consent_scope_changed: narrowing drops parts from every snapshot, widening adds them to open proposals."""
    if consent is None:
        return
    if change == "narrowed":
        proposals, profile = _proposals_of(consent), None
    else:
        proposals = _proposals_of(consent, rules.OPEN_STATES)
        person = db.session.scalar(select(Candidate).where(Candidate.id == consent.candidate_id,
                                                          Candidate.erased_at.is_(None))
                                   .options(*(selectinload(rel) for rel in PROFILE_PARTS)))
        profile = profile_of(person) if person is not None else None
    for proposal in proposals:
        proposal.snapshot = rescoped_snapshot(proposal.snapshot, consent.scope, profile)
    db.session.flush()


consent_scope_changed.connect(on_scope_changed)

"""Proposals: made by a candidate's coach, answered by the role's employer, withdrawn with the consent.

Every query is scoped: a coach reaches the proposals of candidates they
coach, an employer the proposals to its own roles; anything else is a 404.
Services flush; the view commits.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.audit.services import record
from portal.coaching.consents import valid_consent
from portal.coaching.models import Candidate, CandidateCoach
from portal.coaching.notices import account_of, coaches_of
from portal.coaching.services import record_employer_contact
from portal.db_types import utcnow
from portal.domain import proposals as rules
from portal.domain.profile import clean_text
from portal.employers.models import JobRole
from portal.errors import ServiceError
from portal.extensions import db
from portal.identity.services import require_verified
from portal.notifications.services import employer_users, notify
from portal.proposals import snapshots
from portal.proposals.guard import check_message, findings_message
from portal.proposals.models import Proposal
from portal.proposals.texts import problem
from portal.signals import consent_withdrawn

SORTS = {"created": Proposal.created_at, "updated": Proposal.updated_at, "state": Proposal.state}


def coach_proposals(coach, state: str = ""):
    """The proposals of the candidates the coach coaches (unsorted)."""
    mine = select(CandidateCoach.candidate_id).where(CandidateCoach.user_id == coach.id)
    stmt = select(Proposal).where(Proposal.candidate_id.in_(mine), Proposal.provider_id == coach.organisation_id)
    return stmt.where(Proposal.state == state) if state in rules.STATES else stmt


def employer_proposals(user, state: str = ""):
    """The proposals to the roles of the user's organisation (unsorted)."""
    stmt = select(Proposal).where(Proposal.organisation_id == user.organisation_id)
    return stmt.where(Proposal.state == state) if state in rules.STATES else stmt


def for_coach(coach, proposal_id: int):
    """A select for one proposal of the coach's own candidates (get_or_404 runs it)."""
    return coach_proposals(coach).where(Proposal.id == proposal_id)


def for_employer(user, proposal_id: int):
    """A select for one proposal to the user's organisation's roles (get_or_404 runs it)."""
    return employer_proposals(user).where(Proposal.id == proposal_id)


def _params(proposal: Proposal, code: str, **extra) -> dict:
    return {"code": code, "role": proposal.role.title, "role_lang": proposal.role.language,
            "employer": proposal.organisation.name, **extra}


def _standing(candidate_id: int, role_id: int) -> bool:
    return db.session.scalar(select(Proposal.id).where(
        Proposal.candidate_id == candidate_id, Proposal.role_id == role_id, Proposal.state != "withdrawn")
        .limit(1)) is not None


def propose(coach, candidate: Candidate, role: JobRole, message: str, pair,
            shared_as_asked: bool = False) -> Proposal:
    """Propose the coach's candidate for a role; refused without consent, to a closed role, or twice.

    The employer gets a snapshot of what the consent allows now. A message naming
    health words or the (unconsented) name or contact details is refused unless the coach confirms
    that the candidate asked for exactly this to be shared, which is audited. `pair` is the
    matching's explanation of the candidate against the role (matching.services.explain_pair): the
    proposal keeps its score and fit, and proposals import nothing of matching, which proposes.
    """
    require_verified(role.organisation)
    today = clock.today()
    consent = valid_consent(candidate.id, role.organisation_id)
    problems = rules.proposal_problems(consent is not None, role.status,
                                       role.open_until, today, _standing(candidate.id, role.id))
    if problems:
        raise ServiceError(problem(problems[0], code=candidate.code, employer=role.organisation.name))
    message = clean_text(message)[:2000]
    found = check_message(message, candidate, consent.scope)
    if found and not shared_as_asked:
        raise ServiceError(findings_message(found), "message")
    proposal = Proposal(candidate_id=candidate.id, role_id=role.id, organisation_id=role.organisation_id,
                        provider_id=candidate.organisation_id, coach_id=coach.id, state="sent", score=pair.score,
                        fit=rules.employer_fit(pair.explanation, pair.display), message=message,
                        snapshot=snapshots.take(candidate, consent.scope))
    try:
        with db.session.begin_nested():  # the standing-proposal index decides between simultaneous requests
            db.session.add(proposal)
    except IntegrityError:
        raise ServiceError(problem("duplicate", code=candidate.code)) from None
    # A proposal is a contact with an employer on the candidate's behalf (rapid job search counts it).
    record_employer_contact(candidate, today, f"{role.title} ({role.organisation.name})", coach, today)
    record("proposal_made", "proposal", proposal.id, actor=coach, organisation_id=candidate.organisation_id,
           detail={"candidate": candidate.id, "role": role.id, "employer": role.organisation_id})
    if found:
        record("message_shared_as_asked", "proposal", proposal.id, actor=coach,
               organisation_id=candidate.organisation_id,
               detail={"candidate": candidate.id, "found": found.counts()})
    notify(employer_users(role.organisation_id), "proposal_sent", proposal_id=proposal.id,
           params=_params(proposal, candidate.code), actor=coach)
    notify([account_of(candidate.id)], "your_proposal_made", proposal_id=proposal.id,
           params=_params(proposal, ""), actor=coach)
    return proposal


def answer(user, proposal: Proposal, answer_code: str, reason: str | None, note: str) -> Proposal:
    """The employer's answer: interested, interview, accepted, or declined with a reason."""
    code = rules.answer_problem(proposal.state, answer_code, reason or None)
    if code:
        raise ServiceError(problem(code), "decline_reason" if code == "reason_needed" else "answer")
    old = proposal.state
    proposal.state, proposal.answered_at = answer_code, utcnow()
    proposal.decline_reason = reason if answer_code == "declined" else None
    proposal.answer_note = clean_text(note)[:2000]
    db.session.flush()
    record("proposal_answered", "proposal", proposal.id, actor=user, organisation_id=proposal.organisation_id,
           detail={"from": old, "to": answer_code, "reason": proposal.decline_reason})
    notify(coaches_of(proposal.candidate_id), "proposal_answered", proposal_id=proposal.id, actor=user,
           params=_params(proposal, _code(proposal), answer=answer_code))
    if answer_code == "declined":
        notify([account_of(proposal.candidate_id)], "your_proposal_ended", proposal_id=proposal.id, actor=user,
               params=_params(proposal, "", answer=answer_code))
    return proposal


def codes_of(candidate_ids) -> dict[int, str]:
    """candidate id -> pseudonymous code, in one query (what employer lists show instead of names)."""
    ids = list(candidate_ids)
    if not ids:
        return {}
    return dict(db.session.execute(select(Candidate.id, Candidate.code).where(Candidate.id.in_(ids))).all())


def _code(proposal: Proposal) -> str:
    return db.session.scalar(select(Candidate.code).where(Candidate.id == proposal.candidate_id))


def withdraw(actor, proposal: Proposal, reason: str = "coach") -> Proposal:
    """Withdraw an open proposal (the coach's decision, or the candidate's withdrawn consent).

    What it held of the person is deleted: the employer keeps only that it ended.
    """
    if not rules.can_withdraw(proposal.state):
        raise ServiceError(problem("not_withdrawable"))
    old = proposal.state
    proposal.state, proposal.withdraw_reason = "withdrawn", reason
    snapshots.forget(proposal)
    db.session.flush()
    record("proposal_withdrawn", "proposal", proposal.id, actor=actor, organisation_id=proposal.provider_id,
           detail={"from": old, "reason": reason})
    # The employer learns only that the proposal for the role ended: not who, nor why.
    notify(employer_users(proposal.organisation_id), "proposal_withdrawn", proposal_id=proposal.id, actor=actor,
           params=_params(proposal, ""))
    notify([account_of(proposal.candidate_id)], "your_proposal_ended", proposal_id=proposal.id, actor=actor,
           params=_params(proposal, "", answer="withdrawn"))
    return proposal


def on_consent_withdrawn(sender, consent=None, actor=None, **extra) -> None:
    """consent_withdrawn: the open proposals of that candidate to that employer are withdrawn with it,
    no proposal to that employer keeps anything of the person, and the person's coaches hear of each
    (by the pseudonymous code; the one who withdrew it, if a coach, hears nothing of their own act)."""
    if consent is None:
        return
    open_ones = db.session.scalars(select(Proposal).where(
        Proposal.candidate_id == consent.candidate_id, Proposal.organisation_id == consent.employer_organisation_id,
        Proposal.state.in_(rules.OPEN_STATES)).order_by(Proposal.id))
    coaches = coaches_of(consent.candidate_id)
    for proposal in open_ones:
        withdraw(None, proposal, "consent_withdrawn")
        notify(coaches, "proposal_withdrawn", proposal_id=proposal.id, actor=actor,
               params=_params(proposal, _code(proposal), reason="consent_withdrawn"))
    snapshots.forget_for_consent(consent)


consent_withdrawn.connect(on_consent_withdrawn)


def mark_placed(proposal: Proposal) -> None:
    """A placement was recorded from the proposal (called by the placements feature)."""
    proposal.state = "placed"
    db.session.flush()

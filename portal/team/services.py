"""A candidate's team across organisations: who is on it, what each member sees, and their measures.

Other features (coordinators, referrals) call active_members and member_scopes; the names stay.
Access is computed on every request from the membership and the organisation's valid consent,
so a withdrawn consent or an ended membership takes effect at the member's next request.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import Membership, Organisation, User
from portal.audit.services import record
from portal.coaching.access import AUDIT_TYPE, log_change
from portal.coaching.models import Candidate
from portal.db_types import utcnow
from portal.domain.team import PEER_KINDS, TEAM_ORGANISATION_KINDS, effective_scopes, join_codes, member_problems
from portal.errors import ServiceError
from portal.extensions import db
from portal.team.consents import give_team_consent, team_consents_of, valid_team_consent
from portal.team.models import TeamConsent, TeamMember

TEAM_ROLES = ("professional", "peer")
PROBLEM_MESSAGES = {
    "employer": (lambda: _("An employer can never be a member of the team."), "user_id"),
    "not_team_organisation": (lambda: _("People of this organisation cannot be team members."), "user_id"),
    "unknown_kind": (lambda: _("Choose the kind of member from the list."), "kind"),
    "role_mismatch": (lambda: _("A peer coach or an expert by experience needs a peer's account; other members "
                                "need a professional's account."), "kind"),
    "no_scope": (lambda: _("Choose at least one part of the plan the member may see."), "scopes"),
    "unknown_scope": (lambda: _("Choose what the team member may see from the list."), "scopes"),
    "follow_ups_without_plan": (lambda: _("Follow-ups belong to the plan's goals: share the plan too."), "scopes"),
    "health_for_peer": (lambda: _("A peer never sees the health parts: work ability and the service-need "
                                  "assessment."), "scopes"),
    "no_task": (lambda: _("Choose the tasks the peer takes on."), "tasks"),
    "unknown_task": (lambda: _("Choose the tasks from the list."), "tasks"),
}


@dataclass(frozen=True)
class MemberAccess:
    """A team member's way to one candidate: the membership and the parts they may see now."""

    candidate: Candidate
    member: TeamMember
    scopes: frozenset[str]


def active_members(candidate: Candidate) -> list[TeamMember]:
    """The candidate's current team members, with their people and organisations loaded."""
    return list(db.session.scalars(select(TeamMember).where(
        TeamMember.candidate_id == candidate.id, TeamMember.ended_at.is_(None))
        .order_by(TeamMember.added_at, TeamMember.id)).unique())


def _scopes(member: TeamMember, consent: TeamConsent | None, user) -> frozenset[str]:
    # The person must still belong to the organisation the consent names.
    if consent is None or member.organisation_id != user.organisation_id or user.role not in TEAM_ROLES:
        return frozenset()
    return effective_scopes(member.kind, member.organisation.kind, consent.scope_set)


def _membership(candidate_id: int, user) -> TeamMember | None:
    return db.session.scalars(select(TeamMember).where(
        TeamMember.candidate_id == candidate_id, TeamMember.user_id == user.id,
        TeamMember.ended_at.is_(None)).order_by(TeamMember.id.desc())).first()


def member_scopes(candidate: Candidate, user) -> frozenset[str]:
    """The parts of the candidate's data the user sees as a team member (empty: none, or not a member)."""
    if not getattr(user, "is_authenticated", False) or candidate.erased_at is not None:
        return frozenset()
    member = _membership(candidate.id, user)
    if member is None:
        return frozenset()
    return _scopes(member, valid_team_consent(candidate.id, member.organisation_id), user)


def members_seeing(candidate_ids: list[int], part: str) -> dict[int, list[User]]:
    """Per candidate, the active people on the team who see `part` now (two queries, for lists too)."""
    if not candidate_ids:
        return {}
    members = db.session.scalars(select(TeamMember).where(
        TeamMember.candidate_id.in_(candidate_ids), TeamMember.ended_at.is_(None))
        .order_by(TeamMember.added_at, TeamMember.id)).unique().all()
    consents = {(c.candidate_id, c.organisation_id): c for c in db.session.scalars(select(TeamConsent).where(
        TeamConsent.candidate_id.in_(candidate_ids), TeamConsent.withdrawn_at.is_(None))).unique()}
    seeing: dict[int, list[User]] = {}
    for m in members:
        if m.user.active and part in _scopes(m, consents.get((m.candidate_id, m.organisation_id)), m.user):
            seeing.setdefault(m.candidate_id, []).append(m.user)
    return seeing


def member_access(user, candidate_id: int, needs: str | None = None) -> MemberAccess:
    """The candidate through the user's team membership; 404 outside it (or without the part `needs`)."""
    candidate = db.session.scalar(select(Candidate).where(Candidate.id == candidate_id,
                                                          Candidate.erased_at.is_(None)))
    member = _membership(candidate_id, user) if candidate is not None else None
    if candidate is None or member is None:
        abort(404)
    scopes = _scopes(member, valid_team_consent(candidate.id, member.organisation_id), user)
    if not scopes or (needs is not None and needs not in scopes):
        # A member turned away (consent withdrawn, part not shared) is kept in the log too.
        record("team_access_refused", AUDIT_TYPE, candidate.id, actor=user,
               organisation_id=candidate.organisation_id, detail={"part": "team_shared", "needs": needs or ""})
        db.session.commit()
        abort(404)
    return MemberAccess(candidate, member, scopes)


def my_candidates(user) -> list[MemberAccess]:
    """The candidates the user is a team member of, with the parts they may see (two queries)."""
    rows = db.session.execute(select(TeamMember, Candidate).join(Candidate, Candidate.id == TeamMember.candidate_id)
                              .where(TeamMember.user_id == user.id, TeamMember.ended_at.is_(None),
                                     Candidate.erased_at.is_(None))
                              .order_by(Candidate.code)).unique().all()
    if not rows:
        return []
    consents = {(c.candidate_id, c.organisation_id): c for c in db.session.scalars(select(TeamConsent).where(
        TeamConsent.candidate_id.in_([m.candidate_id for m, _c in rows]), TeamConsent.withdrawn_at.is_(None)))}
    found = [MemberAccess(c, m, _scopes(m, consents.get((c.id, m.organisation_id)), user)) for m, c in rows]
    return [a for a in found if a.scopes]


def person_choices(candidate: Candidate) -> list[Membership]:
    """Professionals and peers of the sectors' organisations not on the team with a valid consent (re-consent)."""
    valid = {c.organisation_id for c in team_consents_of(candidate) if c.valid}
    present = {m.user_id for m in active_members(candidate) if m.organisation_id in valid}
    rows = db.session.scalars(select(Membership).join(User, User.id == Membership.user_id).join(
        Organisation, Organisation.id == Membership.organisation_id).where(
        Membership.role.in_(TEAM_ROLES), User.active.is_(True), Organisation.active.is_(True),
        Organisation.verified, Organisation.kind.in_(TEAM_ORGANISATION_KINDS))
        .order_by(Organisation.name, User.name, User.id)).unique()
    return [m for m in rows if m.user_id not in present]


def add_member(candidate: Candidate, membership_id: int | None, kind: str, scopes: set[str], tasks: set[str],
               actor) -> TeamMember:
    """Add a person to the team with the candidate's consent for their organisation (recorded by the coach)."""
    chosen = next((m for m in person_choices(candidate) if m.id == membership_id), None)
    if chosen is None:
        raise ServiceError(_("Choose a person from the list."), "user_id")
    problems = member_problems(kind, chosen.role, chosen.organisation.kind, scopes, tasks)
    if problems:
        message, field = PROBLEM_MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    give_team_consent(candidate, chosen.organisation_id, scopes, actor, recorded_by_coach=True)
    existing = _membership(candidate.id, chosen.user)
    if existing is not None and existing.organisation_id == chosen.organisation_id:
        # A member whose consent was withdrawn: the new consent gives the access back, the membership stays.
        log_change(candidate, "team_members", action="team_member_reconsented", fields=["members"], actor=actor)
        return existing
    member = TeamMember(candidate_id=candidate.id, user_id=chosen.user_id, organisation_id=chosen.organisation_id,
                        kind=kind, tasks=join_codes(tasks) if kind in PEER_KINDS else "", added_by_id=actor.id)
    db.session.add(member)
    db.session.flush()
    log_change(candidate, "team_members", action="team_member_added", fields=["members"], actor=actor)
    return member


def member_of(candidate: Candidate, member_id: int) -> TeamMember | None:
    """One current member of this candidate's team (None for anybody else's)."""
    return db.session.scalar(select(TeamMember).where(TeamMember.id == member_id,
                                                      TeamMember.candidate_id == candidate.id,
                                                      TeamMember.ended_at.is_(None)))


def end_member(candidate: Candidate, member: TeamMember, actor) -> None:
    """Take a member off the team: their access ends with their next request."""
    member.ended_at, member.ended_by_id = utcnow(), actor.id
    db.session.flush()
    log_change(candidate, "team_members", action="team_member_ended", fields=["members"], actor=actor)

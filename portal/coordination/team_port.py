"""The one place that answers who is in a candidate's team and who may coordinate.

The team is the candidate's coaches and the members of the team across
organisations (portal.team) who see the plan now: a coordinator sees the whole
plan, so a member whose organisation's consent does not share the plan (or
was withdrawn) is not offered and stops counting as a coordinator at once.
"""
from __future__ import annotations

from portal.accounts.models import User
from portal.coaching.models import Candidate
from portal.team.services import member_scopes, members_seeing

# The part a team member must see to be named coordinator (portal.domain.team's scope), and the accounts
# that may coordinate: professionals; a peer helps with the tasks they take on and never coordinates.
COORDINATOR_PART = "plan"
COORDINATOR_ROLES = ("professional",)


def _members(candidate_ids: list[int]) -> dict[int, list[User]]:
    return {cid: [u for u in users if u.role in COORDINATOR_ROLES]
            for cid, users in members_seeing(candidate_ids, COORDINATOR_PART).items()}


def team_users(candidate: Candidate) -> list[User]:
    """The people working with the candidate, who may be named coordinator and see the whole plan."""
    coaches = [link.coach for link in candidate.coach_links if link.coach.active]
    members = _members([candidate.id]).get(candidate.id, [])
    return coaches + [u for u in members if u.id not in {c.id for c in coaches}]


def may_coordinate(candidate: Candidate, user) -> bool:
    """Whether this user may coordinate (and so see the whole plan of) this candidate."""
    return any(member.id == user.id for member in team_users(candidate))


def team_ids_of(candidates: list[Candidate]) -> dict[int, set[int]]:
    """Each listed candidate's team as user ids, for a list page (links loaded with the candidates)."""
    members = _members([c.id for c in candidates])
    return {c.id: {link.coach.id for link in c.coach_links if link.coach.active}
            | {u.id for u in members.get(c.id, [])} for c in candidates}


def is_coach_of(candidate: Candidate, user) -> bool:
    """Whether the user is one of the candidate's active coaches (who see every part of the record)."""
    return any(link.coach.id == user.id and link.coach.active for link in candidate.coach_links)


def scopes_of(candidate: Candidate, user) -> frozenset[str]:
    """The parts the user sees as a member of the candidate's team now (empty for anyone else)."""
    return member_scopes(candidate, user)

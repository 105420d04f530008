"""The one place that answers who is in a candidate's team and who may coordinate.

For now the team is the candidate's coaches (CandidateCoach); when the team
across organisations (portal/team) is merged, these two functions answer from
it and nothing else in this package changes.
"""
from __future__ import annotations

from portal.accounts.models import User
from portal.coaching.models import Candidate


def team_users(candidate: Candidate) -> list[User]:
    """The people working with the candidate, who may be named coordinator and see the whole plan."""
    return [link.coach for link in candidate.coach_links if link.coach.active]


def may_coordinate(candidate: Candidate, user) -> bool:
    """Whether this user may coordinate (and so see the whole plan of) this candidate."""
    return any(member.id == user.id for member in team_users(candidate))


def team_ids_of(candidates: list[Candidate]) -> dict[int, set[int]]:
    """Each listed candidate's team as user ids, for a list page (links loaded with the candidates)."""
    return {c.id: {member.id for member in team_users(c)} for c in candidates}

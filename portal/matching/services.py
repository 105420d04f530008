"""Ranking roles for a candidate and a coach's candidates for a role, a page at a time, and one pair explained.

The engine scores every pair with numpy and rapidfuzz, then explains only
the rows of the page shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort, has_request_context
from sqlalchemy import func, literal, select

from portal.accounts.models import Organisation
from portal.clock import today
from portal.coaching.models import Candidate, CandidateCoach
from portal.domain.caseload import ACTIVE_STATUSES
from portal.domain.job_roles import KINDS, REMOTE
from portal.domain.match_results import Explanation
from portal.domain.matching import explain, total
from portal.domain.ranking import rank_candidates_page, rank_roles_table_page
from portal.employers.models import JobRole
from portal.i18n import current_language
from portal.jobs import search as role_search
from portal.listing import Page, fetched_page
from portal.matching import candidate_profiles, open_roles, profiles
from portal.matching.candidate_profiles import CandidateInfo
from portal.matching.profiles import RoleInfo

PER_PAGE = 20


@dataclass(frozen=True)
class Filters:
    """The filters of a ranked list, read from the query string (anything unreadable is ignored)."""

    kind: str = ""
    municipality: str = ""
    remote: str = ""
    allow_missing: bool = False
    min_score: int = 0

    @classmethod
    def from_args(cls, args) -> Filters:
        """Filters from ?kind=&municipality=&remote=&allow_missing=1&min_score=."""
        score = args.get("min_score", type=int) or 0
        return cls(kind=args.get("kind", "") if args.get("kind") in KINDS else "",
                   municipality=(args.get("municipality") or "")[:3],
                   remote=args.get("remote", "") if args.get("remote") in REMOTE[1:] else "",
                   allow_missing=args.get("allow_missing") == "1", min_score=max(0, min(100, score)))


def _language() -> str:
    """The reader's language; Finnish outside a request (the demo loader, commands)."""
    return current_language() if has_request_context() else "fi"


@dataclass
class RankedPage(Page):
    """A page of a ranking computed in memory, with how the page shows each folded text."""

    display: dict[str, dict[str, str]] = field(default_factory=dict)  # side -> folded text -> as shown


def _ranked_page(rank, info: dict, by_role: bool, display: dict) -> RankedPage:
    """The ?page= slice of rank(offset, limit), each match with the info of its role or candidate."""
    def fetch(offset: int, limit: int) -> tuple[list, int]:
        ranking = rank(offset, limit)
        return [(m, info[m.role_id if by_role else m.candidate_id]) for m in ranking.matches], ranking.total

    return RankedPage(**vars(fetched_page(fetch, PER_PAGE)), display=display)


def ranked_roles(candidate: Candidate, filters: Filters) -> RankedPage:
    """The open roles that fit the candidate, best first, a page of them explained.

    The roles come from what this worker keeps of every open role
    (profiles.open_roles); only the candidate is read for the request.
    """
    kept = open_roles.open_roles(today())
    ref = kept.reference(_language())
    person, _ = candidate_profiles.candidates([Candidate.id == candidate.id], ref)
    options = ref.options(filters.allow_missing)
    positions = kept.reach(person[0], options, filters.kind, filters.municipality, filters.remote)  # ascending
    kept.show(positions, ref)

    def rank(offset, limit):
        """One page of the ranking (_ranked_page asks for its slice)."""
        return rank_roles_table_page(person[0], kept.table, positions, options, offset, limit, filters.min_score)

    return _ranked_page(rank, kept.info, True, ref.display)


def caseload_conditions(coach) -> list:
    """The coach's own candidates in an active status (not exited, not erased)."""
    mine = select(CandidateCoach.candidate_id).where(CandidateCoach.user_id == coach.id)
    return [Candidate.id.in_(mine), Candidate.organisation_id == coach.organisation_id,
            Candidate.erased_at.is_(None), Candidate.status.in_(ACTIVE_STATUSES)]


def ranked_candidates(coach, role_id: int, filters: Filters) -> tuple[RoleInfo, RankedPage]:
    """The coach's active candidates who fit an open role, best first, a page of them explained."""
    kept = open_roles.open_roles(today())
    if role_id not in kept.position:
        abort(404)  # a closed or unknown role
    ref = kept.reference(_language())
    role_profiles = kept.select([kept.position[role_id]], ref)
    people, info = candidate_profiles.candidates(caseload_conditions(coach), ref)
    options = ref.options(filters.allow_missing)

    def rank(offset, limit):
        """One page of the ranking (_ranked_page asks for its slice)."""
        return rank_candidates_page(role_profiles[0], people, options, offset, limit, filters.min_score)

    return kept.info[role_id], _ranked_page(rank, info, False, ref.display)


@dataclass(frozen=True)
class Pair:
    """One candidate and one role, explained."""

    candidate: CandidateInfo
    role: RoleInfo
    explanation: Explanation
    score: float
    display: dict


def explain_pair(candidate_id: int, role_id: int, allow_missing: bool = False) -> Pair | None:
    """The explanation of one candidate against one role (any state of the role), or None if either is gone."""
    ref = profiles.reference(_language())
    people, c_info = candidate_profiles.candidates([Candidate.id == candidate_id, Candidate.erased_at.is_(None)], ref)
    roles, r_info = profiles.roles([JobRole.id == role_id], ref)
    if not people or not roles:
        return None
    options = ref.options(allow_missing)
    explanation = explain(people[0], roles[0], options)
    return Pair(c_info[candidate_id], r_info[role_id], explanation, total(explanation.parts), ref.display)


def open_roles_query(f: role_search.RoleFilters, kind: str = ""):
    """Open roles for the coach's list (unsorted), searched by title or employer name, and their relevance.

    `f` holds the typed words as the public search reads them (``role_search.words_filter``). Returns
    (select, relevance): with words, relevance is role search's score of the role (the same analysis as the
    public search: stems, whole words, typos; 0 for a role found only by its employer's name), else None.
    Words too long are not searched (no role), as in the public search; ``f`` tells the page which words
    were left out.
    """
    stmt = (select(JobRole).join(Organisation, Organisation.id == JobRole.organisation_id)
            .where(*profiles.open_role_conditions(today(), kind if kind in KINDS else "")))
    q = f.q
    if f.too_long:
        return stmt.where(literal(False)), literal(0.0)
    if not q.strip():
        return stmt, None
    like = f"%{q.strip().lower()}%"
    by_name = func.lower(Organisation.name).like(like) | func.lower(JobRole.title).like(like)
    ranked = role_search.relevance(f)
    if ranked is None:
        return stmt.where(by_name), literal(0.0)
    stmt = stmt.outerjoin(ranked, ranked.c.role_id == JobRole.id).where(ranked.c.role_id.is_not(None) | by_name)
    return stmt, func.coalesce(ranked.c.score, 0.0)

"""Ranking with the vectorised core: every pair scored at once, only the rows shown explained.

A pair is ranked when it passes every hard constraint and is above the relevance floor
(portal.domain.matching). Results are ordered by score, then id, so the same input gives the same
order; a page is a slice of that order.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from portal.domain.match_results import Match
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile, explain, total
from portal.domain.matching_arrays import score_matrix
from portal.domain.role_table import RoleTable


@dataclass(frozen=True)
class Ranking:
    """One page of a ranking: how many pass (relevant, at or above the minimum score), and this slice, explained."""

    total: int
    matches: tuple[Match, ...]


def _ranked(scores: np.ndarray | Sequence[float], eligible: np.ndarray | Sequence[bool],
            ids: np.ndarray | Sequence[int], min_score: float) -> list[int]:
    """Indices that pass and reach the minimum score, best first, then by id."""
    scores = np.round(np.asarray(scores, dtype=np.float64), 1)  # float32 33.3 must not fall below 33.3
    keep = np.flatnonzero(np.asarray(eligible, dtype=bool) & (scores >= min_score))
    order = np.lexsort((np.asarray(ids, dtype=np.int64)[keep], -scores[keep]))
    ranked: list[int] = keep[order].tolist()
    return ranked


def rank_roles_page(candidate: CandidateProfile, roles: Sequence[RoleProfile], options: MatchOptions,
                    offset: int = 0, limit: int | None = 25, min_score: float = 0.0) -> Ranking:
    """The roles that pass every hard constraint, best first; only the requested slice is explained."""
    eligible, scores, relevant = score_matrix([candidate], roles, options)
    order = _ranked(scores[0], eligible[0] & relevant[0], [r.id for r in roles], min_score)
    chosen = order[offset:None if limit is None else offset + limit]
    return Ranking(len(order), tuple(_match(candidate, roles[i], options) for i in chosen))


def rank_roles_table_page(candidate: CandidateProfile, table: RoleTable, positions: Sequence[int],
                          options: MatchOptions, offset: int = 0, limit: int | None = 25,
                          min_score: float = 0.0) -> Ranking:
    """rank_roles_page over the roles at `positions` (ascending) of a role table, its role side worked out once."""
    at = np.asarray(positions, dtype=np.int64)
    eligible, scores, relevant = table.score(candidate, at, options)
    order = _ranked(scores, eligible & relevant, table.ids[at], min_score)
    chosen = order[offset:None if limit is None else offset + limit]
    return Ranking(len(order), tuple(_match(candidate, table.roles[int(at[i])], options) for i in chosen))


def rank_candidates_page(role: RoleProfile, candidates: Sequence[CandidateProfile], options: MatchOptions,
                         offset: int = 0, limit: int | None = 25, min_score: float = 0.0) -> Ranking:
    """The candidates that pass every hard constraint for a role, best first; the slice explained."""
    eligible, scores, relevant = score_matrix(candidates, [role], options)
    ids = np.fromiter(map(attrgetter("id"), candidates), dtype=np.int64, count=len(candidates))
    order = _ranked(scores[:, 0], eligible[:, 0] & relevant[:, 0], ids, min_score)
    chosen = order[offset:None if limit is None else offset + limit]
    return Ranking(len(order), tuple(_match(candidates[i], role, options) for i in chosen))


def rank_roles(candidate: CandidateProfile, roles: Sequence[RoleProfile], options: MatchOptions,
               limit: int | None = 50) -> list[Match]:
    """The roles that pass every hard constraint, best first, each with its explanation."""
    return list(rank_roles_page(candidate, roles, options, 0, limit).matches)


def rank_candidates(role: RoleProfile, candidates: Sequence[CandidateProfile], options: MatchOptions,
                    limit: int | None = 50) -> list[Match]:
    """The candidates that pass every hard constraint for a role, best first, explained."""
    return list(rank_candidates_page(role, candidates, options, 0, limit).matches)


def _match(candidate: CandidateProfile, role: RoleProfile, options: MatchOptions) -> Match:
    explanation = explain(candidate, role, options)
    return Match(candidate.id, role.id, total(explanation.parts), explanation)

"""The vectorised core of matching: every candidate against every role at once.

It computes exactly what ``matching.explain`` computes pair by pair (a test
holds them equal), but with numpy arrays and ``rapidfuzz.process.cdist`` on
all cores over the distinct texts, so that 10,000 candidates by 2,000 roles
take seconds instead of hours.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
from rapidfuzz import fuzz, process

from portal.domain.location import REMOTE_ANYWHERE, UNKNOWN, reach
from portal.domain.matching import (
    MISSING_ADJUSTMENT_PENALTY,
    PARTIAL_MIN_LENGTH,
    SKILL_MATCH,
    WEIGHTS,
    CandidateProfile,
    MatchOptions,
    RoleProfile,
)


def similarity_matrix(queries: list[str], choices: list[str], cutoff: float = 0) -> np.ndarray:
    """similarity(q, c) for every pair, rounded, as float32 (rows: queries).

    With a ``cutoff`` every similarity below it is 0: rapidfuzz then skips
    work on pairs that cannot reach it (about a third of the time for skills).
    """
    if not queries or not choices:
        return np.zeros((len(queries), len(choices)), dtype=np.float32)
    sim = process.cdist(queries, choices, scorer=fuzz.partial_ratio, dtype=np.float32, workers=-1,
                        score_cutoff=cutoff)
    short_q = np.array([len(q) < PARTIAL_MIN_LENGTH for q in queries])
    short_c = np.array([len(c) < PARTIAL_MIN_LENGTH for c in choices])
    if short_q.any() or short_c.any():
        # Short texts use the plain ratio; only their rows and columns are recomputed.
        rows, cols = np.flatnonzero(short_q), np.flatnonzero(short_c)
        if rows.size:
            sim[rows] = process.cdist([queries[i] for i in rows], choices, scorer=fuzz.ratio,
                                      dtype=np.float32, workers=-1, score_cutoff=cutoff)
        if cols.size:
            sim[:, cols] = process.cdist(queries, [choices[i] for i in cols], scorer=fuzz.ratio,
                                         dtype=np.float32, workers=-1, score_cutoff=cutoff)
    empty_q = np.array([not q for q in queries])
    empty_c = np.array([not c for c in choices])
    sim[empty_q] = 0
    sim[:, empty_c] = 0
    rounded: np.ndarray = np.rint(sim)
    return rounded


class _Texts:
    """Distinct texts with, per owner, the indices of its texts (flattened)."""

    def __init__(self, lists: Sequence[Sequence[str]]):
        # Iterators that stay in C (chain, map) rather than a Python loop per text: 50,000 candidates
        # hold some 300,000 texts.
        self.lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        self.texts = list(dict.fromkeys(chain.from_iterable(lists)))
        index = {t: i for i, t in enumerate(self.texts)}
        self.flat = np.fromiter(map(index.__getitem__, chain.from_iterable(lists)), dtype=np.int64,
                                count=int(self.lengths.sum()))
        self.offsets = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)

    def best_per_owner(self, sim: np.ndarray) -> np.ndarray:
        """(owners x columns): for each owner, the best row among its texts.

        `sim` has one row per distinct text of this set; the reduction runs
        over whole rows, which keeps numpy on contiguous memory.
        """
        out = np.zeros((len(self.lengths), sim.shape[1]), dtype=sim.dtype)
        has = self.lengths > 0
        if self.flat.size:
            out[has] = np.maximum.reduceat(sim[self.flat], self.offsets[has], axis=0)
        return out

    def any_per_owner(self, hit: np.ndarray) -> np.ndarray:
        """(owners x columns) bool: whether any of the owner's texts has a hit in the column.

        The rows are packed into bits first, so the gather and the reduction
        move an eighth of the memory that a bool array would.
        """
        packed = np.packbits(hit, axis=1)
        out = np.zeros((len(self.lengths), packed.shape[1]), dtype=np.uint8)
        has = self.lengths > 0
        if self.flat.size:
            out[has] = np.bitwise_or.reduceat(packed[self.flat], self.offsets[has], axis=0)
        return np.unpackbits(out, axis=1, count=hit.shape[1]).view(bool)


def _bitmasks(sets: Sequence[frozenset[str]], universe: dict[str, int]) -> np.ndarray:
    """One bit per code of `universe` (grown as codes appear); codes come from catalogues of at most 64."""
    known: dict[frozenset[str], int] = {}  # people share few distinct sets: each is worked out once

    def mask(items: frozenset[str]) -> int:
        value = 0
        for item in items:
            value |= 1 << universe.setdefault(item, len(universe))
        known[items] = value
        return value

    return np.fromiter((known[items] if items in known else mask(items) for items in sets), dtype=np.uint64,
                       count=len(sets))


def _skill_shares(lists_by_part: Sequence[Sequence[Sequence[str]]], cand: _Texts) -> list[np.ndarray]:
    """Per part (essential, negotiable): (C x R) share of each role's listed skills matched.

    One similarity matrix serves all parts: the distinct role texts of every
    part against the distinct candidate texts.
    """
    parts = [_Texts(lists) for lists in lists_by_part]
    texts = list(dict.fromkeys(t for part in parts for t in part.texts))
    position = {t: i for i, t in enumerate(texts)}
    # (candidate texts x role texts); the scorer is symmetric. Only "matched or not" is needed here, and a
    # similarity rounds to SKILL_MATCH from SKILL_MATCH - 0.5 up (84.5 itself rounds to even, 84).
    sim = similarity_matrix(cand.texts, texts, cutoff=SKILL_MATCH - 0.5)
    # max >= SKILL_MATCH over a candidate's texts is "any text >= SKILL_MATCH": threshold first, then reduce bits.
    matched = np.ascontiguousarray(cand.any_per_owner(sim >= SKILL_MATCH).T)  # (role texts x C)
    shares = []
    for part in parts:
        rows = np.array([position[t] for t in part.texts], dtype=np.int64)[part.flat] if part.flat.size else part.flat
        counts = np.zeros((len(part.lengths), len(cand.lengths)), dtype=np.int16)
        has = part.lengths > 0
        if part.flat.size:
            counts[has] = np.add.reduceat(matched[rows], part.offsets[has], axis=0, dtype=np.int16)
        share = np.ones(counts.shape, dtype=np.float64)
        share[has] = counts[has] / part.lengths[has][:, None]
        shares.append(share.T)
    return shares


def _desired_part(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile]) -> np.ndarray:
    """(C x R) the desired-work part: best similarity of any desired text to title or occupation."""
    desired = _Texts([c.desired for c in candidates])
    role_texts = _Texts([[t for t in (r.title, r.occupation) if t] for r in roles])
    sim = similarity_matrix(role_texts.texts, desired.texts)  # (role texts x desired texts)
    best = role_texts.best_per_owner(sim)  # (R x desired texts)
    best = desired.best_per_owner(np.ascontiguousarray(best.T))  # (C x R)
    fraction = np.clip((best.astype(np.float64) - 50) / 50, 0, 1)
    return WEIGHTS["desired"] * fraction


def _constraints(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile],
                 options: MatchOptions) -> tuple[np.ndarray, np.ndarray]:
    """(eligible, missing adjustment count), both (C x R)."""
    c_min = np.array([c.hours_min for c in candidates])[:, None]
    c_max = np.array([c.hours_max for c in candidates])[:, None]
    r_min = np.array([r.hours_min for r in roles])[None, :]
    r_max = np.array([r.hours_max for r in roles])[None, :]
    eligible = (c_min <= r_max) & (r_min <= c_max)
    for demand in sorted({d for r in roles for d in r.demands}):
        required = np.array([r.demands.get(demand, 0) for r in roles])[None, :]
        limit = np.array([c.limits.get(demand, 99) for c in candidates])[:, None]
        removers = options.removed_by.get(demand, frozenset())
        removed = np.array([bool(removers & r.adjustments_offered) for r in roles])[None, :]
        eligible &= (required <= limit) | removed
    universe: dict[str, int] = {}
    need = _bitmasks([c.adjustments_needed for c in candidates], universe)[:, None]
    offer = _bitmasks([r.adjustments_offered for r in roles], universe)[None, :]
    missing = np.bitwise_count(need & ~offer).astype(np.float64)
    if not options.allow_missing_adjustments:
        eligible &= missing == 0
    langs: dict[str, int] = {}
    spoken = _bitmasks([c.languages for c in candidates], langs)[:, None]
    required_l = _bitmasks([r.languages_required for r in roles], langs)[None, :]
    eligible &= (required_l & ~spoken) == 0
    eligible &= _near(candidates, roles, options)
    return eligible, missing


def _near(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile], options: MatchOptions) -> np.ndarray:
    """(C x R) the location rule of portal.domain.location, as a table over the distinct homes and municipalities.

    Row i of the table holds what reach(home, travel range i).role_places()
    holds: built from the rule's own sets, not written again here.
    """
    people = sorted({(c.municipality or UNKNOWN, c.travel) for c in candidates})
    person_index = {key: i for i, key in enumerate(people)}
    codes = sorted({r.municipality or UNKNOWN for r in roles})
    index = {code: i for i, code in enumerate(codes)}
    table = np.zeros((len(people), len(codes)), dtype=bool)
    for (home, travel), i in person_index.items():
        person = reach(home, options.neighbours, options.areas, travel)
        if person.anywhere:
            table[i, :] = True
        else:
            table[i, [index[p] for p in person.role_places() if p in index]] = True
    c_idx = np.array([person_index[(c.municipality or UNKNOWN, c.travel)] for c in candidates])
    r_idx = np.array([index[r.municipality or UNKNOWN] for r in roles])
    remote = np.array([r.remote in REMOTE_ANYWHERE for r in roles])[None, :]
    reachable: np.ndarray = table[c_idx[:, None], r_idx[None, :]] | remote
    return reachable


def score_matrix(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile],
                 options: MatchOptions) -> tuple[np.ndarray, np.ndarray]:
    """(eligible, score), both shaped (candidates x roles); scores as matching.total gives them."""
    if not candidates or not roles:
        shape = (len(candidates), len(roles))
        return np.zeros(shape, dtype=bool), np.zeros(shape, dtype=np.float32)
    eligible, missing = _constraints(candidates, roles, options)
    cand_skills = _Texts([c.skills for c in candidates])
    # Added in the order of matching.explain's parts, so the sums round alike.
    essential, negotiable = _skill_shares(
        [[r.essential_skills for r in roles], [r.negotiable_skills for r in roles]], cand_skills)
    score = WEIGHTS["essential"] * essential
    score += _desired_part(candidates, roles)
    score += WEIGHTS["negotiable"] * negotiable
    universe: dict[str, int] = {}
    groups = _bitmasks([c.target_groups for c in candidates], universe)[:, None]
    clause = _bitmasks([r.clause_target_groups for r in roles], universe)[None, :]
    score += np.where((groups & clause) != 0, WEIGHTS["clause"], 0.0)
    if options.allow_missing_adjustments:
        score += -MISSING_ADJUSTMENT_PENALTY * missing
    return eligible, np.round(np.clip(score, 0, 100), 1)

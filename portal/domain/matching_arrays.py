"""The vectorised core of matching: every candidate against every role at once.

It computes exactly what ``matching.explain`` computes pair by pair (a test holds them equal), with numpy
over the distinct concepts and texts: which skills are met is a product of a (candidates x concepts) and a
(concepts x role texts) table; a role text that names no concept is compared word by word once per
distinct pair of texts; occupations are compared as codes and minor groups.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat
from operator import attrgetter

import numpy as np

from portal.domain.concept_text import TermIndex, words_answer
from portal.domain.match_constraints import _bitmasks, _constraints
from portal.domain.matching import (
    MISSING_ADJUSTMENT_PENALTY,
    NEUTRAL_SHARE,
    RELATED_SHARE,
    WEIGHTS,
    CandidateProfile,
    MatchOptions,
    RoleProfile,
)
from portal.domain.text import terms


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


def _indicator(sets: Sequence[frozenset[str]], universe: dict[str, int]) -> np.ndarray:
    """(len(sets) x len(universe)) float32: 1 where a set holds the code (codes outside the universe ignored)."""
    out = np.zeros((len(sets), len(universe)), dtype=np.float32)
    if not universe:
        return out
    # Flattened with C-level iterators: 50,000 candidates hold some 40,000 distinct sets of skills.
    lengths = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    columns = np.fromiter(map(universe.get, chain.from_iterable(sets), repeat(-1)), dtype=np.int64,
                          count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(sets), dtype=np.int64), lengths)
    kept = columns >= 0
    out[rows[kept], columns[kept]] = 1
    return out


def _distinct(sets: Sequence[frozenset[str]]) -> tuple[list[frozenset[str]], np.ndarray]:
    """The distinct sets and, per owner, the index of its set (people share few distinct sets)."""
    distinct = list(dict.fromkeys(sets))
    index = {s: i for i, s in enumerate(distinct)}
    return distinct, np.fromiter(map(index.__getitem__, sets), dtype=np.int64, count=len(sets))


def _word_hits(texts: list[str], cand: _Texts) -> np.ndarray:
    """(candidate texts x role texts) bool: the candidate's text answers every word of the role's text."""
    given = [terms(t) for t in cand.texts]
    index = TermIndex(chain.from_iterable(given), indexed_are_parts=False)
    asked = [terms(t) for t in texts]
    hit = np.zeros((len(cand.texts), len(texts)), dtype=bool)
    for j, words in enumerate(asked):
        if words:
            # Only the candidate texts that hold an answer to the first word can answer them all.
            first = index.answers(words[0])
            for i, have in enumerate(given):
                if first.intersection(have) and words_answer(words, index, have):
                    hit[i, j] = True
    return hit


def _skill_parts(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile],
                 options: MatchOptions) -> tuple[list[np.ndarray], np.ndarray]:
    """Per part (essential, negotiable) the (C x R) share met, and (C x R) whether a work skill is met."""
    lists = [[r.essential_skills for r in roles], [r.negotiable_skills for r in roles]]
    codes_of: dict[str, frozenset[str]] = {}
    for r in roles:
        for said, named in ((r.essential_skills, r.essential_codes), (r.negotiable_skills, r.negotiable_codes)):
            aligned = named if len(named) == len(said) else tuple(frozenset() for _t in said)
            for t, found in zip(said, aligned, strict=True):
                codes_of.setdefault(t, found)
    parts = [_Texts(part) for part in lists]
    texts = list(dict.fromkeys(t for part in parts for t in part.texts))
    universe: dict[str, int] = {}
    for t in texts:
        for code in sorted(codes_of[t]):
            universe.setdefault(code, len(universe))
    # Met through concepts: (distinct held sets x concepts) @ (concepts x role texts).
    held, held_row = _distinct(list(map(attrgetter("held"), candidates)))
    by_concept = (_indicator(held, universe) @ _indicator([codes_of[t] for t in texts], universe).T) > 0
    matched = by_concept[held_row]  # (C x role texts)
    plain = [j for j, t in enumerate(texts) if not codes_of[t]]
    if plain:
        cand = _Texts([c.skills for c in candidates])
        matched[:, plain] = cand.any_per_owner(_word_hits([texts[j] for j in plain], cand))
    # A language skill met by a spoken language is not evidence about the work (the relevance floor).
    spoken_only = np.array([bool(codes_of[t]) and codes_of[t] <= options.language_skills.keys() for t in texts])
    matched_t = np.ascontiguousarray(matched.T)  # (role texts x C)
    position = {t: i for i, t in enumerate(texts)}
    shares, work = [], np.zeros((len(candidates), len(roles)), dtype=bool)
    for number, part in enumerate(parts):
        rows = np.array([position[t] for t in part.texts], dtype=np.int64)[part.flat] if part.flat.size else part.flat
        counts = np.zeros((len(part.lengths), len(candidates)), dtype=np.int16)
        work_counts = np.zeros_like(counts)
        has = part.lengths > 0
        if part.flat.size:
            counts[has] = np.add.reduceat(matched_t[rows], part.offsets[has], axis=0, dtype=np.int16)
            work_rows = matched_t[rows] & ~spoken_only[rows][:, None]
            work_counts[has] = np.add.reduceat(work_rows, part.offsets[has], axis=0, dtype=np.int16)
        share = np.full(counts.shape, NEUTRAL_SHARE, dtype=np.float64)
        share[has] = counts[has] / part.lengths[has][:, None]
        shares.append(share.T)
        # The relevance floor reads the essential skills, the negotiable ones only of roles without essential.
        counted = np.ones(len(roles), dtype=bool) if number == 0 else parts[0].lengths == 0
        work |= (work_counts > 0).T & counted[None, :]
    return shares, work


def _desired_part(wishes: list[frozenset[str]], wish_row: np.ndarray, roles: Sequence[RoleProfile]) -> np.ndarray:
    """(C x R) share of the desired-work part: 1 for the same occupation, RELATED_SHARE for the same minor group.

    `wishes` are the distinct sets of desired occupations, `wish_row` each candidate's (``_distinct``).
    """
    units = {code: i for i, code in enumerate(sorted({c for r in roles for c in r.occupation_codes}))}
    minors = {code: i for i, code in enumerate(sorted({c[:3] for c in units}))}
    role_units = _indicator([r.occupation_codes for r in roles], units)
    role_minors = _indicator([frozenset(c[:3] for c in r.occupation_codes) for r in roles], minors)
    exact = (_indicator(wishes, units) @ role_units.T) > 0
    related = (_indicator([frozenset(c[:3] for c in w) for w in wishes], minors) @ role_minors.T) > 0
    share: np.ndarray = np.where(exact, 1.0, np.where(related, RELATED_SHARE, 0.0))[wish_row]
    return share


def _same_major(wishes: list[frozenset[str]], wish_row: np.ndarray, roles: Sequence[RoleProfile]) -> np.ndarray:
    """(C x R) whether a desired occupation and the role's share the major group (the first digit)."""
    majors = {d: i for i, d in enumerate(sorted({c[:1] for r in roles for c in r.occupation_codes}))}
    wished = _indicator([frozenset(c[:1] for c in w) for w in wishes], majors)
    near: np.ndarray = ((wished @ _indicator([frozenset(c[:1] for c in r.occupation_codes) for r in roles],
                                             majors).T) > 0)[wish_row]
    return near


def score_matrix(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile],
                 options: MatchOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(eligible, score, relevant), each shaped (candidates x roles); scores as matching.total gives them.

    eligible: every hard constraint passes; relevant: above the relevance floor (matching's docstring).
    """
    shape = (len(candidates), len(roles))
    if not candidates or not roles:
        return np.zeros(shape, dtype=bool), np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=bool)
    eligible, missing = _constraints(candidates, roles, options)
    # Added in the order of matching.explain's parts, so the sums round alike.
    (essential, negotiable), work = _skill_parts(candidates, roles, options)
    desired_codes = list(map(attrgetter("desired_codes"), candidates))
    union = {codes: frozenset().union(*codes) for codes in dict.fromkeys(desired_codes)}
    wishes, wish_row = _distinct(list(map(union.__getitem__, desired_codes)))
    desired = _desired_part(wishes, wish_row, roles)
    score = WEIGHTS["essential"] * essential
    score += WEIGHTS["desired"] * desired
    score += WEIGHTS["negotiable"] * negotiable
    universe: dict[str, int] = {}
    groups = _bitmasks(list(map(attrgetter("target_groups"), candidates)), universe)[:, None]
    clause = _bitmasks([r.clause_target_groups for r in roles], universe)[None, :]
    score += np.where((groups & clause) != 0, WEIGHTS["clause"], 0.0)
    if options.allow_missing_adjustments:
        score += -MISSING_ADJUSTMENT_PENALTY * missing
    # The floor's third way in: every essential skill met, for work in a major group the candidate desires.
    has_essential = np.array([bool(r.essential_skills) for r in roles], dtype=bool)[None, :]
    all_met = (essential >= 1.0) & has_essential
    if all_met.any():
        all_met &= _same_major(wishes, wish_row, roles)
    return eligible, np.round(np.clip(score, 0, 100), 1), work | (desired > 0) | all_met

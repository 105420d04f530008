"""The role side of the vectorised core worked out once, so that one candidate is scored in a few numpy steps.

``score_matrix`` (portal.domain.matching_arrays) builds its role tables afresh for every call: for one
candidate against 500 roles that is most of its 20 ms. A ``RoleTable`` holds them for a fixed list of
roles (every open role, kept with them by portal.matching.open_roles): hours, demands, adjustments,
languages, places and clause groups as arrays and bit masks, each role's skills as slots of distinct
(text, concepts) pairs, the roles of each occupation and minor group. ``score`` then computes for one
candidate and any positions of the table exactly what ``score_matrix([candidate], those roles)`` does
(a test holds them equal). Built once and only read afterwards: requests share it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from portal.domain.location import REMOTE_ANYWHERE, UNKNOWN, reach
from portal.domain.match_constraints import _bitmasks
from portal.domain.matching import (
    MISSING_ADJUSTMENT_PENALTY,
    NEUTRAL_SHARE,
    RELATED_SHARE,
    WEIGHTS,
    CandidateProfile,
    MatchOptions,
    RoleProfile,
)
from portal.domain.matching_arrays import _Texts, _word_hits

_Text = tuple[str, frozenset[str]]  # a skill as the role typed it, and the concepts it names


def _mask(items: Iterable[str], universe: dict[str, int]) -> int:
    """The bits of these codes in a universe that is not grown (a code outside it is held by no role)."""
    value = 0
    for item in items:
        if item in universe:
            value |= 1 << universe[item]
    return value


def _roles_of(sets: Sequence[Iterable[str]]) -> dict[str, np.ndarray]:
    """code -> positions of the roles whose set holds it."""
    found: dict[str, list[int]] = {}
    for position, codes in enumerate(sets):
        for code in codes:
            found.setdefault(code, []).append(position)
    return {code: np.array(positions, dtype=np.int64) for code, positions in found.items()}


class _Slots:
    """One part's skills (essential or negotiable) of every role: per role a run of slots, each a distinct text."""

    def __init__(self, roles: Sequence[RoleProfile], essential: bool, texts: dict[_Text, int]):
        runs = []
        for r in roles:
            said = r.essential_skills if essential else r.negotiable_skills
            named = r.essential_codes if essential else r.negotiable_codes
            aligned = named if len(named) == len(said) else tuple(frozenset() for _t in said)
            runs.append([texts.setdefault((t, k), len(texts)) for t, k in zip(said, aligned, strict=True)])
        self.lengths = np.array([len(run) for run in runs], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)
        self.text = np.array([i for run in runs for i in run], dtype=np.int64)

    def of(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(slots, the row of `positions` each belongs to, the number of slots per row) of those roles."""
        lengths = self.lengths[positions]
        rows = np.repeat(np.arange(len(positions), dtype=np.int64), lengths)
        first = np.repeat(self.starts[positions] - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        return first + np.arange(int(lengths.sum()), dtype=np.int64), rows, lengths

    def shares(self, positions: np.ndarray, matched: np.ndarray, work: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                                            np.ndarray]:
        """(share met, whether a work skill is met, the number of skills) per role at `positions`."""
        slots, rows, lengths = self.of(positions)
        texts = self.text[slots]
        counts = np.bincount(rows, weights=matched[texts], minlength=len(positions))
        worked = np.bincount(rows, weights=work[texts], minlength=len(positions)) > 0
        share = np.full(len(positions), NEUTRAL_SHARE, dtype=np.float64)
        has = lengths > 0
        share[has] = counts[has] / lengths[has]
        return share, worked, lengths


class RoleTable:
    """Every role's side of score_matrix, as arrays over the roles in the order given."""

    def __init__(self, roles: Sequence[RoleProfile]):
        self.roles = tuple(roles)
        self.ids = np.array([r.id for r in roles], dtype=np.int64)
        self.hours_min = np.array([r.hours_min for r in roles], dtype=np.int64)
        self.hours_max = np.array([r.hours_max for r in roles], dtype=np.int64)
        self.demands = sorted({d for r in roles for d in r.demands})
        self.required = np.array([[r.demands.get(d, 0) for d in self.demands] for r in roles],
                                 dtype=np.int64).reshape(len(roles), len(self.demands))
        self.makes = np.array([[d in r.demands for d in self.demands] for r in roles],
                              dtype=bool).reshape(len(roles), len(self.demands))
        self.adjustments: dict[str, int] = {}
        self.offered = _bitmasks([r.adjustments_offered for r in roles], self.adjustments)
        self.languages: dict[str, int] = {}
        self.languages_required = _bitmasks([r.languages_required for r in roles], self.languages)
        self.groups: dict[str, int] = {}
        self.clause = _bitmasks([r.clause_target_groups for r in roles], self.groups)
        self.places = {code: i for i, code in enumerate(sorted({r.municipality or UNKNOWN for r in roles}))}
        self.place = np.array([self.places[r.municipality or UNKNOWN] for r in roles], dtype=np.int64)
        self.remote = np.array([r.remote in REMOTE_ANYWHERE for r in roles], dtype=bool)
        texts: dict[_Text, int] = {}
        self.essential, self.negotiable = _Slots(roles, True, texts), _Slots(roles, False, texts)
        self.texts = list(texts)  # (text, its concepts)
        self.plain = np.array([not codes for _t, codes in self.texts], dtype=bool)
        self.texts_of = _roles_of([codes for _t, codes in self.texts])  # concept -> texts naming it
        self.concepts = sorted(self.texts_of)
        number = {code: i for i, code in enumerate(self.concepts)}
        self.pair_text = np.array([i for i, (_t, codes) in enumerate(self.texts) for _c in codes], dtype=np.int64)
        self.pair_concept = np.array([number[c] for _t, codes in self.texts for c in codes], dtype=np.int64)
        self.of_unit = _roles_of([r.occupation_codes for r in roles])
        self.of_minor = _roles_of([{c[:3] for c in r.occupation_codes} for r in roles])
        self.of_major = _roles_of([{c[:1] for c in r.occupation_codes} for r in roles])

    def score(self, candidate: CandidateProfile, positions: Sequence[int] | np.ndarray,
              options: MatchOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(eligible, score, relevant) of the candidate against the roles at `positions`, as score_matrix gives."""
        at = np.asarray(positions, dtype=np.int64)
        eligible, missing = self._constraints(candidate, at, options)
        matched, work = self._texts_met(candidate, at, options)
        essential, work_e, essential_count = self.essential.shares(at, matched, work)
        negotiable, work_n, _n = self.negotiable.shares(at, matched, work)
        desired = self._desired(candidate)[at]
        # Added in the order of matching.explain's parts, so the sums round alike.
        score = WEIGHTS["essential"] * essential
        score += WEIGHTS["desired"] * desired
        score += WEIGHTS["negotiable"] * negotiable
        score += np.where((self.clause[at] & np.uint64(_mask(candidate.target_groups, self.groups))) != 0,
                          WEIGHTS["clause"], 0.0)
        if options.allow_missing_adjustments:
            score += -MISSING_ADJUSTMENT_PENALTY * missing
        # The relevance floor reads the essential skills, the negotiable ones only of roles without essential.
        work_met = work_e | (work_n & (essential_count == 0))
        # Its third way in: every essential skill met, for work in a major group the candidate desires.
        all_met = (essential >= 1.0) & (essential_count > 0)
        if all_met.any():
            all_met &= self._same_major(candidate)[at]
        return eligible, np.round(np.clip(score, 0, 100), 1), work_met | (desired > 0) | all_met

    def _constraints(self, c: CandidateProfile, at: np.ndarray, options: MatchOptions) -> tuple[np.ndarray,
                                                                                                np.ndarray]:
        eligible = (c.hours_min <= self.hours_max[at]) & (self.hours_min[at] <= c.hours_max)
        offered = self.offered[at]
        # score_matrix checks the demands some role of its list makes, for every role of the list.
        for k in np.flatnonzero(self.makes[at].any(axis=0)):
            demand = self.demands[k]
            removers = np.uint64(_mask(options.removed_by.get(demand, frozenset()), self.adjustments))
            eligible &= (self.required[at, k] <= c.limits.get(demand, 99)) | ((offered & removers) != 0)
        unknown_needs = sum(1 for a in c.adjustments_needed if a not in self.adjustments)  # offered by no role
        need = np.uint64(_mask(c.adjustments_needed, self.adjustments))
        missing = (np.bitwise_count(need & ~offered) + unknown_needs).astype(np.float64)
        if not options.allow_missing_adjustments:
            eligible &= missing == 0
        eligible &= (self.languages_required[at] & ~np.uint64(_mask(c.languages, self.languages))) == 0
        person = reach(c.municipality or UNKNOWN, options.neighbours, options.areas, c.travel)
        if not person.anywhere:
            near = np.zeros(len(self.places), dtype=bool)
            near[[self.places[p] for p in person.role_places() if p in self.places]] = True
            eligible &= near[self.place[at]] | self.remote[at]
        return eligible, missing

    def _texts_met(self, c: CandidateProfile, at: np.ndarray, options: MatchOptions) -> tuple[np.ndarray,
                                                                                              np.ndarray]:
        """Per distinct text: whether the candidate meets it, and whether that is evidence about the work."""
        matched = np.zeros(len(self.texts), dtype=bool)
        for code in c.held:
            if code in self.texts_of:
                matched[self.texts_of[code]] = True
        # A text that names no concept is answered word by word: only those of the roles asked about.
        asked = np.zeros(len(self.texts), dtype=bool)
        for part in (self.essential, self.negotiable):
            asked[part.text[part.of(at)[0]]] = True
        plain = np.flatnonzero(asked & self.plain)
        if plain.size:
            cand = _Texts([c.skills])
            matched[plain] = cand.any_per_owner(_word_hits([self.texts[j][0] for j in plain], cand))[0]
        # A language skill met by a spoken language is not evidence about the work (the relevance floor).
        spoken = np.fromiter((code in options.language_skills for code in self.concepts), dtype=bool,
                             count=len(self.concepts))
        other = np.bincount(self.pair_text, weights=~spoken[self.pair_concept], minlength=len(self.texts))
        return matched, matched & (self.plain | (other > 0))

    def _desired(self, c: CandidateProfile) -> np.ndarray:
        """Per role of the table: 1 for the same occupation, RELATED_SHARE for the same minor group, else 0."""
        wishes = frozenset().union(*c.desired_codes)
        exact = np.zeros(len(self.roles), dtype=bool)
        related = np.zeros(len(self.roles), dtype=bool)
        for unit in wishes:
            if unit in self.of_unit:
                exact[self.of_unit[unit]] = True
        for minor in {u[:3] for u in wishes}:
            if minor in self.of_minor:
                related[self.of_minor[minor]] = True
        share: np.ndarray = np.where(exact, 1.0, np.where(related, RELATED_SHARE, 0.0))
        return share

    def _same_major(self, c: CandidateProfile) -> np.ndarray:
        """Per role of the table: whether a desired occupation shares its major group (ISCO's first digit)."""
        near = np.zeros(len(self.roles), dtype=bool)
        for major in {u[:1] for u in frozenset().union(*c.desired_codes)}:
            if major in self.of_major:
                near[self.of_major[major]] = True
        return near

"""The hard constraints of matching as tables: every candidate against every role at once.

Part of ``portal.domain.matching_arrays`` (which a test holds equal to ``matching.explain`` pair by pair):
hours, physical demands (unless an offered adjustment removes them), adjustments needed, languages and the
location rule of ``portal.domain.location``, each a (candidates x roles) table. Per candidate the work goes
through C-level iterators (map, attrgetter) and over the distinct sets people share: one role against 50,000
people is mostly this.
"""
from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter, methodcaller

import numpy as np

from portal.domain.location import REMOTE_ANYWHERE, UNKNOWN, reach
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile


def _bitmasks(sets: Sequence[frozenset[str]], universe: dict[str, int]) -> np.ndarray:
    """One bit per code of `universe` (grown as codes appear); codes come from catalogues of at most 64."""
    known: dict[frozenset[str], int] = {}
    # People share few distinct sets: each is worked out once, in order of first appearance (as the universe
    # grows), and looked up per person by a C-level map.
    for items in dict.fromkeys(sets):
        value = 0
        for item in items:
            value |= 1 << universe.setdefault(item, len(universe))
        known[items] = value
    return np.fromiter(map(known.__getitem__, sets), dtype=np.uint64, count=len(sets))


def _column(people: Sequence[CandidateProfile], name: str) -> np.ndarray:
    """One integer attribute of every profile as an array."""
    return np.fromiter(map(attrgetter(name), people), dtype=np.int64, count=len(people))


def _constraints(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile],
                 options: MatchOptions) -> tuple[np.ndarray, np.ndarray]:
    """(eligible, missing adjustment count), both (C x R)."""
    c_min = _column(candidates, "hours_min")[:, None]
    c_max = _column(candidates, "hours_max")[:, None]
    r_min = np.array([r.hours_min for r in roles])[None, :]
    r_max = np.array([r.hours_max for r in roles])[None, :]
    eligible = (c_min <= r_max) & (r_min <= c_max)
    for demand in sorted({d for r in roles for d in r.demands}):
        required = np.array([r.demands.get(demand, 0) for r in roles])[None, :]
        limit = np.fromiter(map(methodcaller("get", demand, 99), map(attrgetter("limits"), candidates)),
                            dtype=np.int64, count=len(candidates))[:, None]
        removers = options.removed_by.get(demand, frozenset())
        removed = np.array([bool(removers & r.adjustments_offered) for r in roles])[None, :]
        eligible &= (required <= limit) | removed
    universe: dict[str, int] = {}
    need = _bitmasks(list(map(attrgetter("adjustments_needed"), candidates)), universe)[:, None]
    offer = _bitmasks([r.adjustments_offered for r in roles], universe)[None, :]
    missing = np.bitwise_count(need & ~offer).astype(np.float64)
    if not options.allow_missing_adjustments:
        eligible &= missing == 0
    langs: dict[str, int] = {}
    spoken = _bitmasks(list(map(attrgetter("languages"), candidates)), langs)[:, None]
    required_l = _bitmasks([r.languages_required for r in roles], langs)[None, :]
    eligible &= (required_l & ~spoken) == 0
    eligible &= _near(candidates, roles, options)
    return eligible, missing


def _near(candidates: Sequence[CandidateProfile], roles: Sequence[RoleProfile], options: MatchOptions) -> np.ndarray:
    """(C x R) the location rule of portal.domain.location, as a table over the distinct homes and municipalities.

    Row i of the table holds what reach(home, travel range i).role_places()
    holds: built from the rule's own sets, not written again here.
    """
    homes = list(zip(map(attrgetter("municipality"), candidates), map(attrgetter("travel"), candidates), strict=True))
    typed = dict.fromkeys(homes)  # the distinct (municipality, travel) pairs as the profiles hold them
    people = sorted({(home or UNKNOWN, travel) for home, travel in typed})
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
    of_typed = {key: person_index[(key[0] or UNKNOWN, key[1])] for key in typed}
    c_idx = np.fromiter(map(of_typed.__getitem__, homes), dtype=np.int64, count=len(homes))
    r_idx = np.array([index[r.municipality or UNKNOWN] for r in roles])
    remote = np.array([r.remote in REMOTE_ANYWHERE for r in roles])[None, :]
    reachable: np.ndarray = table[c_idx[:, None], r_idx[None, :]] | remote
    return reachable

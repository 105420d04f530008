"""Every open role's matching profile, cached while no role changes, and filtered in numpy.

The role side of matching is the same for every candidate, so it is built
once (portal.cache keeps it until the "roles" counter moves, shared by the
workers, and each worker holds the latest unpickled) and each candidate's
page reads only the candidate.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from portal.cache import cached
from portal.domain.location import REMOTE_ANYWHERE, UNKNOWN, reach
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile
from portal.domain.role_table import RoleTable
from portal.matching.profiles import (
    LANGUAGES,
    Reference,
    RoleInfo,
    _reference_rows,
    _role_data,
    _Same,
    _show,
    open_role_conditions,
    reference,
)


class _Codes:
    """A text column as small integers, so that equality and membership test 20,000 rows in numpy."""

    def __init__(self, values: list[str]):
        self.number: dict[str, int] = {}
        self.array = np.fromiter((self.number.setdefault(v, len(self.number)) for v in values), dtype=np.int16,
                                 count=len(values))
        self.array.flags.writeable = False

    def among(self, *values: str) -> np.ndarray:
        """Whether each row's value is one of these."""
        return np.isin(self.array, [self.number[v] for v in values if v in self.number])


@dataclass(frozen=True, eq=False)
class OpenRoles:
    """Every role open on one day, as plain data cached while no role changes; never changed once built.

    reach() does in numpy what within_reach and open_role_conditions' filters
    do in SQL, with the same semantics (a test holds the two to the same ids
    on generated data). Requests share this object: they copy the reference
    they fill (reference()) and read the rest.
    """

    day: date
    references: dict[str, Reference]  # per language; its display is copied per request
    profiles: tuple[RoleProfile, ...]  # in id order
    table: RoleTable  # the profiles' side of the scoring, worked out once (same positions)
    info: dict[int, RoleInfo]
    shown: tuple[tuple[tuple[str, str], ...], ...]  # per role: (folded text, as typed)
    position: dict[int, int]  # role id -> index
    hours_min: np.ndarray
    hours_max: np.ndarray
    hours_known: np.ndarray
    municipality: _Codes  # None as location.UNKNOWN
    remote: _Codes
    kind: _Codes

    def reference(self, lang: str) -> Reference:
        """The catalogues in `lang`, with display dicts of the request's own (the rest is shared, read only)."""
        base = self.references.get(lang) or self.references["fi"]
        return replace(base, display={side: dict(texts) for side, texts in base.display.items()})

    def reach(self, person: CandidateProfile, options: MatchOptions, kind: str = "", municipality: str = "",
              remote: str = "") -> np.ndarray:
        """Positions (in id order) of the roles that within_reach(person) and the page's filters keep."""
        keep = ~self.hours_known | ((self.hours_max >= person.hours_min) & (self.hours_min <= person.hours_max))
        place = reach(person.municipality, options.neighbours, options.areas, person.travel)
        if not place.anywhere:
            keep &= self.remote.among(*REMOTE_ANYWHERE) | self.municipality.among(*place.role_places())
        if kind:
            keep &= self.kind.among(kind)
        if municipality:
            keep &= self.municipality.among(municipality)
        if remote in ("partly", "fully"):
            keep &= self.remote.among(*(("partly", "fully") if remote == "partly" else ("fully",)))
        return np.flatnonzero(keep)

    def select(self, positions, ref: Reference) -> list[RoleProfile]:
        """The profiles at these positions; their texts are recorded in the request's reference, in id order."""
        positions = sorted(int(i) for i in positions)
        self.show(positions, ref)
        return [self.profiles[i] for i in positions]

    def show(self, positions, ref: Reference) -> None:
        """Record how the texts of the roles at these (ascending) positions are shown, as select() does."""
        _show(ref.display["role"], (self.shown[i] for i in positions))


def _open_roles(day: date) -> OpenRoles:
    rows = _reference_rows()
    references = {lang: reference(lang, rows) for lang in LANGUAGES}
    profiles, info, shown = _role_data(open_role_conditions(day), references["fi"], _Same())

    def column(values, dtype=np.int16) -> np.ndarray:
        array = np.fromiter(values, dtype=dtype, count=len(profiles))
        array.flags.writeable = False
        return array

    roles_info = [info[p.id] for p in profiles]
    return OpenRoles(
        day=day, references=references, profiles=tuple(profiles), table=RoleTable(profiles), info=info,
        shown=tuple(shown),
        position={p.id: i for i, p in enumerate(profiles)},
        hours_min=column(r.hours_min or 0 for r in roles_info), hours_max=column(r.hours_max or 0 for r in roles_info),
        hours_known=column((r.hours_min is not None and r.hours_max is not None for r in roles_info), bool),
        municipality=_Codes([r.municipality or UNKNOWN for r in roles_info]),
        remote=_Codes([r.remote for r in roles_info]),
        kind=_Codes([r.kind for r in roles_info]))


def open_roles(day: date) -> OpenRoles:
    """Every role open on `day`, cached until a role, or anything a role's profile reads, changes.

    The role side of matching is the same for every candidate: built once
    (about half a second for 20,000 roles), it serves each candidate's page
    in a query. Only role data is kept; candidates are read per request.
    """
    return cached("matching-open-roles", (day,), ("roles",), lambda: _open_roles(day))

"""The location rule of matching, written once: is a role within a person's reach?

A fully remote role is within everyone's reach. Otherwise how far the person
can travel (``TRAVEL_RANGES``, chosen by their coach) decides:

  municipality  only their own municipality;
  subregion     their municipality, its sub-region (seutukunta, Statistics
                Finland's commuting areas) or an explicit neighbour (reference
                data, for pairs that commute across a sub-region's border);
  region        all of that and the rest of their region (maakunta);
  remote        fully remote roles only.

When the municipality of either side is unknown the role passes (except for
"remote only"): the rule cannot tell, so it does not exclude.

``Reach.reason`` answers for one role and says why (one of ``REASONS``);
``Reach.role_places`` is the same rule as a set, for the filters that run
over many roles at once (SQL in portal.matching.profiles, numpy in
portal.matching.open_roles and portal.domain.matching_arrays). A unit test
holds every form to the same answers.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

REMOTE_ANYWHERE = frozenset({"fully"})  # a role worked fully remotely is near everyone
UNKNOWN = ""  # how the set forms spell an unknown municipality (None in the profiles)
TRAVEL_RANGES = ("municipality", "subregion", "region", "remote")
DEFAULT_TRAVEL = "subregion"  # the commuting area: what matching assumed before the coach chose
REASONS = ("remote", "unknown", "same", "subregion", "neighbour", "region", "far")
FAR = "far"  # the one reason that fails the constraint


@dataclass(frozen=True)
class Area:
    """Where a municipality lies: the codes of its sub-region and region."""

    subregion: str
    region: str


@dataclass(frozen=True)
class Reach:
    """Where a person can take a role: their municipality (None: unknown), range and the places it covers."""

    home: str | None
    travel: str = DEFAULT_TRAVEL
    near: frozenset[str] = frozenset()  # explicit neighbours of home
    subregion: frozenset[str] = frozenset()  # the municipalities of home's sub-region
    region: frozenset[str] = frozenset()  # the municipalities of home's region
    area: Area | None = None  # home's sub-region and region codes, for the explanation

    @property
    def anywhere(self) -> bool:
        """Whether every role is within reach because the person's municipality is unknown."""
        return self.home is None and self.travel != "remote"

    def role_places(self) -> frozenset[str]:
        """The role municipalities within reach, UNKNOWN included (only meaningful when not anywhere)."""
        if self.travel == "remote":
            return frozenset()
        places = frozenset({UNKNOWN, self.home or UNKNOWN})
        if self.travel in ("subregion", "region"):
            places |= self.subregion | self.near
        if self.travel == "region":
            places |= self.region
        return places

    def reason(self, municipality: str | None, remote: str) -> str:
        """Why a role in `municipality`, worked `remote`, is within reach or not: one of REASONS."""
        if remote in REMOTE_ANYWHERE:
            return "remote"
        if self.travel == "remote":
            return FAR
        if self.anywhere or not municipality:
            return "unknown"
        if municipality == self.home:
            return "same"
        if self.travel == "municipality":
            return FAR
        if municipality in self.subregion:
            return "subregion"
        if municipality in self.near:
            return "neighbour"
        return "region" if self.travel == "region" and municipality in self.region else FAR

    def passes(self, municipality: str | None, remote: str) -> bool:
        """Whether the role is within reach."""
        return self.reason(municipality, remote) != FAR

    def area_code(self, reason: str) -> str:
        """The code of the sub-region or region that `reason` names ("" for the other reasons)."""
        if self.area is None or reason not in ("subregion", "region"):
            return ""
        return self.area.subregion if reason == "subregion" else self.area.region


def reach(home: str | None, neighbours: Mapping[str, frozenset[str]], areas: Mapping[str, Area] | None = None,
          travel: str | None = DEFAULT_TRAVEL) -> Reach:
    """The reach of a person living in `home` (None or empty: unknown) who travels as far as `travel`.

    `neighbours` and `areas` are reference data: each municipality's explicit
    neighbours, and its sub-region and region. An unknown range is the default.
    """
    travel = travel if travel in TRAVEL_RANGES else DEFAULT_TRAVEL
    if not home:
        return Reach(None, travel)
    areas = areas or {}
    own = areas.get(home)
    if own is None:
        return Reach(home, travel, frozenset(neighbours.get(home, frozenset())))
    subregion = frozenset(code for code, area in areas.items() if area.subregion == own.subregion)
    region = frozenset(code for code, area in areas.items() if area.region == own.region)
    return Reach(home, travel, frozenset(neighbours.get(home, frozenset())), subregion, region, own)

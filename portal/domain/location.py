"""The location rule of matching, written once: is a role within a person's reach?

A role is within reach when it is fully remote, when the municipality of
either side is unknown, or when it is in the person's municipality or a
neighbouring one (reference data: the municipalities' neighbours).

``Reach.reason`` answers for one role and says why; ``Reach.role_places``
and ``REMOTE_ANYWHERE`` are the same rule as sets, for the filters that run
over many roles at once (SQL in portal.matching.profiles, numpy in
portal.matching.open_roles and portal.domain.matching_arrays). A unit test
holds every form to the same answers.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

REMOTE_ANYWHERE = frozenset({"fully"})  # a role worked fully remotely is near everyone
UNKNOWN = ""  # how the set forms spell an unknown municipality (None in the profiles)
REASONS = ("remote", "unknown", "same", "neighbour", "far")
FAR = "far"  # the one reason that fails the constraint


@dataclass(frozen=True)
class Reach:
    """Where a person can take a role: their municipality (None: unknown) and its neighbours."""

    home: str | None
    near: frozenset[str] = frozenset()

    @property
    def anywhere(self) -> bool:
        """Whether every role is within reach because the person's municipality is unknown."""
        return self.home is None

    def role_places(self) -> frozenset[str]:
        """The role municipalities within reach, UNKNOWN included (only meaningful when not anywhere)."""
        return frozenset({UNKNOWN, self.home or UNKNOWN}) | self.near

    def reason(self, municipality: str | None, remote: str) -> str:
        """Why a role in `municipality`, worked `remote`, is within reach or not: one of REASONS."""
        if remote in REMOTE_ANYWHERE:
            return "remote"
        if self.anywhere or not municipality:
            return "unknown"
        if municipality == self.home:
            return "same"
        return "neighbour" if municipality in self.near else FAR

    def passes(self, municipality: str | None, remote: str) -> bool:
        """Whether the role is within reach."""
        return self.reason(municipality, remote) != FAR


def reach(home: str | None, neighbours: Mapping[str, frozenset[str]]) -> Reach:
    """The reach of a person living in `home` (None or empty: unknown), given each municipality's neighbours."""
    if not home:
        return Reach(None)
    return Reach(home, frozenset(neighbours.get(home, frozenset())))

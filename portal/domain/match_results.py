"""What matching tells of a pair: how each skill and the desired work are met, why it scored, its rank.

``portal.domain.matching`` states the rules and fills these; the pages put them into words (never a bare
similarity percentage). Codes and numbers only: no names, no health data.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from portal.domain.concepts import Relation
from portal.domain.location import DEFAULT_TRAVEL


@dataclass(frozen=True)
class SkillMatch:
    """One skill the role asks for, and how the candidate meets it (``how`` empty: not met).

    how: "concept" (a text of the candidate names the same skill concept, or one that includes it),
    "language" (a language skill of a language the candidate speaks), "words" (a skill that names no
    concept, answered word by word by the candidate's text).
    """

    role_skill: str
    candidate_skill: str | None = None  # the candidate's text that meets it, when a text does
    how: str = ""
    concept: str | None = None  # the skill concept (or language code, for "language") that meets it

    @property
    def matched(self) -> bool:
        """Whether the candidate meets the skill."""
        return bool(self.how)


@dataclass(frozen=True)
class OccupationMatch:
    """The candidate's desired work against the role's occupation, when they are the same or related."""

    relation: Relation  # "exact" or "same_minor_group"
    role_code: str
    candidate_code: str
    wish: str  # the candidate's desired-work text that names the occupation


@dataclass(frozen=True)
class Explanation:
    """Why a pair scored as it did, as codes and numbers for the page to put into words."""

    passed: tuple[str, ...]
    failed: tuple[str, ...]
    parts: Mapping[str, float]
    essential: tuple[SkillMatch, ...]
    negotiable: tuple[SkillMatch, ...]
    desired: OccupationMatch | None
    missing_adjustments: tuple[str, ...]
    demands_removed: tuple[tuple[str, str], ...]  # (demand, adjustment that removes it)
    demands_too_high: tuple[str, ...]
    clause_target_groups: tuple[str, ...]
    location: str = ""  # why location passed or failed: one of portal.domain.location.REASONS
    location_area: str = ""  # the sub-region or region code the reason names, if it names one
    travel: str = DEFAULT_TRAVEL  # the candidate's travel range the location rule applied
    relevant: bool = True  # above the relevance floor (see the module docstring)


@dataclass(frozen=True)
class Match:
    """A ranked pair: its score and, for the rows shown, its explanation."""

    candidate_id: int
    role_id: int
    score: float
    explanation: Explanation | None = None

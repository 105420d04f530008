"""Matching a coached candidate to roles, and a role to candidates.

The rules, in the order they are applied:

Hard constraints (a pair that fails one is not ranked, unless noted):
  hours      the candidate's weekly hours range overlaps the role's;
  demands    no physical demand of the role is above the level the candidate
             can manage, unless the role offers an adjustment that removes
             that demand (reference data: physical_demands.removed_by);
  adjustments every adjustment the candidate needs is offered; with
             ``allow_missing_adjustments`` (the coach's choice) a missing one
             lowers the score by ``MISSING_ADJUSTMENT_PENALTY`` points instead;
  location   within the candidate's travel range (own municipality, sub-region
             or neighbour, region, remote only), unless the role is fully
             remote; unknown on either side passes (portal.domain.location);
  languages  every language the role requires is one the candidate speaks.

Score, 0 to 100, from parts (weights in ``WEIGHTS``):
  essential  share of the role's essential skills that one of the candidate's
             skills matches (similarity >= ``SKILL_MATCH``); none listed: full;
  desired    how well the candidate's desired work matches the role's title
             or occupation (similarity 50 gives nothing, 100 gives all);
  negotiable share of negotiable skills matched; none listed: full;
  clause     the role fulfils a clause whose target groups include one of the
             candidate's.

Similarity is rapidfuzz's partial ratio on the folded texts the caller gives
(so "asiakaspalvelu" meets "asiakaspalvelutehtavat"); when the shorter text
has fewer than ``PARTIAL_MIN_LENGTH`` characters the plain ratio is used, so
"it" does not match inside "keittio". Results are ordered by score, then id:
the same input gives the same order.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from portal.domain.location import DEFAULT_TRAVEL, FAR, Area, reach

WEIGHTS = {"essential": 50.0, "desired": 25.0, "negotiable": 15.0, "clause": 10.0}
SKILL_MATCH = 85
PARTIAL_MIN_LENGTH = 5
MISSING_ADJUSTMENT_PENALTY = 10.0
CONSTRAINTS = ("hours", "demands", "adjustments", "location", "languages")


@dataclass(frozen=True)
class CandidateProfile:
    """What matching knows of a candidate: no names, no health data, only work terms."""

    id: int
    hours_min: int
    hours_max: int
    municipality: str | None = None
    limits: Mapping[str, int] = field(default_factory=dict)  # demand -> highest level rank managed
    adjustments_needed: frozenset[str] = frozenset()
    skills: tuple[str, ...] = ()
    desired: tuple[str, ...] = ()
    languages: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    travel: str = DEFAULT_TRAVEL  # how far the candidate can travel: one of location.TRAVEL_RANGES


@dataclass(frozen=True)
class RoleProfile:
    """What matching knows of a role: hours, place, demands, adjustments, skills, title, languages, clause groups."""

    id: int
    hours_min: int
    hours_max: int
    municipality: str | None = None
    remote: str = "none"  # none, partly, fully
    demands: Mapping[str, int] = field(default_factory=dict)  # demand -> level rank required
    adjustments_offered: frozenset[str] = frozenset()
    essential_skills: tuple[str, ...] = ()
    negotiable_skills: tuple[str, ...] = ()
    title: str = ""
    occupation: str = ""
    languages_required: frozenset[str] = frozenset()
    clause_target_groups: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MatchOptions:
    """Reference data and the coach's choice about missing adjustments."""

    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)
    areas: Mapping[str, Area] = field(default_factory=dict)  # municipality -> its sub-region and region
    removed_by: Mapping[str, frozenset[str]] = field(default_factory=dict)  # demand -> adjustments
    allow_missing_adjustments: bool = False


@dataclass(frozen=True)
class SkillMatch:
    """One of the role's texts with the candidate's closest text and their similarity (0-100)."""

    role_skill: str
    candidate_skill: str | None
    similarity: int


@dataclass(frozen=True)
class Explanation:
    """Why a pair scored as it did, as codes and numbers for the page to put into words."""

    passed: tuple[str, ...]
    failed: tuple[str, ...]
    parts: Mapping[str, float]
    essential: tuple[SkillMatch, ...]
    negotiable: tuple[SkillMatch, ...]
    desired: SkillMatch | None
    missing_adjustments: tuple[str, ...]
    demands_removed: tuple[tuple[str, str], ...]  # (demand, adjustment that removes it)
    demands_too_high: tuple[str, ...]
    clause_target_groups: tuple[str, ...]
    location: str = ""  # why location passed or failed: one of portal.domain.location.REASONS
    location_area: str = ""  # the sub-region or region code the reason names, if it names one
    travel: str = DEFAULT_TRAVEL  # the candidate's travel range the location rule applied


@dataclass(frozen=True)
class Match:
    """A ranked pair: its score and, for the rows shown, its explanation."""

    candidate_id: int
    role_id: int
    score: float
    explanation: Explanation | None = None


def similarity(a: str, b: str) -> int:
    """The similarity used everywhere in matching (see the module docstring)."""
    if not a or not b:
        return 0
    if min(len(a), len(b)) < PARTIAL_MIN_LENGTH:
        return round(fuzz.ratio(a, b))
    return round(fuzz.partial_ratio(a, b))


def _best(text: str, choices: Sequence[str]) -> SkillMatch:
    scored = [(similarity(text, c), c) for c in choices]
    score, choice = max(scored, key=lambda sc: (sc[0], sc[1]), default=(0, None))
    return SkillMatch(text, choice if score else None, score)


def _share(matches: Sequence[SkillMatch]) -> float:
    if not matches:
        return 1.0
    return sum(m.similarity >= SKILL_MATCH for m in matches) / len(matches)


def explain(candidate: CandidateProfile, role: RoleProfile, options: MatchOptions) -> Explanation:
    """Check every constraint and compute every part of the score for one pair."""
    passed: list[str] = []
    failed: list[str] = []
    ok = candidate.hours_min <= role.hours_max and role.hours_min <= candidate.hours_max
    (passed if ok else failed).append("hours")
    too_high, removed = [], []
    for demand, level in sorted(role.demands.items()):
        if level <= candidate.limits.get(demand, level):
            continue
        remover = sorted(options.removed_by.get(demand, frozenset()) & role.adjustments_offered)
        (removed.append((demand, remover[0])) if remover else too_high.append(demand))
    (failed if too_high else passed).append("demands")
    missing = tuple(sorted(candidate.adjustments_needed - role.adjustments_offered))
    (failed if missing and not options.allow_missing_adjustments else passed).append("adjustments")
    place = reach(candidate.municipality, options.neighbours, options.areas, candidate.travel)
    location = place.reason(role.municipality, role.remote)
    (failed if location == FAR else passed).append("location")
    (passed if role.languages_required <= candidate.languages else failed).append("languages")

    essential = tuple(_best(s, candidate.skills) for s in role.essential_skills)
    negotiable = tuple(_best(s, candidate.skills) for s in role.negotiable_skills)
    role_texts = tuple(t for t in (role.title, role.occupation) if t)
    desired_scores = [_best(t, candidate.desired) for t in role_texts]
    desired = max(desired_scores, key=lambda m: (m.similarity, m.role_skill), default=None)
    groups = tuple(sorted(candidate.target_groups & role.clause_target_groups))
    parts = {
        "essential": WEIGHTS["essential"] * _share(essential),
        "desired": WEIGHTS["desired"] * desired_fraction(desired.similarity if desired else 0),
        "negotiable": WEIGHTS["negotiable"] * _share(negotiable),
        "clause": WEIGHTS["clause"] if groups else 0.0,
        "missing_adjustments": -MISSING_ADJUSTMENT_PENALTY * len(missing)
        if options.allow_missing_adjustments else 0.0,
    }
    return Explanation(tuple(passed), tuple(failed), parts, essential, negotiable, desired,
                       missing, tuple(removed), tuple(too_high), groups, location, place.area_code(location),
                       place.travel)


def desired_fraction(similarity_value: float) -> float:
    """Similarity 50 or less gives nothing, 100 gives the whole desired-work part."""
    return min(1.0, max(0.0, (similarity_value - 50) / 50))


def total(parts: Mapping[str, float]) -> float:
    """The score from its parts, kept within 0..100 and rounded to one decimal."""
    return round(min(100.0, max(0.0, sum(parts.values()))), 1)


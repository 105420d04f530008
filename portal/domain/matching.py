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

Score, 0 to 100, from parts (weights in ``WEIGHTS``), on concepts, not on how words look
(portal.domain.concept_text maps typed text to occupation and skill concepts, word by word):
  desired    the candidate's desired work against the role's occupation (its occupation code, else the
             occupations its title names): the same unit group gives the whole part, the same minor group
             (ISCO 3 digits: related work) ``RELATED_SHARE`` of it, anything else nothing;
  essential  share of the role's essential skills the candidate has; none listed: ``NEUTRAL_SHARE``
             (a role that asks for nothing tells nothing either way);
  negotiable share of negotiable skills the candidate has; none listed: ``NEUTRAL_SHARE``;
  clause     the role fulfils a clause whose target groups include one of the candidate's.

A skill the role asks for is met when it names a skill concept the candidate has (typed or chosen,
counting what each includes: EA 2 includes EA 1), or a language skill ("Suomen kieli") of a language the
candidate speaks; a skill that names no concept is met when one of the candidate's texts answers every
one of its words, whole word by whole word (portal.domain.concept_text).

Relevance floor: a pair is suggested only when it has some evidence of fitting the work:
  - the occupations are the same or related (the same minor group), or
  - the candidate meets at least one of the work skills the role names as essential (the negotiable
    ones when it names no essential skill): what the employer only "would like" is no reason to propose
    a person, and a language skill met by a spoken language is not evidence about the work, or
  - the candidate meets every essential skill of the role (one at least; language skills included)
    and a desired occupation shares the role's major group (ISCO's first digit: the skill level of the
    work): the whole must-have list is met for work of the kind sought, so a role asking only for
    "Suomen kieli" is suggested to a Finnish speaker who wants such work, not to one who wants other
    work or names none (``match_concepts.all_met_near``).
Roles without any are not ranked, whatever their other parts (``Explanation.relevant`` says which).
Results are ordered by score, then id: the same input gives the same order.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from portal.domain.location import DEFAULT_TRAVEL, FAR, Area, reach
from portal.domain.match_concepts import all_met_near, closest_occupation, meets
from portal.domain.match_results import Explanation, OccupationMatch, SkillMatch

WEIGHTS = {"essential": 35.0, "desired": 40.0, "negotiable": 15.0, "clause": 10.0}
RELATED_SHARE = 0.5
NEUTRAL_SHARE = 0.5
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
    # The concepts of the texts above (portal.domain.match_concepts fills them):
    desired_codes: tuple[frozenset[str], ...] = ()  # per desired text: the occupations (unit groups) it names
    skill_codes: tuple[frozenset[str], ...] = ()  # per skill text: the skill concepts it names
    held: frozenset[str] = frozenset()  # every skill concept the person has, included and spoken ones too


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
    # The concepts (portal.domain.match_concepts fills them):
    occupation_codes: frozenset[str] = frozenset()  # the occupation code, else the occupations the title names
    essential_codes: tuple[frozenset[str], ...] = ()  # per essential skill: the skill concepts it names
    negotiable_codes: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class MatchOptions:
    """Reference data and the coach's choice about missing adjustments."""

    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)
    areas: Mapping[str, Area] = field(default_factory=dict)  # municipality -> its sub-region and region
    removed_by: Mapping[str, frozenset[str]] = field(default_factory=dict)  # demand -> adjustments
    allow_missing_adjustments: bool = False
    language_skills: Mapping[str, frozenset[str]] = field(default_factory=dict)  # skill code -> languages


def desired_match(candidate: CandidateProfile, role: RoleProfile) -> OccupationMatch | None:
    """The closest relation of any desired occupation to any of the role's occupations (None: unrelated)."""
    found = closest_occupation(candidate.desired, candidate.desired_codes, role.occupation_codes)
    return OccupationMatch(*found) if found else None


def skill_match(text: str, codes: frozenset[str], candidate: CandidateProfile,
                options: MatchOptions) -> SkillMatch:
    """How the candidate meets one skill the role asks for (see the module docstring)."""
    how, said, concept = meets(text, codes, candidate.skills, candidate.skill_codes, candidate.held,
                               candidate.languages, options.language_skills)
    return SkillMatch(text, said, how, concept)


def _share(matches: Sequence[SkillMatch]) -> float:
    if not matches:
        return NEUTRAL_SHARE
    return sum(m.matched for m in matches) / len(matches)


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

    essential_codes = _codes(role.essential_codes, role.essential_skills)
    negotiable_codes = _codes(role.negotiable_codes, role.negotiable_skills)
    essential = tuple(skill_match(s, k, candidate, options) for s, k in zip(role.essential_skills, essential_codes,
                                                                             strict=True))
    negotiable = tuple(skill_match(s, k, candidate, options) for s, k in zip(role.negotiable_skills,
                                                                              negotiable_codes, strict=True))
    desired = desired_match(candidate, role)
    groups = tuple(sorted(candidate.target_groups & role.clause_target_groups))
    # Evidence about the work: a skill met that names more than language skills.
    counted = zip(essential, essential_codes, strict=True) if essential else zip(negotiable, negotiable_codes,
                                                                                   strict=True)
    relevant = (desired is not None or any(m.matched and not (k and k <= options.language_skills.keys())
                                           for m, k in counted)
                or all_met_near(candidate.desired_codes, role.occupation_codes, [m.matched for m in essential]))
    parts = {
        "essential": WEIGHTS["essential"] * _share(essential),
        "desired": WEIGHTS["desired"] * desired_share(desired),
        "negotiable": WEIGHTS["negotiable"] * _share(negotiable),
        "clause": WEIGHTS["clause"] if groups else 0.0,
        "missing_adjustments": -MISSING_ADJUSTMENT_PENALTY * len(missing)
        if options.allow_missing_adjustments else 0.0,
    }
    return Explanation(tuple(passed), tuple(failed), parts, essential, negotiable, desired,
                       missing, tuple(removed), tuple(too_high), groups, location, place.area_code(location),
                       place.travel, relevant)


def _codes(codes: tuple[frozenset[str], ...], texts: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Per text its concepts; a profile not analysed (no codes) has none."""
    return codes if len(codes) == len(texts) else tuple(frozenset() for _t in texts)


def desired_share(desired: OccupationMatch | None) -> float:
    """The same occupation gives the whole desired-work part, a related one ``RELATED_SHARE``, else nothing."""
    if desired is None:
        return 0.0
    return 1.0 if desired.relation == "exact" else RELATED_SHARE


def total(parts: Mapping[str, float]) -> float:
    """The score from its parts, kept within 0..100 and rounded to one decimal."""
    return round(min(100.0, max(0.0, sum(parts.values()))), 1)


"""Candidates as the matching engine's profiles, read in a fixed number of queries (plain column selects)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import String, cast, literal, null, select, union_all

from portal.coaching.models import (
    Candidate,
    CandidateAdjustment,
    CandidateLanguage,
    CandidateOccupation,
    CandidateSkill,
    CandidateTargetGroup,
    FunctionalLimit,
)
from portal.domain.location import DEFAULT_TRAVEL
from portal.domain.matching import CandidateProfile
from portal.domain.profile import split_lines
from portal.extensions import db
from portal.matching.profiles import NO_HOURS, Reference, _by_role, _ids
from portal.reference.concepts import match_concepts, resolve


@dataclass(frozen=True)
class CandidateInfo:
    """What a ranked list shows of a candidate (to their own coach)."""

    id: int
    code: str
    name: str | None
    status: str
    municipality: str | None
    hours_min: int | None
    hours_max: int | None


def _texts(lines: list[str], ref: Reference) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in (ref.shown(line, "candidate") for line in lines) if t))


def _chosen(codes: list[str]) -> list[str]:
    """The skill concepts of codes chosen from the catalogue (codes of the earlier short lists resolved)."""
    found = [resolve("skills", c) for c in codes]
    return [c.code for c in found if c is not None]


# Profile tables whose rows are sets (keyed by candidate and code: their order means nothing): (table, code, level).
SETS = ((CandidateLanguage, CandidateLanguage.code, None),
        (FunctionalLimit, FunctionalLimit.demand_code, FunctionalLimit.max_level),
        (CandidateAdjustment, CandidateAdjustment.code, None),
        (CandidateTargetGroup, CandidateTargetGroup.code, None))


def _sets(ids) -> list[dict[int, list]]:
    """Per table of SETS, candidate id -> its rows, all read in one query."""
    found: list[dict[int, list]] = [defaultdict(list) for _s in SETS]
    parts = [select(literal(n), model.candidate_id, code, second if second is not None else cast(null(), String))
             .where(model.candidate_id.in_(ids)) for n, (model, code, second) in enumerate(SETS)]
    for n, cid, code, second in db.session.execute(union_all(*parts)):
        found[n][cid].append((code, second) if SETS[n][2] is not None else (code,))
    return found


def candidates(conditions: list, ref: Reference) -> tuple[list[CandidateProfile], dict[int, CandidateInfo]]:
    """Candidate profiles (in id order) and their display info, in four queries."""
    ids = select(Candidate.id).where(*conditions)
    rows = db.session.execute(
        select(Candidate.id, Candidate.code, Candidate.name, Candidate.status, Candidate.municipality_code,
               Candidate.hours_min, Candidate.hours_max, Candidate.skills_text, Candidate.desired_work_text,
               Candidate.travel_range)
        .where(*conditions).order_by(Candidate.id)).all()
    ids = _ids(rows, ids)

    skills = _by_role(select(CandidateSkill.candidate_id, CandidateSkill.code)
                      .where(CandidateSkill.candidate_id.in_(ids)))
    occupations = _by_role(select(CandidateOccupation.candidate_id, CandidateOccupation.name)
                           .where(CandidateOccupation.candidate_id.in_(ids))
                           .order_by(CandidateOccupation.candidate_id, CandidateOccupation.position))
    languages, limits, needs, groups = _sets(ids)
    profiles, info = [], {}
    analyse = match_concepts().candidate
    for cid, code, name, status, muni, h_min, h_max, skills_text, desired_text, travel in rows:
        hours = (h_min, h_max) if h_min is not None and h_max is not None else NO_HOURS
        chosen = [c for (c,) in skills.get(cid, ())]
        labels = [t for c in chosen for t in ref.skill_texts.get(c, ())]  # shown as labels already
        skill_texts = _texts(labels + list(split_lines(skills_text)), ref)
        desired = _texts([n for (n,) in occupations.get(cid, ())] + list(split_lines(desired_text)), ref)
        spoken = frozenset(lang for (lang,) in languages.get(cid, ()))
        typed = ref.display["candidate"]  # folded -> as typed (or the catalogue label), what the stemmers read
        desired_codes, skill_codes, held = analyse([typed.get(t, t) for t in desired],
                                                   [typed.get(t, t) for t in skill_texts], _chosen(chosen), spoken)
        profiles.append(CandidateProfile(
            id=cid, hours_min=hours[0], hours_max=hours[1], municipality=muni, travel=travel or DEFAULT_TRAVEL,
            limits={d: ref.ranks[level] for d, level in limits.get(cid, ()) if level in ref.ranks},
            adjustments_needed=frozenset(a for (a,) in needs.get(cid, ())),
            skills=skill_texts, desired=desired, languages=spoken,
            target_groups=frozenset(g for (g,) in groups.get(cid, ())),
            desired_codes=desired_codes, skill_codes=skill_codes, held=held))
        info[cid] = CandidateInfo(cid, code, name, status, muni, h_min, h_max)
    return profiles, info

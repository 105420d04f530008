"""Roles as the matching engine's profiles, and the catalogues it reads, in a fixed number of queries.

Plain column selects, not ORM objects: ranking 2,000 roles or a whole
caseload reads each table once, whatever the number of rows. Texts are
folded with portal.domain.text.fold, as the roles' skills are when saved.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, or_, select

from portal.accounts.models import Organisation
from portal.domain.location import REMOTE_ANYWHERE, UNKNOWN, Area, reach
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile
from portal.domain.text import fold
from portal.employers.models import JobRole, JobRoleAdjustment, JobRoleDemand, JobRoleLanguage, JobRoleSkill
from portal.extensions import db
from portal.procurements.models import EmploymentClause
from portal.reference.concepts import language_skills, match_concepts
from portal.reference.models import ReferenceItem

NO_HOURS = (0, 99)  # an unknown hours range fits every range
CATALOGUES = ("demand_levels", "physical_demands", "municipalities", "skills", "occupations")


@dataclass
class Reference:
    """What matching needs from the catalogues: level ranks, removers, places, skill and occupation texts."""

    ranks: dict[str, int] = field(default_factory=dict)
    removed_by: dict[str, frozenset[str]] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    skill_texts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    occupation_texts: dict[str, str] = field(default_factory=dict)
    # side ("role", "candidate") -> folded text -> how to show it: the words as typed, or a catalogue
    # label in the reader's language. The sides are apart: the same folded word may be typed by the
    # employer and come from the catalogue for the candidate.
    display: dict[str, dict[str, str]] = field(default_factory=lambda: {"role": {}, "candidate": {}})

    def shown(self, text: str, side: str) -> str:
        """Remember how a text of one side is shown (the first spelling wins); returns it folded."""
        folded = fold(text)
        if folded:
            self.display[side].setdefault(folded, text)
        return folded

    def options(self, allow_missing_adjustments: bool = False) -> MatchOptions:
        """The engine's options, with the coach's choice about missing adjustments."""
        return MatchOptions(neighbours=self.neighbours, areas=self.areas, removed_by=self.removed_by,
                            allow_missing_adjustments=allow_missing_adjustments, language_skills=language_skills())


LANGUAGES = ("fi", "sv", "en")


def _reference_rows() -> list:
    return db.session.execute(select(ReferenceItem.catalogue, ReferenceItem.code, ReferenceItem.data,
                                     ReferenceItem.label_fi, ReferenceItem.label_sv, ReferenceItem.label_en)
                              .where(ReferenceItem.catalogue.in_(CATALOGUES))).all()


def reference(lang: str = "fi", rows: list | None = None) -> Reference:
    """The catalogues matching reads, in one query (none when `rows` are given); labels are shown in `lang`."""
    ref = Reference()
    index = {"fi": 0, "sv": 1, "en": 2}.get(lang, 0)
    for catalogue, code, data, *labels in _reference_rows() if rows is None else rows:
        data = data or {}
        if catalogue == "demand_levels":
            ref.ranks[code] = int(data.get("rank", 0))
        elif catalogue == "physical_demands":
            ref.removed_by[code] = frozenset(data.get("removed_by") or ())
        elif catalogue == "municipalities":
            if data.get("neighbours"):
                ref.neighbours[code] = frozenset(data["neighbours"])
            if data.get("subregion") and data.get("region"):
                ref.areas[code] = Area(data["subregion"], data["region"])
        elif catalogue == "skills":
            ref.skill_texts[code] = tuple(dict.fromkeys(fold(label) for label in labels if label))
            ref.display["candidate"].update(dict.fromkeys(ref.skill_texts[code], labels[index] or labels[0]))
        elif catalogue == "occupations":
            # The common job title (the portal's first alternative label) reads as typed work does;
            # the classification's plural group name ("Avustavat keittiötyöntekijät") would not.
            alt = data.get("alt") or {}
            titles = [(alt.get(lang) or [label])[0] for lang, label in zip(LANGUAGES, labels, strict=True)]
            ref.occupation_texts[code] = fold(titles[0])
            shown = titles[index] or titles[0]
            ref.display["role"].setdefault(fold(titles[0]), shown[:1].upper() + shown[1:])
    return ref


@dataclass(frozen=True)
class RoleInfo:
    """What a ranked list shows of a role."""

    id: int
    title: str
    kind: str
    employer: str
    organisation_id: int
    municipality: str | None
    remote: str
    hours_min: int | None
    hours_max: int | None
    clause_id: int | None
    language: str = "fi"  # the language the role's text is written in (its lang="…" on the pages)


def open_role_conditions(today: date, kind: str = "", municipality: str = "", remote: str = "") -> list:
    """Published roles still open on `today`, optionally of one kind, in one municipality, or remote."""
    found = [JobRole.status == "published", or_(JobRole.open_until.is_(None), JobRole.open_until >= today)]
    if kind:
        found.append(JobRole.kind == kind)
    if municipality:
        found.append(JobRole.municipality_code == municipality)
    if remote in ("partly", "fully"):
        found.append(JobRole.remote.in_(("partly", "fully") if remote == "partly" else ("fully",)))
    return found


def within_reach(person: CandidateProfile, options: MatchOptions) -> list:
    """SQL conditions keeping only the roles that pass the person's hours and location constraints.

    The same tests as the domain's (an unknown hours range passes, as in
    portal.domain.matching; the sets of portal.domain.location's rule), run
    by the database first, so that a page loads the few hundred roles the
    person could take rather than every open role of the region.
    """
    found = [or_(JobRole.hours_min.is_(None), JobRole.hours_max.is_(None),
                 and_(JobRole.hours_max >= person.hours_min, JobRole.hours_min <= person.hours_max))]
    place = reach(person.municipality, options.neighbours, options.areas, person.travel)
    if not place.anywhere:
        places = place.role_places()
        unknown = [JobRole.municipality_code.is_(None)] if UNKNOWN in places else []
        found.append(or_(JobRole.remote.in_(sorted(REMOTE_ANYWHERE)), *unknown,
                         JobRole.municipality_code.in_(sorted(places))))
    return found


# Up to this many ids go to the child queries as a list (PostgreSQL then uses the
# role_id/candidate_id indexes; re-running the id subquery made it hash-join whole
# tables); more would near the databases' limits on bound parameters.
ID_LIST_LIMIT = 2000


def _ids(rows, subquery):
    """The ids of the rows fetched, or the id subquery when they are too many to send as a list."""
    return [row[0] for row in rows] if len(rows) <= ID_LIST_LIMIT else subquery


def _by_role(stmt) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for row in db.session.execute(stmt):
        out[row[0]].append(row[1:])
    return out


class _Same:
    """One object for equal values: 20,000 roles repeat a few hundred skill texts, code sets and employer names."""

    def __init__(self) -> None:
        self.values: dict = {}
        self.mappings: dict = {}

    def __call__(self, value):
        return self.values.setdefault(value, value)

    def mapping(self, items: dict) -> dict:
        """An equal dict already seen, or this one (nothing changes them once built)."""
        return self.mappings.setdefault(tuple(sorted(items.items())), items)


def _role_data(conditions: list, ref: Reference, same: _Same) -> tuple[list[RoleProfile], dict[int, RoleInfo], list]:
    """Role profiles (in id order), their display info and, per role, how its texts are shown; five queries."""
    ids = select(JobRole.id).where(*conditions)
    rows = db.session.execute(
        select(JobRole.id, JobRole.title, JobRole.kind, Organisation.name, Organisation.business_id,
               JobRole.organisation_id,
               JobRole.municipality_code, JobRole.remote, JobRole.hours_min, JobRole.hours_max, JobRole.clause_id,
               JobRole.occupation_code, EmploymentClause.target_groups, JobRole.language)
        .join(Organisation, Organisation.id == JobRole.organisation_id)
        .outerjoin(EmploymentClause, EmploymentClause.id == JobRole.clause_id)
        .where(*conditions).order_by(JobRole.id)).all()
    ids = _ids(rows, ids)
    skills = _by_role(select(JobRoleSkill.role_id, JobRoleSkill.name_folded, JobRoleSkill.essential,
                             JobRoleSkill.name)
                      .where(JobRoleSkill.role_id.in_(ids)).order_by(JobRoleSkill.role_id, JobRoleSkill.position))
    demands = _by_role(select(JobRoleDemand.role_id, JobRoleDemand.demand_code, JobRoleDemand.level_code)
                       .where(JobRoleDemand.role_id.in_(ids)))
    offered = _by_role(select(JobRoleAdjustment.role_id, JobRoleAdjustment.adjustment_code)
                       .where(JobRoleAdjustment.role_id.in_(ids)))
    languages = _by_role(select(JobRoleLanguage.role_id, JobRoleLanguage.language_code)
                         .where(JobRoleLanguage.role_id.in_(ids)))
    profiles, info, shown = [], {}, []
    analyse = match_concepts().role
    for (rid, title, kind, employer, business_id, org_id, muni, remote, h_min, h_max, clause_id, occupation,
         groups, language) in rows:
        # With the business ID: two employers may share a name, and the coach proposes to one of them.
        employer = f"{employer} ({business_id})" if business_id else employer
        hours = (h_min, h_max) if h_min is not None and h_max is not None else NO_HOURS
        role_skills = [(same(folded), essential, same(name)) for folded, essential, name in skills.get(rid, ())]
        title, title_folded = same(title), same(fold(title))
        # As Reference.shown would record them: each skill as typed, then the title (when it folds to something).
        shown.append(same(tuple(same((folded, name)) for folded, _e, name in role_skills)
                          + ((same((title_folded, title)),) if title_folded else ())))
        # Concepts from the texts as typed (the stemmers want the accents); one analysis per distinct text.
        occupations, essential_codes, negotiable_codes = analyse(
            occupation, title, [n for _s, essential, n in role_skills if essential],
            [n for _s, essential, n in role_skills if not essential])
        profiles.append(RoleProfile(
            id=rid, hours_min=hours[0], hours_max=hours[1], municipality=same(muni), remote=same(remote),
            demands=same.mapping({d: ref.ranks.get(level, 0) for d, level in demands.get(rid, ())}),
            adjustments_offered=same(frozenset(a for (a,) in offered.get(rid, ()))),
            essential_skills=same(tuple(s for s, essential, _n in role_skills if essential)),
            negotiable_skills=same(tuple(s for s, essential, _n in role_skills if not essential)),
            title=title_folded, occupation=ref.occupation_texts.get(occupation or "", ""),
            languages_required=same(frozenset(lang for (lang,) in languages.get(rid, ()))),
            clause_target_groups=same(frozenset(groups or ())), occupation_codes=same(occupations),
            essential_codes=same(essential_codes), negotiable_codes=same(negotiable_codes)))
        info[rid] = RoleInfo(rid, title, same(kind), same(employer), org_id, same(muni), same(remote), h_min, h_max,
                             clause_id, same(language))
    return profiles, info, shown


def _show(display: dict[str, str], shown) -> None:
    """Record how the roles' texts are shown (the first spelling wins), as Reference.shown does."""
    for texts in shown:
        for folded, name in texts:
            display.setdefault(folded, name)


def roles(conditions: list, ref: Reference) -> tuple[list[RoleProfile], dict[int, RoleInfo]]:
    """Role profiles (in id order) and their display info, in five queries."""
    profiles, info, shown = _role_data(conditions, ref, _Same())
    _show(ref.display["role"], shown)
    return profiles, info

"""Business actions of employers: their profile, their roles and the roles' states.

Every change is audited; services flush and the view commits. Roles are
normalised when saved (skills folded and de-duplicated, demands without the
"none" level, the search terms rebuilt), so the listing and the matching
engine read clean data.
"""
from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from portal import signals
from portal.accounts.models import Organisation
from portal.audit.services import record
from portal.clock import today
from portal.db_types import utcnow
from portal.domain import job_roles as jr
from portal.domain.text import clean_block, clean_line, fold
from portal.domain.text_language import content_language
from portal.employers import clauses
from portal.employers.models import (
    EmployerLocation,
    EmployerProfile,
    JobRole,
    JobRoleAdjustment,
    JobRoleDemand,
    JobRoleLanguage,
    JobRoleSkill,
)
from portal.employers.search_index import index_role
from portal.errors import ServiceError
from portal.extensions import db
from portal.guidance.rules_data import rules
from portal.i18n import author_language
from portal.identity.services import ORGANISATION_DETAILS
from portal.reference.models import ReferenceItem

ROLE_SORTS = {"updated": JobRole.updated_at, "title": JobRole.title, "status": JobRole.status,
              "open_until": JobRole.open_until}


class RoleRejected(Exception):
    """The role breaks the rules; ``problems`` name the fields and the reasons."""

    def __init__(self, problems: list[jr.Problem]):
        super().__init__(", ".join(p.code for p in problems))
        self.problems = problems


def profile_for(org: Organisation) -> EmployerProfile:
    """The organisation's profile; an empty one (not yet saved) when it has none."""
    profile = db.session.scalar(select(EmployerProfile).where(EmployerProfile.organisation_id == org.id))
    return profile or EmployerProfile(organisation_id=org.id, organisation=org, contact_name="", contact_email="",
                                      contact_phone="", website="", description="", inclusion_statement="")


ORGANISATION_DETAILS["employer"] = profile_for  # what the verifier sees of an employer


def save_profile(org: Organisation, data: dict[str, Any]) -> EmployerProfile:
    """Save the organisation's name, business ID and profile; a business ID in use elsewhere is refused.

    Once verified, the name and business ID are what the administrators vouched
    for: only they change them (a verified employer renamed "Esimerkki Oy" would
    pose as another).
    """
    business_id = data.get("business_id") or None
    if business_id:
        holder = db.session.scalar(select(Organisation.id).where(Organisation.business_id == business_id))
        if holder is not None and holder != org.id:
            raise ServiceError(_("Another organisation already has this business ID."), "business_id")
    if org.verified and (clean_line(data["name"], 200), business_id) != (org.name, org.business_id):
        raise ServiceError(_("Your organisation has been verified, so its name and business ID are changed by "
                             "the portal's administrators. Please contact them."), "name")
    profile = profile_for(org)
    org.name = clean_line(data["name"], 200)
    org.business_id = business_id
    profile.industry_code = data.get("industry_code") or None
    for name in ("contact_name", "contact_phone", "website"):
        setattr(profile, name, clean_line(data.get(name), 300))
    profile.contact_email = clean_line(data.get("contact_email"), 254).casefold()
    profile.description = clean_block(data.get("description"))
    profile.inclusion_statement = clean_block(data.get("inclusion_statement"))
    profile.locations = [EmployerLocation(municipality_code=c) for c in dict.fromkeys(data.get("locations") or [])]
    org.municipality_code = org.municipality_code or (profile.locations[0].municipality_code
                                                      if profile.locations else None)
    db.session.add(profile)
    db.session.flush()
    record("employer_profile_saved", "organisation", org.id, organisation_id=org.id)
    return profile


def role_counts(org: Organisation) -> dict[str, int]:
    """How many of the organisation's roles are in each state."""
    rows = db.session.execute(select(JobRole.status, func.count()).where(JobRole.organisation_id == org.id)
                              .group_by(JobRole.status))
    return dict.fromkeys(jr.STATES, 0) | dict(rows.all())


def roles_query(org: Organisation, status: str = ""):
    """The organisation's roles (unsorted), optionally in one state."""
    stmt = select(JobRole).where(JobRole.organisation_id == org.id)
    if status in jr.STATES:
        stmt = stmt.where(JobRole.status == status)
    return stmt


def own_role(org: Organisation, role_id: int):
    """A select for one role of the organisation: another organisation's role is not found."""
    return select(JobRole).where(JobRole.id == role_id, JobRole.organisation_id == org.id)


def form_data(role: JobRole) -> dict[str, Any]:
    """A saved role as the role form's initial data."""
    data = {name: getattr(role, name) for name in (
        "title", "kind", "tasks", "description", "occupation_code", "municipality_code", "address_area", "remote",
        "hours_min", "hours_max", "schedule", "trial_weeks", "positions", "wage_subsidy_interest", "open_until",
        "language")}
    data.update(essential_skills="\n".join(s.name for s in role.essential_skills),
                negotiable_skills="\n".join(s.name for s in role.negotiable_skills),
                adjustments=role.adjustment_codes, languages=role.language_codes,
                clause_id=role.clause_id)
    data.update({f"demand_{code}": level for code, level in role.demand_levels.items()})
    return data


def _draft(data: dict[str, Any]) -> jr.RoleDraft:
    skills = tuple((name, True) for name in data["essential_skills"]) + tuple(
        (name, False) for name in data["negotiable_skills"])
    return jr.RoleDraft(
        kind=data["kind"], title=data["title"], description=data["description"],
        municipality_code=data["municipality_code"], remote=data["remote"], hours_min=data["hours_min"],
        hours_max=data["hours_max"], trial_weeks=data["trial_weeks"] if data["kind"] == "work_trial" else None,
        positions=data["positions"] if data["positions"] is not None else 1, skills=skills,
        open_until=data["open_until"])


def clean_role_data(raw: dict[str, Any]) -> dict[str, Any]:
    """Trim and normalise the role form's data (texts cleaned, empty choices to None, skills split)."""
    def lines(text):
        return [clean_line(line) for line in (text or "").splitlines() if clean_line(line)]

    return {
        "kind": raw.get("kind") or "job", "title": clean_line(raw.get("title"), 200),
        "tasks": clean_block(raw.get("tasks")), "description": clean_block(raw.get("description")),
        "occupation_code": raw.get("occupation_code") or None,
        "municipality_code": raw.get("municipality_code") or None,
        "address_area": clean_line(raw.get("address_area"), 200), "remote": raw.get("remote") or "none",
        "hours_min": raw.get("hours_min"), "hours_max": raw.get("hours_max"),
        "schedule": raw.get("schedule") or "agreed", "trial_weeks": raw.get("trial_weeks"),
        "positions": raw.get("positions"), "wage_subsidy_interest": bool(raw.get("wage_subsidy_interest")),
        "open_until": raw.get("open_until"), "clause_id": raw.get("clause_id") or None,
        "essential_skills": lines(raw.get("essential_skills")),
        "negotiable_skills": lines(raw.get("negotiable_skills")),
        "demands": {k: v for k, v in (raw.get("demands") or {}).items() if v and v != "none"},
        "adjustments": list(dict.fromkeys(raw.get("adjustments") or [])),
        "languages": list(dict.fromkeys(raw.get("languages") or [])), "language": raw.get("language") or None,
    }


def check_role(org: Organisation, data: dict[str, Any], publish: bool) -> None:
    """Raise RoleRejected with every problem of the data (and what publishing lacks, when publishing)."""
    draft = _draft(data)
    problems = jr.problems(draft, rules().in_force("work_trial", today()))
    if publish:
        problems += jr.missing_for_publication(draft, today())
        if not org.verified:  # an unverified employer's roles stay drafts: nothing of it is public
            problems.append(jr.Problem("status", "organisation_unverified"))
    if not data["title"]:
        problems.append(jr.Problem("title", "required"))
    if data["clause_id"] is not None and not clauses.belongs_to(data["clause_id"], org.id):
        problems.append(jr.Problem("clause_id", "clause_not_yours"))
    if problems:
        raise RoleRejected(problems)


def _skill_codes() -> dict[str, str]:
    """Folded label -> skill code: preferred labels first, then the concepts' alternative labels."""
    rows = db.session.execute(select(ReferenceItem.code, ReferenceItem.label_fi, ReferenceItem.label_sv,
                                     ReferenceItem.label_en, ReferenceItem.data)
                              .where(ReferenceItem.catalogue == "skills")).all()
    found = {fold(label): code for code, *labels, _data in rows for label in labels}
    for code, *_labels, data in rows:
        for alts in ((data or {}).get("alt") or {}).values():
            for alt in alts:
                found.setdefault(fold(alt), code)
    return found


def _apply(role: JobRole, data: dict[str, Any]) -> None:
    for name in ("kind", "title", "tasks", "description", "occupation_code", "municipality_code", "address_area",
                 "remote", "hours_min", "hours_max", "schedule", "wage_subsidy_interest", "open_until"):
        setattr(role, name, data[name])
    role.trial_weeks = data["trial_weeks"] if data["kind"] == "work_trial" else None
    role.positions = data["positions"] or 1
    role.clause_id = data["clause_id"]
    role.language = content_language(data["language"], (role.title, role.tasks, role.description), author_language())
    codes = _skill_codes()
    lines = [(n, True) for n in data["essential_skills"]] + [(n, False) for n in data["negotiable_skills"]]
    role.skills = [JobRoleSkill(position=i, name=name, name_folded=fold(name)[:100], essential=essential,
                                skill_code=codes.get(fold(name)))
                   for i, (name, essential) in enumerate(jr.normalise_skills(lines, fold))]
    role.demands = [JobRoleDemand(demand_code=k, level_code=v) for k, v in sorted(data["demands"].items())]
    role.adjustments = [JobRoleAdjustment(adjustment_code=c) for c in sorted(data["adjustments"])]
    role.languages = [JobRoleLanguage(language_code=c) for c in sorted(data["languages"])]


def save_role(org: Organisation, role: JobRole | None, raw: dict[str, Any], publish: bool = False) -> JobRole:
    """Create or update a role of the organisation; publish it too when asked (and allowed)."""
    data = clean_role_data(raw)
    check_role(org, data, publish)
    creating = role is None
    if role is None:
        role = JobRole(organisation_id=org.id, status="draft")
        db.session.add(role)
    _apply(role, data)
    db.session.flush()
    record("role_created" if creating else "role_updated", "job_role", role.id, organisation_id=org.id,
           detail={"title": role.title})
    if publish and role.status != "published":
        change_state(org, role, "publish")
    else:
        index_role(role)
    return role


def change_state(org: Organisation, role: JobRole, action: str) -> JobRole:
    """Move a role to another state; publishing checks the role first and announces it."""
    if not jr.can(action, role.status):
        raise ServiceError(_("This change is not possible in the role's current state."))
    if action == "publish":
        check_role(org, _data_of(role), publish=True)
    old = role.status
    role.status = jr.target(action)
    if action == "publish":
        role.published_at = role.published_at if old == "filled" and role.published_at else utcnow()
    db.session.flush()
    index_role(role)
    record(f"role_{action}", "job_role", role.id, organisation_id=org.id, detail={"from": old, "to": role.status})
    if action == "publish":
        signals.role_published.send(current_app._get_current_object(), role=role)
    return role


def _data_of(role: JobRole) -> dict[str, Any]:
    """A saved role as the data check_role reads."""
    return {
        "kind": role.kind, "title": role.title, "description": role.description,
        "municipality_code": role.municipality_code, "remote": role.remote, "hours_min": role.hours_min,
        "hours_max": role.hours_max, "trial_weeks": role.trial_weeks, "positions": role.positions,
        "open_until": role.open_until, "clause_id": role.clause_id,
        "essential_skills": [s.name for s in role.essential_skills],
        "negotiable_skills": [s.name for s in role.negotiable_skills],
    }

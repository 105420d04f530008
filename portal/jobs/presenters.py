"""Roles as the pages, the JSON API and schema.org JSON-LD show them."""
from __future__ import annotations

from flask import url_for

from portal import clock
from portal.employers.forms import hours_text
from portal.employers.models import JobRole

# Weekly hours from which schema.org's employmentType says FULL_TIME.
FULL_TIME_HOURS = 35


def employment_types(role: JobRole) -> list[str]:
    """schema.org employmentType values for the role."""
    if role.kind == "work_trial":
        return ["OTHER"]  # a trial is not employment; an apprenticeship is, so it follows the hours
    types = []
    if role.hours_min is not None and role.hours_min < FULL_TIME_HOURS:
        types.append("PART_TIME")
    if role.hours_max is not None and role.hours_max >= FULL_TIME_HOURS:
        types.append("FULL_TIME")
    return types or ["OTHER"]


def json_ld(role: JobRole, names: dict[str, dict]) -> dict:
    """A schema.org JobPosting for the role; rendered with |tojson, so user text is escaped."""
    body = "\n\n".join(p for p in (role.tasks, role.description) if p)
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": role.title,
        "description": body or role.title,
        "identifier": {"@type": "PropertyValue", "name": role.organisation.name, "value": str(role.id)},
        # The day it was published in Finland, where the role is (published_at is kept in UTC).
        "datePosted": role.published_at.astimezone(clock.HELSINKI).date().isoformat() if role.published_at else None,
        "employmentType": employment_types(role),
        "hiringOrganization": {"@type": "Organization", "name": role.organisation.name},
        "totalJobOpenings": role.positions,
        "url": url_for("jobs.role", role_id=role.id, _external=True),
        "directApply": False,
    }
    if role.open_until:
        data["validThrough"] = f"{role.open_until.isoformat()}T23:59:59+02:00"
    if role.municipality_code:
        data["jobLocation"] = {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": names["municipalities"].get(role.municipality_code, ""),
            "addressCountry": "FI"}}
    if role.remote == "fully":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "FI"}
    if role.occupation_code:
        data["occupationalCategory"] = role.occupation_code
    hours = hours_text(role)
    if hours:
        data["workHours"] = f"{hours} h/week"
    skills = [s.name for s in role.skills]
    if skills:
        data["skills"] = ", ".join(skills)
    return {k: v for k, v in data.items() if v is not None}


def api_item(role: JobRole, names: dict[str, dict]) -> dict:
    """A role as an item of GET /api/v1/roles (the OpenAPI schema Role)."""
    def coded(catalogue: str, code: str | None):
        return {"code": code, "label": names[catalogue].get(code, code)} if code else None

    return {
        "id": role.id,
        "url": url_for("jobs.role", role_id=role.id, _external=True),
        "title": role.title,
        "kind": role.kind,
        "employer": {"name": role.organisation.name},
        "tasks": role.tasks,
        "description": role.description,
        "language": role.language,
        "occupation": coded("occupations", role.occupation_code),
        "municipality": coded("municipalities", role.municipality_code),
        "address_area": role.address_area,
        "remote": role.remote,
        "hours": {"min": role.hours_min, "max": role.hours_max},
        "schedule": role.schedule,
        "trial_weeks": role.trial_weeks,
        "positions": role.positions,
        "wage_subsidy_interest": role.wage_subsidy_interest,
        "skills": [{"name": s.name, "essential": s.essential} for s in role.skills],
        "physical_demands": [{"code": d.demand_code, "level": d.level_code} for d in role.demands],
        "adjustments": [coded("adjustments", c) for c in role.adjustment_codes],
        "languages": role.language_codes,
        "open_until": role.open_until.isoformat() if role.open_until else None,
        "published_at": role.published_at.isoformat() if role.published_at else None,
    }

"""Access rules of the employer, role and guidance pages, and ``make_role`` for other tests.

The world's home employer has a profile, a published role (``employer_role``)
and a draft (``employer_draft``); the other employer has a published role of
its own (``other_employer_role``). Drafts are seen only by their own employer.
"""
from __future__ import annotations

from portal.employers import services
from portal.employers.models import EmployerProfile
from portal.extensions import db
from tests.access import PUBLIC, Route

ROLE_DATA = {
    "title": "Toimistosiivooja", "kind": "job", "tasks": "Toimistotilojen siivous aamuisin.",
    "description": "Pieni ja rauhallinen työyhteisö Hervannassa.", "municipality_code": "837",
    "address_area": "Hervanta", "remote": "none", "hours_min": 15, "hours_max": 30, "schedule": "agreed",
    "positions": 1, "essential_skills": "Siivous", "negotiable_skills": "Asiakaspalvelu",
    "adjustments": ["quiet_workspace", "part_time"], "demands": {"lifting": "brief", "standing": "moderate"},
    "languages": ["fi"],
}


def make_role(org, publish: bool = True, **fields):
    """A role of the organisation through the real service (normalised and indexed), flushed."""
    data = {**ROLE_DATA, **fields}
    return services.save_role(org, None, data, publish=publish)


def build(world) -> None:
    home, other = world.orgs["employer"], world.orgs["other_employer"]
    db.session.add(EmployerProfile(organisation=home, contact_name="Tiina", contact_email="tiina@home.example",
                                   contact_phone="", website="", description="Kotiyritys",
                                   inclusion_statement="Muokkaamme tehtäviä."))
    world.ids["employer_role"] = make_role(home).id
    world.ids["employer_draft"] = make_role(home, publish=False, title="Luonnos: keittiöapulainen").id
    world.ids["employer_role_to_change"] = make_role(home, title="Varastotyöntekijä").id
    world.ids["other_employer_role"] = make_role(other, title="Toisen yrityksen rooli").id


EMPLOYER = ("employer",)


def _role(key):
    return lambda w: {"role_id": w.ids[key]}


ROUTES = [
    Route("employers.index", EMPLOYER),
    Route("employers.profile_edit", EMPLOYER),
    Route("employers.profile_edit", EMPLOYER, method="POST", data=lambda w: {"name": ""}),
    Route("employers.roles_list", EMPLOYER),
    Route("employers.role_new", EMPLOYER),
    Route("employers.role_new", EMPLOYER, method="POST", data=lambda w: {"title": ""}),
    Route("employers.role", EMPLOYER, params=_role("employer_draft"), scoped=True),
    Route("employers.role_edit", EMPLOYER, params=_role("employer_draft"), scoped=True),
    Route("employers.role_edit", EMPLOYER, method="POST", params=_role("employer_draft"), scoped=True,
          data=lambda w: {"title": ""}),
    Route("employers.role_action", EMPLOYER, params=lambda w: {"role_id": w.ids["employer_role"], "action": "fill"},
          scoped=True),
    Route("employers.role_action", EMPLOYER, method="POST", scoped=True, ok=(302,),
          params=lambda w: {"role_id": w.ids["employer_role_to_change"], "action": "close"}),
    # Signed-in users are sent to their start page instead of the registration form.
    Route("employers.signup", PUBLIC, ok=(200, 302)),
    Route("employers.signup", PUBLIC, method="POST", browser=False, data=lambda w: {"email": "x"}),
    Route("employers.signup_sent", PUBLIC),
    Route("jobs.index", PUBLIC),
    Route("jobs.index", PUBLIC, query=lambda w: {"q": "siivoojaksi", "municipality": "837"}, browser=True),
    Route("jobs.role", PUBLIC, params=_role("employer_role")),
    Route("jobs.api_roles", PUBLIC, kind="json"),
    Route("jobs.openapi", PUBLIC, kind="json"),
    Route("guidance.index", PUBLIC),
    Route("guidance.article", PUBLIC, params=lambda w: {"slug": "wage-subsidy"}),
    Route("guidance.calculator", PUBLIC),
    Route("guidance.calculator", PUBLIC, query=lambda w: {
        "situation": "reduced_work_ability", "employer_kind": "company", "monthly_pay": "2600",
        "weekly_hours": "30", "full_time_hours": "37.5", "start": "2026-03-01", "months": "30",
        "tools_cost": "5000", "coworker_hours": "10", "coworker_months": "6"}),
    Route("guidance.rules", PUBLIC),
]

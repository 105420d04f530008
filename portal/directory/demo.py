"""Demo entries of the service directory, offered by the demo provider (idempotent)."""
from __future__ import annotations

from sqlalchemy import select

from portal.accounts.demo import demo_org
from portal.directory.models import Service, ServiceForm, ServiceGoal, ServiceTargetGroup
from portal.domain.profile import fold
from portal.extensions import db

SERVICES = [
    {"name": "Työnhaun ryhmävalmennus", "goals": ["job_search"], "forms": ["group"], "weeks": 6,
     "note": "Kaksi kertaa viikossa", "groups": ["partial_work_ability", "long_term_unemployed"],
     "description": "Hakemukset, CV ja työhaastatteluun valmistautuminen pienessä ryhmässä."},
    {"name": "Yksilöllinen työhönvalmennus (IPS)", "goals": ["job_search", "working_life"],
     "forms": ["individual"], "weeks": 26, "note": "Tapaamiset sovitaan yhdessä",
     "groups": ["partial_work_ability", "disabled"],
     "description": "Valmentaja etsii kanssasi työpaikan avoimilta työmarkkinoilta ja tukee työn alkuun."},
    {"name": "Työelämätaitojen verkkokurssi", "goals": ["working_life"], "forms": ["remote"], "weeks": 4,
     "note": "Omaan tahtiin", "groups": [],
     "description": "Työpaikan pelisäännöt, työaika ja työterveyshuolto tutuiksi verkossa."},
    {"name": "Vuorovaikutustaitojen ryhmä", "goals": ["social"], "forms": ["group"], "weeks": 8, "note": "",
     "groups": ["young"], "description": "Harjoitellaan yhteistyötä ja asiakaskohtaamisia turvallisessa ryhmässä."},
    {"name": "Työkyvyn arviointijakso", "goals": ["health_work_ability"], "forms": ["individual"], "weeks": 3,
     "note": "", "groups": ["partial_work_ability"],
     "description": "Työ- ja toimintakyvyn arviointi aidossa työympäristössä yhdessä työterveyden kanssa."},
    {"name": "Kuntouttava työtoiminta – puutyöpaja", "goals": ["participation"], "forms": ["group"], "weeks": 12,
     "note": "1–4 päivää viikossa", "groups": ["long_term_unemployed"],
     "description": "Matalan kynnyksen työtoimintaa, josta polku jatkuu kohti työtä tai koulutusta."},
]


def seed() -> str:
    """Create the demo services that are missing."""
    provider, created = demo_org("provider"), 0
    for spec in SERVICES:
        if db.session.scalar(select(Service.id).where(Service.organisation_id == provider.id,
                                                      Service.name == spec["name"])) is not None:
            continue
        service = Service(organisation_id=provider.id, name=spec["name"], name_folded=fold(spec["name"]),
                          description=spec["description"], length_weeks=spec["weeks"], length_note=spec["note"],
                          municipality_code="837", how_to_refer="Valmentaja tekee lähetteen portaalissa tai "
                          "soittamalla palveluohjaukseen.", contact="palvelut@valmennuspolku.example")
        service.goals = [ServiceGoal(code=c) for c in spec["goals"]]
        service.forms = [ServiceForm(code=c) for c in spec["forms"]]
        service.target_groups = [ServiceTargetGroup(code=c) for c in spec["groups"]]
        db.session.add(service)
        created += 1
    db.session.flush()
    return f"{created} services created"

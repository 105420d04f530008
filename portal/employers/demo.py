"""Demo data: the profile of Esimerkki Oy and its roles (a job, an apprenticeship, work trials, a draft)."""
from __future__ import annotations

from sqlalchemy import select

from portal.accounts.demo import demo_org
from portal.employers import services
from portal.employers.models import EmployerProfile, JobRole
from portal.extensions import db

PROFILE = {
    "industry_code": "N", "locations": ["837", "109"], "contact_name": "Tiina Työnantaja",
    "contact_email": "tyonantaja@ote-demo.example", "contact_phone": "040 123 4567",
    "website": "https://esimerkki.example",
    "description": "Esimerkki Oy tuottaa kiinteistö-, siivous- ja logistiikkapalveluja Pirkanmaalla. "
                   "Meillä on noin 120 työntekijää, ja moni heistä on aloittanut meillä työkokeilun kautta.",
    "inclusion_statement": "Rakennamme työnkuvan ihmisen mukaan: aloitamme usein lyhyemmillä päivillä, "
                           "annamme työohjeet kirjallisina ja nimeämme jokaiselle uudelle työkaverin, jolta voi "
                           "kysyä. Teemme yhteistyötä työhönvalmentajien kanssa, ja he ovat tervetulleita "
                           "työpaikalle ensimmäisiksi viikoiksi.",
}

ROLES = [
    {"title": "Toimistosiivooja, aamupäivät", "kind": "job", "occupation_code": "9112",
     "tasks": "Siivoat asiakkaidemme toimistoja Hervannassa aamupäivisin: pyyhit pinnat, imuroit, tyhjennät "
              "roska-astiat ja täydennät tarvikkeet. Jokaisessa kohteessa on kirjallinen tehtävälista.",
     "description": "Työskentelet pienessä tiimissä, ja työnjohtaja käy kohteissa päivittäin. Ensimmäiset "
                    "viikot teet työtä kokeneen työkaverin kanssa. Työtahti sovitaan yhdessä.",
     "municipality_code": "837", "address_area": "Hervanta", "remote": "none", "hours_min": 20, "hours_max": 30,
     "schedule": "agreed", "positions": 2, "wage_subsidy_interest": True,
     "essential_skills": "Siivous", "negotiable_skills": "Asiakaspalvelu\nTyöturvallisuus",
     "demands": {"standing": "moderate", "walking": "moderate", "lifting": "brief"},
     "adjustments": ["part_time", "written_instructions", "gradual_start", "extra_breaks"], "languages": ["fi"]},
    {"title": "Kiinteistönhoitaja, oppisopimus", "kind": "apprenticeship", "occupation_code": "5153",
     "tasks": "Opit kiinteistönhoitajan työt oppisopimuksella: ulkoalueiden hoito, pienet korjaukset, "
              "lumityöt ja asukkaiden neuvonta. Suoritat samalla kiinteistönhoitajan tutkinnon osia.",
     "description": "Työpaikkaohjaaja on nimetty ja tukee sinua koko oppisopimuksen ajan. Kulkeminen "
                    "kohteiden välillä tapahtuu yrityksen autolla työkaverin kanssa.",
     "municipality_code": "837", "address_area": "Tampereen keskusta", "remote": "none", "hours_min": 30,
     "hours_max": 37, "schedule": "fixed", "positions": 1, "wage_subsidy_interest": True,
     "essential_skills": "", "negotiable_skills": "Kiinteistöhuolto\nB-ajokortti",
     "demands": {"outdoor": "heavy", "walking": "heavy", "lifting": "moderate"},
     "adjustments": ["mentor", "workplace_coach", "written_instructions"], "languages": ["fi"]},
    {"title": "Verkkokaupan varastotyön työkokeilu", "kind": "work_trial", "occupation_code": "4321",
     "tasks": "Keräät tilauksia hyllyistä, pakkaat ne ja tulostat osoitetarrat. Tehtävät on jaettu selkeisiin "
              "vaiheisiin, ja voit aloittaa yhdestä vaiheesta.",
     "description": "Kahdeksan viikon työkokeilu rauhallisessa varastossa Lakalaivassa. Kokeilun lopussa "
                    "katsomme yhdessä, jatketaanko työsuhteena.",
     "municipality_code": "837", "address_area": "Lakalaiva", "remote": "none", "hours_min": 20, "hours_max": 30,
     "schedule": "fixed", "trial_weeks": 8, "positions": 2,
     "essential_skills": "", "negotiable_skills": "Pakkaaminen\nVarastotyö",
     "demands": {"standing": "moderate", "lifting": "brief", "fine_motor": "moderate"},
     "adjustments": ["quiet_workspace", "fixed_routine", "job_carving", "workplace_coach"], "languages": []},
    {"title": "Asiakaspalvelija, chat ja sähköposti", "kind": "job", "occupation_code": "4222",
     "tasks": "Vastaat asiakkaiden kysymyksiin chatissa ja sähköpostissa: aikataulut, laskut ja palautteet. "
              "Valmiit vastauspohjat auttavat alkuun.",
     "description": "Työ tehdään osin kotoa, osin toimistolla Tampereella. Työvuorot sovitaan viikoittain.",
     "municipality_code": "837", "address_area": "Tampereen keskusta", "remote": "partly", "hours_min": 15,
     "hours_max": 25, "schedule": "flexible", "positions": 1,
     "essential_skills": "Suomen kieli", "negotiable_skills": "Toimisto-ohjelmat\nRuotsin kieli",
     "demands": {"screen_time": "heavy", "sitting": "moderate"},
     "adjustments": ["remote_days", "flexible_hours", "quiet_workspace", "ergonomic_workstation"],
     "languages": ["fi"]},
    {"title": "Keittiöapulainen, henkilöstöravintola", "kind": "job", "occupation_code": "9412",
     "tasks": "Autat kokkeja lounaan valmistelussa: kasvisten esikäsittely, salaattipöytä ja astianpesu.",
     "description": "Henkilöstöravintola Hervannassa, arkisin aamupäivisin. Työvuorot ja tauot sovitaan yhdessä.",
     "municipality_code": "837", "address_area": "Hervanta", "remote": "none", "hours_min": 25, "hours_max": 37,
     "schedule": "agreed", "positions": 1,
     "essential_skills": "Keittiötyö", "negotiable_skills": "Hygieniapassi\nAstianpesu",
     "demands": {"standing": "moderate", "lifting": "brief"},
     "adjustments": ["extra_breaks", "gradual_start", "job_carving"], "languages": ["fi"]},
]
DRAFT = {"title": "Kahvilan apulainen", "kind": "job", "tasks": "Astioiden pesu ja leivonnaisten esillepano.",
         "municipality_code": "837"}


def seed() -> str:
    """Create the demo employer's profile and roles if missing (matched by title)."""
    org = demo_org("employer")
    created = 0
    if db.session.scalar(select(EmployerProfile.id).where(EmployerProfile.organisation_id == org.id)) is None:
        services.save_profile(org, {"name": org.name, "business_id": org.business_id, **PROFILE})
        created += 1
    existing = set(db.session.scalars(select(JobRole.title).where(JobRole.organisation_id == org.id)))
    for spec in ROLES + [DRAFT]:
        if spec["title"] in existing:
            continue
        services.save_role(org, None, spec, publish=spec is not DRAFT)
        created += 1
    db.session.flush()
    return f"{created} created"

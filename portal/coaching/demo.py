"""Demo caseload: Kaisa Asiakas (the candidate login) and others coached by Ville Valmentaja (idempotent)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.accounts.demo import demo_org, demo_user
from portal.coaching.models import (
    Assessment,
    AssessmentFocus,
    AssessmentService,
    AssessmentSituation,
    Candidate,
    CandidateAdjustment,
    CandidateCoach,
    CandidateLanguage,
    CandidateOccupation,
    CandidateSkill,
    CandidateTargetGroup,
    CoachingModule,
    Consent,
    EmployerContact,
    FunctionalLimit,
    Goal,
    ModuleReview,
    OrganisationAdmin,
    Plan,
    StatusChange,
)
from portal.directory.models import Service
from portal.domain.profile import fold, new_code
from portal.extensions import db

OTHERS = [
    # name, status, days since intake, skills, occupations, hours, municipality, contact days ago
    ("Matti Mallikas", "job_search", 40, ["warehouse", "forklift"], ["Varastotyöntekijä"], (30, 37), "837", 3),
    ("Liisa Lahtinen", "work_trial", 90, ["cleaning", "property_maintenance"], ["Siivooja"], (20, 30), "211", 12),
    ("Ahmed Hassan", "intake", 5, ["kitchen", "food_hygiene"], ["Kokki", "Keittiöapulainen"], (25, 37), "837", None),
    ("Sari Saarinen", "employed", 200, ["office_software", "data_entry"], ["Toimistoassistentti"], (20, 25), "837", 30),
    ("Jukka Järvinen", "rehabilitation", 120, ["gardening"], ["Viheralueiden hoitaja"], (10, 20), "418", 60),
]


def _candidate(coach, name, status, intake, skills, occupations, hours, municipality, user=None) -> Candidate:
    c = Candidate(code=new_code(), organisation_id=coach.organisation_id, user_id=user.id if user else None,
                  name=name, email=f"{fold(name).replace(' ', '.')}@ote-demo.example", municipality_code=municipality,
                  hours_min=hours[0], hours_max=hours[1], status=status, status_since=intake + timedelta(days=7),
                  intake_on=intake, skills_text="", skills_folded="", desired_work_text="", desired_work_folded="",
                  next_follow_up=clock.today() + timedelta(days=len(name) % 14))
    c.coach_links = [CandidateCoach(user_id=coach.id)]
    c.skills = [CandidateSkill(code=s) for s in skills]
    c.occupations = [CandidateOccupation(position=i, name=o, name_folded=fold(o)) for i, o in enumerate(occupations)]
    c.languages = [CandidateLanguage(code="fi", level="native")]
    db.session.add(c)
    db.session.flush()
    db.session.add(StatusChange(candidate_id=c.id, status="intake", since=intake, changed_by_id=coach.id))
    if status != "intake":
        db.session.add(StatusChange(candidate_id=c.id, status=status, since=c.status_since, changed_by_id=coach.id))
    return c


def _kaisa(coach, user, employer) -> Candidate:
    today = clock.today()
    intake = today - timedelta(days=45)
    c = _candidate(coach, user.name, "job_search", intake, ["customer_service", "cash_register", "shelf_stocking"],
                   ["Myyjä", "Kassatyöntekijä", "Siivooja"], (20, 30), "837", user=user)
    c.email = user.email
    c.education = "Peruskoulu ja merkonomin perustutkinto (2015)."
    c.work_history = "Kaupan kassa- ja hyllytystöitä 2015–2019, sen jälkeen pitkä tauko."
    c.skills_text = "Asiakaspalvelu, kassatyö ja hyllytys; rauhallinen ja tarkka."
    c.skills_folded = fold(c.skills_text)
    c.desired_work_text = "Osa-aikainen työ kaupassa tai kahvilassa aamuvuoroissa, tai siivoustyö aamupäivisin."
    c.desired_work_folded = fold(c.desired_work_text)
    c.limits_note = "Ei raskaita nostoja; tauko tunnin välein auttaa jaksamaan."
    c.support_intensity, c.peer_coach = "intensive", "Pekka Vertainen"
    c.limits = [FunctionalLimit(demand_code="lifting", max_level="brief"),
                FunctionalLimit(demand_code="standing", max_level="moderate")]
    c.adjustments = [CandidateAdjustment(code="part_time"), CandidateAdjustment(code="extra_breaks"),
                     CandidateAdjustment(code="gradual_start")]
    c.target_groups = [CandidateTargetGroup(code="partial_work_ability"),
                       CandidateTargetGroup(code="long_term_unemployed")]
    a = Assessment(candidate_id=c.id, multi_sector=True, completed_on=intake + timedelta(days=10),
                   participants="Työhönvalmentaja, työterveyshoitaja, TYP:n sosiaalityöntekijä", updated_by_id=coach.id)
    a.situations = [AssessmentSituation(code="prolonged_unemployment", note="Työttömänä vuodesta 2019."),
                    AssessmentSituation(code="health", note="Selkävaivat rajoittavat nostamista.")]
    a.focus_notes = [
        AssessmentFocus(code="own_goals", note="Haluaa takaisin kaupan alalle osa-aikaisesti."),
        AssessmentFocus(code="work_ability", note="Riittää 4–6 tunnin päiviin, kun nostot ovat kevyitä."),
        AssessmentFocus(code="treatment_rehabilitation", note="Fysioterapia jatkuu työterveydessä."),
        AssessmentFocus(code="special_support", note="Asteittainen aloitus ja työpaikkamentori."),
    ]
    a.services = [AssessmentService(code="employment_services"), AssessmentService(code="primary_health"),
                  AssessmentService(code="typ")]
    plan = Plan(candidate_id=c.id, summary="Tavoitteena osa-aikatyö kaupan alalla vuoden loppuun mennessä.",
                agreed_on=intake + timedelta(days=12))
    plan.goals = [
        Goal(title="Päivitetty CV ja kolme työhakemusta", own_words="Teen CV:n kuntoon ja haen kolmea paikkaa.",
             measure="CV valmis ja kolme hakemusta lähetetty", target_date=today + timedelta(days=21),
             responsible="Kaisa ja Ville", position=1),
        Goal(title="Työkokeilu kaupassa", own_words="Kokeilen, jaksanko neljän tunnin päiviä kaupassa.",
             measure="Työkokeilusopimus allekirjoitettu", target_date=today + timedelta(days=60),
             responsible="Ville Valmentaja", position=2),
    ]
    service = db.session.scalar(select(Service).where(Service.name == "Työnhaun ryhmävalmennus"))
    done = CoachingModule(candidate_id=c.id, service_id=service.id if service else None,
                          title="Työnhaun ryhmävalmennus", goal_code="job_search", start_on=intake + timedelta(days=14),
                          end_on=intake + timedelta(days=42), status="completed")
    done.review = ModuleReview(reviewed_on=intake + timedelta(days=43), decision="next_module",
                               results="CV valmis, harjoitushaastattelu sujui hyvin.", reviewer_id=coach.id,
                               participants="Kaisa, Ville, Demolan kaupungin yhteyshenkilö")
    db.session.add_all([a, plan, done, Consent(candidate_id=c.id, employer_organisation_id=employer.id,
                                               scope="profile", given_by_id=user.id)])
    db.session.add(EmployerContact(candidate_id=c.id, contact_on=today - timedelta(days=4), recorded_by_id=coach.id,
                                   note="Esittelin Kaisan osaamisen kaupan esimiehelle."))
    return c


def seed() -> str:
    """Create the demo caseload when the demo candidate has no record yet."""
    coach, user = demo_user("coach"), demo_user("candidate")
    if db.session.scalar(select(Candidate.id).where(Candidate.user_id == user.id)) is not None:
        return "0 candidates created"
    _kaisa(coach, user, demo_org("employer"))
    # The demo coach also reads the provider's audit log, to show it.
    db.session.add(OrganisationAdmin(organisation_id=coach.organisation_id, user_id=coach.id))
    today = clock.today()
    for name, status, days, skills, occupations, hours, municipality, contact in OTHERS:
        c = _candidate(coach, name, status, today - timedelta(days=days), skills, occupations, hours, municipality)
        if contact is not None:
            db.session.add(EmployerContact(candidate_id=c.id, contact_on=today - timedelta(days=contact),
                                           recorded_by_id=coach.id))
    db.session.flush()
    return f"{1 + len(OTHERS)} candidates created"

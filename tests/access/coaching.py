"""Access rules of the coach's pages; the world's candidate carries distinctive sensitive strings.

The candidate record belongs to world.users["candidate"] and is coached by
world.users["coach"]; second_coach (same provider, not assigned) and
second_candidate get 404, and so do users of other organisations.
"""
from __future__ import annotations

from datetime import timedelta

from portal import clock
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
    FollowUp,
    FunctionalLimit,
    Goal,
    ModuleReview,
    OrganisationAdmin,
    Plan,
    PlanStep,
    StatusChange,
)
from portal.domain.profile import new_code
from portal.extensions import db
from tests.access import Route

# Text that only the candidate's own coaches (and the candidate) may ever see.
SENSITIVE = {
    "name": "Salainen Sanna-Siiri",
    "email": "sanna.siiri@salainen.example",
    "phone": "0407771234",
    "education": "Koulutus-SALAISUUS-A",
    "work_history": "Tyohistoria-SALAISUUS-B",
    "limits_note": "Toimintarajoite-SALAISUUS-C",
    "situation": "Tilanne-SALAISUUS-D",
    "focus": "Fokus-SALAISUUS-E",
    "participants": "Osallistujat-SALAISUUS-F",
    "goal": "Tavoite-SALAISUUS-G",
    "follow_up": "Seuranta-SALAISUUS-H",
    "review": "Arvio-SALAISUUS-I",
    "status_note": "Tila-SALAISUUS-J",
    "contact_note": "Kontakti-SALAISUUS-K",
    "peer_coach": "Vertainen-SALAISUUS-L",
    "own_words": "Omin-sanoin-SALAISUUS-M",
    "step_note": "Askel-SALAISUUS-N",
    "referral_reason": "Lahete-SALAISUUS-O",  # tests/access/coordination.py
}
TODAY = clock.today()
COACH_ONLY = ("coach",)
NOT_FOR = ("second_coach", "second_candidate")


def build_candidate(world, user=None, coach=None) -> Candidate:
    """A full candidate record with every sensitive part filled."""
    coach = coach or world.users["coach"]
    start = TODAY - timedelta(days=60)
    c = Candidate(code=new_code(),
                  organisation_id=coach.organisation_id, user_id=user.id if user else None,
                  name=SENSITIVE["name"], email=SENSITIVE["email"], phone=SENSITIVE["phone"],
                  municipality_code="091", education=SENSITIVE["education"], work_history=SENSITIVE["work_history"],
                  skills_text="asiakaspalvelu ja kassatyö", skills_folded="asiakaspalvelu ja kassatyo",
                  desired_work_text="myymälätyö", desired_work_folded="myymalatyo", hours_min=20, hours_max=30,
                  limits_note=SENSITIVE["limits_note"], support_intensity="intensive",
                  peer_coach=SENSITIVE["peer_coach"], status="job_search", status_since=start + timedelta(days=10),
                  intake_on=start, next_follow_up=TODAY + timedelta(days=7))
    c.coach_links = [CandidateCoach(user_id=coach.id)]
    c.skills = [CandidateSkill(code="customer_service"), CandidateSkill(code="cash_register")]
    c.occupations = [CandidateOccupation(position=0, name="Myyjä", name_folded="myyja")]
    c.languages = [CandidateLanguage(code="fi", level="native")]
    c.limits = [FunctionalLimit(demand_code="lifting", max_level="brief")]
    c.adjustments = [CandidateAdjustment(code="quiet_workspace")]
    c.target_groups = [CandidateTargetGroup(code="partial_work_ability")]
    db.session.add(c)
    db.session.flush()
    db.session.add_all([
        StatusChange(candidate_id=c.id, status="intake", since=start, changed_by_id=coach.id),
        StatusChange(candidate_id=c.id, status="job_search", since=start + timedelta(days=10),
                     note=SENSITIVE["status_note"], changed_by_id=coach.id),
        EmployerContact(candidate_id=c.id, contact_on=start + timedelta(days=12), note=SENSITIVE["contact_note"],
                        recorded_by_id=coach.id),
    ])
    a = Assessment(candidate_id=c.id, multi_sector=True, participants=SENSITIVE["participants"],
                   completed_on=start + timedelta(days=5), updated_by_id=coach.id)
    a.situations = [AssessmentSituation(code="mental_health", note=SENSITIVE["situation"])]
    a.focus_notes = [AssessmentFocus(code="work_ability", note=SENSITIVE["focus"])]
    a.services = [AssessmentService(code="employment_services"), AssessmentService(code="mental_health_substance")]
    plan = Plan(candidate_id=c.id, summary="Tavoitteena työ", agreed_on=start + timedelta(days=6))
    goal = Goal(title=SENSITIVE["goal"], own_words=SENSITIVE["own_words"], measure="Kolme hakemusta",
                target_date=TODAY + timedelta(days=30), responsible="Valmentaja")
    goal.follow_ups = [FollowUp(follow_up_on=start + timedelta(days=20), note=SENSITIVE["follow_up"],
                                recorded_by_id=coach.id)]
    plan.goals = [goal]
    reviewed = CoachingModule(candidate_id=c.id, title="Työnhakumoduuli", goal_code="job_search", start_on=start,
                              end_on=start + timedelta(days=28), status="completed")
    reviewed.review = ModuleReview(reviewed_on=start + timedelta(days=29), results=SENSITIVE["review"],
                                   decision="next_module", participants="Asiakas, valmentaja", reviewer_id=coach.id)
    open_module = CoachingModule(candidate_id=c.id, title="Työkokeilun valmistelu", goal_code="working_life",
                                 start_on=start + timedelta(days=30), status="ongoing")
    step = PlanStep(kind="work_activity", start_on=start, note=SENSITIVE["step_note"], recorded_by_id=coach.id)
    c_steps = [step]
    db.session.add_all([a, plan, reviewed, open_module])
    db.session.add(Consent(candidate_id=c.id, employer_organisation_id=world.orgs["employer"].id, scope="profile",
                           given_by_id=user.id if user else coach.id))
    db.session.flush()
    for s in c_steps:
        s.candidate_id = c.id
    db.session.add_all(c_steps)
    db.session.flush()
    world.ids.setdefault("step", step.id)
    world.ids.setdefault("goal", goal.id)
    world.ids.setdefault("module", open_module.id)
    world.ids.setdefault("reviewed_module", reviewed.id)
    return c


def build(world) -> None:
    """The candidate record of world.users["candidate"], coached by world.users["coach"]; the coach is org admin."""
    candidate = build_candidate(world, user=world.users["candidate"])
    world.ids["candidate"] = candidate.id
    world.ids["consent"] = db.session.query(Consent.id).filter_by(candidate_id=candidate.id).scalar()
    db.session.add(OrganisationAdmin(organisation_id=world.orgs["provider"].id, user_id=world.users["coach"].id))
    # Another provider's coach is an org admin too: they must still see only their own organisation's log.
    db.session.add(OrganisationAdmin(organisation_id=world.orgs["other_provider"].id,
                                     user_id=world.users["other_coach"].id))
    db.session.flush()


def _c(w):
    return {"candidate_id": w.ids["candidate"]}


def _r(endpoint, method="GET", params=_c, **kw):
    """A route of the candidate record: the assigned coach only; 404 for every other coach."""
    return Route(endpoint, COACH_ONLY, method=method, params=params, scoped=True, not_for=NOT_FOR, **kw)


ROUTES = [
    Route("coaching.index", COACH_ONLY),
    Route("coaching.new", COACH_ONLY),
    Route("coaching.new", COACH_ONLY, method="POST"),
    _r("coaching.record"),
    _r("coaching.edit"),
    _r("coaching.edit", "POST"),
    _r("coaching.status"),
    _r("coaching.status", "POST"),
    _r("coaching.contacts"),
    _r("coaching.contacts", "POST"),
    _r("coaching.team_page"),
    _r("coaching.team_page", "POST", ok=(302,)),
    _r("coaching.erase"),
    _r("coaching.erase", "POST", data=lambda w: {"agreed": "y"}),
    _r("coaching.assessment"),
    _r("coaching.assessment", "POST"),
    _r("coaching.plan"),
    _r("coaching.plan", "POST"),
    _r("coaching.plan_print"),
    _r("coaching.goal_new"),
    _r("coaching.goal_new", "POST"),
    _r("coaching.goal", params=lambda w: {"candidate_id": w.ids["candidate"], "goal_id": w.ids["goal"]}),
    _r("coaching.goal", "POST", params=lambda w: {"candidate_id": w.ids["candidate"], "goal_id": w.ids["goal"]}),
    _r("coaching.module_list"),
    _r("coaching.module_new"),
    _r("coaching.module_new", "POST"),
    _r("coaching.module", params=lambda w: {"candidate_id": w.ids["candidate"], "module_id": w.ids["module"]}),
    _r("coaching.module", "POST", params=lambda w: {"candidate_id": w.ids["candidate"], "module_id": w.ids["module"]}),
    _r("coaching.review", params=lambda w: {"candidate_id": w.ids["candidate"], "module_id": w.ids["module"]}),
    _r("coaching.review", "POST", params=lambda w: {"candidate_id": w.ids["candidate"], "module_id": w.ids["module"]}),
    _r("coaching.path"),
    _r("coaching.review_signatures",
       params=lambda w: {"candidate_id": w.ids["candidate"], "module_id": w.ids["reviewed_module"]}),
    _r("coaching.review_signatures", "POST",
       params=lambda w: {"candidate_id": w.ids["candidate"], "module_id": w.ids["reviewed_module"]}),
    _r("coaching.steps"),
    _r("coaching.steps", "POST"),
    _r("coaching.step", params=lambda w: {"candidate_id": w.ids["candidate"], "step_id": w.ids["step"]}),
    _r("coaching.step", "POST", params=lambda w: {"candidate_id": w.ids["candidate"], "step_id": w.ids["step"]}),
    _r("coaching.path", "POST", ok=(302,)),
    _r("coaching.consent_list"),
    _r("coaching.consent_list", "POST"),
    _r("coaching.consent_withdraw",
       params=lambda w: {"candidate_id": w.ids["candidate"], "consent_id": w.ids["consent"]}),
    _r("coaching.consent_withdraw", "POST", ok=(302,),
       params=lambda w: {"candidate_id": w.ids["candidate"], "consent_id": w.ids["consent"]}),
    # The provider admin's log: the world's coach holds the grant; a coach without it gets 403.
    # other_coach holds the grant of the other provider and sees that log (tests check it holds no rows of ours).
    Route("coaching.audit_log", COACH_ONLY, not_for=("second_coach",), other_ok=(403,)),
    Route("coaching.admin_candidates", ("admin",)),
    Route("coaching.admin_erase", ("admin",), params=_c),
    Route("coaching.admin_erase", ("admin",), method="POST", params=_c),
    Route("coaching.organisation_admins", ("admin",)),
    Route("coaching.organisation_admins", ("admin",), method="POST", ok=(302,),
          data=lambda w: {"user_id": w.users["second_coach"].id, "action": "grant"}),
]

"""Access rules of the proposal and notification pages, and the objects of matching, proposals and placements.

Built after the procurements module (the world's clause exists by then) and
without touching what the coaching tests count about the world's candidate
(no consent, employer contact or status step is added, and nothing of theirs
blocks an erasure):

- ``proposal_accepted``: the world's candidate (with the sensitive strings)
  proposed for ``employer_role_to_change`` and accepted, so the employer's
  page shows the privacy projection with data present;
- ``proposal_sent``: ``PLACED_NAME``, a second candidate of the world's coach
  (exited, so the caseload counts stay as they are), proposed for
  ``employer_role`` and not yet answered;
- ``placement``: that candidate's running work trial in ``employer_role``,
  counted on the world's clause through its ledger entry;
- one notification each for the world's coach and employer.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from portal import clock
from portal.coaching.models import Candidate, CandidateCoach
from portal.domain.profile import new_code
from portal.extensions import db
from portal.notifications.models import Notification
from portal.placements.models import Placement, PlacementChange, RoleOccupancy
from portal.procurements.models import LedgerEntry
from portal.proposals.models import Proposal
from tests.access import Route

# Must never appear on an employer's or officer's page.
PLACED_NAME = "Piilotettu Pekka-Placement"
TODAY = clock.today()


def _proposal(world, candidate_id: int, role_key: str, state: str) -> Proposal:
    from portal.coaching.services import profile_of
    from portal.domain.privacy import consent_snapshot

    # What the employer sees: the snapshot a proposal takes under a profile consent.
    snapshot = consent_snapshot(profile_of(db.session.get(Candidate, candidate_id)), "profile")
    proposal = Proposal(snapshot=snapshot, candidate_id=candidate_id, role_id=world.ids[role_key],
                        organisation_id=world.orgs["employer"].id, provider_id=world.orgs["provider"].id,
                        coach_id=world.users["coach"].id, state=state, score=62.5, message="Hyvä tyyppi.",
                        fit={"passed": ["hours", "languages", "adjustments"], "failed": ["location"],
                             "missing_adjustments": [], "essential": [["siivous", None, 40]],
                             "negotiable": [["asiakaspalvelu", "asiakaspalvelu", 100]],
                             "desired": ["toimistosiivooja", "myyja", 33]})
    db.session.add(proposal)
    db.session.flush()
    return proposal


def build(world) -> None:
    coach, provider = world.users["coach"], world.orgs["provider"]
    placed = Candidate(code=new_code(), organisation_id=provider.id, name=PLACED_NAME, municipality_code="837",
                       hours_min=20, hours_max=30, status="exited", status_since=TODAY - timedelta(days=5),
                       intake_on=TODAY - timedelta(days=90))
    placed.coach_links = [CandidateCoach(user_id=coach.id)]
    db.session.add(placed)
    db.session.flush()
    accepted = _proposal(world, world.ids["candidate"], "employer_role_to_change", "accepted")
    sent = _proposal(world, placed.id, "employer_role", "sent")
    trial = Placement(proposal_id=None, candidate_id=placed.id, role_id=world.ids["employer_role"],
                      organisation_id=world.orgs["employer"].id, provider_id=provider.id, kind="work_trial",
                      state="started", start_on=TODAY - timedelta(days=10), end_on=TODAY + timedelta(days=20),
                      work_share=Decimal("0.6"), clause_id=world.ids["clause"], created_by_id=coach.id)
    db.session.add(trial)
    db.session.flush()
    db.session.add_all([
        PlacementChange(placement_id=trial.id, change="started", on=trial.start_on, actor_id=coach.id),
        RoleOccupancy(role_id=trial.role_id, positions=1, active=1),
        LedgerEntry(clause_id=trial.clause_id, person_code=placed.code, kind="work_trial", start_date=trial.start_on,
                    end_date=trial.end_on, work_share=trial.work_share, source="placement", placement_id=trial.id),
        Notification(user_id=coach.id, kind="proposal_answered", proposal_id=accepted.id,
                     params={"code": "OTE-TEST", "role": "Varastotyöntekijä", "employer": "Home employer",
                             "answer": "accepted"}),
        Notification(user_id=world.users["employer"].id, kind="proposal_sent", proposal_id=sent.id,
                     params={"code": placed.code, "role": "Toimistosiivooja"}),
    ])
    db.session.flush()
    world.ids.update(placed_candidate=placed.id, proposal_accepted=accepted.id, proposal_sent=sent.id,
                     placement=trial.id)


COACH, EMPLOYER = ("coach",), ("employer",)
NOT_FOR = ("second_coach",)


def _id(key):
    return lambda w: {"proposal_id": w.ids[key]}


ROUTES = [
    Route("proposals.coach_list", COACH),
    Route("proposals.coach_list", COACH, query=lambda w: {"state": "accepted", "sort": "state"}),
    Route("proposals.coach_detail", COACH, params=_id("proposal_accepted"), scoped=True, not_for=NOT_FOR),
    Route("proposals.withdraw", COACH, params=_id("proposal_sent"), scoped=True, not_for=NOT_FOR),
    Route("proposals.withdraw", COACH, method="POST", params=_id("proposal_sent"), scoped=True, not_for=NOT_FOR,
          ok=(302,)),
    Route("proposals.employer_list", EMPLOYER),
    Route("proposals.employer_list", EMPLOYER, query=lambda w: {"state": "sent", "sort": "-created"}),
    Route("proposals.employer_detail", EMPLOYER, params=_id("proposal_accepted"), scoped=True),
    Route("proposals.employer_detail", EMPLOYER, params=_id("proposal_sent"), scoped=True),
    Route("proposals.employer_detail", EMPLOYER, method="POST", params=_id("proposal_sent"), scoped=True,
          data=lambda w: {"answer": "interested", "note": "Kerro lisää."}),
]


def make_candidate(coach, name: str = "Testi Siivooja", municipality: str = "837", skills=("cleaning",),
                   occupations=("Siivooja",), hours=(20, 30), adjustments=(), limits=None, target_groups=(),
                   consent_for=None, status: str = "job_search", skills_text: str = "") -> Candidate:
    """A candidate of the coach's caseload, with a consent for `consent_for` (an organisation), flushed.

    For the matching, proposal and placement tests; the profile is written as the coaching feature writes it.
    """
    from portal.coaching.models import (
        CandidateAdjustment,
        CandidateLanguage,
        CandidateOccupation,
        CandidateSkill,
        CandidateTargetGroup,
        Consent,
        FunctionalLimit,
    )
    from portal.domain.profile import fold

    c = Candidate(code=new_code(), organisation_id=coach.organisation_id, name=name, municipality_code=municipality,
                  hours_min=hours[0] if hours else None, hours_max=hours[1] if hours else None, status=status,
                  status_since=TODAY - timedelta(days=20), intake_on=TODAY - timedelta(days=30),
                  skills_text=skills_text, skills_folded=fold(skills_text))
    c.coach_links = [CandidateCoach(user_id=coach.id)]
    c.skills = [CandidateSkill(code=s) for s in skills]
    c.occupations = [CandidateOccupation(position=i, name=o, name_folded=fold(o)) for i, o in enumerate(occupations)]
    c.languages = [CandidateLanguage(code="fi", level="native")]
    c.adjustments = [CandidateAdjustment(code=a) for a in adjustments]
    c.limits = [FunctionalLimit(demand_code=d, max_level=level) for d, level in (limits or {}).items()]
    c.target_groups = [CandidateTargetGroup(code=g) for g in target_groups]
    db.session.add(c)
    db.session.flush()
    if consent_for is not None:
        db.session.add(Consent(candidate_id=c.id, employer_organisation_id=consent_for.id, scope="profile",
                               given_by_id=coach.id, recorded_by_coach=True))
        db.session.flush()
    return c

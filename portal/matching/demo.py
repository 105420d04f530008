"""Demo data: proposals from the demo coach to the demo employer's roles, and placements on the demo clause.

- Kaisa (the demo candidate) is proposed for the office cleaner's job and
  waits for the employer's answer: the demo employer can accept her, and the
  coach can then record her placement.
- Liisa did a work trial as an office cleaner that became a job; the job
  counts towards the demo procurement's person-month clause, to which the
  role is linked.
- Matti's warehouse work trial ends in a few days: the reminder command
  (``flask placements remind``) has something to send.

Everything goes through the real services, so the ledger, statuses, audit
trail and notifications are as the pages would leave them. Idempotent: once
the demo coach has a proposal, nothing is added.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.accounts.demo import demo_org, demo_user
from portal.coaching.consents import give_consent, valid_consent
from portal.coaching.models import Candidate
from portal.employers.models import JobRole
from portal.extensions import db
from portal.matching.services import explain_pair
from portal.placements import actions
from portal.placements.services import Terms
from portal.procurements.demo import REFERENCE
from portal.procurements.models import EmploymentClause, Procurement
from portal.proposals.models import Proposal
from portal.proposals.services import answer, propose

CLEANER = "Toimistosiivooja, aamupäivät"
WAREHOUSE_TRIAL = "Verkkokaupan varastotyön työkokeilu"


def _role(org, title: str) -> JobRole | None:
    return db.session.scalar(select(JobRole).where(JobRole.organisation_id == org.id, JobRole.title == title))


def _candidate(coach, name: str) -> Candidate | None:
    return db.session.scalar(select(Candidate).where(Candidate.organisation_id == coach.organisation_id,
                                                     Candidate.name == name))


def _person_month_clause(employer) -> EmploymentClause | None:
    return db.session.scalar(select(EmploymentClause).join(EmploymentClause.procurement).where(
        Procurement.reference == REFERENCE, Procurement.supplier_id == employer.id,
        EmploymentClause.kind == "person_months"))


def _accepted(coach, boss, candidate, role, message: str) -> Proposal:
    if valid_consent(candidate.id, role.organisation_id) is None:
        give_consent(candidate, role.organisation_id, "profile", coach, recorded_by_coach=True)
    proposal = propose(coach, candidate, role, message, explain_pair(candidate.id, role.id))
    return answer(boss, proposal, "accepted", None, "Tervetuloa! Sovitaan aloituspäivä.")


def seed() -> str:
    """Create the demo proposals and placements unless the demo coach has proposed somebody already."""
    coach, boss, employer = demo_user("coach"), demo_user("employer"), demo_org("employer")
    if db.session.scalar(select(Proposal.id).where(Proposal.coach_id == coach.id).limit(1)) is not None:
        return "0 created"
    cleaner, warehouse = _role(employer, CLEANER), _role(employer, WAREHOUSE_TRIAL)
    kaisa, liisa, matti = (_candidate(coach, n) for n in ("Kaisa Asiakas", "Liisa Lahtinen", "Matti Mallikas"))
    if None in (cleaner, warehouse, kaisa, liisa, matti):
        return "0 created (demo roles or candidates missing)"
    clause = _person_month_clause(employer)
    if clause is not None and cleaner.clause_id is None:
        cleaner.clause_id = clause.id
    clause_id = cleaner.clause_id
    today = clock.today()
    # Messages to the employer speak of the work only, never by name (the employer sees a code).
    propose(coach, kaisa, cleaner, "Vahva asiakaspalvelukokemus kaupasta. Toivoo aamupäivätyötä ja asteittaista "
                                   "aloitusta.", explain_pair(kaisa.id, cleaner.id))
    trial = actions.start(coach, _accepted(coach, boss, liisa, cleaner, "Siivousalan kokemusta kahdesta työpaikasta."),
                          # No clause for the trial: the person-month clause counts employment, not trials.
                          Terms("work_trial", today - timedelta(days=75), today - timedelta(days=16), 0.75,
                                False, None))
    actions.convert(boss, trial, today - timedelta(days=45),
                    Terms("job", today - timedelta(days=45), None, 0.75, True, clause_id))
    actions.start(coach, _accepted(coach, boss, matti, warehouse, "Aiempaa kokemusta trukin ajosta."),
                  Terms("work_trial", today - timedelta(days=50), today + timedelta(days=5), 0.8, False, None))
    db.session.flush()
    return "3 proposals, 3 placements (one trial converted into a job on the demo clause)"

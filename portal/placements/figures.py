"""Supported-employment figures per coach and per provider, loaded in a fixed number of queries.

The facts are read for all providers at once and grouped in Python; the
counting itself is portal.domain.employment_figures.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from portal.accounts.models import Membership, Organisation, User
from portal.clock import HELSINKI
from portal.coaching.models import Candidate, CandidateCoach, EmployerContact
from portal.domain.caseload import ACTIVE_STATUSES
from portal.domain.employment_figures import (
    CandidateFacts,
    Figures,
    PlacementFacts,
    ProposalFacts,
    coach_figures,
    figures,
)
from portal.extensions import db
from portal.placements.models import Placement
from portal.proposals.models import Proposal


@dataclass
class Facts:
    """One provider's candidates, proposals and placements."""

    candidates: list[CandidateFacts]
    proposals: list[ProposalFacts]
    placements: list[PlacementFacts]


def load_facts(provider_id: int | None = None) -> dict[int, Facts]:
    """provider id -> its facts (one provider, or every provider), in five queries."""
    def scoped(stmt, column):
        """The statement limited to the provider, when one is asked."""
        return stmt if provider_id is None else stmt.where(column == provider_id)

    coaches: dict[int, set[int]] = defaultdict(set)
    for cid, uid in db.session.execute(scoped(select(CandidateCoach.candidate_id, CandidateCoach.user_id)
                                              .join(Candidate, Candidate.id == CandidateCoach.candidate_id),
                                              Candidate.organisation_id)):
        coaches[cid].add(uid)
    first = dict(db.session.execute(scoped(
        select(EmployerContact.candidate_id, func.min(EmployerContact.contact_on))
        .join(Candidate, Candidate.id == EmployerContact.candidate_id).group_by(EmployerContact.candidate_id),
        Candidate.organisation_id)).all())
    out: dict[int, Facts] = defaultdict(lambda: Facts([], [], []))
    for cid, org, intake, status, erased in db.session.execute(scoped(
            select(Candidate.id, Candidate.organisation_id, Candidate.intake_on, Candidate.status,
                   Candidate.erased_at), Candidate.organisation_id)):
        out[org].candidates.append(CandidateFacts(cid, frozenset(coaches[cid]), intake, first.get(cid),
                                                  erased is None and status in ACTIVE_STATUSES))
    for org, coach, cid, made in db.session.execute(scoped(
            select(Proposal.provider_id, Proposal.coach_id, Proposal.candidate_id, Proposal.created_at),
            Proposal.provider_id)):
        out[org].proposals.append(ProposalFacts(coach, cid, made.astimezone(HELSINKI).date()))
    for org, cid, kind, start, end, state in db.session.execute(scoped(
            select(Placement.provider_id, Placement.candidate_id, Placement.kind, Placement.start_on,
                   Placement.end_on, Placement.state), Placement.provider_id)):
        out[org].placements.append(PlacementFacts(cid, kind, start, end if state != "started" else None))
    return dict(out)


def coaches_of_provider(provider_id: int) -> list[User]:
    """The provider's coaches, by name."""
    return list(db.session.scalars(select(User).join(Membership).where(
        Membership.organisation_id == provider_id, Membership.role == "coach").order_by(User.name, User.id)))


def provider_page(provider_id: int, today: date) -> tuple[Figures, list[tuple[User, Figures]]]:
    """The provider's figures and each of its coaches' figures."""
    facts = load_facts(provider_id).get(provider_id, Facts([], [], []))
    whole = figures(facts.candidates, facts.proposals, facts.placements, today)
    per_coach = [(coach, coach_figures(coach.id, facts.candidates, facts.proposals, facts.placements, today))
                 for coach in coaches_of_provider(provider_id)]
    return whole, per_coach


def all_providers(today: date) -> list[tuple[Organisation, Figures]]:
    """Every provider organisation's figures, by name."""
    facts = load_facts()
    providers = db.session.scalars(select(Organisation).where(Organisation.kind == "provider")
                                   .order_by(Organisation.name, Organisation.id))
    empty = Facts([], [], [])
    return [(org, figures(*_parts(facts.get(org.id, empty)), today)) for org in providers]


def _parts(f: Facts):
    return f.candidates, f.proposals, f.placements

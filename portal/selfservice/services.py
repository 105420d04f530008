"""What the candidate's own pages read: their proposals and placements, and who read their data.

Every select starts from the candidate's own record (portal.coaching.access.own_candidate),
so no id in a URL can reach another person's rows. List pages load their
names in a fixed number of queries, however many rows there are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.accounts.models import Membership, Organisation
from portal.audit.models import AuditEvent
from portal.coaching.access import AUDIT_TYPE
from portal.coaching.models import Candidate, CandidateCoach
from portal.domain.privacy import collapse_repeats, reader_named
from portal.extensions import db
from portal.placements.models import Placement
from portal.proposals.models import Proposal
from portal.proposals.snapshots import EMPLOYER_READ, read_rows

# The audit actions that are reads of a candidate's data (changes are listed elsewhere: plan history, consents).
READ_ACTIONS = ("candidate_read", EMPLOYER_READ, "candidate_exported")


def proposals_of(candidate: Candidate):
    """A select of the candidate's proposals with their role and employer, newest first."""
    return (select(Proposal).where(Proposal.candidate_id == candidate.id)
            .options(joinedload(Proposal.role), joinedload(Proposal.organisation))
            .order_by(Proposal.created_at.desc(), Proposal.id.desc()))


def placements_of(candidate: Candidate):
    """A select of the candidate's placements with their role and employer, latest start first."""
    return (select(Placement).where(Placement.candidate_id == candidate.id)
            .options(joinedload(Placement.role), joinedload(Placement.organisation))
            .order_by(Placement.start_on.desc(), Placement.id.desc()))


def _reads(candidate: Candidate, reader_self):
    return select(AuditEvent).where(AuditEvent.object_type == AUDIT_TYPE, AuditEvent.object_id == candidate.id,
                                    AuditEvent.action.in_(READ_ACTIONS),
                                    AuditEvent.actor_id.is_(None) | (AuditEvent.actor_id != reader_self.id))


def reads_of(candidate: Candidate, reader_self, organisation_id: int | None = None):
    """A select of the reads of the candidate's data by others (their own reads left out), newest first.

    With organisation_id, only the reads by that organisation's users.
    """
    stmt = _reads(candidate, reader_self)
    if organisation_id is not None:
        stmt = stmt.join(Membership, Membership.user_id == AuditEvent.actor_id).where(
            Membership.organisation_id == organisation_id)
    return stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def reader_organisations(candidate: Candidate, reader_self) -> list[tuple[int, str]]:
    """The organisations whose users read the candidate's data (id, name), by name: the page's filter."""
    readers = _reads(candidate, reader_self).with_only_columns(AuditEvent.actor_id).scalar_subquery()
    return [(oid, name) for oid, name in db.session.execute(
        select(Organisation.id, Organisation.name).join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.user_id.in_(readers)).distinct().order_by(Organisation.name, Organisation.id))]


@dataclass
class Read:
    """One read for the page: when, who (a name only where allowed), their organisation and role, and what."""

    at: datetime
    name: str
    role: str | None
    organisation: str
    action: str
    part: str | None
    job_role: str = ""
    shown: list[str] = field(default_factory=list)
    count: int = 1  # identical reads within the same minute, shown as one row
    reader_id: int | None = None  # who, also where the page does not name them: two people never merge


def grouped(reads: list[Read]) -> list[Read]:
    """Identical neighbouring reads (same person, organisation, part, the same minute) as one row with a count."""
    def key(r: Read):
        return (r.reader_id, r.name, r.role, r.organisation, r.action, r.part, r.job_role, tuple(r.shown),
                r.at.replace(second=0, microsecond=0))
    out = []
    for read, count in collapse_repeats(reads, key):
        read.count = count
        out.append(read)
    return out


def read_list(candidate: Candidate, events) -> list[Read]:
    """The page's reads; the readers come with the events (joined), their organisations in one query,
    the candidate's coaches in one, the employers' roles in one per kind."""
    coaches = set(db.session.scalars(select(CandidateCoach.user_id).where(
        CandidateCoach.candidate_id == candidate.id)))
    employer_rows = iter(read_rows([e for e in events if e.action == EMPLOYER_READ]))
    out = []
    for event in events:
        actor = event.actor
        role = actor.role if actor else None
        named = actor is not None and reader_named(role, actor.id in coaches)
        organisation = actor.organisation.name if actor and actor.organisation else ""
        row = Read(event.at, actor.name if named else "", role, organisation, event.action,
                   (event.detail or {}).get("part"), reader_id=event.actor_id)
        if event.action == EMPLOYER_READ:
            shown = next(employer_rows)
            row.organisation = shown["employer"] or organisation
            row.job_role, row.shown = shown["role"], shown["shown"]
        out.append(row)
    return out

"""The placement actions: record one from an accepted proposal, end it, convert a trial into employment.

Each checks everything first and writes only when nothing is refused; the
position is taken last of the checks, by the database, so two requests for
the last position cannot both succeed.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from flask_babel import format_date

from portal.domain import placements as rules
from portal.domain.proposals import can_place
from portal.extensions import db
from portal.placements.bookkeeping import release_position, take_position
from portal.placements.models import Placement
from portal.placements.services import Refused, Terms, check_clause, check_trial, follow_candidate, record_change, sync
from portal.placements.texts import message
from portal.proposals.models import Proposal
from portal.proposals.services import mark_placed


def _share(value: float | None) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.001"))


def _term_problems(terms: Terms, candidate_id: int, organisation_id: int, exclude_id: int | None = None):
    found = {f: message(c) for f, c in rules.placement_problems(terms.kind, terms.start_on, terms.end_on,
                                                                 terms.work_share).items()}
    if not found and terms.kind == "work_trial":
        found.update(check_trial(candidate_id, organisation_id, terms.start_on, terms.end_on, exclude_id))
    found.update(check_clause(organisation_id, terms.clause_id, terms.start_on, terms.kind))
    return found


def start(actor, proposal: Proposal, terms: Terms) -> Placement:
    """Record a placement from an accepted proposal; refused when the role has no free position."""
    if not can_place(proposal.state):
        raise Refused({"": message("not_accepted")})
    found = _term_problems(terms, proposal.candidate_id, proposal.organisation_id)
    if found:
        raise Refused(found)
    role = proposal.role
    if not take_position(role.id):
        raise Refused({"": message("full", positions=role.positions)})
    placement = Placement(
        proposal_id=proposal.id, candidate_id=proposal.candidate_id, role_id=role.id,
        organisation_id=proposal.organisation_id, provider_id=proposal.provider_id, kind=terms.kind, state="started",
        start_on=terms.start_on, end_on=terms.end_on, work_share=_share(terms.work_share),
        wage_subsidy=terms.wage_subsidy, clause_id=terms.clause_id, created_by_id=getattr(actor, "id", None))
    db.session.add(placement)
    db.session.flush()
    mark_placed(proposal)
    sync(placement, actor)
    follow_candidate(placement, actor, placement.start_on)
    record_change(placement, "started", placement.start_on, actor)
    return placement


def end(actor, placement: Placement, end_on: date | None, reason: str | None) -> Placement:
    """End a running placement on a date, with a reason; frees its position."""
    found = {}
    code = rules.end_problem(placement.start_on, end_on, placement.state)
    if code:
        found["end_on" if code != "not_active" else ""] = message(code)
    if reason not in rules.END_REASONS:
        found["reason"] = message("reason_needed")
    if not found and placement.kind == "work_trial":
        found.update(check_trial(placement.candidate_id, placement.organisation_id, placement.start_on, end_on,
                                 placement.id))
    if found:
        raise Refused(found)
    placement.state, placement.end_on, placement.end_reason = "ended", end_on, reason
    db.session.flush()
    release_position(placement.role_id)
    sync(placement, actor)
    follow_candidate(placement, actor, end_on)
    record_change(placement, "ended", end_on, actor, reason)
    return placement


def convert(actor, trial: Placement, convert_on: date | None, terms: Terms) -> Placement:
    """A trial becomes a job or an apprenticeship from `convert_on`; the new placement takes over its position."""
    codes = rules.conversion_problems(trial.kind, trial.state, trial.start_on, trial.end_on, convert_on, terms.kind,
                                      terms.end_on, terms.work_share)
    found = {}
    for field, code in codes.items():
        last = format_date(trial.end_on + timedelta(days=1), "short") if trial.end_on else ""
        found["" if code in ("not_a_trial", "not_active") else field] = message(code, date=last)
    found.update(check_clause(trial.organisation_id, terms.clause_id, convert_on, terms.kind))
    if found:
        raise Refused(found)
    trial.state, trial.end_on = "converted", convert_on - timedelta(days=1)
    job = Placement(
        proposal_id=trial.proposal_id, candidate_id=trial.candidate_id, role_id=trial.role_id,
        organisation_id=trial.organisation_id, provider_id=trial.provider_id, kind=terms.kind, state="started",
        start_on=convert_on, end_on=terms.end_on, work_share=_share(terms.work_share),
        wage_subsidy=terms.wage_subsidy, clause_id=terms.clause_id, previous_id=trial.id,
        created_by_id=getattr(actor, "id", None))
    db.session.add(job)
    db.session.flush()
    sync(trial, actor)
    sync(job, actor)
    follow_candidate(job, actor, convert_on)
    record_change(trial, "converted", convert_on, actor, notice_of=job)
    # The job is a start of its own for the signal's receivers (a hire pledge is kept by it); one notice is enough.
    record_change(job, "started", convert_on, actor, notice_of=False)
    return job

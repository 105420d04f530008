"""Placements: recorded from an accepted proposal, ended, or converted from a trial into employment.

Each change, in one transaction: the placement and its change row, the
role's occupied positions, the clause ledger entry, the candidate's status,
the audit trail, the other side's notification and the ``placement_changed``
signal. Services flush; the view commits. Queries are scoped: a coach
reaches the placements of candidates they coach, an employer those in its
own roles, an officer those counted on its own clauses.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import func, select

from portal import clock, signals
from portal.audit.services import record
from portal.coaching.candidates import set_status
from portal.coaching.models import Candidate, CandidateCoach
from portal.coaching.notices import account_of, coaches_of
from portal.coaching.services import register_erasure_blocker
from portal.domain import placements as rules
from portal.errors import FieldErrors
from portal.extensions import db
from portal.notifications.services import employer_users, notify
from portal.placements.bookkeeping import sync_ledger
from portal.placements.models import Placement, PlacementChange
from portal.placements.texts import message
from portal.procurements.models import EmploymentClause, Procurement

SORTS = {"start": Placement.start_on, "end": Placement.end_on, "kind": Placement.kind, "state": Placement.state}


class Refused(FieldErrors):
    """A placement change refused; maps form fields (or "") to messages, shown by show_refusal."""


@dataclass(frozen=True)
class Terms:
    """What a placement form gives: kind, dates, share (0..1), wage subsidy and clause."""

    kind: str
    start_on: date | None
    end_on: date | None
    work_share: float | None
    wage_subsidy: bool = False
    clause_id: int | None = None


def coach_placements(coach, state: str = "", kind: str = ""):
    """The placements of the candidates the coach coaches (unsorted)."""
    mine = select(CandidateCoach.candidate_id).where(CandidateCoach.user_id == coach.id)
    return _filtered(select(Placement).where(Placement.candidate_id.in_(mine),
                                             Placement.provider_id == coach.organisation_id), state, kind)


def employer_placements(user, state: str = "", kind: str = ""):
    """The placements in the roles of the user's organisation (unsorted)."""
    return _filtered(select(Placement).where(Placement.organisation_id == user.organisation_id), state, kind)


def officer_placements(user, state: str = "", kind: str = ""):
    """The placements counted on the clauses of the officer's own procurements (unsorted)."""
    clauses = (select(EmploymentClause.id).join(EmploymentClause.procurement)
               .where(Procurement.buyer_id == user.organisation_id))
    return _filtered(select(Placement).where(Placement.clause_id.in_(clauses)), state, kind)


def _filtered(stmt, state: str, kind: str):
    # "planned" and "started" split the running placements at today: not begun, begun.
    if state == "planned":
        stmt = stmt.where(Placement.state.in_(rules.ACTIVE_STATES), Placement.start_on > clock.today())
    elif state in rules.ACTIVE_STATES:
        stmt = stmt.where(Placement.state == state, Placement.start_on <= clock.today())
    elif state in rules.STATES:
        stmt = stmt.where(Placement.state == state)
    if kind in rules.KINDS:
        stmt = stmt.where(Placement.kind == kind)
    return stmt


def for_user(user, placement_id: int):
    """A select for one placement the user may open (coach or employer), for get_or_404."""
    query = coach_placements(user) if user.role == "coach" else employer_placements(user)
    return query.where(Placement.id == placement_id)


def code_of(candidate_id: int) -> str:
    """The candidate's pseudonymous code: the only name a placement has outside coaching."""
    return db.session.scalar(select(Candidate.code).where(Candidate.id == candidate_id))


def check_clause(organisation_id: int, clause_id: int | None, start: date | None, kind: str = "") -> dict[str, str]:
    """Problems of linking a placement to a clause: it must be the employer's, count this kind of placement,
    and not be past its deadline."""
    if clause_id is None:
        return {}
    row = db.session.execute(select(EmploymentClause.deadline, EmploymentClause.kind).join(
        EmploymentClause.procurement).where(EmploymentClause.id == clause_id,
                                            Procurement.supplier_id == organisation_id)).first()
    if row is None:
        return {"clause_id": message("clause_not_employers")}
    code = rules.clause_kind_problem(kind, row.kind) if kind in rules.KINDS else None
    if code:
        return {"clause_id": message(code, clause_kind=row.kind, kind=kind)}
    if start is not None and start > row.deadline:
        from flask_babel import format_date
        return {"clause_id": message("clause_deadline", date=format_date(row.deadline, "short"))}
    return {}


def check_trial(candidate_id: int, organisation_id: int, start: date, end: date,
                exclude_id: int | None = None) -> dict[str, str]:
    """The work-trial limits of the rule in force on the start date, with the person's other trials."""
    from portal.guidance.rules_data import rules as rule_set

    rows = db.session.execute(select(Placement.organisation_id, Placement.start_on, Placement.end_on).where(
        Placement.candidate_id == candidate_id, Placement.kind == "work_trial",
        Placement.id != (exclude_id or 0), Placement.end_on.is_not(None))).all()
    same = [(s, e) for org, s, e in rows if org == organisation_id]
    found = rules.trial_problems(start, end, same, [(s, e) for _o, s, e in rows],
                                 rule_set().in_force("work_trial", start))
    return {field: message(code, **params) for field, (code, params) in found.items()}


def record_change(placement: Placement, change: str, on: date, actor, reason: str | None = None,
                  notice_of: Placement | None = None) -> None:
    """The change row, the audit event, the signal, and the other side's notification.

    ``notice_of`` is the placement the notification is about (a conversion
    tells of the new job); False sends no notification.
    """
    db.session.add(PlacementChange(placement_id=placement.id, change=change, on=on, reason=reason,
                                   actor_id=getattr(actor, "id", None)))
    db.session.flush()
    record(f"placement_{change}", "placement", placement.id, actor=actor, organisation_id=placement.organisation_id,
           detail={"candidate": placement.candidate_id, "role": placement.role_id, "kind": placement.kind,
                   "on": on.isoformat(), "reason": reason})
    signals.placement_changed.send(current_app._get_current_object(), placement=placement, change=change)
    if notice_of is False:
        return
    about = notice_of or placement
    params = {"code": code_of(placement.candidate_id), "role": placement.role.title,
              "role_lang": placement.role.language, "kind": about.kind,
              "date": on.isoformat()}
    notify(coaches_of(placement.candidate_id) + employer_users(placement.organisation_id), f"placement_{change}",
           placement_id=about.id, params=params, actor=actor)
    # The person hears of their own placement without their code: it is theirs.
    notify([account_of(placement.candidate_id)], f"your_placement_{change}", placement_id=about.id, actor=actor,
           params={**params, "code": "", "employer": placement.organisation.name})


def follow_candidate(placement: Placement, actor, on: date) -> None:
    """Move the candidate's status with the placement: in a trial, employed, or back to job search.

    A planned placement (starting after today) moves nothing yet: ``flask placements begin`` moves the
    status on its start date (the status is a stored history that reports count, so it is written, not
    computed).
    """
    candidate = db.session.get(Candidate, placement.candidate_id)
    today = clock.today()
    if placement.state in rules.ACTIVE_STATES:
        if not rules.is_current(placement.state, placement.start_on, today):
            return
        status = rules.STATUS_FOR_KIND[placement.kind]
    else:
        running = db.session.scalars(select(Placement.kind).where(
            Placement.candidate_id == candidate.id, Placement.state.in_(rules.ACTIVE_STATES),
            Placement.start_on <= today)).all()
        if running:
            status = rules.status_for(list(running))
        elif candidate.status in rules.STATUS_FOR_KIND.values():
            status = rules.STATUS_AFTER_END
        else:
            return  # the coach has set another status meanwhile; keep it
    if candidate.status != status and candidate.erased_at is None:
        set_status(candidate, status, rules.status_since(on, candidate.status_since, today), "", actor)


def begin_due(today: date) -> int:
    """Move the status of each candidate whose planned placement has begun by today; returns how many moved.

    Safe to run as often as wished: a candidate whose status already follows, or whose coach set a status
    on or after the start date, is left as it is.
    """
    current = (Placement.state.in_(rules.ACTIVE_STATES), Placement.start_on <= today)
    # The candidates with a placement begun after their current status was set, and the latest such start.
    due = dict(db.session.execute(select(Placement.candidate_id, func.max(Placement.start_on)).join(
        Candidate, Candidate.id == Placement.candidate_id).where(
        *current, Candidate.erased_at.is_(None),
        Candidate.status_since.is_(None) | (Candidate.status_since < Placement.start_on))
        .group_by(Placement.candidate_id)).all())
    kinds: dict[int, list[str]] = {}
    for cid, kind in db.session.execute(select(Placement.candidate_id, Placement.kind).where(
            *current, Placement.candidate_id.in_(due))):
        kinds.setdefault(cid, []).append(kind)
    moved = 0
    for cid in sorted(due):
        candidate = db.session.get(Candidate, cid)
        status = rules.status_for(kinds.get(cid, []))
        if status is not None and candidate.status != status:
            set_status(candidate, status, rules.status_since(due[cid], candidate.status_since, today), "", None)
            moved += 1
    return moved


def sync(placement: Placement, actor) -> None:
    """The ledger entry after a change."""
    sync_ledger(placement, code_of(placement.candidate_id), actor)


@register_erasure_blocker
def running_placement_blocks_erasure(candidate: Candidate) -> str | None:
    """A candidate with a running placement cannot be erased until it ends."""
    running = db.session.scalar(select(Placement.id).where(
        Placement.candidate_id == candidate.id, Placement.state.in_(rules.ACTIVE_STATES)).limit(1))
    if running is None:
        return None
    from flask_babel import gettext as _
    return _("The candidate has a running placement: end it first, then erase.")

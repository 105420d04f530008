"""`flask reports refresh`: count the facts into a new generation of summaries, then switch to it.

Safe to run from cron while the portal serves: the new cells are written
under a generation that pages ignore until it is ``ready``; the switch is one
small update; the generation before stays until the next refresh, so a page
that began reading it just before the switch still finds its cells.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import delete, insert, select

from portal.clock import today
from portal.db_types import utcnow
from portal.domain import outcomes as rules
from portal.domain.caseload import ACTIVE_STATUSES
from portal.domain.obligations import ACCEPTS, evaluate
from portal.extensions import db
from portal.procurements.figures import round_figure, to_domain
from portal.procurements.loading import load as load_clauses
from portal.reports.facts import load_candidates, load_placements
from portal.reports.models import ReportCell, ReportClause, ReportGeneration

MAX_MONTHS = 36
CHUNK = 5000
STALE_BUILD = timedelta(days=1)

Key = tuple  # (measure, month, provider, municipality, buyer, key)


def count_cells(candidates, placements, as_of: date) -> Counter:
    """Every cell of a generation: (measure, month, provider, municipality, buyer, key) -> people."""
    cells: Counter = Counter()
    first = min([c.intake_on for c in candidates.values()] + [as_of])
    months = rules.months_between(max(first, rules.month_start(as_of) - timedelta(days=31 * MAX_MONTHS)), as_of)
    months = months[-MAX_MONTHS:]
    _count_candidates(cells, candidates, months, as_of)
    _count_placements(cells, placements, candidates, months[0], as_of)
    return cells


def _count_candidates(cells: Counter, candidates, months: list[date], as_of: date) -> None:
    """Status stock, moves, first contacts, ended steps before work and caseloads: each candidate's cells."""
    earliest = months[0]
    for c in candidates.values():
        where = (c.provider_id, c.municipality, None)
        steps = [s for s in c.steps if s[0] <= as_of]
        for month, status in zip(months, rules.status_at_month_ends(steps, months, as_of), strict=True):
            if status is not None:
                cells["stock", month, *where, status] += 1
        for month, before, after in rules.moves(steps):
            if month >= earliest:
                cells["move", month, *where, f"{before}>{after}"] += 1
        intake_month = rules.month_start(c.intake_on)
        if earliest <= intake_month and c.intake_on <= as_of:
            cells["contact", intake_month, *where, rules.contact_key(c.intake_on, c.first_contact)] += 1
        _count_steps(cells, c.ended_steps, where, earliest, as_of)
        if not c.erased and c.status in ACTIVE_STATUSES:
            cells["caseload", None, *where, "people"] += 1
            for coach in c.coaches:
                cells["caseload", None, *where, f"coach:{coach}"] += 1


def _count_steps(cells: Counter, ended_steps, where: tuple, earliest: date, as_of: date) -> None:
    """Steps before work, counted in the month they ended by kind and where they led."""
    for end_on, kind, outcome in ended_steps:
        end_month = rules.month_start(end_on)
        if earliest <= end_month and end_on <= as_of:
            cells["step", end_month, *where, f"{kind}>{outcome}"] += 1


def _count_placements(cells: Counter, placements, candidates, earliest: date, as_of: date) -> None:
    """Work-trial outcomes, job starts and retention: the cells of the placements."""
    for p in placements:
        c = candidates.get(p.candidate_id)
        where = (p.provider_id, c.municipality if c else None, p.buyer_id)
        ended = p.end_on if p.state != "started" else None
        if p.kind == "work_trial":
            found = rules.trial_outcome(p.state, ended)
            if found and earliest <= found[0] and (ended or as_of) <= as_of:
                cells["trial", found[0], *where, found[1]] += 1
        elif p.kind in rules.JOB_KINDS and p.start_on <= as_of:
            start_month = rules.month_start(p.start_on)
            if start_month >= earliest:
                cells["job_start", start_month, *where, "subsidy" if p.wage_subsidy else "no_subsidy"] += 1
            for month, horizon, kept in rules.retention_outcomes(p.start_on, ended, as_of):
                if month >= earliest:
                    cells["retention", month, *where, f"{horizon}:{'retained' if kept else 'left'}"] += 1


def clause_rows(as_of: date) -> list[dict]:
    """Every clause's fulfilment on the date, as report_clause rows (without the generation)."""
    clauses, entries = load_clauses([])
    rows = []
    for clause in clauses:
        own = entries.get(clause.id, [])
        status = evaluate(to_domain(clause), own, as_of)
        people = {e.person for e in own if e.start <= as_of and e.kind in ACCEPTS[clause.kind]}
        p = clause.procurement
        rows.append(dict(clause_id=clause.id, procurement_id=p.id, buyer_id=p.buyer_id, supplier_id=p.supplier_id,
                         reference=p.reference, title=p.title, kind=clause.kind, unit=status.unit,
                         state=status.state, period_start=p.contract_start, deadline=clause.deadline,
                         required=round_figure(status.required, status.unit),
                         delivered=round_figure(status.delivered, status.unit),
                         forecast=round_figure(status.forecast, status.unit), people=len(people)))
    return rows


def _insert(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(model), rows[start:start + CHUNK])


def refresh(as_of: date | None = None) -> ReportGeneration:
    """Build a new generation of summaries and switch the dashboard to it; returns the generation."""
    as_of = as_of or today()
    generation = ReportGeneration(state="building", as_of=as_of)
    db.session.add(generation)
    db.session.commit()
    gid = generation.id
    cells = count_cells(load_candidates(), load_placements(), as_of)
    _insert(ReportCell, [dict(generation_id=gid, measure=m, month=month, provider_id=prov, municipality_code=muni,
                              buyer_id=buyer, key=key, people=n)
                         for (m, month, prov, muni, buyer, key), n in cells.items()])
    clauses = clause_rows(as_of)
    _insert(ReportClause, [dict(row, generation_id=gid) for row in clauses])
    db.session.commit()
    generation = db.session.get(ReportGeneration, gid)
    generation.state, generation.finished_at = "ready", utcnow()
    generation.cells, generation.clauses = len(cells), len(clauses)
    db.session.commit()
    prune(gid)
    return generation


def prune(current_id: int) -> list[int]:
    """Remove generations older than the one before the current, and builds abandoned long ago."""
    ready = list(db.session.scalars(select(ReportGeneration.id).where(
        ReportGeneration.state == "ready", ReportGeneration.id < current_id).order_by(ReportGeneration.id.desc())))
    stale = list(db.session.scalars(select(ReportGeneration.id).where(
        ReportGeneration.state == "building", ReportGeneration.started_at < utcnow() - STALE_BUILD)))
    old = ready[1:] + stale
    if old:
        db.session.execute(delete(ReportCell).where(ReportCell.generation_id.in_(old)))
        db.session.execute(delete(ReportClause).where(ReportClause.generation_id.in_(old)))
        db.session.execute(delete(ReportGeneration).where(ReportGeneration.id.in_(old)))
        db.session.commit()
    return old

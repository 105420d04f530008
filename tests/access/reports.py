"""Access rules of the outcome dashboard and its exports: administrators, officers and coaches, each in scope.

The figures come from the newest summary generation; build() refreshes the
summaries so that every page shows figures (and the browser run checks them).
"""
from __future__ import annotations

from portal.extensions import db
from tests.access import Route

AUDIENCES = ("admin", "officer", "coach")


def build(world) -> None:
    """Summaries of the world's data, so the dashboard has figures to show."""
    from portal.reports.refresh import refresh

    refresh()


ROUTES = [
    Route("reports.index", AUDIENCES),
    Route("reports.index", AUDIENCES, query=lambda w: {"from": "2025-01", "to": "2026-12", "municipality": "091"}),
    Route("reports.export_outcomes", AUDIENCES, kind="file"),
    Route("reports.export_clauses", ("admin", "officer"), kind="file"),
    Route("reports.export_placements", AUDIENCES, kind="file"),
    Route("reports.export_caseload", ("coach",), kind="file"),
]


def make_person(provider, coach, status_path, intake, municipality="837", contact_after=None, name=None):
    """A candidate whose status steps are (days after intake, status), with an employer contact; flushed."""
    from datetime import timedelta

    from portal.coaching.models import Candidate, CandidateCoach, EmployerContact, StatusChange
    from portal.domain.profile import new_code

    last_days, last_status = status_path[-1]
    c = Candidate(code=new_code(), organisation_id=provider.id, name=name or f"Henkilö {new_code()}",
                  municipality_code=municipality, status=last_status,
                  status_since=intake + timedelta(days=last_days), intake_on=intake)
    c.coach_links = [CandidateCoach(user_id=coach.id)]
    db.session.add(c)
    db.session.flush()
    for days, status in status_path:
        db.session.add(StatusChange(candidate_id=c.id, status=status, since=intake + timedelta(days=days)))
    if contact_after is not None:
        db.session.add(EmployerContact(candidate_id=c.id, contact_on=intake + timedelta(days=contact_after)))
    db.session.flush()
    return c


def make_placement(candidate, role, kind, start, end=None, state="started", subsidy=False, clause=None):
    """A placement of the candidate in the role (and on a clause), flushed; None without the feature."""
    from decimal import Decimal

    from portal.reports.facts import Placement

    p = Placement(candidate_id=candidate.id, role_id=role.id, organisation_id=role.organisation_id,
                  provider_id=candidate.organisation_id, kind=kind, state=state, start_on=start, end_on=end,
                  work_share=Decimal("1"), wage_subsidy=subsidy, clause_id=clause.id if clause else None)
    db.session.add(p)
    db.session.flush()
    return p

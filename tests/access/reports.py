"""Access rules of the outcome dashboard and its exports: administrators, officers and coaches, each in scope.

The figures come from the newest summary generation; build() refreshes the
summaries so that every page shows figures (and the browser run checks them).
"""
from __future__ import annotations

from . import Route

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

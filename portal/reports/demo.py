"""Demo figures: the summaries refreshed once the other features have made their demo data."""
from __future__ import annotations


def seed() -> str:
    """Refresh the dashboard's summaries (idempotent: each run makes a new generation and prunes old ones)."""
    from portal.reports.refresh import refresh

    generation = refresh()
    return f"summaries refreshed ({generation.cells} cells, {generation.clauses} clauses)"

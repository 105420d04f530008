"""Placements: work trials, jobs and apprenticeships from agreed proposals, counted in the clause ledger."""

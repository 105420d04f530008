"""A clause's ledger as a sortable, paginated table that says what each entry counts and why."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.domain.obligation_details import contributions
from portal.listing import Page, list_page, sort_choice
from portal.procurements.figures import ClauseFigures, round_figure, to_domain
from portal.procurements.models import LedgerEntry

# Roles point at clauses, not the other way round: the employers feature, which keeps roles and depends on
# this one, adds its source of the roles linked to a clause here when it is imported.
ROLE_SOURCES: list[Callable[[int], list]] = []


@dataclass(frozen=True)
class LedgerLine:
    """One row of the ledger table: the entry, what it counts and why."""

    entry: LedgerEntry
    counted: float  # person-months, or months towards a person's minimum length
    note: str


LEDGER_SORTS = {
    "start": lambda line: (line.entry.start_date, line.entry.id),
    "person": lambda line: (line.entry.person_code, line.entry.start_date, line.entry.id),
    "kind": lambda line: (line.entry.kind, line.entry.start_date, line.entry.id),
    "counted": lambda line: (line.counted, line.entry.id),
}


@dataclass
class LedgerPage:
    """A page of ledger lines and the sort that ordered them."""

    page: Page
    sort: object


def ledger_page(figures: ClauseFigures, rows: list[LedgerEntry]) -> LedgerPage:
    """The clause's entries with their contribution on the figures' date, sorted by ?sort=, paginated."""
    explained = contributions(to_domain(figures.clause), [r.as_entry() for r in rows], figures.as_of)
    lines = [LedgerLine(row, round_figure(part.value, "person_months"), part.note)
             for row, part in zip(rows, explained, strict=True)]
    sort = sort_choice(LEDGER_SORTS, "start")
    lines.sort(key=LEDGER_SORTS[sort.key], reverse=sort.descending)
    return LedgerPage(list_page(lines), sort)


def linked_roles(clause_id: int) -> list:
    """(id, title) of employers' roles linked to the clause, from the feature that keeps roles."""
    return [role for source in ROLE_SOURCES for role in source(clause_id)]

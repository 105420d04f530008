"""The sanction decision of a clause as the procurement pages and the summary sheet show it beside the
forecast. The reporting cycle records decisions and registers its finder here (procurements may not
import it); without one, no clause has a decision."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Decided:
    """A clause's decided sanction: applied, reduced or waived, its amount against the computed one, why, when."""

    decision: str
    label: str
    amount: float
    computed: float
    reasons: str
    decided_on: date


# Each finder takes clause ids and gives clause id -> its decision, in one query.
FINDERS: list[Callable[[set[int]], dict[int, Decided]]] = []


def decisions_of(clause_ids: set[int]) -> dict[int, Decided]:
    """clause id -> its decided sanction, for the clauses that have one."""
    found: dict[int, Decided] = {}
    for finder in FINDERS:
        found.update(finder(set(clause_ids)) if clause_ids else {})
    return found

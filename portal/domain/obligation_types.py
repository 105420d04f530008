"""The types of clause arithmetic: a clause, a ledger entry, a status, and the codes they use.

The rules that count with them are written in ``portal.domain.obligations``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

CLAUSE_KINDS = ("persons", "person_months", "apprenticeships", "work_trials", "combined")
ENTRY_KINDS = ("job", "apprenticeship", "work_trial", "social_enterprise")
STATES = ("not_started", "on_track", "at_risk", "behind", "met", "breached")
ACCEPTS: dict[str, frozenset[str]] = {
    "persons": frozenset({"job", "apprenticeship", "social_enterprise"}),
    "person_months": frozenset({"job", "apprenticeship", "social_enterprise"}),
    "apprenticeships": frozenset({"apprenticeship"}),
    "work_trials": frozenset({"work_trial"}),
    "combined": frozenset({"job", "apprenticeship", "work_trial", "social_enterprise"}),
}
MONTH_UNIT_KINDS = frozenset({"person_months", "combined"})
AT_RISK_SHARE = 0.8
EPS = 1e-9  # float sums of day fractions: 31 x 1/31 may fall a hair below 1


class Entry(NamedTuple):
    """One ledger line: a pseudonymous person code, a kind, dates and a working-time share."""

    person: str
    kind: str
    start: date
    end: date | None
    share: float = 1.0


@dataclass(frozen=True, slots=True)
class Clause:
    """What a clause asks for and over which period."""

    kind: str
    quantity: float
    period_start: date
    deadline: date
    min_months: float = 0.0
    social_enterprise_share: float | None = None
    reporting_interval: int = 3
    sanction_per_month: float | None = None
    supplied: bool = True  # whether the contract has a supplier; without one nothing has started (rule 10)

    @property
    def unit(self) -> str:
        """``person_months`` or ``persons`` (rule 1)."""
        return "person_months" if self.kind in MONTH_UNIT_KINDS else "persons"

    def accepts(self, kind: str) -> bool:
        """Whether entries of this kind count for the clause (rule 2)."""
        if kind == "social_enterprise" and not self.social_enterprise_share:
            return False
        return kind in ACCEPTS[self.kind]

    @property
    def social_enterprise_cap(self) -> float:
        """The most that social-enterprise credits may count (rule 7)."""
        cap = (self.social_enterprise_share or 0.0) * self.quantity
        return cap if self.unit == "person_months" else float(math.floor(cap + EPS))


@dataclass(frozen=True, slots=True)
class Status:
    """A clause's figures on a date, in its unit, with its state code."""

    unit: str
    required: float
    delivered: float
    booked: float
    forecast: float
    expected_to_date: float
    state: str
    social_enterprise_counted: float
    social_enterprise_over_cap: float
    persons_below_minimum: int
    sanction_estimate: float | None
    # What the sanction multiplies: the shortfall in person-months (a missing person is min_months), and
    # whether it was reached from the forecast or from what was delivered; None with the estimate.
    sanction_shortfall: float | None = None
    sanction_basis: str | None = None  # "forecast" or "delivered"
    persons_ended_short: int = 0  # ended before the minimum: they can never count (obligations rule 6)

    @property
    def remaining(self) -> float:
        """What is still owed (never negative)."""
        return max(0.0, self.required - self.delivered)

    @property
    def progress(self) -> float:
        """Delivered as a share of required, 0..1 (over-delivery shows as 1)."""
        return min(1.0, self.delivered / self.required) if self.required > 0 else 1.0

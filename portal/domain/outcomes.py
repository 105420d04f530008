"""Outcome figures of a region: how people advance on their path, counted from plain facts.

The OTE model's one measure of success is that people advance: into work,
education, rehabilitation or services that promote employment. Every rule
below turns facts (status steps, placements, employer contacts) into counts
of codes; the reports feature stores the counts per month, provider,
municipality and buyer, and the pages add them up and hide small cells
(portal.domain.disclosure).

1. **Status at a date.** A candidate's status on a day is the last step that
   began on or before it; before the intake there is none.
2. **Moves.** Each status step after the first is a move ``from>to`` in the
   month it began. A move *into an outcome* is a move into one of
   ``OUTCOME_OF_STATUS``: work (employed), education, rehabilitation, services
   (a work trial: a service that promotes employment) or exited.
3. **Work-trial conversion.** A trial that has finished (ended or converted)
   counts in the month it finished: ``converted`` when it became a job or an
   apprenticeship, else ``not_converted``.
4. **Retention.** A job or apprenticeship start is looked at 3, 6 and 12
   months after it began (``RETENTION_MONTHS``), in the month of that day and
   only once the day has come: ``retained`` when it still ran on that day.
5. **Wage-subsidy use.** Job and apprenticeship starts, in the month they
   began, with or without a wage subsidy.
6. **Days to first employer contact.** From the intake to the first contact
   with an employer on the candidate's behalf, counted in the intake month;
   ``CONTACT_DAYS_CAP`` and more are kept as the cap (the median is exact
   below it); candidates without a contact yet are counted apart.
7. **Rates** (conversion, retention, subsidy use) are shown only when both
   the people counted in and the people counted out are shown cells: a rate
   of a small group, or a 100 % that tells everyone's outcome, is hidden.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from portal.domain.disclosure import Cell, cell, table
from portal.domain.person_months import add_months

OUTCOME_OF_STATUS = {"employed": "work", "education": "education", "rehabilitation": "rehabilitation",
                     "work_trial": "services", "exited": "exited"}
OUTCOMES = ("work", "education", "rehabilitation", "services", "exited")
RETENTION_MONTHS = (3, 6, 12)
JOB_KINDS = frozenset({"job", "apprenticeship"})
FINISHED_TRIAL_STATES = frozenset({"ended", "converted"})
CONTACT_DAYS_CAP = 365
NO_CONTACT = "none"

Step = tuple[date, str]  # (since, status)


def month_start(day: date) -> date:
    """The first day of the day's month."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the day's month."""
    return add_months(month_start(day), 1) - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    """The first days of every month from first's month to last's, oldest first."""
    months, current = [], month_start(first)
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def status_at_month_ends(steps: list[Step], months: list[date], as_of: date) -> list[str | None]:
    """The status at the end of each month (or on as_of for the current month); None before the intake.

    ``steps`` are sorted by date; months are first days, oldest first.
    """
    out, index, current = [], 0, None
    for month in months:
        day = min(month_end(month), as_of)
        while index < len(steps) and steps[index][0] <= day:
            current = steps[index][1]
            index += 1
        out.append(current)
    return out


def moves(steps: list[Step]) -> list[tuple[date, str, str]]:
    """(month, from, to) for every step after the first one that changes the status."""
    found = []
    for (_, before), (since, after) in pairwise(steps):
        if after != before:
            found.append((month_start(since), before, after))
    return found


def trial_outcome(state: str, ended_on: date | None) -> tuple[date, str] | None:
    """(month, converted|not_converted) for a finished trial; None while it runs."""
    if state not in FINISHED_TRIAL_STATES or ended_on is None:
        return None
    return month_start(ended_on), "converted" if state == "converted" else "not_converted"


def retention_outcomes(start: date, ended_on: date | None, as_of: date) -> list[tuple[date, int, bool]]:
    """(month, horizon in months, retained) for each horizon whose day has come by as_of."""
    found = []
    for months in RETENTION_MONTHS:
        day = add_months(start, months)
        if day <= as_of:
            found.append((month_start(day), months, ended_on is None or ended_on >= day))
    return found


def contact_key(intake: date, first_contact: date | None) -> str:
    """The days from intake to the first employer contact as a key, capped; NO_CONTACT when none yet."""
    if first_contact is None:
        return NO_CONTACT
    return str(min(CONTACT_DAYS_CAP, max(0, (first_contact - intake).days)))


def median_days(counts: Mapping[str, int]) -> float | None:
    """The median of the day keys (NO_CONTACT left out), or None when nobody had a contact."""
    values = sorted((int(k), n) for k, n in counts.items() if k != NO_CONTACT and n > 0)
    total = sum(n for _, n in values)
    if not total:
        return None

    def nth(position: int) -> int:
        seen = 0
        for value, n in values:
            seen += n
            if seen > position:
                return value
        return values[-1][0]

    if total % 2:
        return float(nth(total // 2))
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


@dataclass(frozen=True)
class Rate:
    """A share of a group with its two cells; ``value`` is None when the rate is hidden."""

    counted_in: Cell
    counted_out: Cell
    base: Cell
    value: float | None


def rate(counted_in: int, counted_out: int) -> Rate:
    """The share counted in, shown only when both parts are shown cells (rule 7)."""
    cells = table({"in": counted_in, "out": counted_out})
    base = cell(counted_in + counted_out)
    shown = cells["in"].shown and cells["out"].shown
    value = counted_in / (counted_in + counted_out) if shown else None
    return Rate(cells["in"], cells["out"], base, value)


def contact_cells(counts: Mapping[str, int]) -> tuple[Cell, float | None, Cell]:
    """People with a contact (and their median days) and people without one, hidden together.

    The two add up to the intake cohort, whose size other figures give away
    (the active caseload, the status stock): one hidden beside one shown could
    be worked out by subtraction, so either hidden hides both.
    """
    cells = table({"with": sum(n for k, n in counts.items() if k != NO_CONTACT),
                   "without": counts.get(NO_CONTACT, 0)})
    days = median_days(counts) if cells["with"].shown else None
    return cells["with"], days, cells["without"]


def into_outcomes(move_counts: Mapping[str, int]) -> dict[str, int]:
    """Moves ``from>to`` added up by the outcome they lead into (rule 2)."""
    totals = dict.fromkeys(OUTCOMES, 0)
    for key, n in move_counts.items():
        target = OUTCOME_OF_STATUS.get(key.split(">", 1)[-1])
        if target is not None:
            totals[target] += n
    return totals


def column_cells(counts: Iterable[tuple[str, int]], keys: Iterable[str]) -> dict[str, Cell]:
    """One group's cells (hidden below the threshold, with complementary suppression) for the keys."""
    found = dict.fromkeys(keys, 0)
    for key, n in counts:
        if key in found:
            found[key] += n
    return table(found)

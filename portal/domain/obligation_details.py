"""Why each ledger entry counts, or does not, towards a clause (rules 2-7 of portal.domain.obligations),
and when reports fall due (rule 11)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

# The series below reuses the counting steps of a status, so it cannot drift from `delivered`.
from portal.domain.obligation_types import EPS, Clause, Entry
from portal.domain.obligations import _decide, _spans, _tally, delivered, person_outcomes, window
from portal.domain.person_months import add_months, months_covered


def clip(entry: Entry, lo: date, hi: date, open_end: date) -> tuple[date, date] | None:
    """The entry's days inside lo..hi, an open end taken as `open_end` (rules 3, 5, 8)."""
    start = entry.start if entry.start > lo else lo
    end = entry.end if entry.end is not None else open_end
    if end > hi:
        end = hi
    return (start, end) if start <= end else None


class Contribution(NamedTuple):
    """What one entry adds: person-months (month clauses) or months of length (persons), and why."""

    value: float
    note: str  # counted, not_accepted, not_started, outside_period, below_minimum, ended_short, over_cap, ...


def contributions(clause: Clause, entries: Iterable[Entry], as_of: date) -> list[Contribution]:
    """Per entry, in the given order, what it counts on `as_of` and why (rules 2-7).

    The counted values add up to ``delivered`` for month clauses; for persons
    the distinct persons of ``counted`` entries are the delivered count.
    """
    entries = list(entries)
    lo, hi = window(clause, as_of)
    spans = [clip(e, lo, hi, as_of) if clause.accepts(e.kind) else None for e in entries]
    outcomes = person_outcomes(clause, entries, as_of, as_of) if clause.unit == "persons" else {}
    room = clause.social_enterprise_cap
    order = sorted(range(len(entries)), key=lambda i: (entries[i].start, i))
    result: dict[int, Contribution] = {}
    for i in order:
        e, span = entries[i], spans[i]
        if not clause.accepts(e.kind):
            result[i] = Contribution(0.0, "not_accepted")
        elif span is None:
            result[i] = Contribution(0.0, "not_started" if e.start > as_of else "outside_period")
        elif clause.unit == "persons":
            note = {"own": "counted", "social_enterprise": "counted"}.get(outcomes[e.person], outcomes[e.person])
            result[i] = Contribution(months_covered(*span), note)
        else:
            value = months_covered(*span) * e.share
            if e.kind == "social_enterprise":
                take = min(value, max(0.0, room))
                room -= take
                note = "counted" if take + EPS >= value else ("partly_over_cap" if take > EPS else "over_cap")
                value = take
            else:
                note = "counted"
            result[i] = Contribution(value, note)
    return [result[i] for i in range(len(entries))]


def report_dates(clause: Clause) -> list[date]:
    """Dates reports are due: the end of each reporting interval, and the deadline (rule 11)."""
    dates, k = [], 1
    while True:
        due = add_months(clause.period_start, clause.reporting_interval * k) - timedelta(days=1)
        if due >= clause.deadline:
            break
        dates.append(due)
        k += 1
    dates.append(clause.deadline)
    return dates


def delivered_series(clause: Clause, entries: Iterable[Entry], days: list[date]) -> list[float]:
    """What the entries have delivered by each of the days (rules 1-7), as `delivered` day by day.

    For a clause in persons the entries are clipped to every day's window in
    one pass, and no booking to the deadline is worked out, so a chart of a
    buyer's many clauses costs a fraction of asking `delivered` for each day.
    """
    entries = entries if isinstance(entries, (list, tuple)) else list(entries)
    if not entries:
        return [0.0] * len(days)
    if clause.unit != "persons":
        return [delivered(clause, entries, day) for day in days]
    windows = _spans(clause, entries, [(day, day) for day in days])
    return [_tally(_decide(clause, own, bought)).value for own, bought in windows]

"""Clause arithmetic: what an employment clause requires, what its ledger has delivered,
what is forecast at the deadline, and the clause's state. Pure: dates and numbers in,
codes and numbers out.

Counting rules (each one has unit tests in tests/unit/test_obligations*.py):

1. **Units.** A clause of kind ``person_months`` or ``combined`` is counted in
   person-months; ``persons``, ``apprenticeships`` and ``work_trials`` in persons.
2. **Accepted kinds.** A ledger entry is a ``job`` (employment), an
   ``apprenticeship``, a ``work_trial`` or ``social_enterprise`` (employment in a
   work-integration social enterprise that the supplier buys from). Each clause
   kind counts only the entry kinds in ``ACCEPTS``; a work trial is not
   employment, so only work-trial and combined clauses count it. Social-enterprise
   entries count only when the clause gives them a share (rule 7).
3. **Counting period.** From the period start (the contract start) to the
   deadline, both days included. The part of an entry outside the period is not
   counted: a placement that crosses the deadline counts up to the deadline.
4. **Person-months.** Each calendar month an entry touches counts the days
   covered divided by the days of that month, times the working-time share
   (0 < share <= 1). A whole calendar month is 1 whatever its length;
   15 Jan - 14 Feb is 17/31 + 14/28. Days are additive, so splitting an entry
   in two never changes the sum.
5. **To date.** "Delivered" counts entries up to the date asked (``as_of``), never
   beyond it; an entry without an end date runs to ``as_of``.
6. **Persons.** A person (a pseudonymous code, never a name) counts once, and
   only when their accepted entries, overlaps merged, cover at least
   ``min_months`` calendar months (rule 4 without the share: a part-time job
   counts in full towards the length). A person below the minimum counts zero,
   never a fraction. A person below the minimum whose entries have all ended (none
   runs on or starts after the day asked) ended before the minimum: they can never
   count, so they are told apart from those still below it so far.
7. **Social-enterprise cap.** Social-enterprise credits count at most
   ``share x required`` (for persons rounded down to whole persons); what lies
   above the cap is shown as over the cap and not counted. Credits are taken in
   the order of their start dates. For persons, a person is credited to the
   social enterprise only when their own-staff entries alone do not reach the
   minimum length.
8. **Booked.** As delivered, but with each entry's planned end (an entry
   without an end is expected to run to the deadline).
9. **Forecast at the deadline.** What the ledger will have delivered by the
   deadline if it runs as entered: what was delivered, plus each ongoing entry to
   its planned end (an open one to the deadline), that is what is booked (rule 8).
   An ended entry counts as it was and is never extrapolated, and
   social-enterprise credits count within their cap. After the deadline it is what
   was delivered. A forecast in persons is in whole persons.
10. **State.** ``not_started`` before the period starts, and while the contract has no supplier
    (a procurement not yet awarded: nobody can deliver, so nothing is behind); ``met`` once delivered >=
    required; ``breached`` when the deadline has passed without that; otherwise
    ``on_track`` when the forecast reaches the requirement, ``at_risk`` when it
    reaches ``AT_RISK_SHARE`` of it, else ``behind``.
11. **Reports** are due on the last day of every reporting interval counted
    from the period start, and a final one on the deadline.
12. **Sanction.** Only when the forecast (after the deadline: what was delivered)
    falls short, and the clause sets a sanction: the shortfall in person-months
    times the sanction per missing person-month; for a clause counted in persons a
    missing person is ``min_months`` person-months. None before the period starts or
    while there is no supplier.

The clause, entry and status types live in ``portal.domain.obligation_types``; calendar
arithmetic in ``portal.domain.person_months``; the per-entry
explanation of these rules (what each entry counts and why) in
``portal.domain.obligation_details``, with the report dates.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from portal.domain.obligation_types import (  # noqa: F401  (the public names of this module)
    ACCEPTS,
    AT_RISK_SHARE,
    CLAUSE_KINDS,
    ENTRY_KINDS,
    EPS,
    MONTH_UNIT_KINDS,
    STATES,
    Clause,
    Entry,
    Status,
)
from portal.domain.person_months import merged_months, months_covered


class _Count(NamedTuple):
    value: float
    se_counted: float
    se_over_cap: float
    below_minimum: int
    ended_short: int = 0


def window(clause: Clause, until: date) -> tuple[date, date]:
    """The counting period up to `until` (rule 3)."""
    return clause.period_start, (until if until < clause.deadline else clause.deadline)


Spans = dict[str, list[tuple[date, date]]]  # person -> (start, end) of their counted entries


def _spans(clause: Clause, entries: Iterable[Entry], windows: list[tuple[date, date]]) -> list[tuple[Spans, Spans]]:
    """Per window (until, open end): each person's clipped own-staff and social-enterprise spans."""
    lo = clause.period_start
    accepted = ACCEPTS[clause.kind]
    se_allowed = bool(clause.social_enterprise_share)
    limits = [(until if until < clause.deadline else clause.deadline, open_end) for until, open_end in windows]
    found: list[tuple[Spans, Spans]] = [({}, {}) for _ in windows]
    for e in entries:
        kind = e.kind
        if kind not in accepted or (kind == "social_enterprise" and not se_allowed):
            continue
        start = e.start if e.start > lo else lo
        for (hi, open_end), (own, bought) in zip(limits, found, strict=True):
            end = e.end if e.end is not None else open_end
            if end > hi:
                end = hi
            if start <= end:
                (bought if kind == "social_enterprise" else own).setdefault(e.person, []).append((start, end))
    return found


def _decide(clause: Clause, own: Spans, bought: Spans, ongoing: set[str] | None = None) -> dict[str, str]:
    """person -> own, social_enterprise, over_cap, below_minimum or (given who is ongoing) ended_short
    (rules 6-7)."""
    need = clause.min_months - EPS
    outcome = {person: "own" for person, spans in own.items() if merged_months(spans) >= need}
    pending = [person for person in bought if person not in outcome]
    room = clause.social_enterprise_cap
    # The cap goes by start date: the earliest social-enterprise persons are credited first.
    for person in sorted(pending, key=lambda p: (min(s for s, _ in own.get(p, []) + bought[p]), p)):
        if merged_months(own.get(person, []) + bought[person]) >= need:
            outcome[person] = "social_enterprise" if room >= 1 - EPS else "over_cap"
            room -= outcome[person] == "social_enterprise"
    for person in own.keys() | bought.keys():
        outcome.setdefault(person, "below_minimum" if ongoing is None or person in ongoing else "ended_short")
    return outcome


def running(entries: Iterable[Entry], as_of: date) -> set[str]:
    """The persons with an entry that runs on or starts after `as_of`: they may still reach the minimum."""
    return {e.person for e in entries if e.end is None or e.end >= as_of}


def person_outcomes(clause: Clause, entries: Iterable[Entry], until: date, open_end: date) -> dict[str, str]:
    """person -> own, social_enterprise, over_cap, below_minimum or ended_short, counting up to `until`
    (rules 6-7)."""
    entries = list(entries)
    return _decide(clause, *_spans(clause, entries, [(until, open_end)])[0], running(entries, until))


def _tally(outcome: dict[str, str]) -> _Count:
    found = list(outcome.values())
    se = found.count("social_enterprise")
    return _Count(float(found.count("own") + se), float(se), float(found.count("over_cap")),
                  found.count("below_minimum"), found.count("ended_short"))


def _persons(clause: Clause, entries: Iterable[Entry], as_of: date) -> tuple[_Count, float]:
    """Persons counted by as_of, and persons booked by the deadline, from one pass over the entries."""
    entries = entries if isinstance(entries, (list, tuple)) else list(entries)
    ongoing = running(entries, as_of)
    if as_of >= clause.deadline:  # both windows end on the deadline
        now = _tally(_decide(clause, *_spans(clause, entries, [(as_of, as_of)])[0], ongoing))
        return now, now.value
    (own, bought), (own_plan, bought_plan) = _spans(
        clause, entries, [(as_of, as_of), (clause.deadline, clause.deadline)])
    return _tally(_decide(clause, own, bought, ongoing)), _tally(_decide(clause, own_plan, bought_plan)).value


def _months(clause: Clause, entries: Iterable[Entry], as_of: date) -> tuple[_Count, float]:
    """Person-months delivered by as_of, and booked by the deadline, in one pass (rules 2-8)."""
    lo, deadline = clause.period_start, clause.deadline
    hi = as_of if as_of < deadline else deadline
    accepted = ACCEPTS[clause.kind]
    se_allowed = bool(clause.social_enterprise_share)
    regular = se = plan_regular = plan_se = 0.0
    for e in entries:  # the hot loop of the benchmark: kept free of calls it can do without
        kind = e.kind
        if kind not in accepted or (kind == "social_enterprise" and not se_allowed):
            continue
        start = e.start if e.start > lo else lo
        end = e.end
        planned_end = deadline if end is None or end > deadline else end
        if start > planned_end:
            continue
        planned = months_covered(start, planned_end) * e.share
        now_end = as_of if end is None else end
        if now_end > hi:
            now_end = hi
        if start > now_end:
            value = 0.0
        elif now_end == planned_end:
            value = planned
        else:
            value = months_covered(start, now_end) * e.share
        if kind == "social_enterprise":
            se += value
            plan_se += planned
        else:
            regular += value
            plan_regular += planned
    cap = clause.social_enterprise_cap
    counted = se if se <= cap else cap
    return _Count(regular + counted, counted, se - counted, 0), plan_regular + min(plan_se, cap)


def delivered(clause: Clause, entries: Iterable[Entry], as_of: date) -> float:
    """What the entries have delivered by `as_of` (rules 1-7)."""
    if clause.unit == "persons":
        return _persons(clause, entries, as_of)[0].value
    return _months(clause, entries, as_of)[0].value


def booked(clause: Clause, entries: Iterable[Entry]) -> float:
    """What the entries will have delivered by the deadline if they run as planned (rule 8)."""
    if clause.unit == "persons":
        return _persons(clause, entries, clause.deadline)[1]
    return _months(clause, entries, clause.deadline)[1]


def _days(lo: date, hi: date) -> int:
    return (hi - lo).days + 1


def expected_by(clause: Clause, day: date) -> float:
    """The requirement pro rata: what an even pace would have delivered by `day`."""
    total = _days(clause.period_start, clause.deadline)
    elapsed = max(0, min(total, _days(clause.period_start, day)))
    return clause.quantity * elapsed / total if total > 0 else float(clause.quantity)


def evaluate(clause: Clause, entries: Iterable[Entry], as_of: date) -> Status:
    """The clause's status on `as_of` (rules 1-12)."""
    entries = entries if isinstance(entries, (list, tuple)) else list(entries)
    past_deadline = as_of > clause.deadline
    now, plan = (_persons if clause.unit == "persons" else _months)(clause, entries, as_of)
    got = now.value
    required = float(clause.quantity)
    # The forecast is what the ledger holds, never a pace: extrapolating would count ended entries
    # again and social-enterprise credits past their cap (issue 18).
    forecast = got if past_deadline else max(plan, got)
    if clause.unit == "persons":
        forecast = float(math.floor(forecast + EPS))
    state = _state(clause, as_of, got, forecast, required)
    shortfall = None if state in ("not_started", "met", "on_track") else shortfall_months(clause, forecast)
    return Status(
        unit=clause.unit, required=required, delivered=got, booked=plan, forecast=forecast,
        expected_to_date=expected_by(clause, as_of),
        state=state, social_enterprise_counted=now.se_counted,
        social_enterprise_over_cap=now.se_over_cap, persons_below_minimum=now.below_minimum,
        persons_ended_short=now.ended_short,
        sanction_estimate=(round(shortfall * clause.sanction_per_month, 2)
                           if shortfall is not None and clause.sanction_per_month is not None else None),
        sanction_shortfall=shortfall if clause.sanction_per_month is not None else None,
        sanction_basis=(("delivered" if past_deadline else "forecast")
                        if shortfall is not None and clause.sanction_per_month is not None else None),
    )


def _state(clause: Clause, as_of: date, got: float, forecast: float, required: float) -> str:
    """The state code of rule 10."""
    if as_of < clause.period_start or not clause.supplied:
        return "not_started"
    if got + EPS >= required:
        return "met"
    if as_of > clause.deadline:
        return "breached"
    if forecast + EPS >= required:
        return "on_track"
    return "at_risk" if forecast + EPS >= AT_RISK_SHARE * required else "behind"


def shortfall_months(clause: Clause, reached: float) -> float:
    """The shortfall below the requirement at `reached`, in person-months (rule 12)."""
    shortfall = max(0.0, clause.quantity - reached)
    if clause.unit == "persons":
        return math.ceil(shortfall - EPS) * clause.min_months
    return shortfall


def sanction(clause: Clause, reached: float) -> float | None:
    """The sanction for falling short of the requirement at `reached` (rule 12); None if none set."""
    if clause.sanction_per_month is None:
        return None
    return round(shortfall_months(clause, reached) * clause.sanction_per_month, 2)

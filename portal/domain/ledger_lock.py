"""When a supplier may no longer change its ledger: what an accepted report or a sanction decision closes.

Rules (each one has unit tests in tests/unit/test_ledger_lock.py):

1. **Decision.** Once the sanction is decided, the whole ledger of the clause is closed: the decision
   rests on it. Nothing is added, changed or removed.
2. **Accepted periods.** An accepted report closes its period: no entry is added or removed whose
   days touch the period, and an entry touching it is changed only where it lies outside every
   accepted period (for example its end date, given later, after the accepted period). The days,
   person, kind and share inside an accepted period stay as the buyer accepted them.
3. **Reopening.** The buying organisation's officer may reopen an accepted report, always with
   reasons; it becomes a returned report, so its period opens again until it is accepted anew.
4. **Terms.** Once the sanction is decided, the clause is not changed at all (nor deleted): the decision
   was computed from its quantity, interval, deadline and sanction, and the page must show the same
   figures beside it. Once a report is accepted, the reporting interval is not changed (it would cut the
   accepted periods anew) and the deadline is not moved before the last accepted report's date; the
   buyer reopens the reports first if the terms really must change.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

Period = tuple[date, date]


@dataclass(frozen=True)
class Line:
    """A ledger line as the lock sees it: who, what kind, which days (end None: ongoing) and share."""

    person_code: str
    kind: str
    start: date
    end: date | None
    share: float


def inside(line: Line, periods: list[Period]) -> tuple[tuple[date, date], ...]:
    """The line's days inside each accepted period it touches (rule 2), as (first, last) pairs."""
    found = []
    for first, last in sorted(periods):
        if line.start <= last and (line.end is None or line.end >= first):
            found.append((max(first, line.start), min(last, line.end) if line.end else last))
    return tuple(found)


def lock_problem(decided: bool, periods: list[Period], before: Line | None, after: Line | None) -> str | None:
    """Why a change (add: before None; delete: after None; edit: both) is refused, or None (rules 1-2).

    Codes: ``decided`` (rule 1), ``accepted_period`` (rule 2).
    """
    if decided:
        return "decided"
    old = inside(before, periods) if before else ()
    new = inside(after, periods) if after else ()
    if not old and not new:
        return None
    if before is None or after is None:
        return "accepted_period"
    same_line = (before.person_code, before.kind, before.share) == (after.person_code, after.kind, after.share)
    return None if same_line and old == new else "accepted_period"


def reopen_problem(state: str | None, reasons: str, max_text: int) -> dict[str, str]:
    """field -> problem code for reopening a report (rule 3): only an accepted one, always with reasons."""
    found: dict[str, str] = {}
    if state != "accepted":
        found["state"] = "not_accepted"
    stripped = (reasons or "").strip()
    if not stripped:
        found["reasons"] = "required"
    elif len(stripped) > max_text:
        found["reasons"] = "too_long"
    return found


def terms_problems(decided: bool, accepted_ends: list[date], old_interval: int | None, new_interval: int | None,
                   new_deadline: date | None) -> dict[str, str]:
    """field -> problem code for changing a clause's terms (rule 4); ``clause`` when nothing may change.

    Codes: ``terms_decided``, ``interval_accepted``, ``deadline_accepted``.
    """
    if decided:
        return {"clause": "terms_decided"}
    found: dict[str, str] = {}
    if accepted_ends and new_interval != old_interval:
        found["reporting_interval"] = "interval_accepted"
    if accepted_ends and new_deadline is not None and new_deadline < max(accepted_ends):
        found["deadline"] = "deadline_accepted"
    return found


def line_lock(line: Line, periods: list[Period]) -> str | None:
    """How far accepted periods hold a stored line (rule 2): ``locked`` when all its days lie inside them
    (nothing may change), ``partly`` when some do (it is not removed; only its days outside change), else None."""
    touched = inside(line, periods)
    if not touched:
        return None
    covered = sum((last - first).days + 1 for first, last in touched)
    if line.end is not None and covered >= (line.end - line.start).days + 1:
        return "locked"
    return "partly"

"""The reporting cycle of an employment clause: reports submitted, returned and accepted, reminders, and
the sanction decision at the end. Pure: dates, codes and numbers in, codes and numbers out.

Rules (each one has unit tests in tests/unit/test_report_cycle.py):

1. **Periods.** A report covers the days since the previous report date (the first one: since the
   period start) up to and including its own date (the report dates of rule 11 of obligations).
2. **Window.** The supplier may submit a report from ``OPEN_BEFORE_DAYS`` days before its date on;
   a report not submitted by its date is late.
3. **Steps.** A report is ``submitted`` by the supplier; the buying organisation's officer either
   ``accepted`` it or ``returned`` it with reasons; a returned report is corrected and submitted again.
   An accepted report is final.
4. **Reminders.** One reminder ``REMIND_BEFORE_DAYS`` days (or fewer) before the date while nothing is
   submitted, and one after the date (within ``REMIND_AFTER_WITHIN_DAYS``) while the report is missing
   or returned; each is sent once.
5. **Sanction decision.** Taken once the deadline has passed, always with reasons: ``applied`` (the
   computed sanction), ``reduced`` (less than it, more than zero) or ``waived`` (zero).
6. **Closed by the decision.** Once a sanction decision is recorded, the clause's reports are closed: none
   is submitted, accepted, returned or reopened any more, since the decision was computed from them.
7. **Attention.** The officer's dashboard lists late and returned reports, and a submitted report of a
   reserved contract whose declared share is below the required share (the officer decides on it knowing).
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

REPORT_STATES = ("submitted", "returned", "accepted")
# What a report date shows as: its report's state, or where it stands without one.
DUE_STATES = ("upcoming", "open", "late") + REPORT_STATES
DECISIONS = ("applied", "reduced", "waived")
OPEN_BEFORE_DAYS = 30
REMIND_BEFORE_DAYS = 14
REMINDER_KINDS = ("before", "after")
REMIND_AFTER_WITHIN_DAYS = 60  # a date missed longer ago is on the dashboard, not in anyone's mail again
MAX_TEXT = 4000


def periods(period_start: date, dates: list[date]) -> list[tuple[date, date, date]]:
    """(report date, first day, last day) of each report (rule 1)."""
    found, first = [], period_start
    for due in dates:
        found.append((due, first, due))
        first = due + timedelta(days=1)
    return found


def overlaps(first: date, last: date, start: date, end: date | None) -> bool:
    """Whether an entry from `start` to `end` (None: ongoing) touches the period."""
    return start <= last and (end is None or end >= first)


def due_state(due: date, state: str | None, today: date) -> str:
    """What a report date shows: the report's state, else upcoming, open or late (rule 2)."""
    if state is not None:
        return state
    if today > due:
        return "late"
    return "open" if today >= due - timedelta(days=OPEN_BEFORE_DAYS) else "upcoming"


def can_submit(due: date, state: str | None, today: date, decided: bool = False) -> bool:
    """Whether the supplier may submit (or resubmit) the report now (rules 2, 3 and 6)."""
    return not decided and state in (None, "returned") and today >= due - timedelta(days=OPEN_BEFORE_DAYS)


def can_review(state: str | None, decided: bool = False) -> bool:
    """Whether the officer may accept or return the report (rules 3 and 6)."""
    return not decided and state == "submitted"


def needs_attention(due: date, state: str | None, today: date, share_below: bool = False) -> bool:
    """Whether the report is late or returned, or submitted with a share below the requirement (rule 7)."""
    return due_state(due, state, today) in ("late", "returned") or (share_below and state == "submitted")


def reminder_due(kind: str, due: date, state: str | None, today: date) -> bool:
    """Whether the reminder of this kind is due today for the report date (rule 4; sending once is the caller's)."""
    if kind == "before":
        return state is None and due - timedelta(days=REMIND_BEFORE_DAYS) <= today <= due
    return state in (None, "returned") and due < today <= due + timedelta(days=REMIND_AFTER_WITHIN_DAYS)


def text_problem(text: str, required: bool) -> str | None:
    """A problem code for a comment or reasons: missing or too long."""
    stripped = (text or "").strip()
    if required and not stripped:
        return "required"
    return "too_long" if len(stripped) > MAX_TEXT else None


def decision_amount(decision: str, computed: Decimal, amount: Decimal | None) -> Decimal:
    """The amount a decision records: the computed sanction, the reduced amount, or zero (rule 5)."""
    if decision == "applied":
        return computed
    if decision == "waived":
        return Decimal("0")
    return amount if amount is not None else Decimal("0")


def decision_problems(decision: str, computed: Decimal | None, amount: Decimal | None, reasons: str,
                      deadline: date, today: date) -> dict[str, str]:
    """field -> problem code for a sanction decision (rule 5); empty when it may be recorded."""
    found: dict[str, str] = {}
    if today <= deadline:
        found["decision"] = "before_deadline"
    elif computed is None:
        found["decision"] = "no_sanction"
    elif decision not in DECISIONS:
        found["decision"] = "unknown_decision"
    elif decision == "reduced" and (amount is None or not Decimal("0") < amount < computed):
        found["amount"] = "reduced_range"
    elif decision != "reduced" and amount is not None:
        found["amount"] = "amount_only_reduced"  # an amount with "applied" or "waived" would be silently dropped
    problem = text_problem(reasons, required=True)
    if problem:
        found["reasons"] = problem
    return found

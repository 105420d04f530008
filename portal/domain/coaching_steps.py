"""Steps before work (social rehabilitation, work activity, day activity) and module review signatures."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

STEP_KINDS = ("social_rehabilitation", "work_activity", "day_activity")
# Where a step led when it ended; work and education are the movement the dashboard looks for.
STEP_OUTCOMES = ("work", "education", "other_step", "continued", "interrupted")
TOWARD_WORK = frozenset({"work", "education"})
SIGNERS = ("candidate", "buyer")
SIGNATURE_STATES = ("pending", "signed", "not_signed")


def step_problems(kind: str, start: date | None, end: date | None, outcome: str | None, today: date) -> list[str]:
    """Codes for what is wrong with a step before work; empty when it is acceptable.

    Codes: unknown_kind, no_start, start_in_future (only for a step recorded as ended), end_before_start,
    end_in_future,
    unknown_outcome, outcome_without_end, end_without_outcome.
    """
    if kind not in STEP_KINDS:
        return ["unknown_kind"]
    if start is None:
        return ["no_start"]
    problems = []
    # A step may be planned ahead (a start in the future, shown as planned); one recorded as ended has happened.
    if start > today and (end is not None or outcome):
        problems.append("start_in_future")
    if end is not None and end < start:
        problems.append("end_before_start")
    if end is not None and end > today:
        problems.append("end_in_future")
    if outcome and outcome not in STEP_OUTCOMES:
        problems.append("unknown_outcome")
    if outcome and end is None:
        problems.append("outcome_without_end")
    if end is not None and not outcome:
        problems.append("end_without_outcome")
    return problems


def step_key(kind: str, outcome: str | None) -> str | None:
    """The dashboard key of an ended step, ``kind>outcome``; None for a step still running."""
    return f"{kind}>{outcome}" if outcome else None


def toward_work(keys: Iterable[tuple[str, int]]) -> dict[str, int]:
    """People per step kind who moved on to work or education, from (kind>outcome, people) pairs."""
    out = dict.fromkeys(STEP_KINDS, 0)
    for key, people in keys:
        kind, outcome = key.split(">", 1)
        if kind in out and outcome in TOWARD_WORK:
            out[kind] += people
    return out


def signature_problems(state: str, signed_on: date | None, name: str, reason: str, review_on: date,
                       today: date, needs_name: bool) -> list[str]:
    """Codes for what is wrong with recording a signature; empty when acceptable.

    Codes: unknown_state, no_date, before_review, in_future, no_name, no_reason.
    """
    if state not in ("signed", "not_signed"):
        return ["unknown_state"]
    if state == "not_signed":
        return [] if reason.strip() else ["no_reason"]
    problems = []
    if signed_on is None:
        return ["no_date"]
    if signed_on < review_on:
        problems.append("before_review")
    if signed_on > today:
        problems.append("in_future")
    if needs_name and not name.strip():
        problems.append("no_name")
    return problems

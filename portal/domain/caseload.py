"""Caseload rules: candidate statuses, the supported-employment fidelity limit, days since contact."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STATUSES = ("intake", "job_search", "work_trial", "employed", "education", "rehabilitation",
            "paused", "exited")
# An exited candidate no longer counts in a coach's caseload; everybody else
# does, including people in work, whom supported employment keeps following.
ACTIVE_STATUSES = tuple(s for s in STATUSES if s != "exited")
SUPPORT_INTENSITIES = ("light", "intensive")


@dataclass(frozen=True)
class FidelityRule:
    """The largest caseload one coach should carry, for a period (rules data in seeds/rules)."""

    max_caseload: int
    valid_from: date
    valid_to: date | None
    source: str
    verified: bool


def rule_on(rules: list[FidelityRule], day: date) -> FidelityRule | None:
    """The rule in force on a day, or None when no period covers it."""
    for rule in sorted(rules, key=lambda r: r.valid_from, reverse=True):
        if rule.valid_from <= day and (rule.valid_to is None or day <= rule.valid_to):
            return rule
    return None


def over_limit(size: int, rule: FidelityRule | None) -> bool:
    """Whether a caseload of this size is above the limit (at the limit is still fine)."""
    return rule is not None and size > rule.max_caseload


def days_since(last: date | None, today: date) -> int | None:
    """Whole days from a date to today; None when there was no such date."""
    return None if last is None else (today - last).days


def status_change_problems(current: str, new: str, since: date, current_since: date | None,
                           today: date) -> list[str]:
    """Codes for what is wrong with a status change; empty when it is acceptable.

    Codes: unknown_status, same_status, in_future, before_current.
    """
    if new not in STATUSES:
        return ["unknown_status"]
    problems = []
    if new == current:
        problems.append("same_status")
    if since > today:
        problems.append("in_future")
    if current_since is not None and since < current_since:
        problems.append("before_current")
    return problems


def hours_problems(hours_min: int | None, hours_max: int | None) -> list[str]:
    """Codes for what is wrong with a weekly hours capacity range.

    Codes: incomplete (one end only), out_of_range (outside 1-40), reversed.
    """
    if hours_min is None and hours_max is None:
        return []
    if hours_min is None or hours_max is None:
        return ["incomplete"]
    problems = []
    if not (1 <= hours_min <= 40 and 1 <= hours_max <= 40):
        problems.append("out_of_range")
    if hours_min > hours_max:
        problems.append("reversed")
    return problems

"""Rules of coaching work: goals, modules and their reviews, the service-need assessment."""
from __future__ import annotations

from datetime import date

GOAL_STATUSES = ("open", "achieved", "dropped")
MODULE_STATUSES = ("planned", "ongoing", "completed")
REVIEW_DECISIONS = ("next_module", "exit")
# Where a person goes when coaching ends, and the status that follows.
EXIT_DESTINATIONS = {
    "work": "employed",
    "education": "education",
    "rehabilitation": "rehabilitation",
    "other_services": "exited",
    "participation": "exited",
    "no_destination": "exited",
}
CONSENT_SCOPES = ("profile", "profile_contact")


def goal_problems(text: str, measure: str, target_date: date | None) -> list[str]:
    """Codes for what is wrong with a goal: no_text, no_measure, no_date."""
    problems = []
    if not (text or "").strip():
        problems.append("no_text")
    if not (measure or "").strip():
        problems.append("no_measure")
    if target_date is None:
        problems.append("no_date")
    return problems


def past_date(day: date | None, today: date, before: date | None = None, new: bool = True) -> str | None:
    """Whether a date that looks ahead (a goal's target, the next follow-up) lies in the past.

    "refuse" for a new one dated before today: nobody plans toward a day that has gone (1.1.2020 was
    accepted without a word). "warn" for an edit that moves it into the past: recording late that a
    goal was due earlier can be right, so it is saved and said. None when the date is today or later,
    or unchanged (an overdue goal can still be edited).
    """
    if day is None or day >= today or (not new and day == before):
        return None
    return "refuse" if new else "warn"


def module_problems(start: date | None, end: date | None) -> list[str]:
    """Codes for what is wrong with a module's dates: no_start, end_before_start."""
    if start is None:
        return ["no_start"]
    if end is not None and end < start:
        return ["end_before_start"]
    return []


def review_problems(decision: str, destination: str | None, reviewed_on: date | None,
                    module_start: date) -> list[str]:
    """Codes for what is wrong with a module review.

    Codes: unknown_decision, no_destination (an exit says where to),
    destination_without_exit, no_date, before_start.
    """
    problems = []
    if decision not in REVIEW_DECISIONS:
        problems.append("unknown_decision")
    if decision == "exit" and destination not in EXIT_DESTINATIONS:
        problems.append("no_destination")
    if decision == "next_module" and destination:
        problems.append("destination_without_exit")
    if reviewed_on is None:
        problems.append("no_date")
    elif reviewed_on < module_start:
        problems.append("before_start")
    return problems


def status_after_review(decision: str, destination: str | None) -> str | None:
    """The candidate status a review leads to (None: unchanged, coaching goes on)."""
    if decision != "exit":
        return None
    if destination is None:  # review_problems refuses an exit without a destination first
        raise KeyError(destination)
    return EXIT_DESTINATIONS[destination]



def is_multi_sector(services_needed: set[str] | frozenset[str]) -> bool:
    """A person who needs several services at once needs a multi-sector assessment."""
    return len(services_needed) >= 2


def assessment_problems(services_needed: set[str], participants: str, completing: bool,
                        focus_notes: dict[str, str], focus_areas: tuple[str, ...]) -> list[str]:
    """Codes for what is wrong with a service-need assessment.

    participants_missing: a multi-sector assessment names who takes part.
    focus_missing: a completed assessment has a note on each focus area.
    """
    problems = []
    if is_multi_sector(services_needed) and not (participants or "").strip():
        problems.append("participants_missing")
    if completing and any(not (focus_notes.get(a) or "").strip() for a in focus_areas):
        problems.append("focus_missing")
    return problems

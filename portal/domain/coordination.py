"""Coordination of a person's services: a coordinator for each phase, referrals and their answers.

The seed asks that responsibility for coordination is agreed for each phase of
the service path, and that nobody is left without it; a referral to another
party is written in work terms, and its answer comes back into the plan.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

PHASES = ("assessment", "rehabilitation", "job_search", "in_work")
# The phase a candidate's status suggests; paused and exited have none of their own.
PHASE_OF_STATUS = {"intake": "assessment", "rehabilitation": "rehabilitation", "job_search": "job_search",
                   "work_trial": "job_search", "employed": "in_work", "education": "in_work"}
# Statuses in which nobody needs a coordinator: the person has left the service.
CLOSED_STATUSES = frozenset({"exited"})

REFERRAL_KINDS = ("work_ability_assessment", "workshop_assessment", "rehabilitation", "social_services")
REFERRAL_STATES = ("sent", "accepted", "declined", "completed", "cancelled")
# What may follow each state; declined, completed and cancelled are final.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "sent": ("accepted", "declined", "completed", "cancelled"),
    "accepted": ("completed", "cancelled"),
    "declined": (), "completed": (), "cancelled": (),
}
ANSWERS = ("accepted", "declined", "completed")  # what the receiving party answers
OPEN_STATES = frozenset({"sent", "accepted"})


@dataclass(frozen=True)
class Current:
    """The coordinator now responsible: who, for which phase, since when."""

    user_id: int
    phase: str
    since: date


def phase_for_status(status: str) -> str:
    """The phase a candidate's status suggests (assessment when the status names none)."""
    return PHASE_OF_STATUS.get(status, "assessment")


def needs_coordinator(status: str, current_user_id: int | None, team_ids: Collection[int]) -> bool:
    """Whether a candidate is left without a coordinator: in service, and nobody of the team holds it."""
    if status in CLOSED_STATUSES:
        return False
    return current_user_id is None or current_user_id not in team_ids


def may_be_coordinator(user_id: int | None, team_ids: Collection[int]) -> bool:
    """Only a member of the candidate's team can coordinate: the coordinator must see the whole plan."""
    return user_id is not None and user_id in team_ids


def handover_problems(next_id: int | None, phase: str, on: date | None, team_ids: Collection[int],
                      current: Current | None, today: date) -> list[str]:
    """Codes for what is wrong with naming a coordinator or handing over to the next one; empty when fine.

    Codes: no_coordinator, not_in_team, unknown_phase, no_date, in_future, before_current, nothing_changes.
    """
    if next_id is None:
        return ["no_coordinator"]
    problems = []
    if not may_be_coordinator(next_id, team_ids):
        problems.append("not_in_team")
    if phase not in PHASES:
        problems.append("unknown_phase")
    if on is None:
        return problems + ["no_date"]
    if on > today:
        problems.append("in_future")
    if current is not None and on < current.since:
        problems.append("before_current")
    if current is not None and current.user_id == next_id and current.phase == phase:
        problems.append("nothing_changes")
    return problems


def referral_problems(kind: str, reason: str, organisation_id: int | None, outside_name: str,
                      sent_on: date | None, today: date) -> list[str]:
    """Codes for what is wrong with a referral; empty when it can be saved.

    Codes: unknown_kind, no_reason, no_receiver, two_receivers, no_date, in_future.
    """
    problems = []
    if kind not in REFERRAL_KINDS:
        problems.append("unknown_kind")
    if not reason.strip():
        problems.append("no_reason")
    if organisation_id is None and not outside_name.strip():
        problems.append("no_receiver")
    if organisation_id is not None and outside_name.strip():
        problems.append("two_receivers")
    if sent_on is None:
        problems.append("no_date")
    elif sent_on > today:
        problems.append("in_future")
    return problems


def may_move(state: str, new: str) -> bool:
    """Whether a referral in this state may move to the new one."""
    return new in TRANSITIONS.get(state, ())


def answer_problems(state: str, answer: str, answered_on: date | None, sent_on: date, text: str,
                    today: date) -> list[str]:
    """Codes for what is wrong with the receiving party's answer; empty when it can be recorded.

    Codes: unknown_answer, not_allowed, no_date, before_sent, in_future, no_text.
    A decline and a result say in words why or what; an acceptance may be bare.
    """
    if answer not in ANSWERS:
        return ["unknown_answer"]
    if not may_move(state, answer):
        return ["not_allowed"]
    problems = []
    if answered_on is None:
        problems.append("no_date")
    elif answered_on < sent_on:
        problems.append("before_sent")
    elif answered_on > today:
        problems.append("in_future")
    if answer in ("declined", "completed") and not text.strip():
        problems.append("no_text")
    return problems


def answered_on_behalf(actor_organisation_id: int | None, receiving_organisation_id: int | None) -> bool:
    """Whether an answer is recorded for the receiving party by someone else (marked so in the plan)."""
    return receiving_organisation_id is None or actor_organisation_id != receiving_organisation_id


# Who reads a referral's answer or result in words (it may come from health care): the candidate (their own
# data), the candidate's coaches, and team members whose consent shares work ability. The coordinator sees the
# whole plan, so also its answers; a coordinator from another organisation without a health scope reads an
# answer only when it names no health word (else only its kind, state and dates).
ANSWER_READERS = frozenset({"candidate", "coach"})
ANSWER_SCOPE = "work_ability"


def sees_referral_answer(reader: str, scopes: Collection[str], names_health: bool) -> bool:
    """Whether a reader ("candidate", "coach", "coordinator" or "member") sees a referral's answer text."""
    if reader in ANSWER_READERS or ANSWER_SCOPE in scopes:
        return True
    return reader == "coordinator" and not names_health


def answer_guarded(coordinator_is_coach: bool, coordinator_scopes: Collection[str] | None) -> bool:
    """Whether an answer text must be free of health words: the coordinator now reads it without a health scope."""
    if coordinator_is_coach or coordinator_scopes is None:
        return False
    return ANSWER_SCOPE not in coordinator_scopes

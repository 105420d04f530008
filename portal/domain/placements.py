"""Placements: what a recorded placement must hold, how it may change, the work-trial limits, reminders.

A placement is a work trial, a job or an apprenticeship of a candidate in a
role. It is ``started`` when recorded (its start date may lie in the past or
the future) and occupies one of the role's positions until it is ``ended``
(with a reason) or, for a trial, ``converted``: the trial closes the day
before the conversion date and a job or apprenticeship placement takes over
its position from that date, so a conversion never needs a free position.

Work trials are checked against the ``work_trial`` rule in force on the start
date (seeds/rules/work_trial.yaml): the person's trials with the same
employer, this one included, may cover at most ``max_months_same_organiser``
calendar months, and all their trials at most ``max_months_total``. Months
are counted as the clause ledger counts them (portal.domain.person_months):
each day is 1/(days of its month), overlaps once. A trial needs an end date.

In time a placement is ``planned`` (recorded, its start date after today),
``ongoing`` (started, its start date reached) or ``ended`` (ended or converted).
A planned placement holds its position and its ledger entry (the clause's
booked figure), but moves neither the candidate's status nor anything
counted to date until its start date: ``timing`` is the one rule, read
against portal.clock.today() wherever a placement is shown or counted.

Both sides are reminded ``REMINDER_DAYS`` days before a trial ends, once, and
asked whether a job offer follows.
"""
from __future__ import annotations

from datetime import date, timedelta

from portal.domain.obligation_types import ACCEPTS
from portal.domain.person_months import merged_months
from portal.domain.rules import Rule

KINDS = ("work_trial", "job", "apprenticeship")
JOB_KINDS = frozenset({"job", "apprenticeship"})
CONVERTS_TO = ("job", "apprenticeship")
STATES = ("started", "ended", "converted")
ACTIVE_STATES = frozenset({"started"})
END_REASONS = ("completed", "no_offer", "candidate_left", "employer_ended", "other_job", "other")
# The candidate's status while a placement of a kind runs (portal.domain.caseload.STATUSES).
STATUS_FOR_KIND = {"work_trial": "work_trial", "job": "employed", "apprenticeship": "employed"}
STATUS_AFTER_END = "job_search"
TIMINGS = ("planned", "ongoing", "ended")
REMINDER_DAYS = 14
EPS = 1e-9

Span = tuple[date, date]


def timing(state: str, start: date, today: date) -> str:
    """planned (not begun: starts after today), ongoing (begun, still running) or ended (ended or converted).

    A running placement past its planned end stays ongoing until its end is
    recorded: the employer or coach confirms the last day (the reminder asks).
    """
    if state not in ACTIVE_STATES:
        return "ended"
    return "planned" if start > today else "ongoing"


def is_current(state: str, start: date, today: date) -> bool:
    """Whether the placement counts today: running and begun (a planned one counts from its start date)."""
    return timing(state, start, today) == "ongoing"


def status_for(kinds: list[str]) -> str | None:
    """The candidate's status while placements of these kinds run: employed wins over a trial; None if none."""
    if not kinds:
        return None
    return STATUS_FOR_KIND["job" if JOB_KINDS & set(kinds) else "work_trial"]


def placement_problems(kind: str, start: date | None, end: date | None, share: float | None) -> dict[str, str]:
    """field -> code for what a new placement cannot have.

    Codes: unknown_kind, required, end_before_start, trial_needs_end, share_range (0 < share <= 1).
    """
    problems: dict[str, str] = {}
    if kind not in KINDS:
        problems["kind"] = "unknown_kind"
    if start is None:
        problems["start_on"] = "required"
    if start is not None and end is not None and end < start:
        problems["end_on"] = "end_before_start"
    elif kind == "work_trial" and end is None:
        problems["end_on"] = "trial_needs_end"
    if share is None or not 0 < share <= 1:
        problems["work_share"] = "share_range"
    return problems


def trial_problems(start: date, end: date, same_employer: list[Span], all_trials: list[Span],
                   rule: Rule | None) -> dict[str, tuple[str, dict[str, float]]]:

    """field -> (code, figures) when a trial start..end breaks the limits of the rule in force.

    ``same_employer`` and ``all_trials`` are the person's other trials (with
    this employer, and anywhere); ``rule`` is the work_trial rule or None.
    Codes: no_trial_rule, too_long_same_employer, too_long_total.
    """
    if rule is None:
        return {"kind": ("no_trial_rule", {})}
    same = merged_months(list(same_employer) + [(start, end)])
    every = merged_months(list(all_trials) + [(start, end)])
    most_same, most_total = rule["max_months_same_organiser"], rule["max_months_total"]
    if same > most_same + EPS:
        return {"end_on": ("too_long_same_employer", {"max": most_same, "months": round(same, 1)})}
    if every > most_total + EPS:
        return {"end_on": ("too_long_total", {"max": most_total, "months": round(every, 1)})}
    return {}


def end_problem(start: date, end: date | None, state: str) -> str | None:
    """None when a placement may end on this date; else required, end_before_start or not_active."""
    if state not in ACTIVE_STATES:
        return "not_active"
    if end is None:
        return "required"
    if end < start:
        return "end_before_start"
    return None


def conversion_problems(kind: str, state: str, trial_start: date, trial_end: date | None, convert_on: date | None,
                        new_kind: str, new_end: date | None, share: float | None) -> dict[str, str]:
    """field -> code for a trial that becomes a job or an apprenticeship from `convert_on`.

    Codes: not_a_trial, not_active, required, before_trial_start (the job
    starts the day after the trial began at the earliest), after_trial_end
    (at the latest the day after the trial's planned end), unknown_kind,
    end_before_start, share_range.
    """
    problems: dict[str, str] = {}
    if kind != "work_trial":
        return {"kind": "not_a_trial"}
    if state not in ACTIVE_STATES:
        return {"convert_on": "not_active"}
    if new_kind not in CONVERTS_TO:
        problems["kind"] = "unknown_kind"
    if convert_on is None:
        problems["convert_on"] = "required"
    elif convert_on <= trial_start:
        problems["convert_on"] = "before_trial_start"
    elif trial_end is not None and convert_on > trial_end + timedelta(days=1):
        problems["convert_on"] = "after_trial_end"
    if convert_on is not None and new_end is not None and new_end < convert_on:
        problems["end_on"] = "end_before_start"
    if share is None or not 0 < share <= 1:
        problems["work_share"] = "share_range"
    return problems


def clause_kind_problem(kind: str, clause_kind: str) -> str | None:
    """None when a placement of this kind counts towards a clause of this kind (obligation rule 2).

    Codes: clause_no_trials (a work trial is not employment, and this clause
    counts only employment), clause_kind (the clause counts other kinds).
    """
    if kind in ACCEPTS.get(clause_kind, frozenset()):
        return None
    return "clause_no_trials" if kind == "work_trial" else "clause_kind"


def has_room(active: int, positions: int) -> bool:
    """Whether a role with this many positions can take one more placement."""
    return active < positions


def status_since(start: date, current_since: date | None, today: date) -> date:
    """The date a placement's status step is recorded from.

    The placement's date, but never before the candidate's current status began
    (the path stays in order) nor after today (a status is not dated ahead).
    """
    since = min(start, today)
    return since if current_since is None or since >= current_since else current_since


def reminder_due(kind: str, state: str, end: date | None, reminded: bool, today: date) -> bool:
    """Whether a trial's end reminder should go out today (once, within REMINDER_DAYS of the end)."""
    return (kind == "work_trial" and state in ACTIVE_STATES and end is not None and not reminded
            and today <= end <= today + timedelta(days=REMINDER_DAYS))

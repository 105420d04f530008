"""What makes an adjustable role acceptable: limits, work-trial rules, states and their transitions.

A role is checked twice. ``problems`` finds what is never accepted, not even
in a draft (reversed or too long hours, a trial longer than the rules allow,
hundreds of skills); ``missing_for_publication`` lists what a published role
must also have. Both return codes; the page writes them in words.

Work-trial limits come from the ``work_trial`` rule in force:

- length: at most ``max_months_same_organiser`` months with one organiser,
  counted in whole weeks as ``months x 52 / 12`` rounded down (6 months is
  26 weeks), since a role is posted before anyone knows its start date;
- hours: at most ``max_hours_per_day x max_days_per_week`` a week, and the
  lower end of the range at least ``min_hours_per_day`` (one day's minimum).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

from portal.domain.rules import Rule

KINDS = ("job", "apprenticeship", "work_trial")
REMOTE = ("none", "partly", "fully")
SCHEDULES = ("fixed", "agreed", "flexible")
STATES = ("draft", "published", "filled", "closed")
MAX_WEEKLY_HOURS = 60
MAX_SKILLS = 30
MAX_SKILL_LENGTH = 100
MAX_POSITIONS = 100
WEEKS_PER_MONTH = 52 / 12

# action -> (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (frozenset({"draft", "filled"}), "published"),
    "fill": (frozenset({"published"}), "filled"),
    "close": (frozenset({"draft", "published", "filled"}), "closed"),
    "unpublish": (frozenset({"published", "closed"}), "draft"),
}


@dataclass(frozen=True)
class Problem:
    """A refusal: the field it concerns, a code, and figures for the message."""

    field: str
    code: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)  # `field` is the attribute above


@dataclass(frozen=True)
class RoleDraft:
    """The parts of a role the rules look at."""

    kind: str
    title: str = ""
    description: str = ""
    municipality_code: str | None = None
    remote: str = "none"
    hours_min: int | None = None
    hours_max: int | None = None
    trial_weeks: int | None = None
    positions: int = 1
    skills: tuple[tuple[str, bool], ...] = ()
    open_until: date | None = None


def max_trial_weeks(rule: Rule) -> int:
    """The longest trial with one organiser in whole weeks (months x 52 / 12, rounded down)."""
    return int(rule["max_months_same_organiser"] * WEEKS_PER_MONTH)


def max_trial_hours(rule: Rule) -> float:
    """The most hours a week a trial may have."""
    hours: float = rule["max_hours_per_day"] * rule["max_days_per_week"]
    return hours


def _hour_problems(draft: RoleDraft) -> list[Problem]:
    out = []
    for name in ("hours_min", "hours_max"):
        value = getattr(draft, name)
        if value is not None and not (1 <= value <= MAX_WEEKLY_HOURS):
            out.append(Problem(name, "hours_out_of_range", {"max": MAX_WEEKLY_HOURS}))
    if not out and draft.hours_min is not None and draft.hours_max is not None and draft.hours_min > draft.hours_max:
        out.append(Problem("hours_min", "hours_reversed"))
    return out


def _trial_problems(draft: RoleDraft, rule: Rule | None) -> list[Problem]:
    if draft.kind != "work_trial":
        return []
    if rule is None:
        return [Problem("kind", "no_trial_rule")]
    out = []
    weeks = max_trial_weeks(rule)
    if draft.trial_weeks is not None and not (1 <= draft.trial_weeks <= weeks):
        out.append(Problem("trial_weeks", "trial_too_long" if draft.trial_weeks > weeks else "trial_too_short",
                           {"max_weeks": weeks, "months": rule["max_months_same_organiser"]}))
    most = max_trial_hours(rule)
    if draft.hours_max is not None and draft.hours_max > most:
        out.append(Problem("hours_max", "trial_hours_too_many", {
            "max": most, "per_day": rule["max_hours_per_day"], "days": rule["max_days_per_week"]}))
    if draft.hours_min is not None and draft.hours_min < rule["min_hours_per_day"]:
        out.append(Problem("hours_min", "trial_hours_too_few", {"min": rule["min_hours_per_day"]}))
    return out


def problems(draft: RoleDraft, trial_rule: Rule | None) -> list[Problem]:
    """Everything that is refused even in a draft."""
    out = _hour_problems(draft)
    if draft.kind not in KINDS:
        out.append(Problem("kind", "unknown_kind"))
    if draft.remote not in REMOTE:
        out.append(Problem("remote", "unknown_remote"))
    if not (1 <= draft.positions <= MAX_POSITIONS):
        out.append(Problem("positions", "positions_out_of_range", {"max": MAX_POSITIONS}))
    if len(draft.skills) > MAX_SKILLS:
        out.append(Problem("skills", "too_many_skills", {"max": MAX_SKILLS, "count": len(draft.skills)}))
    long = [name for name, _ in draft.skills if len(name) > MAX_SKILL_LENGTH]
    if long:
        out.append(Problem("skills", "skill_too_long", {"max": MAX_SKILL_LENGTH}))
    return out + _trial_problems(draft, trial_rule)


# The fields a role cannot be published without (a work trial needs its length too); the form marks them.
REQUIRED_TO_PUBLISH = ("title", "description", "municipality_code", "hours_min", "hours_max")


def missing_for_publication(draft: RoleDraft, today: date) -> list[Problem]:
    """What a role needs before it can be published."""
    out = []
    for name in REQUIRED_TO_PUBLISH:
        if getattr(draft, name) in (None, ""):
            out.append(Problem(name, "required_to_publish"))
    if draft.kind == "work_trial" and draft.trial_weeks is None:
        out.append(Problem("trial_weeks", "required_to_publish"))
    if draft.open_until is not None and draft.open_until < today:
        out.append(Problem("open_until", "open_until_past"))
    return out


def can(action: str, state: str) -> bool:
    """Whether an action may be taken on a role in this state."""
    sources, _target = TRANSITIONS.get(action, (frozenset(), ""))
    return state in sources


def target(action: str) -> str:
    """The state an action leads to."""
    return TRANSITIONS[action][1]


def actions_for(state: str) -> list[str]:
    """The actions open to a role in this state, in a stable order."""
    return [a for a in TRANSITIONS if can(a, state)]


def normalise_skills(lines: list[tuple[str, bool]], fold: Callable[[str], str]) -> list[tuple[str, bool]]:

    """Skills without blanks and repeats (the same folded text), an essential mark winning over negotiable."""
    order: list[str] = []
    chosen: dict[str, tuple[str, bool]] = {}
    for name, essential in lines:
        name = " ".join(name.split())
        key = fold(name)
        if not key:
            continue
        if key not in chosen:
            order.append(key)
            chosen[key] = (name, essential)
        elif essential and not chosen[key][1]:
            chosen[key] = (chosen[key][0], True)
    return [chosen[k] for k in order]

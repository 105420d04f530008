"""The shape of one candidate's path: spells in roles, each a placement or a trial converted into a job."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from portal.domain import placements as rules

LENGTHS = {"work_trial": (30, 90), "job": (60, 720), "apprenticeship": (180, 900)}
TRIAL_DAYS_LIMIT = 240  # keeps a person's trials well inside the 12 months the work-trial rule allows
SHARES = (Decimal("0.500"), Decimal("0.600"), Decimal("0.800"), Decimal("1.000"))


@dataclass
class Step:
    """One placement: kind, dates, state, why it ended, the working-time share."""

    kind: str
    start: date
    end: date | None
    state: str = "ended"
    end_reason: str | None = None
    share: Decimal = Decimal("1.000")


@dataclass
class Spell:
    """A role and the placements in it (a trial and the job it became, or one placement)."""

    role: tuple
    placements: list[Step] = field(default_factory=list)


@dataclass
class Path:
    """The candidate's intake date and spells, oldest first."""

    intake_on: date
    spells: list[Spell]


def _plan(rng: random.Random, count: int, roles: list[tuple]) -> list[tuple[tuple, list[tuple[str, int]]]]:
    plans, used, made, trial_days = [], set(), 0, 0
    while made < count:
        role = rng.choice(roles)
        if role[0] in used and len(used) < len(roles):
            continue
        used.add(role[0])
        kind = rng.choices(rules.KINDS, (45, 40, 15))[0]
        if kind == "work_trial" and trial_days > TRIAL_DAYS_LIMIT:
            kind = "job"
        length = rng.randint(*LENGTHS[kind])
        if kind == "work_trial":
            trial_days += length
            if made + 1 < count and rng.random() < 0.4:
                job = rng.choice(rules.CONVERTS_TO)
                plans.append((role, [("work_trial", length), (job, rng.randint(*LENGTHS[job]))]))
                made += 2
                continue
        plans.append((role, [(kind, length)]))
        made += 1
    return plans


def lay_out(rng: random.Random, today: date, count: int, roles: list[tuple], active: dict[int, int]) -> Path:
    """A path of `count` placements ending before today, or with the last one still running.

    A running placement takes a position of its role (``active``), and only
    while the role has one free; otherwise it ended yesterday.
    """
    if count == 0 or not roles:
        return Path(today - timedelta(days=rng.randint(0, 900)), [])
    plans = _plan(rng, count, roles)
    gaps = [0] + [rng.randint(14, 120) for _ in plans[1:]]
    total = sum(length for _role, steps in plans for _k, length in steps) + sum(gaps)
    last_length = plans[-1][1][-1][1]
    running = rng.random() < 0.3
    if running:
        last_start = today - timedelta(days=rng.randint(0, min(last_length - 1, 200)))
        begin = last_start - timedelta(days=total - last_length)
    else:
        begin = today - timedelta(days=rng.randint(5, 400) + total)
    cursor, spells = begin, []
    for gap, (role, steps) in zip(gaps, plans, strict=True):
        cursor += timedelta(days=gap)
        spell = Spell(role)
        for i, (kind, length) in enumerate(steps):
            step = Step(kind, cursor, cursor + timedelta(days=length - 1), share=rng.choice(SHARES))
            if i + 1 < len(steps):
                step.state = "converted"
            else:
                step.end_reason = rng.choice(("completed", "no_offer") if kind == "work_trial"
                                             else ("completed", "other_job", "candidate_left", "employer_ended"))
            spell.placements.append(step)
            cursor = step.end + timedelta(days=1)
        spells.append(spell)
    if running:
        _run_last(rng, today, spells[-1], active)
    return Path(begin - timedelta(days=rng.randint(14, 180)), spells)


def _run_last(rng: random.Random, today: date, spell: Spell, active: dict[int, int]) -> None:
    last, role = spell.placements[-1], spell.role
    if active.get(role[0], 0) < role[3]:
        active[role[0]] = active.get(role[0], 0) + 1
        last.state, last.end_reason = "started", None
        if last.kind != "work_trial" and rng.random() < 0.7:
            last.end = None  # open-ended employment
    else:
        last.end = max(last.start, min(last.end, today - timedelta(days=1)))


def employer_fit(rng: random.Random, title: str) -> dict:
    """What an employer may see of a match, in the shape portal.domain.proposals.employer_fit stores."""
    shown = ["hours", "location", "languages", "adjustments"]
    failed = [] if rng.random() < 0.8 else [shown.pop(rng.randrange(4))]
    similarity = round(rng.uniform(70, 100), 1)
    return {"passed": shown, "failed": failed, "missing_adjustments": [],
            "essential": [[title.split()[0].lower(), title.split()[0].lower(), similarity]], "negotiable": [],
            "desired": None}

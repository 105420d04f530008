"""Limits, work-trial rules and state transitions of roles (portal/domain/job_roles.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from portal.domain import job_roles as jr
from portal.domain.rules import load_rules
from portal.domain.text import fold

RULES = load_rules(Path(__file__).resolve().parents[2] / "seeds" / "rules")
TRIAL_RULES = RULES.of_kind("work_trial")
GOOD = jr.RoleDraft(kind="job", title="Siivooja", description="Toimiston siivous", municipality_code="837",
                    hours_min=20, hours_max=30)


def codes(problems):
    return {(p.field, p.code) for p in problems}


def test_a_good_role_has_no_problems():
    assert jr.problems(GOOD, TRIAL_RULES[0]) == []
    assert jr.missing_for_publication(GOOD, date(2026, 1, 1)) == []


def test_hours_reversed_or_above_sixty_are_refused():
    assert ("hours_min", "hours_reversed") in codes(jr.problems(replace(GOOD, hours_min=35, hours_max=20), None))
    assert ("hours_max", "hours_out_of_range") in codes(jr.problems(replace(GOOD, hours_max=61), None))
    assert ("hours_min", "hours_out_of_range") in codes(jr.problems(replace(GOOD, hours_min=0), None))


def test_too_many_or_too_long_skills_are_refused():
    many = tuple((f"taito {n}", True) for n in range(500))
    problems = jr.problems(replace(GOOD, skills=many), None)
    assert ("skills", "too_many_skills") in codes(problems)
    assert next(p for p in problems if p.code == "too_many_skills").params == {"max": jr.MAX_SKILLS, "count": 500}
    assert ("skills", "skill_too_long") in codes(jr.problems(replace(GOOD, skills=(("x" * 101, True),)), None))


@pytest.mark.parametrize("rule", TRIAL_RULES, ids=lambda r: r.id)
def test_work_trial_rule_limits_length_and_hours(rule):
    weeks = int(rule["max_months_same_organiser"] * 52 / 12)
    assert jr.max_trial_weeks(rule) == weeks
    most = rule["max_hours_per_day"] * rule["max_days_per_week"]
    trial = replace(GOOD, kind="work_trial", trial_weeks=weeks, hours_min=rule["min_hours_per_day"], hours_max=most)
    assert jr.problems(trial, rule) == []
    too_long = jr.problems(replace(trial, trial_weeks=weeks + 1), rule)
    assert codes(too_long) == {("trial_weeks", "trial_too_long")}
    assert too_long[0].params["max_weeks"] == weeks
    assert ("hours_max", "trial_hours_too_many") in codes(jr.problems(replace(trial, hours_max=most + 1), rule))
    few = replace(trial, hours_min=rule["min_hours_per_day"] - 1)
    assert ("hours_min", "trial_hours_too_few") in codes(jr.problems(few, rule))
    # The same figures do not bind a job.
    assert jr.problems(replace(trial, kind="job", trial_weeks=weeks + 1, hours_max=most + 1), rule) == []


def test_a_trial_without_a_rule_in_force_is_refused():
    assert codes(jr.problems(replace(GOOD, kind="work_trial", trial_weeks=4), None)) == {("kind", "no_trial_rule")}


def test_publication_needs_the_essentials():
    empty = jr.RoleDraft(kind="work_trial", title="Kokeilu")
    missing = {p.field for p in jr.missing_for_publication(empty, date(2026, 1, 1))}
    assert missing == {"description", "municipality_code", "hours_min", "hours_max", "trial_weeks"}
    past = replace(GOOD, open_until=date(2025, 12, 31))
    assert codes(jr.missing_for_publication(past, date(2026, 1, 1))) == {("open_until", "open_until_past")}


def test_transitions():
    assert jr.actions_for("draft") == ["publish", "close"]
    assert jr.actions_for("published") == ["fill", "close", "unpublish"]
    assert jr.actions_for("filled") == ["publish", "close"]
    assert jr.actions_for("closed") == ["unpublish"]
    assert not jr.can("fill", "draft") and not jr.can("nonsense", "draft")
    assert jr.target("unpublish") == "draft"


def test_skills_are_normalised_without_repeats():
    lines = [("Asiakaspalvelu", False), ("  asiakaspalvelu ", True), ("", True), ("Siivous  ja  puhtaanapito", False)]
    assert jr.normalise_skills(lines, fold) == [("Asiakaspalvelu", True), ("Siivous ja puhtaanapito", False)]

"""Placement rules: the terms, the work-trial limits of the rules data, ending, converting, reminders."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from portal.domain.placements import (
    REMINDER_DAYS,
    conversion_problems,
    end_problem,
    has_room,
    placement_problems,
    reminder_due,
    status_since,
    trial_problems,
)
from portal.domain.rules import load_rules

RULE = load_rules(Path(__file__).resolve().parents[2] / "seeds" / "rules").in_force("work_trial", date(2026, 3, 1))
D = date


def test_the_rule_in_force_is_read_from_the_rules_data():
    assert RULE["max_months_same_organiser"] == 6 and RULE["max_months_total"] == 12


@pytest.mark.parametrize("kind,start,end,share,problems", [
    ("work_trial", D(2026, 3, 1), D(2026, 4, 30), 1.0, {}),
    ("job", D(2026, 3, 1), None, 0.5, {}),
    ("work_trial", D(2026, 3, 1), None, 1.0, {"end_on": "trial_needs_end"}),
    ("job", D(2026, 3, 1), D(2026, 2, 28), 1.0, {"end_on": "end_before_start"}),
    ("job", None, None, 1.0, {"start_on": "required"}),
    ("internship", D(2026, 3, 1), None, 1.0, {"kind": "unknown_kind"}),
    ("job", D(2026, 3, 1), None, 0, {"work_share": "share_range"}),
    ("job", D(2026, 3, 1), None, 1.2, {"work_share": "share_range"}),
    ("job", D(2026, 3, 1), None, None, {"work_share": "share_range"})])
def test_the_terms_of_a_placement(kind, start, end, share, problems):
    assert placement_problems(kind, start, end, share) == problems


def test_a_trial_of_six_calendar_months_with_one_employer_is_the_most():
    assert trial_problems(D(2026, 1, 1), D(2026, 6, 30), [], [], RULE) == {}
    found = trial_problems(D(2026, 1, 1), D(2026, 7, 1), [], [], RULE)
    assert found["end_on"][0] == "too_long_same_employer" and found["end_on"][1]["max"] == 6
    # Earlier trials with the same employer count; overlaps count once.
    earlier = [(D(2025, 9, 1), D(2025, 10, 31))]
    assert trial_problems(D(2026, 1, 1), D(2026, 4, 30), earlier, earlier, RULE) == {}
    assert "end_on" in trial_problems(D(2026, 1, 1), D(2026, 5, 31), earlier, earlier, RULE)


def test_all_of_a_persons_trials_may_cover_twelve_months():
    elsewhere = [(D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2025, 10, 31))]
    assert trial_problems(D(2026, 1, 1), D(2026, 2, 28), [], elsewhere, RULE) == {}
    code, figures = trial_problems(D(2026, 1, 1), D(2026, 3, 15), [], elsewhere, RULE)["end_on"]
    assert code == "too_long_total" and figures == {"max": 12, "months": 12.5}


def test_without_a_rule_in_force_a_trial_is_refused():
    assert trial_problems(D(2026, 1, 1), D(2026, 2, 1), [], [], None) == {"kind": ("no_trial_rule", {})}


def test_ending_a_placement():
    assert end_problem(D(2026, 3, 1), D(2026, 3, 1), "started") is None
    assert end_problem(D(2026, 3, 1), D(2026, 2, 28), "started") == "end_before_start"
    assert end_problem(D(2026, 3, 1), None, "started") == "required"
    assert end_problem(D(2026, 3, 1), D(2026, 4, 1), "ended") == "not_active"


@pytest.mark.parametrize("kind,state,convert_on,new_kind,new_end,share,problems", [
    ("work_trial", "started", D(2026, 4, 1), "job", None, 1.0, {}),
    ("work_trial", "started", D(2026, 5, 1), "apprenticeship", D(2027, 4, 30), 0.8, {}),  # the day after the end
    ("work_trial", "started", D(2026, 5, 2), "job", None, 1.0, {"convert_on": "after_trial_end"}),
    ("work_trial", "started", D(2026, 3, 1), "job", None, 1.0, {"convert_on": "before_trial_start"}),
    ("work_trial", "started", None, "job", None, 1.0, {"convert_on": "required"}),
    ("work_trial", "started", D(2026, 4, 1), "work_trial", None, 1.0, {"kind": "unknown_kind"}),
    ("work_trial", "started", D(2026, 4, 1), "job", D(2026, 3, 31), 1.0, {"end_on": "end_before_start"}),
    ("work_trial", "started", D(2026, 4, 1), "job", None, 0, {"work_share": "share_range"}),
    ("job", "started", D(2026, 4, 1), "job", None, 1.0, {"kind": "not_a_trial"}),
    ("work_trial", "ended", D(2026, 4, 1), "job", None, 1.0, {"convert_on": "not_active"})])
def test_converting_a_trial_into_employment(kind, state, convert_on, new_kind, new_end, share, problems):
    assert conversion_problems(kind, state, D(2026, 3, 1), D(2026, 4, 30), convert_on, new_kind, new_end,
                               share) == problems


def test_positions_and_the_status_date():
    assert has_room(1, 2) and not has_room(2, 2) and not has_room(3, 2)
    today = D(2026, 5, 4)
    assert status_since(D(2026, 4, 1), D(2026, 3, 1), today) == D(2026, 4, 1)
    assert status_since(D(2026, 2, 1), D(2026, 3, 1), today) == D(2026, 3, 1)  # never before the current status
    assert status_since(D(2026, 6, 1), D(2026, 3, 1), today) == today  # never ahead of today
    assert status_since(D(2026, 4, 1), None, today) == D(2026, 4, 1)


def test_the_reminder_goes_once_within_two_weeks_of_a_trials_end():
    today = D(2026, 5, 4)
    end = today + timedelta(days=REMINDER_DAYS)
    assert REMINDER_DAYS == 14
    assert reminder_due("work_trial", "started", end, False, today)
    assert reminder_due("work_trial", "started", today, False, today)
    assert not reminder_due("work_trial", "started", end + timedelta(days=1), False, today)
    assert not reminder_due("work_trial", "started", today - timedelta(days=1), False, today)
    assert not reminder_due("work_trial", "started", end, True, today)
    assert not reminder_due("job", "started", end, False, today)
    assert not reminder_due("work_trial", "ended", end, False, today)

"""The rules of the three forms of employment terms: scale, share, size and the Hilma number."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from portal.domain.employment_forms import (
    ScaleStep,
    ShareCheck,
    declaration_problems,
    notice_year_problem,
    parse_notice_number,
    parse_scale,
    required_share_problem,
    scale_as_data,
    scale_from_data,
    scale_problem,
    score_plan,
    suggest_size,
)

HILMA = r"^(20\d{2})-(\d{6})$"
SCALE = [ScaleStep(6, 2), ScaleStep(12, 5), ScaleStep(24, 10)]


def test_a_scale_is_read_one_step_a_line_with_a_decimal_comma_or_point():
    steps, problem = parse_scale("6 = 2\n\n12,5: 5\n24.0 = 10\n")
    assert problem is None and steps == [ScaleStep(6, 2), ScaleStep(12.5, 5), ScaleStep(24, 10)]
    assert parse_scale("six = two") == ([], "scale_format")
    assert parse_scale("6 = ") == ([], "scale_format")


@pytest.mark.parametrize(("steps", "points", "problem"), [
    (SCALE, 10, None),
    (SCALE, None, "points_positive"),
    (SCALE, 0, "points_positive"),
    ([], 10, "scale_empty"),
    ([ScaleStep(12, 5), ScaleStep(6, 2)], 10, "scale_order"),
    ([ScaleStep(6, 5), ScaleStep(12, 5)], 10, "scale_order"),
    (SCALE, 8, "scale_over_points"),
])
def test_a_scale_must_rise_and_stay_within_the_points(steps, points, problem):
    assert scale_problem(steps, points) == problem


@pytest.mark.parametrize(("plan", "points"), [(0, 0), (5.9, 0), (6, 2), (11.99, 2), (12, 5), (23, 5), (24, 10),
                                              (100, 10)])
def test_a_plan_earns_the_points_of_the_highest_step_it_reaches(plan, points):
    assert score_plan(plan, SCALE) == points


def test_the_scale_is_stored_as_data_and_read_back():
    assert scale_from_data(scale_as_data(SCALE)) == SCALE
    assert scale_from_data(None) == []


def test_a_declared_share_below_the_requirement_is_flagged():
    assert ShareCheck(10, 3, 0.3).share == 0.3 and not ShareCheck(10, 3, 0.3).below
    assert ShareCheck(10, 2, 0.3).below
    assert ShareCheck(3, 1, 0.3).below is False  # 33 %
    assert ShareCheck(0, 0, 0.3).share == 0.0


def test_a_declaration_needs_staff_and_no_more_disadvantaged_than_staff():
    assert declaration_problems(10, 3) == {}
    assert declaration_problems(0, 0) == {"staff": "not_positive"}
    assert declaration_problems(None, None) == {"staff": "not_positive", "disadvantaged": "negative"}
    assert declaration_problems(10, -1) == {"disadvantaged": "negative"}
    assert declaration_problems(10, 11) == {"disadvantaged": "more_than_staff"}


def test_a_reserved_clause_requires_at_least_the_legal_share():
    assert required_share_problem(0.3, 0.3) is None
    assert required_share_problem(0.5, 0.3) is None
    assert required_share_problem(0.29, 0.3) == "below_legal_share"
    assert required_share_problem(1.2, 0.3) == "share_range"
    assert required_share_problem(None, 0.3) == "share_range"


def test_the_size_is_the_labour_cost_over_the_buyers_euros_per_unit_rounded_half_up():
    size = suggest_size(Decimal("600000"), Decimal("0.4"), Decimal("20000"))
    assert size is not None and size.labour_cost == Decimal("240000.00") and size.quantity == 12
    assert suggest_size(Decimal("250000"), Decimal("0.5"), Decimal("50000")).quantity == 3  # 2.5 -> 3
    assert suggest_size(Decimal("240000"), Decimal("0.5"), Decimal("50000")).quantity == 2  # 2.4 -> 2


@pytest.mark.parametrize(("value", "share", "per_unit"), [
    (None, Decimal("0.4"), Decimal("20000")), (Decimal("1000"), None, Decimal("20000")),
    (Decimal("1000"), Decimal("0.4"), None), (Decimal("1000"), Decimal("0.4"), Decimal("0")),
    (Decimal("1000"), Decimal("0.4"), Decimal("20000")),  # rounds to zero: nothing to suggest
])
def test_no_size_is_suggested_without_its_inputs_or_when_it_rounds_to_zero(value, share, per_unit):
    assert suggest_size(value, share, per_unit) is None


@pytest.mark.parametrize(("text", "number"), [
    ("2024-004717", "2024-004717"), (" 2026-012345 ", "2026-012345"),
    ("HILMA 2026-012345", "2026-012345"), ("hilma:2026-012345", "2026-012345"),
])
def test_a_hilma_number_is_taken_in_its_published_form(text, number):
    assert parse_notice_number(text, HILMA) == number


@pytest.mark.parametrize("text", ["2024-4717", "24-004717", "2024004717", "2024-0047170", "1999-004717",
                                  "HK-2026-001", "2024–004717", ""])
def test_anything_else_is_not_a_hilma_number(text):
    with pytest.raises(ValueError):
        parse_notice_number(text, HILMA)


@pytest.mark.parametrize(("number", "problem"), [
    ("2010-000001", None), ("2026-012345", None), ("2027-000001", None),
    ("2009-000001", "notice_year"), ("2028-000001", "notice_year"), ("2099-000001", "notice_year"),
])
def test_a_notice_year_lies_between_the_first_year_and_next_year(number, problem):
    assert notice_year_problem(number, date(2026, 12, 8), 2010) == problem


def test_the_winners_plan_is_the_target_and_the_winner_stays_once_delivered():
    from portal.domain.employment_forms import award_quantity_problem, winner_change_problem
    assert award_quantity_problem("award", 18.0, 5.0) == "quantity_is_plan"
    assert award_quantity_problem("award", 18.0, 18.0) is None and award_quantity_problem("award", None, 5) is None
    assert award_quantity_problem("condition", 18.0, 5.0) is None
    assert winner_change_problem(1, 2, True) == "winner_locked" and winner_change_problem(1, 2, False) is None
    assert winner_change_problem(None, 2, True) is None and winner_change_problem(2, 2, True) is None

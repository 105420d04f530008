"""The calculator against the rules data: one test per rule, expected figures computed from the rule.

Nothing here hard-codes a euro amount of the law: each expectation is worked
out from the rule's own figures, so the tests stay right when the data is
corrected, and fail when the calculator stops following it.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from portal.domain.rules import load_rules
from portal.domain.subsidy import Refused, SubsidyQuery, estimate_wage_subsidy
from portal.domain.support import AdjustmentQuery, estimate_adjustment_support

RULES = load_rules(Path(__file__).resolve().parents[2] / "seeds" / "rules")
# The rules the calculator estimates; an 'open' rule (no sourced figures) is only named, tested apart.
ALL_WAGE_RULES = RULES.of_kind("wage_subsidy") + RULES.of_kind("youth_employment_voucher")
WAGE_RULES = [r for r in ALL_WAGE_RULES if r.confidence != "open"]
OPEN_RULES = [r for r in ALL_WAGE_RULES if r.confidence == "open"]
LIMIT_RULES = RULES.of_kind("wage_subsidy_employer_limit")
SUPPORT_RULES = RULES.of_kind("adjustment_support")


def D(x) -> Decimal:
    return Decimal(str(x))


def cents(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def eligible_query(rule, pay: Decimal, months: int) -> SubsidyQuery:
    """A planned employment that meets every condition the rule names."""
    full_time = D("37.5")
    hours = D(30)
    if rule.get("max_working_time_share") is not None:
        hours = (full_time * D(rule["max_working_time_share"])).quantize(Decimal("1"), rounding="ROUND_FLOOR")
    kinds = rule.get("employer_kinds") or ["company"]
    return SubsidyQuery(situation=rule.situation, monthly_pay_eur=pay, weekly_hours=hours,
                        start=rule.effective_from, planned_months=max(months, rule.get("min_planned_months") or 0),
                        employer_kind=kinds[0], long_term_unemployed=bool(rule.get("requires_long_term_unemployed")),
                        age=rule.get("min_age") or 40, full_time_hours=full_time,
                        unemployed_months_of_7=rule.get("min_unemployed_months_of_7"))


def expected_monthly(rule, pay: Decimal) -> Decimal:
    base = pay * D(rule.get("pay_multiplier", 1))
    return min(cents(base * D(rule["rate_percent"]) / 100), cents(D(rule["monthly_cap_eur"])))


def test_every_rule_the_calculator_uses_has_a_test():
    covered = {r.id for r in WAGE_RULES + OPEN_RULES + LIMIT_RULES + SUPPORT_RULES}
    used_kinds = {"wage_subsidy", "youth_employment_voucher", "wage_subsidy_employer_limit", "adjustment_support"}
    assert covered == {r.id for r in RULES if r.kind in used_kinds}
    assert len(WAGE_RULES) == 5 and len(OPEN_RULES) == 1 and len(SUPPORT_RULES) == 2 and len(LIMIT_RULES) == 1


@pytest.mark.parametrize("rule", WAGE_RULES, ids=lambda r: r.id)
def test_wage_subsidy_rule_gives_its_own_figures(rule):
    cap = D(rule["monthly_cap_eur"])
    multiplier = D(rule.get("pay_multiplier", 1))
    rate = D(rule["rate_percent"]) / 100
    # A pay whose subsidy stays under the cap, and one far above it.
    low_pay = cents(cap / multiplier / rate / 2)
    high_pay = cents(cap / multiplier / rate * 3)
    for pay in (low_pay, high_pay):
        query = eligible_query(rule, pay, months=2)
        result = estimate_wage_subsidy(query, RULES)
        assert result.rule.id == rule.id
        assert result.monthly_eur == expected_monthly(rule, pay)
        assert result.capped is (pay == high_pay)
        months = query.planned_months
        assert result.months == months and result.total_eur == expected_monthly(rule, pay) * months
    assert estimate_wage_subsidy(eligible_query(rule, high_pay, 1), RULES).monthly_eur == cents(cap)


@pytest.mark.parametrize("rule", WAGE_RULES, ids=lambda r: r.id)
def test_wage_subsidy_length_is_capped_by_the_rule(rule):
    query = eligible_query(rule, D(1000), months=rule["max_months"] + 6)
    result = estimate_wage_subsidy(query, RULES)
    longest = rule.get("max_months_long_term_unemployed") if query.long_term_unemployed else None
    longest = longest or rule["max_months"]
    assert result.months == longest and result.length_capped
    assert result.total_eur == expected_monthly(rule, D(1000)) * longest


@pytest.mark.parametrize("rule", WAGE_RULES, ids=lambda r: r.id)
def test_wage_subsidy_is_not_given_before_the_rule_starts(rule):
    query = replace(eligible_query(rule, D(1000), 3), start=rule.effective_from - timedelta(days=1))
    if RULES.in_force(rule.kind, query.start, situation=rule.situation) is None:
        with pytest.raises(Refused) as refused:
            estimate_wage_subsidy(query, RULES)
        assert refused.value.code == "no_rule_in_force"


@pytest.mark.parametrize("rule", [r for r in WAGE_RULES if r.confirmed_until], ids=lambda r: r.id)
def test_wage_subsidy_warns_past_the_confirmed_date(rule):
    later = replace(eligible_query(rule, D(1000), 3), start=rule.confirmed_until + timedelta(days=1))
    assert estimate_wage_subsidy(later, RULES).unconfirmed is True
    assert estimate_wage_subsidy(eligible_query(rule, D(1000), 3), RULES).unconfirmed is False


@pytest.mark.parametrize("rule", [r for r in WAGE_RULES if r.confirmed_until is None], ids=lambda r: r.id)
def test_a_rule_with_no_confirmed_date_never_warns(rule):
    assert estimate_wage_subsidy(eligible_query(rule, D(1000), 3), RULES).unconfirmed is False


def test_lack_of_skills_gives_the_longer_length_after_long_unemployment():
    rule = next(r for r in WAGE_RULES if r.situation == "lack_of_skills")
    short = estimate_wage_subsidy(eligible_query(rule, D(1000), 24), RULES)
    long = estimate_wage_subsidy(replace(eligible_query(rule, D(1000), 24), long_term_unemployed=True), RULES)
    assert short.months == rule["max_months"]
    assert long.months == rule["max_months_long_term_unemployed"]


def _refusal(query):
    with pytest.raises(Refused) as refused:
        estimate_wage_subsidy(query, RULES)
    return refused.value


def test_conditions_of_the_rules_are_refused_with_their_reasons():
    association = next(r for r in WAGE_RULES if r.get("employer_kinds"))
    query = eligible_query(association, D(1500), 5)
    assert _refusal(replace(query, employer_kind="company")).code == "employer_kind_not_allowed"
    assert _refusal(replace(query, long_term_unemployed=False)).code == "long_term_unemployment_required"
    too_long = _refusal(replace(query, weekly_hours=D(30)))
    assert too_long.code == "hours_above_maximum"
    assert too_long.params["max_hours"] == (D("37.5") * D(association["max_working_time_share"])).quantize(D("0.1"))
    older = next(r for r in WAGE_RULES if r.get("min_age"))
    query = eligible_query(older, D(2000), 5)
    assert _refusal(replace(query, age=older["min_age"] - 1)).code == "age_below_minimum"
    assert _refusal(replace(query, age=None)).code == "age_below_minimum"
    floor = D(older["min_weekly_hours"])  # at the common full time of 37.5 hours, the hours themselves
    few = _refusal(replace(query, weekly_hours=floor - 1))
    assert few.code == "hours_below_minimum" and few.params["min_hours"] == floor.quantize(D("0.1"))
    # With a short sector full time, 65 % of it is the floor.
    ok = replace(query, full_time_hours=D(30), weekly_hours=D(30) * D(older["min_working_time_share"]))
    assert estimate_wage_subsidy(ok, RULES).rule.id == older.id


@pytest.mark.parametrize("rule", LIMIT_RULES, ids=lambda r: r.id)
def test_employer_limit_rule_narrows_the_situations(rule):
    day = rule.effective_from
    for wage_rule in RULES.of_kind("wage_subsidy"):
        if wage_rule.confidence == "open":
            continue  # named, not estimated: test_open_rules_are_named_but_not_estimated
        query = replace(eligible_query(wage_rule, D(1500), 3), employer_kind=rule.employer_kind, start=day,
                        age=max(wage_rule.get("min_age") or 0, 40))
        kinds = wage_rule.get("employer_kinds")
        if kinds and rule.employer_kind not in kinds or wage_rule.situation not in rule["allowed_situations"]:
            assert _refusal(query).code in ("employer_kind_limited", "employer_kind_not_allowed")
            continue
        min_age = (rule.get("min_age_by_situation") or {}).get(wage_rule.situation)
        if min_age is not None:
            assert _refusal(replace(query, age=min_age - 1)).code == "age_below_minimum"
            query = replace(query, age=min_age)
        result = estimate_wage_subsidy(query, RULES)
        assert result.limit_rule.id == rule.id and result.monthly_eur == expected_monthly(wage_rule, D(1500))
    # Before the limit came into force, a municipality was not limited by it.
    plain = next(r for r in WAGE_RULES if r.situation in rule["allowed_situations"]
                 and not r.get("min_age"))
    before = replace(eligible_query(plain, D(1500), 3), employer_kind=rule.employer_kind,
                     start=day - timedelta(days=1))
    if RULES.in_force("wage_subsidy", before.start, situation=before.situation):
        assert estimate_wage_subsidy(before, RULES).limit_rule is None


def test_tools_and_modifications_rule_caps_the_cost():
    rule = next(r for r in SUPPORT_RULES if r.situation == "tools_and_modifications")
    cap = D(rule["max_eur_per_person"])
    under = estimate_adjustment_support(AdjustmentQuery(rule.effective_from, tools_cost_eur=cap / 2), RULES)
    assert under.tools_eur == cents(cap / 2) and not under.tools_capped and under.tools_rule.id == rule.id
    over = estimate_adjustment_support(AdjustmentQuery(rule.effective_from, tools_cost_eur=cap * 2), RULES)
    assert over.tools_eur == cents(cap) and over.tools_capped and over.total_eur == cents(cap)


def test_coworker_help_rule_caps_hours_and_months():
    rule = next(r for r in SUPPORT_RULES if r.situation == "coworker_help")
    hours, months, rate = D(rule["max_hours_per_month"]), rule["max_months"], D(rule["eur_per_hour"])
    within = estimate_adjustment_support(AdjustmentQuery(rule.effective_from, coworker_hours_per_month=hours / 2,
                                                         coworker_months=months - 1), RULES)
    assert within.coworker_monthly_eur == cents(hours / 2 * rate)
    assert within.coworker_total_eur == cents(hours / 2 * rate) * (months - 1) and not within.coworker_capped
    over = estimate_adjustment_support(AdjustmentQuery(rule.effective_from, coworker_hours_per_month=hours * 3,
                                                       coworker_months=months + 12), RULES)
    assert over.coworker_hours_per_month == hours and over.coworker_months == months and over.coworker_capped
    assert over.total_eur == cents(hours * rate) * months


def test_bad_input_is_refused():
    rule = WAGE_RULES[0]
    query = eligible_query(rule, D(1000), 3)
    assert _refusal(replace(query, monthly_pay_eur=D(0))).code == "pay_not_positive"
    assert _refusal(replace(query, weekly_hours=D(61))).code == "hours_out_of_range"
    assert _refusal(replace(query, planned_months=0)).code == "months_not_positive"
    assert _refusal(replace(query, situation="unknown")).code == "no_rule_in_force"
    with pytest.raises(Refused):
        estimate_adjustment_support(AdjustmentQuery(date(2025, 1, 1), tools_cost_eur=D(-1)), RULES)

"""Estimates of wage subsidy and workplace adjustment support, from the rules in force on the start date.

Wage subsidy (one rule per situation, kind ``wage_subsidy``; the youth
employment voucher, kind ``youth_employment_voucher``, is estimated the same way):

- the base is the monthly gross pay; a rule with ``pay_multiplier`` (the
  100 % case) multiplies it, to cover the employer's charges;
- the monthly subsidy is ``base x rate_percent / 100``, capped at
  ``monthly_cap_eur``, rounded to the cent (half up);
- the length is the planned length, capped at ``max_months`` (or at
  ``max_months_long_term_unemployed`` when the person has been unemployed
  long and the rule has that figure); the total is monthly x months;
- conditions a rule may carry: ``employer_kinds`` (who may employ) and
  ``excluded_employer_kinds``, ``requires_long_term_unemployed``,
  ``min_age``/``max_age``, ``min_planned_months``,
  ``min_unemployed_months_of_7`` (``..._basic_education`` for a person with
  basic education only), ``min_weekly_hours`` (at least that many hours a
  week) with ``min_working_time_share`` and
  ``working_time_share_below_full_time_hours`` (only where the sector's full
  time is under that many hours, that share of it instead),
  ``max_working_time_share`` (at most that share of the sector's full time);
- a rule whose figures no source gives (confidence ``open``) is refused
  with ``figures_not_sourced`` once its conditions are met;
- a ``wage_subsidy_employer_limit`` rule for the employer's kind narrows the
  situations it may use (``allowed_situations``, ``min_age_by_situation``).

A combination the rules do not allow raises ``Refused`` with a code and the
figures that explain it; the page turns them into words. Figures only: the
employment authority decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from portal.domain.rules import Rule, RuleSet

CENT = Decimal("0.01")
EMPLOYER_KINDS = ("company", "association", "foundation", "religious_community", "municipality", "state",
                  "other_public")
SUBSIDY_KINDS = ("wage_subsidy", "youth_employment_voucher")
MAX_WEEKLY_HOURS = Decimal(60)
DEFAULT_FULL_TIME_HOURS = Decimal("37.5")


class Refused(Exception):
    """The rules do not allow this combination; ``code`` says why, ``params`` give the figures."""

    def __init__(self, code: str, rule: Rule | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.rule = rule
        self.params = params


@dataclass(frozen=True)
class SubsidyQuery:
    """What an employer tells the calculator about a planned employment."""

    situation: str
    monthly_pay_eur: Decimal
    weekly_hours: Decimal
    start: date
    planned_months: int
    employer_kind: str = "company"
    long_term_unemployed: bool = False
    age: int | None = None
    full_time_hours: Decimal = DEFAULT_FULL_TIME_HOURS
    unemployed_months_of_7: int | None = None
    basic_education_only: bool = False


@dataclass(frozen=True)
class SubsidyEstimate:
    """The estimated wage subsidy, with the rule it comes from."""

    rule: Rule
    base_eur: Decimal
    uncapped_eur: Decimal
    monthly_eur: Decimal
    capped: bool
    months: int
    max_months: int
    length_capped: bool
    total_eur: Decimal
    unconfirmed: bool
    limit_rule: Rule | None = None


def money(value: Decimal) -> Decimal:
    """Round to the cent, half up."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _check_input(query: SubsidyQuery) -> None:
    if query.monthly_pay_eur <= 0:
        raise Refused("pay_not_positive")
    if not (0 < query.weekly_hours <= MAX_WEEKLY_HOURS):
        raise Refused("hours_out_of_range", max_hours=MAX_WEEKLY_HOURS)
    if query.planned_months < 1:
        raise Refused("months_not_positive")
    if query.employer_kind not in EMPLOYER_KINDS:
        raise Refused("unknown_employer_kind")
    if query.full_time_hours <= 0 or query.full_time_hours > MAX_WEEKLY_HOURS:
        raise Refused("full_time_out_of_range", max_hours=MAX_WEEKLY_HOURS)


def _check_employer_limit(query: SubsidyQuery, rules: RuleSet) -> Rule | None:
    limit = rules.in_force("wage_subsidy_employer_limit", query.start, employer_kind=query.employer_kind)
    if limit is None:
        return None
    if query.situation not in limit["allowed_situations"]:
        raise Refused("employer_kind_limited", limit, allowed=tuple(limit["allowed_situations"]))
    min_age = (limit.get("min_age_by_situation") or {}).get(query.situation)
    if min_age is not None and (query.age is None or query.age < min_age):
        raise Refused("age_below_minimum", limit, min_age=min_age)
    return limit


def _check_person(query: SubsidyQuery, rule: Rule) -> None:
    kinds = rule.get("employer_kinds")
    if kinds and query.employer_kind not in kinds:
        raise Refused("employer_kind_not_allowed", rule, allowed=tuple(kinds))
    if query.employer_kind in (rule.get("excluded_employer_kinds") or ()):
        raise Refused("employer_kind_excluded", rule)
    if rule.get("requires_long_term_unemployed") and not query.long_term_unemployed:
        raise Refused("long_term_unemployment_required", rule)
    min_age, max_age = rule.get("min_age"), rule.get("max_age")
    if min_age is not None and (query.age is None or query.age < min_age):
        raise Refused("age_below_minimum", rule, min_age=min_age)
    if max_age is not None and (query.age is None or query.age > max_age):
        raise Refused("age_above_maximum", rule, max_age=max_age)
    needed = rule.get("min_unemployed_months_of_7_basic_education" if query.basic_education_only
                      else "min_unemployed_months_of_7") or rule.get("min_unemployed_months_of_7")
    if needed is not None and (query.unemployed_months_of_7 or 0) < needed:
        raise Refused("unemployment_too_short", rule, months=needed)
    shortest = rule.get("min_planned_months")
    if shortest is not None and query.planned_months < shortest:
        raise Refused("employment_too_short", rule, months=shortest)


def min_weekly_hours(rule: Rule, full_time_hours: Decimal) -> Decimal | None:
    """The fewest weekly hours the rule accepts: its hours, or its share of a short sector full time."""
    if rule.get("min_weekly_hours") is None:
        return None
    floor = Decimal(str(rule["min_weekly_hours"]))
    share, below = rule.get("min_working_time_share"), rule.get("working_time_share_below_full_time_hours")
    if share is not None and below is not None and full_time_hours < Decimal(str(below)):
        return full_time_hours * Decimal(str(share))
    return floor


def _check_conditions(query: SubsidyQuery, rule: Rule) -> None:
    _check_person(query, rule)
    floor = min_weekly_hours(rule, query.full_time_hours)
    if floor is not None and query.weekly_hours < floor:
        # Shown as the least tenth that passes: 65 % of 37 h is 24.05, so "at least 24.1", never "24".
        raise Refused("hours_below_minimum", rule, min_hours=floor.quantize(Decimal("0.1"), ROUND_CEILING))
    share = rule.get("max_working_time_share")
    if share is not None:
        ceiling = query.full_time_hours * Decimal(str(share))
        if query.weekly_hours > ceiling:
            raise Refused("hours_above_maximum", rule, max_hours=ceiling.quantize(Decimal("0.1")),
                          share=Decimal(str(share)) * 100, full_time=query.full_time_hours)


def max_months(rule: Rule, long_term_unemployed: bool) -> int:
    """The longest subsidy the rule gives this person."""
    longer = rule.get("max_months_long_term_unemployed")
    return int(longer) if long_term_unemployed and longer is not None else int(rule["max_months"])


def estimate_wage_subsidy(query: SubsidyQuery, rules: RuleSet) -> SubsidyEstimate:
    """The wage subsidy (or youth voucher) per month and in total under the rule in force on the start date."""
    _check_input(query)
    rule = next((found for kind in SUBSIDY_KINDS
                 if (found := rules.in_force(kind, query.start, situation=query.situation))), None)
    if rule is None:
        raise Refused("no_rule_in_force", None, situation=query.situation, start=query.start)
    limit = _check_employer_limit(query, rules) if rule.kind == "wage_subsidy" else None
    _check_conditions(query, rule)
    if any(rule.get(name) is None for name in ("rate_percent", "monthly_cap_eur", "max_months")):
        raise Refused("figures_not_sourced", rule)
    base = query.monthly_pay_eur * Decimal(str(rule.get("pay_multiplier", 1)))
    uncapped = money(base * Decimal(str(rule["rate_percent"])) / 100)
    cap = money(Decimal(str(rule["monthly_cap_eur"])))
    monthly = min(uncapped, cap)
    longest = max_months(rule, query.long_term_unemployed)
    months = min(query.planned_months, longest)
    return SubsidyEstimate(
        rule=rule, base_eur=money(base), uncapped_eur=uncapped, monthly_eur=monthly,
        capped=uncapped > cap, months=months, max_months=longest,
        length_capped=query.planned_months > longest, total_eur=money(monthly * months),
        unconfirmed=not rule.confirmed_on(query.start), limit_rule=limit)

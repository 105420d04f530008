"""Estimates of wage subsidy and workplace adjustment support, from the rules in force on the start date.

Wage subsidy (one rule per situation, kind ``wage_subsidy``):

- the base is the monthly gross pay; a rule with ``pay_multiplier`` (the
  100 % case) multiplies it, to cover the employer's charges;
- the monthly subsidy is ``base x rate_percent / 100``, capped at
  ``monthly_cap_eur``, rounded to the cent (half up);
- the length is the planned length, capped at ``max_months`` (or at
  ``max_months_long_term_unemployed`` when the person has been unemployed
  long and the rule has that figure); the total is monthly x months;
- conditions a rule may carry: ``employer_kinds`` (who may employ),
  ``requires_long_term_unemployed``, ``min_age``, ``min_weekly_hours`` with
  ``min_working_time_share`` (at least that many hours, or that share of the
  sector's full time when it is lower), ``max_working_time_share`` (at most
  that share of the sector's full time);
- a ``wage_subsidy_employer_limit`` rule for the employer's kind narrows the
  situations it may use (``allowed_situations``, ``min_age_by_situation``).

Adjustment support (kind ``adjustment_support``): tools and modifications
up to ``max_eur_per_person``; a co-worker's help at ``eur_per_hour`` for at
most ``max_hours_per_month`` hours a month and ``max_months`` months.

A combination the rules do not allow raises ``Refused`` with a code and the
figures that explain it; the page turns them into words. Figures only: the
employment authority decides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from portal.domain.rules import Rule, RuleSet

CENT = Decimal("0.01")
EMPLOYER_KINDS = ("company", "association", "foundation", "religious_community", "municipality",
                  "other_public")
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


@dataclass(frozen=True)
class AdjustmentQuery:
    """Planned costs of adjustments: tools and modifications, and a co-worker's help."""

    start: date
    tools_cost_eur: Decimal = Decimal(0)
    coworker_hours_per_month: Decimal = Decimal(0)
    coworker_months: int = 0


@dataclass(frozen=True)
class AdjustmentEstimate:
    """Adjustment support that could come on top of the wage subsidy."""

    tools_rule: Rule | None = None
    tools_eur: Decimal = Decimal(0)
    tools_capped: bool = False
    coworker_rule: Rule | None = None
    coworker_hours_per_month: Decimal = Decimal(0)
    coworker_months: int = 0
    coworker_monthly_eur: Decimal = Decimal(0)
    coworker_total_eur: Decimal = Decimal(0)
    coworker_capped: bool = False
    total_eur: Decimal = Decimal(0)
    unconfirmed: tuple[str, ...] = field(default_factory=tuple)


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


def _check_conditions(query: SubsidyQuery, rule: Rule) -> None:
    kinds = rule.get("employer_kinds")
    if kinds and query.employer_kind not in kinds:
        raise Refused("employer_kind_not_allowed", rule, allowed=tuple(kinds))
    if rule.get("requires_long_term_unemployed") and not query.long_term_unemployed:
        raise Refused("long_term_unemployment_required", rule)
    min_age = rule.get("min_age")
    if min_age is not None and (query.age is None or query.age < min_age):
        raise Refused("age_below_minimum", rule, min_age=min_age)
    if rule.get("min_weekly_hours") is not None:
        floor = Decimal(str(rule["min_weekly_hours"]))
        share = rule.get("min_working_time_share")
        if share is not None:
            floor = min(floor, query.full_time_hours * Decimal(str(share)))
        if query.weekly_hours < floor:
            raise Refused("hours_below_minimum", rule, min_hours=floor.quantize(Decimal("0.1")))
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
    """The wage subsidy per month and in total under the rule in force on the start date."""
    _check_input(query)
    rule = rules.in_force("wage_subsidy", query.start, situation=query.situation)
    if rule is None:
        raise Refused("no_rule_in_force", None, situation=query.situation, start=query.start)
    limit = _check_employer_limit(query, rules)
    _check_conditions(query, rule)
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


def estimate_adjustment_support(query: AdjustmentQuery, rules: RuleSet,
                                with_wage_subsidy: bool = True) -> AdjustmentEstimate:
    """Adjustment support for tools and for a co-worker's help, capped by the rules in force."""
    if query.tools_cost_eur < 0 or query.coworker_hours_per_month < 0 or query.coworker_months < 0:
        raise Refused("negative_adjustment")
    parts: dict[str, Any] = {}  # the fields of AdjustmentEstimate that apply
    unconfirmed: list[str] = []
    if query.tools_cost_eur > 0:
        rule = _support_rule(rules, "tools_and_modifications", query.start, with_wage_subsidy)
        cap = Decimal(str(rule["max_eur_per_person"]))
        parts.update(tools_rule=rule, tools_eur=money(min(query.tools_cost_eur, cap)),
                     tools_capped=query.tools_cost_eur > cap)
        if not rule.confirmed_on(query.start):
            unconfirmed.append(rule.id)
    if query.coworker_hours_per_month > 0 and query.coworker_months > 0:
        rule = _support_rule(rules, "coworker_help", query.start, with_wage_subsidy)
        hours = min(query.coworker_hours_per_month, Decimal(str(rule["max_hours_per_month"])))
        months = min(query.coworker_months, int(rule["max_months"]))
        monthly = money(hours * Decimal(str(rule["eur_per_hour"])))
        parts.update(coworker_rule=rule, coworker_hours_per_month=hours, coworker_months=months,
                     coworker_monthly_eur=monthly, coworker_total_eur=money(monthly * months),
                     coworker_capped=hours < query.coworker_hours_per_month or months < query.coworker_months)
        if not rule.confirmed_on(query.start):
            unconfirmed.append(rule.id)
    total = parts.get("tools_eur", Decimal(0)) + parts.get("coworker_total_eur", Decimal(0))
    return AdjustmentEstimate(**parts, total_eur=money(total), unconfirmed=tuple(unconfirmed))


def _support_rule(rules: RuleSet, situation: str, day: date, with_wage_subsidy: bool) -> Rule:
    rule = rules.in_force("adjustment_support", day, situation=situation)
    if rule is None:
        raise Refused("no_rule_in_force", None, situation=situation, start=day)
    if with_wage_subsidy and not rule.get("combinable_with_wage_subsidy", False):
        raise Refused("not_combinable", rule)
    return rule

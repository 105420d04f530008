"""Supports beside the wage subsidy: workplace adjustment support, and the local top-ups of a place.

Adjustment support (kind ``adjustment_support``): tools and modifications
up to ``max_eur_per_person``, a ceiling and not the sum paid when the rule
says ``employer_bears_reasonable_share`` (the authority weighs the share);
a co-worker's help at ``eur_per_hour`` for at
most ``max_hours_per_month`` hours a month and ``max_months`` months.

Local top-ups are the rules of an employment area or a municipality
(``RuleSet.local``); the page shows them beside the national support.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from portal.domain.rules import Rule, RuleSet
from portal.domain.subsidy import Refused, money


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
    tools_is_ceiling: bool = False  # the employer bears a share the authority weighs: at most this much
    coworker_rule: Rule | None = None
    coworker_hours_per_month: Decimal = Decimal(0)
    coworker_months: int = 0
    coworker_monthly_eur: Decimal = Decimal(0)
    coworker_total_eur: Decimal = Decimal(0)
    coworker_capped: bool = False
    total_eur: Decimal = Decimal(0)
    unconfirmed: tuple[str, ...] = field(default_factory=tuple)


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
                     tools_capped=query.tools_cost_eur > cap,
                     tools_is_ceiling=bool(rule.get("employer_bears_reasonable_share")))
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


def local_top_ups(rules: RuleSet, day: date, employment_area: str | None, municipality: str | None) -> list[Rule]:
    """The employment area's and the municipality's own supports in force on the date (none: national only)."""
    return rules.local(day, employment_area, municipality)


def _support_rule(rules: RuleSet, situation: str, day: date, with_wage_subsidy: bool) -> Rule:
    rule = rules.in_force("adjustment_support", day, situation=situation)
    if rule is None:
        raise Refused("no_rule_in_force", None, situation=situation, start=day)
    if with_wage_subsidy and not rule.get("combinable_with_wage_subsidy", False):
        raise Refused("not_combinable", rule)
    return rule

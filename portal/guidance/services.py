"""The calculator: form data in, the domain's estimates (or its refusal) and the place's top-ups out."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from portal.domain.rules import Rule
from portal.domain.subsidy import SUBSIDY_KINDS, Refused, SubsidyEstimate, SubsidyQuery, estimate_wage_subsidy
from portal.domain.support import AdjustmentEstimate, AdjustmentQuery, estimate_adjustment_support, local_top_ups
from portal.guidance.places import Municipality, municipality
from portal.guidance.rules_data import rules

SHOWN_KINDS = ("wage_subsidy", "wage_subsidy_employer_limit", "youth_employment_voucher", "adjustment_support",
               "municipal_top_up", "work_trial", "kela_rehabilitation")


@dataclass(frozen=True)
class Calculation:
    """What the calculator answers: estimates, or the reason the rules refuse, and the place's own supports."""

    wage: SubsidyEstimate | None = None
    refusal: Refused | None = None
    adjustment: AdjustmentEstimate | None = None
    adjustment_refusal: Refused | None = None
    place: Municipality | None = None
    local: tuple[Rule, ...] = ()
    home: Municipality | None = None
    outside_mainland: bool = False


def situations() -> list[str]:
    """The situations the calculator estimates: wage subsidy's and the youth voucher's."""
    return [s for kind in SUBSIDY_KINDS for s in rules().situations(kind)]


def calculate(data: dict) -> Calculation:
    """Estimate wage subsidy and adjustment support from the calculator form's data, with the place's top-ups."""
    wage = refusal = adjustment = adjustment_refusal = None
    query = SubsidyQuery(
        situation=data["situation"], monthly_pay_eur=data["monthly_pay"], weekly_hours=data["weekly_hours"],
        start=data["start"], planned_months=data["months"], employer_kind=data["employer_kind"],
        long_term_unemployed=bool(data["long_term_unemployed"]), age=data.get("age"),
        full_time_hours=data.get("full_time_hours") or Decimal("37.5"),
        unemployed_months_of_7=data.get("unemployed_months"),
        basic_education_only=bool(data.get("basic_education_only")))
    try:
        wage = estimate_wage_subsidy(query, rules())
    except Refused as exc:
        refusal = exc
    support = AdjustmentQuery(start=data["start"], tools_cost_eur=data.get("tools_cost") or Decimal(0),
                              coworker_hours_per_month=data.get("coworker_hours") or Decimal(0),
                              coworker_months=data.get("coworker_months") or 0)
    if support.tools_cost_eur or (support.coworker_hours_per_month and support.coworker_months):
        try:
            adjustment = estimate_adjustment_support(support, rules(), with_wage_subsidy=wage is not None)
        except Refused as exc:
            adjustment_refusal = exc
    place, home = municipality(data.get("municipality")), municipality(data.get("home_municipality"))
    if place is not None and not place.employment_area:
        # Åland arranges its own employment services: mainland Finland's supports do not apply there.
        return Calculation(place=place, outside_mainland=True)
    local = [r for r in _local(data, place) if not r.get("for_residents")]
    local += [r for r in _local(data, home) if r.get("for_residents")]
    return Calculation(wage, refusal, adjustment, adjustment_refusal, place, tuple(local), home=home)


def _local(data: dict, place: Municipality | None) -> list[Rule]:
    return local_top_ups(rules(), data["start"], place.employment_area, place.code) if place else []


def shown_rules() -> list[Rule]:
    """The rules the guidance pages list, grouped by kind."""
    return [r for kind in SHOWN_KINDS for r in rules().of_kind(kind)]

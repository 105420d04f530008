"""The award-criterion and reserved-contract parameters of a clause: checked, written into its wording, saved.

The rules themselves are in ``portal.domain.employment_forms``; the legal share
of a reserved contract is the rule in force in ``seeds/rules`` (never a constant).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from portal.clock import today
from portal.domain.employment_forms import (
    ScaleStep,
    parse_scale,
    required_share_problem,
    scale_as_data,
    scale_from_data,
    scale_problem,
)
from portal.domain.rules import Rule
from portal.errors import FieldErrors
from portal.guidance.rules_data import rules
from portal.procurements.clause_text import LANGS, ClauseTemplate
from portal.procurements.labels import TERMS_PROBLEMS
from portal.procurements.models import EmploymentClause


@dataclass(frozen=True)
class Terms:
    """What an award criterion or a reserved contract adds to a clause's parameters."""

    form: str = "condition"
    points: Decimal | None = None
    steps: list[ScaleStep] = field(default_factory=list)
    share: Decimal | None = None  # 0..1
    rule: Rule | None = None


def legal_share_rule() -> Rule | None:
    """The reserved-contract rule in force today (seeds/rules/reserved_contracts.yaml), or None."""
    return rules().in_force("reserved_contract", today())


def legal_share(rule: Rule) -> Decimal:
    """The lowest share of disadvantaged staff the rule allows, 0..1."""
    return Decimal(str(rule["min_disadvantaged_share_percent"])) / 100


def _problem(code: str, **params) -> str:
    return str(TERMS_PROBLEMS[code]) % params if params else str(TERMS_PROBLEMS[code])


def check_terms(template: ClauseTemplate, data: dict) -> Terms:
    """The form's terms, or FieldErrors naming every input of them that cannot stand."""
    errors: dict[str, str] = {}
    if template.form == "award":
        points = data.get("award_points")
        steps, code = parse_scale(data.get("award_scale") or "")
        code = code or scale_problem(steps, float(points) if points is not None else None)
        if code == "points_positive":
            errors["award_points"] = _problem(code)
        elif code:
            errors["award_scale"] = _problem(code)
        if errors:
            raise FieldErrors(errors)
        return Terms("award", points=points, steps=steps)
    if template.form == "reserved":
        rule = legal_share_rule()
        if rule is None:
            raise FieldErrors({"required_share": _problem("no_legal_rule")})
        percent = data.get("required_share")
        share = Decimal(percent) / 100 if percent is not None else None
        minimum = legal_share(rule)
        code = required_share_problem(float(share) if share is not None else None, float(minimum))
        if code:
            raise FieldErrors({"required_share": _problem(code, share=format_percent(minimum))})
        return Terms("reserved", share=share, rule=rule)
    return Terms()


def term_texts(template: ClauseTemplate, terms: Terms) -> dict[str, dict[str, str]]:
    """Per language, the placeholders the form's wording needs ({points}, {scale}, {share}, {legal_reference})."""
    texts: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        if terms.form == "award" and template.scale_step:
            steps = [template.scale_step[lang].format(plan=format_decimal(s.at_least, locale=lang),
                                                      points=format_decimal(s.points, locale=lang))
                     for s in terms.steps]
            texts[lang] = {"points": format_decimal(terms.points, locale=lang), "scale": "; ".join(steps)}
        elif terms.form == "reserved" and terms.rule is not None:
            texts[lang] = {"share": format_percent(terms.share, locale=lang),
                           "legal_reference": str(terms.rule["legal_reference"])}
    return texts


def apply_terms(clause: EmploymentClause, terms: Terms) -> None:
    """Store the terms on the clause (the scale as data, the share with the rule it was checked against)."""
    clause.form = terms.form
    clause.award_points = terms.points
    clause.award_scale = scale_as_data(terms.steps) if terms.form == "award" else None
    clause.required_share = terms.share.quantize(Decimal("0.001")) if terms.share is not None else None
    clause.share_rule_id = terms.rule.id if terms.rule is not None else None


def terms_form_data(clause: EmploymentClause) -> dict:
    """A saved clause's terms as the form's data (the scale as "N = P" lines, the share in per cent)."""
    steps = scale_from_data(clause.award_scale)
    return {"award_points": clause.award_points,
            "award_scale": "\n".join(f"{_plain(s.at_least)} = {_plain(s.points)}" for s in steps),
            "required_share": int(clause.required_share * 100) if clause.required_share is not None else None}


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def initial_data(template: ClauseTemplate) -> dict:
    """A new clause's starting values of its terms: the template's scale, the legal share."""
    rule = legal_share_rule() if template.form == "reserved" else None
    return {"award_scale": template.scale,
            "required_share": int(legal_share(rule) * 100) if rule is not None else None}

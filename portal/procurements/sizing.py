"""The size helper: the buyer's own rule (stored per buyer organisation) and the obligation it suggests."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from portal.audit.services import record
from portal.domain.employment_forms import SizeSuggestion, suggest_size
from portal.domain.obligations import MONTH_UNIT_KINDS
from portal.extensions import db
from portal.procurements.clause_text import ClauseTemplate
from portal.procurements.models import Procurement, SizeRule


@dataclass(frozen=True)
class Suggestion:
    """A suggested obligation, the unit it is in, and the rule and justification behind it."""

    size: SizeSuggestion
    unit: str
    value: Decimal
    labour_share: Decimal
    justification: str


def size_rule(organisation_id: int) -> SizeRule | None:
    """The buyer's size rule, or None when the buyer has set none."""
    return db.session.scalar(select(SizeRule).where(SizeRule.organisation_id == organisation_id))


def save_size_rule(organisation_id: int, data: dict, user_id: int) -> SizeRule:
    """Create or change the buyer's size rule (audited with its figures)."""
    rule = size_rule(organisation_id) or SizeRule(organisation_id=organisation_id)
    rule.euros_per_person_month = data.get("euros_per_person_month")
    rule.euros_per_person = data.get("euros_per_person")
    rule.justification = (data.get("justification") or "").strip()
    rule.updated_by_id = user_id
    db.session.add(rule)
    db.session.flush()
    record("size_rule_saved", "procurement_size_rule", rule.id, organisation_id=organisation_id,
           detail={"euros_per_person_month": str(rule.euros_per_person_month or ""),
                   "euros_per_person": str(rule.euros_per_person or "")})
    return rule


def suggestion(procurement: Procurement, template: ClauseTemplate) -> Suggestion | None:
    """What the buyer's rule suggests for a clause of this template on this contract, or None."""
    rule = size_rule(procurement.buyer_id)
    if rule is None or procurement.estimated_value is None or procurement.labour_share is None:
        return None
    unit = "person_months" if template.kind in MONTH_UNIT_KINDS else "persons"
    per_unit = rule.euros_per_person_month if unit == "person_months" else rule.euros_per_person
    size = suggest_size(procurement.estimated_value, procurement.labour_share, per_unit)
    if size is None:
        return None
    return Suggestion(size, unit, procurement.estimated_value, procurement.labour_share, rule.justification)

"""The three forms of employment terms: scoring an award criterion, checking a reserved contract's share,
and suggesting the size of an obligation. Pure: numbers and text in, numbers and problem codes out.

1. **Forms.** ``condition`` (the supplier must deliver the clause), ``award`` (tenders are scored on an
   employment plan; the winner's plan becomes the clause's target), ``reserved`` (participation is reserved
   for social enterprises and sheltered work with a required share of disadvantaged staff).
2. **Scale.** An award criterion's scale is a list of steps "a plan of at least N earns P points", both
   rising, no step above the criterion's points. A plan earns the points of the highest step it reaches,
   none below the first step. The scale is data stored with the clause.
3. **Share.** A declared share is disadvantaged staff over all staff; it is below the requirement when
   it is lower than the share the clause requires. A clause may require more than the legal minimum, never
   less.
4. **Size.** The labour cost is the contract's value times its labour share; the suggestion is the labour
   cost over the buyer's euros per unit, rounded half up to a whole unit. Nothing is suggested when an
   input is missing or the result is zero.
5. **Winner.** Once an award criterion has a winner, the clause's target IS the winner's plan: the
   quantity is not set apart from it. The winner is not changed once the supplier has ledger entries
   or a report for the clause: what was delivered and reported was measured against that plan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FORMS = ("condition", "award", "reserved")
_STEP = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[=:]\s*(\d+(?:[.,]\d+)?)\s*$")


@dataclass(frozen=True)
class ScaleStep:
    """A plan of at least ``at_least`` units earns ``points``."""

    at_least: float
    points: float


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_scale(text: str) -> tuple[list[ScaleStep], str | None]:
    """The steps of a scale typed one a line as "N = P"; (steps, None) or ([], a problem code)."""
    steps = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        match = _STEP.match(line)
        if not match:
            return [], "scale_format"
        steps.append(ScaleStep(_number(match.group(1)), _number(match.group(2))))
    return steps, None


def scale_problem(steps: list[ScaleStep], max_points: float | None) -> str | None:
    """None when the scale can score tenders (rule 2); else a problem code."""
    if max_points is None or max_points <= 0:
        return "points_positive"
    if not steps:
        return "scale_empty"
    for before, after in zip(steps, steps[1:], strict=False):
        if after.at_least <= before.at_least or after.points <= before.points:
            return "scale_order"
    if any(s.points < 0 or s.at_least < 0 for s in steps):
        return "scale_order"
    if steps[-1].points > max_points:
        return "scale_over_points"
    return None


def score_plan(plan: float, steps: list[ScaleStep]) -> float:
    """The points an employment plan of ``plan`` units earns on the scale (rule 2)."""
    earned = 0.0
    for step in steps:
        if plan >= step.at_least:
            earned = step.points
    return earned


def scale_as_data(steps: list[ScaleStep]) -> list[dict[str, float]]:
    """The scale as it is stored (a list of mappings)."""
    return [{"at_least": s.at_least, "points": s.points} for s in steps]


def scale_from_data(data: list[dict[str, float]] | None) -> list[ScaleStep]:
    """A stored scale back as steps."""
    return [ScaleStep(float(d["at_least"]), float(d["points"])) for d in data or []]


@dataclass(frozen=True)
class ShareCheck:
    """A declared share of disadvantaged staff against the share the clause requires (rule 3)."""

    staff: int
    disadvantaged: int
    required: float  # 0..1

    @property
    def share(self) -> float:
        """Disadvantaged staff over all staff, 0..1."""
        return self.disadvantaged / self.staff if self.staff else 0.0

    @property
    def below(self) -> bool:
        """Whether the declared share falls short of the requirement."""
        return self.share < self.required


def declaration_problems(staff: int | None, disadvantaged: int | None) -> dict[str, str]:
    """field -> problem code for a declared staff count and the disadvantaged among them."""
    problems: dict[str, str] = {}
    if staff is None or staff <= 0:
        problems["staff"] = "not_positive"
    if disadvantaged is None or disadvantaged < 0:
        problems["disadvantaged"] = "negative"
    elif staff is not None and staff > 0 and disadvantaged > staff:
        problems["disadvantaged"] = "more_than_staff"
    return problems


def required_share_problem(share: float | None, legal_minimum: float) -> str | None:
    """None when a reserved clause's required share (0..1) is lawful: at least the minimum, at most all."""
    if share is None or share > 1:
        return "share_range"
    if share < legal_minimum:
        return "below_legal_share"
    return None


@dataclass(frozen=True)
class SizeSuggestion:
    """A suggested obligation and how it was reached (rule 4)."""

    labour_cost: Decimal
    euros_per_unit: Decimal
    quantity: int


def suggest_size(value: Decimal | None, labour_share: Decimal | None,
                 euros_per_unit: Decimal | None) -> SizeSuggestion | None:
    """The obligation the buyer's rule suggests for a contract, or None when it cannot say."""
    if value is None or labour_share is None or not euros_per_unit or euros_per_unit <= 0:
        return None
    try:
        labour_cost = (Decimal(value) * Decimal(labour_share)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        units = (labour_cost / Decimal(euros_per_unit)).quantize(Decimal("1"), ROUND_HALF_UP)
    except InvalidOperation:
        return None
    if units <= 0:
        return None
    return SizeSuggestion(labour_cost, Decimal(euros_per_unit), int(units))


def notice_year_problem(number: str, today: date, first_year: int) -> str | None:
    """notice_year when a notice number's year (its first four digits) is before `first_year` or after next
    year: a notice cannot be published later than that, and 2099 is a typing slip, not a notice."""
    year = int(number[:4])
    return "notice_year" if not first_year <= year <= today.year + 1 else None


def parse_notice_number(text: str, pattern: str) -> str:
    """A Hilma notice number in its published form (spaces and a leading "HILMA" dropped); ValueError if not."""
    compact = re.sub(r"\s+", "", text or "")
    compact = re.sub(r"^hilma:?", "", compact, flags=re.IGNORECASE)
    if not re.match(pattern, compact):
        raise ValueError("notice_format")
    return compact


def award_quantity_problem(form: str, winner_plan: float | None, quantity: float | None) -> str | None:
    """``quantity_is_plan`` when an award clause with a winner is given another target (rule 5), else None."""
    if form != "award" or winner_plan is None or quantity is None:
        return None
    return None if quantity == winner_plan else "quantity_is_plan"


def winner_change_problem(current_winner: int | None, new_winner: int, delivered_or_reported: bool) -> str | None:
    """``winner_locked`` when another winner would replace one the ledger or a report already rests on (rule 5)."""
    if current_winner is None or current_winner == new_winner:
        return None
    return "winner_locked" if delivered_or_reported else None

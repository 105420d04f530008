"""Figures in guidance text as placeholders filled from the rules in force on the reader's date.

A placeholder names a rule by what it is, not by its dated id, so the text
follows the rules as they change: ``{{ rule:KIND[/SITUATION][@MUNICIPALITY]:FIGURE[|percent] }}``,
e.g. ``{{ rule:wage_subsidy/reduced_work_ability:monthly_cap_eur }}`` or
``{{ rule:municipal_top_up@091:max_monthly_eur }}``; ``|percent`` shows a
share (0.65) as a percentage (65). A placeholder that names no rule of the
data, or a figure no rule of that name carries, raises PlaceholderError (a
test reads every article through ``check``); one whose rule is not in force
on the date is filled with the caller's ``missing`` text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from portal.domain.rules import Rule, RuleSet

PLACEHOLDER = re.compile(r"\{\{\s*rule:([a-z_]+)(?:/([a-z_]+))?(?:@(\d{3}))?:([a-z_0-9]+)(\|percent)?\s*\}\}")


class PlaceholderError(ValueError):
    """A placeholder that names a missing rule or figure, or text that looks like a broken placeholder."""


@dataclass(frozen=True)
class Reference:
    """What one placeholder asks for."""

    kind: str
    situation: str | None
    municipality: str | None
    figure: str
    percent: bool

    def candidates(self, rules: RuleSet) -> list[Rule]:
        """Every rule, of any period, that this placeholder could name."""
        return [r for r in rules if r.kind == self.kind and r.situation == self.situation
                and r.municipality == self.municipality and r.employment_area is None]


def references(text: str) -> list[Reference]:
    """The placeholders of a text; text with '{{' that is no placeholder raises."""
    found = [Reference(m[1], m[2], m[3], m[4], bool(m[5])) for m in PLACEHOLDER.finditer(text)]
    if "{{" in PLACEHOLDER.sub("", text) or "}}" in PLACEHOLDER.sub("", text):
        raise PlaceholderError(f"not a placeholder: {text!r}")
    return found


def check(text: str, rules: RuleSet) -> None:
    """Raise when a placeholder names a rule the data lacks, or a figure none of those rules carries."""
    for ref in references(text):
        rules_named = ref.candidates(rules)
        if not rules_named:
            raise PlaceholderError(f"no rule {ref.kind}/{ref.situation}@{ref.municipality} in the rules data")
        if not any(rule.get(ref.figure) is not None for rule in rules_named):
            raise PlaceholderError(f"no rule {ref.kind}/{ref.situation} has the figure {ref.figure!r}")


def fill(text: str, rules: RuleSet, day: date, number: Callable[[Any], str], missing: str) -> str:
    """The text with each placeholder replaced by the figure in force on the date, formatted by ``number``."""
    check(text, rules)

    def value(match: re.Match[str]) -> str:
        ref = Reference(match[1], match[2], match[3], match[4], bool(match[5]))
        rule = rules.in_force(ref.kind, day, situation=ref.situation, municipality=ref.municipality)
        figure = rule.get(ref.figure) if rule else None
        if figure is None or isinstance(figure, bool) or not isinstance(figure, (int, float)):
            return missing
        return number(Decimal(str(figure)) * 100 if ref.percent else figure)

    return PLACEHOLDER.sub(value, text)

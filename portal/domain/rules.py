"""Legal figures as data: load the YAML files of ``seeds/rules/``, validate them, pick the rule in force.

A rule file holds ``rules:``, a list of rules, each with ``id``, ``kind``,
optional ``situation``/``employer_kind``, where it applies (none: the whole
country; ``employment_area``: an employment area by its name; ``municipality``:
a municipality by its Statistics Finland code), ``effective_from``,
``effective_to`` (inclusive; empty means until further notice), optional
``confirmed_until``, ``source`` (an https URL) and optional ``sources``,
``confidence`` (A, B or open), ``verified`` (true only with ``verified_on``
and ``verified_by``), ``note``, and its figures as further keys. Every file has this one form. A rule whose
``confidence`` is ``open`` may lack the figures of its kind: the portal
names it and its conditions but cannot estimate it.

Validation refuses: a missing field, a source that is not an https URL, a
figure of the wrong type or range for its kind, ``effective_to`` before
``effective_from``, two rules with one id, and two rules of the same kind,
situation, place and employer kind whose periods overlap (the portal must
always know which rule is in force on a date).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from portal.domain.rule_checks import (
    CONFIDENCE,
    RulesError,
    check_figures,
    municipality_code,
    optional_date,
    optional_text,
    required_date,
    url,
)

_META = {"id", "kind", "situation", "employment_area", "municipality", "employer_kind", "effective_from",
         "effective_to",
         "confirmed_until", "source", "sources", "confidence", "verified", "verified_on",
         "verified_by", "note"}
# kind, situation, employment area, municipality, employer kind
RuleKey = tuple[str, str | None, str | None, str | None, str | None]


@dataclass(frozen=True)
class Rule:
    """One legal figure set, in force for a period."""

    id: str
    kind: str
    effective_from: date
    effective_to: date | None
    source: str
    verified: bool
    situation: str | None = None
    employment_area: str | None = None
    municipality: str | None = None
    employer_kind: str | None = None
    confirmed_until: date | None = None
    sources: tuple[str, ...] = ()
    confidence: str | None = None
    verified_on: date | None = None
    note: str = ""
    figures: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    file: str = ""

    def in_force(self, day: date) -> bool:
        """Whether the rule applies on this date."""
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def confirmed_on(self, day: date) -> bool:
        """Whether a source confirmed the figure for this date (no confirmed_until: the whole period)."""
        return self.confirmed_until is None or day <= self.confirmed_until

    def __getitem__(self, key: str) -> Any:
        return self.figures[key]

    def get(self, key: str, default: Any = None) -> Any:
        """A figure, or the default when the rule has none."""
        return self.figures.get(key, default)

    @property
    def key(self) -> RuleKey:
        """What two rules must not share in overlapping periods."""
        return (self.kind, self.situation, self.employment_area, self.municipality, self.employer_kind)

    @property
    def national(self) -> bool:
        """Whether the rule applies to the whole country rather than one area or municipality."""
        return self.employment_area is None and self.municipality is None

    @property
    def all_sources(self) -> tuple[str, ...]:
        """The main source followed by the others."""
        return (self.source,) + tuple(s for s in self.sources if s != self.source)


@dataclass(frozen=True)
class RuleSet:
    """Every rule, with look-ups by kind, situation and date."""

    rules: tuple[Rule, ...]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def by_id(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError when none)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def of_kind(self, kind: str) -> list[Rule]:
        """The rules of a kind, oldest period first."""
        return sorted((r for r in self.rules if r.kind == kind), key=lambda r: (str(r.situation), r.effective_from))

    def in_force(self, kind: str, day: date, situation: str | None = None, employer_kind: str | None = None,
                 employment_area: str | None = None, municipality: str | None = None) -> Rule | None:
        """The rule of this kind (and situation, employer kind, place) in force on the date, or None."""
        wanted = (kind, situation, employment_area, municipality, employer_kind)
        for rule in self.rules:
            if rule.key == wanted and rule.in_force(day):
                return rule
        return None

    def local(self, day: date, employment_area: str | None, municipality: str | None) -> list[Rule]:
        """The rules in force on the date for this employment area or this municipality, area first."""
        found = [r for r in self.rules if r.in_force(day) and (
            (employment_area is not None and r.employment_area == employment_area)
            or (municipality is not None and r.municipality == municipality))]
        return sorted(found, key=lambda r: (r.municipality is not None, r.kind, str(r.situation)))

    def situations(self, kind: str) -> list[str]:
        """The distinct situations of a kind, in file order."""
        seen: dict[str, None] = {}
        for rule in self.rules:
            if rule.kind == kind and rule.situation:
                seen.setdefault(rule.situation, None)
        return list(seen)


def parse_rule(raw: dict[str, Any], file: str = "") -> Rule:
    """One validated Rule from its YAML mapping."""
    if not isinstance(raw, dict):
        raise RulesError(f"{file}: a rule must be a mapping, not {raw!r}")
    where = f"{file}: rule {raw.get('id') or '?'}"
    for name in ("id", "kind"):
        if not raw.get(name) or not isinstance(raw[name], str):
            raise RulesError(f"{where}: '{name}' is missing")
    if "verified" not in raw or not isinstance(raw["verified"], bool):
        raise RulesError(f"{where}: 'verified' must be true or false")
    if raw["verified"] and not (raw.get("verified_on") and raw.get("verified_by")):
        raise RulesError(f"{where}: a verified rule needs 'verified_on' and 'verified_by'")
    if raw.get("confidence") is not None and raw["confidence"] not in CONFIDENCE:
        raise RulesError(f"{where}: confidence must be one of {CONFIDENCE}")
    start = required_date(raw.get("effective_from"), where, "effective_from")
    end = optional_date(raw.get("effective_to"), where, "effective_to")
    if end is not None and end < start:
        raise RulesError(f"{where}: effective_to {end} is before effective_from {start}")
    confirmed = optional_date(raw.get("confirmed_until"), where, "confirmed_until")
    if confirmed is not None and (confirmed < start or (end is not None and confirmed > end)):
        raise RulesError(f"{where}: confirmed_until {confirmed} is outside the rule's period")
    sources = tuple(url(s, where) for s in raw.get("sources") or ())
    figures = {k: v for k, v in raw.items() if k not in _META}
    situation = raw.get("situation") or None
    check_figures(raw["kind"], situation, figures, where, raw.get("confidence") == "open")
    return Rule(id=raw["id"], kind=raw["kind"], situation=situation,
                employment_area=optional_text(raw.get("employment_area")), municipality=municipality_code(raw, where),
                employer_kind=raw.get("employer_kind") or None, effective_from=start, effective_to=end,
                confirmed_until=confirmed, source=url(raw.get("source"), where), sources=sources,
                confidence=raw.get("confidence"), verified=raw["verified"],
                verified_on=optional_date(raw.get("verified_on"), where, "verified_on"),
                note=str(raw.get("note") or "").strip(), figures=MappingProxyType(figures), file=file)


def parse_documents(documents: Iterable[tuple[str, dict[str, Any]]]) -> RuleSet:
    """Validate (file name, parsed YAML) pairs into a RuleSet; overlapping periods are refused."""
    rules: list[Rule] = []
    for file, doc in documents:
        if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list) or not doc["rules"]:
            raise RulesError(f"{file}: needs a 'rules' list")
        rules += [parse_rule(raw, file) for raw in doc["rules"]]
    _check_unique_and_disjoint(rules)
    return RuleSet(tuple(rules))


def _check_unique_and_disjoint(rules: list[Rule]) -> None:
    ids: set[str] = set()
    for rule in rules:
        if rule.id in ids:
            raise RulesError(f"{rule.file}: rule id {rule.id} is used twice")
        ids.add(rule.id)
    by_key: dict[RuleKey, list[Rule]] = {}
    for rule in rules:
        by_key.setdefault(rule.key, []).append(rule)
    for group in by_key.values():
        group.sort(key=lambda r: r.effective_from)
        for before, after in pairwise(group):
            if before.effective_to is None or before.effective_to >= after.effective_from:
                raise RulesError(f"{after.file}: rules {before.id} and {after.id} have overlapping periods")


def load_rules(directory: Path) -> RuleSet:
    """Read and validate every ``*.yaml`` file of a directory."""
    docs = [(path.name, yaml.safe_load(path.read_text("utf-8"))) for path in sorted(directory.glob("*.yaml"))]
    return parse_documents(docs)

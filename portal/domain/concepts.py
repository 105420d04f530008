"""Occupations and skills as concepts: labels in fi, sv and en, and the rules that read them.

An occupation is a group of Statistics Finland's Classification of Occupations 2010 (ISCO-08 codes):
major (1 digit), sub-major (2), minor (3) and unit groups (4). Each code's parent is the code without
its last digit, so two unit groups are related when they share their minor group (first three digits).
A skill is a portal concept; a language skill names the ISO 639 codes that satisfy it. Labels sort as
the reader's language does (`portal.domain.collation`). Pure: no Flask, no database; `portal.reference.concepts`
reads the seed files into these dataclasses.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

LANGS = ("fi", "sv", "en")
UNIT_LEVEL = 4
MINOR_LEVEL = 3

Relation = Literal["exact", "same_minor_group", "unrelated"]


class ConceptError(ValueError):
    """A concept or a code that does not follow the rules."""


@dataclass(frozen=True)
class Concept:
    """One occupation group or skill: preferred label per language, alternative labels, provenance."""

    scheme: str                                  # "occupations" or "skills"
    code: str
    labels: Mapping[str, str]                    # language -> preferred label
    alt: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # language -> alternative labels
    source: str = ""                             # where the preferred labels come from
    alt_source: str = ""                         # where the alternative labels come from ("portal")
    level: int | None = None                     # occupations: 1-4
    parent: str | None = None                    # occupations: the next level up
    group: str | None = None                     # skills: a coarse group (card, language, kitchen, ...)
    languages: frozenset[str] = frozenset()      # language skills: any of these codes satisfies it
    implies: tuple[str, ...] = ()                # skills included in this one (EA 2 includes EA 1)
    verified: bool = True                        # occupations: the source's own `verified` flag

    def label(self, lang: str) -> str:
        """The preferred label in a language, Finnish when that one is missing."""
        return self.labels.get(lang) or self.labels["fi"]

    def all_labels(self, lang: str | None = None) -> tuple[str, ...]:
        """Preferred and alternative labels, of one language or of all three, without repeats."""
        langs = LANGS if lang is None else (lang,)
        out: list[str] = []
        for code in langs:
            out.append(self.labels.get(code, ""))
            out.extend(self.alt.get(code, ()))
        return tuple(dict.fromkeys(x for x in out if x))

    def title(self, lang: str) -> str:
        """A common job title or short name to show: the first alternative label, else the preferred one."""
        alts = self.alt.get(lang) or ()
        return alts[0][:1].upper() + alts[0][1:] if alts else self.label(lang)


def check(concept: Concept) -> None:
    """Refuse a concept without a preferred label in each language or with an empty alternative label."""
    missing = [lang for lang in LANGS if not (concept.labels.get(lang) or "").strip()]
    if missing:
        raise ConceptError(f"{concept.scheme} {concept.code}: no preferred label in {missing}")
    for lang, alts in concept.alt.items():
        if lang not in LANGS or any(not (a or "").strip() for a in alts):
            raise ConceptError(f"{concept.scheme} {concept.code}: empty or unknown alternative label ({lang})")
    if concept.scheme == "occupations":
        if not concept.code.isdigit() or concept.level != len(concept.code):
            raise ConceptError(f"occupation {concept.code}: the level must be the code's length")
        if (concept.parent or None) != (concept.code[:-1] or None):
            raise ConceptError(f"occupation {concept.code}: the parent must be the code without its last digit")


def minor_group(code: str) -> str:
    """The minor group (3 digits) of a unit group code; refuses anything but a 4-digit code."""
    if len(code) != UNIT_LEVEL or not code.isdigit():
        raise ConceptError(f"not a unit group code: {code!r}")
    return code[:MINOR_LEVEL]


def occupation_relation(a: str, b: str) -> Relation:
    """How two unit groups relate: the same group, the same minor group (related work), or unrelated."""
    if minor_group(a) == minor_group(b):
        return "exact" if a == b else "same_minor_group"
    return "unrelated"


def same_major_group(a: str, b: str) -> bool:
    """Whether two unit groups share the major group (ISCO's first digit: work of the same skill level)."""
    return minor_group(a)[0] == minor_group(b)[0]


def language_satisfied(concept: Concept, spoken: Iterable[str]) -> bool:
    """Whether a person who speaks these ISO 639 codes (mother tongue included) has a language skill."""
    if not concept.languages:
        raise ConceptError(f"{concept.code} is not a language skill")
    return bool(concept.languages & {code.strip().lower() for code in spoken})


def implied(concepts: Mapping[str, Concept], codes: Iterable[str]) -> frozenset[str]:
    """The skill codes a person has, counting what each of their skills includes (transitively)."""
    seen: set[str] = set()
    todo = [c for c in codes if c]
    while todo:
        code = todo.pop()
        if code not in seen:
            seen.add(code)
            todo.extend(concepts[code].implies if code in concepts else ())
    return frozenset(seen)

"""The concept side of matching: profiles' texts analysed into concepts, and the rules that compare them.

Pure and typed; ``portal.domain.matching`` states the scoring rule these serve. The analysis reads the
typed text as it was typed (accents kept, for the stemmers) and is done once per text: services analyse a
role when its profile is built (kept with the open roles) and a candidate when they are read.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from portal.domain.concept_text import ConceptIndex, TermIndex, held_skills, words_answer
from portal.domain.concepts import Relation, occupation_relation, same_major_group
from portal.domain.text import terms

Codes = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Concepts:
    """The occupation and skill concepts that typed text is mapped to."""

    occupations: ConceptIndex
    skills: ConceptIndex

    def language_skills(self) -> dict[str, frozenset[str]]:
        """Skill code -> the languages that satisfy it, for the language skills."""
        return {code: c.languages for code, c in self.skills.concepts.items() if c.languages}

    def candidate(self, desired: Sequence[str], skills: Sequence[str], chosen: Iterable[str],
                  spoken: Iterable[str]) -> tuple[Codes, Codes, frozenset[str]]:
        """(occupations per desired text, skills per skill text, every skill held) of a candidate's texts as typed."""
        desired_codes = tuple(self.occupations.codes(t) for t in desired)
        skill_codes = tuple(self.skills.codes(t) for t in skills)
        named = {c for codes in skill_codes for c in codes} | set(chosen)
        return desired_codes, skill_codes, held_skills(self.skills.concepts, named, spoken)

    def role(self, occupation_code: str | None, title: str, essential: Sequence[str],
             negotiable: Sequence[str]) -> tuple[frozenset[str], Codes, Codes]:
        """(occupations, codes per essential skill, codes per negotiable skill) of a role's texts as typed.

        The occupation the employer chose is the role's occupation; without one, those its title names.
        """
        if occupation_code and occupation_code in self.occupations.concepts:
            occupations = frozenset({occupation_code})
        else:
            occupations = self.occupations.codes(title)
        return (occupations, tuple(self.skills.codes(t) for t in essential),
                tuple(self.skills.codes(t) for t in negotiable))


def closest_occupation(desired: Sequence[str], desired_codes: Codes,
                       role_codes: frozenset[str]) -> tuple[Relation, str, str, str] | None:
    """(relation, role's code, candidate's code, desired text) of the closest relation; None when unrelated."""
    best: tuple[Relation, str, str, str] | None = None
    for wish, codes in zip(desired, desired_codes, strict=False):
        for mine in sorted(codes):
            for theirs in sorted(role_codes):
                relation = occupation_relation(mine, theirs)
                if relation == "exact":
                    return relation, theirs, mine, wish
                if relation == "same_minor_group" and best is None:
                    best = (relation, theirs, mine, wish)
    return best


def all_met_near(desired_codes: Codes, role_codes: frozenset[str], met: Sequence[bool]) -> bool:
    """Every essential skill (one at least) met, for work in a major group the candidate desires (the floor)."""
    if not met or not all(met):
        return False
    return any(same_major_group(mine, theirs) for codes in desired_codes for mine in codes for theirs in role_codes)


def meets(text: str, codes: frozenset[str], skills: Sequence[str], skill_codes: Codes, held: frozenset[str],
          spoken: frozenset[str], language_skills: Mapping[str, frozenset[str]]) -> tuple[str, str | None, str | None]:
    """(how, the candidate's text, concept or language) for one skill the role asks for; how "" is not met."""
    if codes:
        met = codes & held
        if not met:
            return "", None, None
        for said, named in zip(skills, skill_codes, strict=False):
            if named & met:
                return "concept", said, min(named & met)
        for code in sorted(met):
            languages = sorted(language_skills.get(code, frozenset()) & spoken)
            if languages:
                return "language", None, languages[0]
        return "concept", None, min(met)  # included in another skill of the candidate
    found = words_meet(text, skills)
    return ("words", found, None) if found is not None else ("", None, None)


def words_meet(text: str, candidate_texts: Sequence[str]) -> str | None:
    """The first of the candidate's texts that answers every word of `text` (None: none does)."""
    asked = terms(text)
    if not asked:
        return None
    given = [terms(t) for t in candidate_texts]
    index = TermIndex((w for ws in given for w in ws), indexed_are_parts=False)
    for said, words in zip(candidate_texts, given, strict=True):
        if words_answer(asked, index, words):
            return said
    return None

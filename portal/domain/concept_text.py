"""Typed text mapped to concepts (occupations, skills) whole word by whole word, and texts compared word by word.

The words of a text are stemmed in each of fi, sv and en (``portal.domain.text.stem``: Snowball); a concept's
label in a language is stemmed in that language. A label matches a text when every word of the label is
answered by a word of the text in the label's language (``TermIndex.answers``):

- the same stem; else the compound parts below; else the same whole word with a typo (one edit in a word
  of ``text.MIN_STEM`` to 9 letters, two in a longer one) -- the closest kind of answer wins;
- a compound: the label's word is the first or last part of the typed compound, when that part is at least
  ``text.MIN_COMPOUND_PART`` letters and half the typed word ("laitossiivooja" is a "siivooja"), or the
  typed word is the first half or more of the label's word ("kirjastotyö" names "kirjastotyöntekijä"); a
  typed word is never the last part of a longer label, which would be more specific than what was typed
  ("siivous" does not name "kotisiivous");
- never a piece inside a longer word ("kokki" is not in "työkokeilu").

Texts compared word by word (a role's skill that names no concept, against the candidate's texts) use the
other direction: every word the role asks for must be a word of the candidate's text, with a typo, or the
first or last part of the candidate's longer word (a "siivous" asked is answered by "kotisiivous" held).

Of the concepts whose labels match, those whose matched words are a strict subset of another match's are
dropped: "ensiapu EA 1" names the EA 1 course, not first aid in general.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from math import ceil

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from portal.domain import text
from portal.domain.concepts import LANGS, UNIT_LEVEL, Concept

LONG_WORD = 10  # words this long or longer may have two typos, shorter ones one
Words = tuple[tuple[int, str], ...]  # (position of the word in the text, its stem)


def stems(value: str, lang: str) -> Words:
    """The stems of a text's words in one language, with the position of each word.

    Unlike role search, one-letter words and digits are kept: "B" in "B-ajokortti" and "1" in "EA 1" tell
    concepts apart.
    """
    found = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", (value or "").casefold()))
    kept = [w for w in found if text.fold(w) not in text.STOPWORDS]
    return tuple((i, text.stem(word, lang)) for i, word in enumerate(kept))


class TermIndex:
    """Stems that typed words are looked up in: exact, typo-tolerant as whole words, and as compound parts."""

    def __init__(self, terms: Iterable[str], indexed_are_parts: bool = True):
        self.terms = sorted(set(terms))
        self.known = frozenset(self.terms)
        # True: an indexed term may be a part of the looked-up compound (concept labels);
        # False: the looked-up word may be a part of a longer indexed term (a candidate's words).
        self.indexed_are_parts = indexed_are_parts
        self.parts: dict[str, set[str]] = {}  # first or last letters of a longer term -> those terms
        for term in self.terms:
            for k in range(max(text.MIN_STEM, ceil(len(term) / 2)), len(term)):
                self.parts.setdefault(term[:k], set()).add(term)
                if not indexed_are_parts:
                    self.parts.setdefault(term[-k:], set()).add(term)
        self._cache: dict[str, frozenset[str]] = {}

    def answers(self, word: str) -> frozenset[str]:
        """The indexed terms that answer a stem (see the module docstring)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        # Concept labels: the closest kind of answer wins (the word itself, else compound parts, else one typo,
        # else two). Words compared with a candidate's: every kind counts, so that the answer to a word does
        # not depend on what else is indexed.
        closest = self.indexed_are_parts
        hits = {word} & self.known
        if not (hits and closest) and len(word) >= text.MIN_STEM:
            hits |= self.parts.get(word, set())
            if self.indexed_are_parts:
                for k in range(max(text.MIN_COMPOUND_PART, ceil(len(word) / 2)), len(word)):
                    hits |= {word[:k], word[-k:]} & self.known
            for edits in range(1, (2 if len(word) >= LONG_WORD else 1) + 1):
                if hits and closest:
                    break
                hits |= {t for t, _s, _i in process.extract(word, self.terms, scorer=Levenshtein.distance, limit=None,
                                                              score_cutoff=edits) if len(t) >= text.MIN_STEM}
        found = self._cache[word] = frozenset(hits)
        return found


def words_answer(asked: Iterable[str], index: TermIndex, given: Iterable[str]) -> bool:
    """Whether every asked stem is answered, within `index`, by one of the given stems."""
    have = frozenset(given)
    return all(index.answers(word) & have for word in asked)


class ConceptIndex:
    """The labels of one scheme's concepts (occupations: unit groups only), to map typed text to concept codes."""

    def __init__(self, concepts: Mapping[str, Concept]):
        self.concepts = {code: c for code, c in concepts.items() if c.scheme != "occupations" or c.level == UNIT_LEVEL}
        self.labels: dict[str, list[tuple[str, tuple[str, ...]]]] = {lang: [] for lang in LANGS}
        self.by_term: dict[str, dict[str, list[int]]] = {lang: {} for lang in LANGS}
        for code, concept in self.concepts.items():
            for lang in LANGS:
                for label in concept.all_labels(lang):
                    terms = tuple(dict.fromkeys(s for _i, s in stems(label, lang)))
                    if terms:
                        for term in terms:
                            self.by_term[lang].setdefault(term, []).append(len(self.labels[lang]))
                        self.labels[lang].append((code, terms))
        self.index = {lang: TermIndex(self.by_term[lang]) for lang in LANGS}
        self._cache: dict[str, frozenset[str]] = {}

    def codes(self, value: str) -> frozenset[str]:
        """The concepts a typed text names (none when no label matches)."""
        found = self._cache.get(value)
        if found is not None:
            return found
        covered: dict[str, frozenset[int]] = {}
        for lang in LANGS:
            words = stems(value, lang)
            answered: dict[str, set[int]] = {}  # label term -> positions of the text's words that answer it
            for position, stem in words:
                for term in self.index[lang].answers(stem):
                    answered.setdefault(term, set()).add(position)
            for label in {i for term in answered for i in self.by_term[lang][term]}:
                code, terms = self.labels[lang][label]
                if all(t in answered for t in terms):
                    where = frozenset(p for t in terms for p in answered[t])
                    if len(where) > len(covered.get(code, ())):
                        covered[code] = where
        # A match inside a wider one, or one that another match includes (EA 1 includes first aid), is
        # not what the text names.
        found = frozenset(code for code, where in covered.items()
                          if not any(where < other for other in covered.values()))
        implied = {i for code in found for i in self.concepts[code].implies}
        found = found - implied
        self._cache[value] = found
        return found


def held_skills(skills: Mapping[str, Concept], codes: Iterable[str], spoken: Iterable[str]) -> frozenset[str]:
    """The skill concepts a person has: those named, what they include, and the language skills they speak."""
    seen: set[str] = set()
    todo = list(codes)
    while todo:
        code = todo.pop()
        if code not in seen:
            seen.add(code)
            todo.extend(skills[code].implies if code in skills else ())
    languages = frozenset(spoken)
    seen |= {code for code, c in skills.items() if c.languages & languages}
    return frozenset(seen)

"""Typed text mapped to concepts (occupations, skills) whole word by whole word, and texts compared word by word.

The words of a text are stemmed in each of fi, sv and en (``portal.domain.text.stem``: Snowball); a concept's
label in a language is stemmed in that language. A label matches a text when every word of the label is
answered by a word of the text in the label's language -- a typed word answers a label word only:

- as the same whole word: the same stem, else the same word with a typo (``text.typo_distance``: one edit
  in a word of ``text.MIN_STEM`` to 9 letters, two in a longer one, never against a word of another
  length class) -- the closest kind of answer wins ("keitiöapulainen" is "keittiöapulainen");
- or as a compound whose head (last part, at least ``text.MIN_COMPOUND_PART`` letters) is the label's
  word, when the compound's modifier (the rest) answers another word of the same label
  (``text.modifier_answers``): "kassatyöntekijä" answers "kassan työntekijä" but not "kiinteistöhuollon
  työntekijä" -- a head alone ("työntekijä", "apulainen") says too little of the work.

A compound whose head is a generic head (``ConceptIndex``'s ``generic_heads``: tasks, work, know-how,
experience, a worker of it; seeds/concepts/generic_heads.yaml) is also read as its modifier (at least
``text.MIN_STEM`` letters) typed as a whole word: "siivoustehtävät" names cleaning, "kassatyöntekijä" cashier
work, "lagerarbete" warehouse work -- never what the generic head names alone.

Never as a piece of a longer word: not its first part ("siivous" does not name "siivousesimies"), not its
last part ("siivous" does not name "kotisiivous", more specific than what was typed), not inside it
("kokki" is not in "työkokeilu"). A common word that names a concept is one of its labels instead.

Texts compared word by word (a role's skill that names no concept, against the candidate's texts) use the
other direction: every word the role asks for must be a word of the candidate's text, with a typo, or the
first or last part of the candidate's longer word (a "siivous" asked is answered by "kotisiivous" held).

Of the concepts whose labels match, those whose matched words are a strict subset of another match's are
dropped: "ensiapu EA 1" names the EA 1 course, not first aid in general.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from math import ceil

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from portal.domain import text
from portal.domain.concepts import LANGS, UNIT_LEVEL, Concept

Words = tuple[tuple[int, str], ...]  # (position of the word in the text, its stem)


def stems(value: str, lang: str) -> Words:
    """The stems of a text's words in one language, with the position of each word.

    Unlike role search, one-letter words and digits are kept: "B" in "B-ajokortti" and "1" in "EA 1" tell
    concepts apart.
    """
    return tuple((i, text.stem(word, lang)) for i, word in enumerate(_kept(value)))


def _kept(value: str) -> list[str]:
    """The case-folded words of a text as typed, stopwords left out (one-letter words and digits kept)."""
    found = re.findall(r"[^\W_]+", text.normal(value))
    return [w for w in found if text.fold(w) not in text.STOPWORDS]


class TermIndex:
    """Stems that typed words are looked up in: exact, typo-tolerant as whole words, and as compound parts."""

    def __init__(self, terms: Iterable[str], indexed_are_parts: bool = True):
        self.terms = sorted(set(terms))
        self.known = frozenset(self.terms)
        # True: concept labels, answered as whole words or as the head of a typed compound (module docstring);
        # False: a candidate's words, of which the looked-up word may be the first or last part.
        self.indexed_are_parts = indexed_are_parts
        self.parts: dict[str, set[str]] = {}  # first or last letters of a longer term -> those terms
        if not indexed_are_parts:
            for term in self.terms:
                for k in range(max(text.MIN_STEM, ceil(len(term) / 2)), len(term)):
                    self.parts.setdefault(term[:k], set()).add(term)
                    self.parts.setdefault(term[-k:], set()).add(term)
        self._cache: dict[str, frozenset[str]] = {}
        self._heads: dict[str, tuple[tuple[str, str], ...]] = {}

    def answers(self, word: str) -> frozenset[str]:
        """The indexed terms that answer a stem as a whole word (see the module docstring)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        if self.indexed_are_parts:
            found = self.closest(word)[1]
        else:  # words compared with a candidate's: every kind counts, whatever else is indexed
            hits = {word} & self.known
            if len(word) >= text.MIN_STEM:
                hits |= self.parts.get(word, set())
                hits |= self._typos(word, text.typo_distance(word))
            found = frozenset(hits)
        self._cache[word] = found
        return found

    def closest(self, word: str) -> tuple[int, frozenset[str]]:
        """(edits, indexed whole words) of the closest whole-word answer: the word itself, else one typo, else two."""
        if word in self.known:
            return 0, frozenset({word})
        for edits in range(1, text.typo_distance(word) + 1):
            hits = self._typos(word, edits)
            if hits:
                return edits, frozenset(hits)
        return 0, frozenset()

    def _typos(self, word: str, edits: int) -> set[str]:
        """Indexed whole words within `edits` edits of the word, of its length class (not a short word)."""
        if not edits:
            return set()
        return {t for t, _s, _i in process.extract(word, self.terms, scorer=Levenshtein.distance, limit=None,
                                                   score_cutoff=edits)
                if len(t) >= text.MIN_STEM and text.typo_distance(t) >= edits}

    def heads(self, word: str) -> tuple[tuple[str, str], ...]:
        """(indexed term, modifier) for each indexed term that is the head (last part) of a typed compound."""
        found = self._heads.get(word)
        if found is None:
            found = self._heads[word] = tuple(
                (word[-k:], word[:-k]) for k in range(text.MIN_COMPOUND_PART, len(word) - text.MIN_TERM + 1)
                if word[-k:] in self.known)
        return found


def words_answer(asked: Iterable[str], index: TermIndex, given: Iterable[str]) -> bool:
    """Whether every asked stem is answered, within `index`, by one of the given stems."""
    have = frozenset(given)
    return all(index.answers(word) & have for word in asked)


class ConceptIndex:
    """The labels of one scheme's concepts (occupations: unit groups only), to map typed text to concept codes."""

    def __init__(self, concepts: Mapping[str, Concept], generic_heads: Mapping[str, Iterable[str]] | None = None):
        # Stems of the generic heads per language, longest first ("tyontekij" before "tyo").
        self.generic = text.generic_stems(generic_heads or {}, LANGS)
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
        kept = _kept(value)
        words = {lang: stems(value, lang) for lang in LANGS}
        # Per word, its readings: the word, and the modifier of a compound with a generic head.
        readings = {lang: [(stem, *text.generic_modifier(kept[i], stem, self.generic[lang], lang))
                           for i, (_p, stem) in enumerate(words[lang])] for lang in LANGS}
        # The closest kind of answer wins over the three languages and the readings too: a word that is a
        # label word as typed in one language is read neither as a typo of another language's word nor as a
        # compound (a generic head's modifier typed exactly beats a typo of the whole word).
        closest = {lang: [[self.index[lang].closest(r) for r in rs] for rs in readings[lang]] for lang in LANGS}
        fewest = [min((e for lang in LANGS for e, hits in closest[lang][i] if hits), default=None)
                  for i in range(len(words["fi"]))]
        whole = [min((closest[lang][i][0][0] for lang in LANGS if closest[lang][i][0][1]), default=None)
                 for i in range(len(words["fi"]))]
        for lang in LANGS:
            index = self.index[lang]
            answered: dict[str, set[int]] = {}  # label term -> positions of the text's words that answer it
            heads: dict[str, list[tuple[int, str]]] = {}  # label term -> (position, modifier) of typed compounds
            for i, (position, stem) in enumerate(words[lang]):
                for edits, hits in closest[lang][i]:
                    for term in hits if edits == fewest[i] else ():
                        answered.setdefault(term, set()).add(position)
                for term, modifier in index.heads(stem) if whole[i] != 0 else ():
                    heads.setdefault(term, []).append((position, modifier))
            for label in {i for term in (*answered, *heads) for i in self.by_term[lang][term]}:
                code, terms = self.labels[lang][label]
                where = _label_answered(terms, answered, heads)
                if where is not None and len(where) > len(covered.get(code, ())):
                    covered[code] = where
        # A match inside a wider one, or one that another match includes (EA 1 includes first aid), is
        # not what the text names.
        found = frozenset(code for code, where in covered.items()
                          if not any(where < other for other in covered.values()))
        implied = {i for code in found for i in self.concepts[code].implies}
        found = found - implied
        self._cache[value] = found
        return found


def _label_answered(terms: tuple[str, ...], answered: Mapping[str, set[int]],
                    heads: Mapping[str, list[tuple[int, str]]]) -> frozenset[int] | None:
    """The positions of the typed words that answer every word of a label; None when one is not answered.

    A label word not answered whole is answered by a typed compound whose head it is, when the compound's
    modifier answers another word of the label (that word is then answered too).
    """
    where: set[int] = set()
    pending = []
    for term in terms:
        if term in answered:
            where |= answered[term]
        else:
            pending.append(term)
    for term in list(pending):
        if term not in pending:
            continue  # answered already as another compound's modifier
        for position, modifier in heads.get(term, ()):
            named = [other for other in terms if other != term and text.modifier_answers(modifier, other)]
            if named:
                where.add(position)
                pending = [t for t in pending if t != term and t not in named]
                break
    return frozenset(where) if not pending else None


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

"""Role search's words: what answers each typed word in the search vocabulary, and how documents rank.

A query is the distinct stems of the typed text (``text.terms``), at most ``MAX_QUERY_TERMS``. Each
query word is answered by indexed terms (``lookup``):

- alone: alike as whole words (rapidfuzz's ratio forgives a typo or two: "siivojaa" meets "siivoo"), or
  the query word, of at least ``text.MIN_COMPOUND_PART`` letters, is exactly the first or the last part
  of a longer indexed term ("siivoo" meets "toimistosiivoo": that role is a cleaner's; "varasto" the
  beginning of "varastotyo") -- a typo is forgiven only whole word against whole word, within
  ``text.typo_distance`` edits ("kokkki" is neither the beginning of "kokkola" nor "kokkola");
- a query word whose stem ends with a generic head (``text.generic_modifier``, the concept analysis's
  rule and heads) is also read as its modifier alone ("siivoustehtävät" as "siivous"), and never as that
  head in a compound (``modifiers`` of ``lookup``);
- as a compound: the query word's head (its last part, an indexed term of at least
  ``text.MIN_COMPOUND_PART`` letters) answers only in a document that also holds an answer to the
  modifier, the rest of the word (``text.modifier_answers``, or the modifier's stem answering alone):
  "kassatyöntekijä" meets a role with "kassa" and "työntekijä", never one with "työntekijä" alone; the
  score is scaled down by how much of the word the head covers (``COMPOUND_BASE`` + the rest in
  proportion), so whole matches rank first;
- never a piece inside a longer word ("kokki" is not answered by "työkokeilu"); query words shorter
  than ``text.MIN_STEM`` letters only exactly.

Ranking (``rank``; portal/jobs/search.py does the same in SQL): a query word that no indexed term
answers is unknown and left out (the page says which). A document is found when it answers at least
one known word; its score is the sum of the best answer to each known word over their number, so a
document that answers more words ranks first (each answer is at least ``SCORE_CUTOFF``), then the
closer answers.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from portal.domain import text

SCORE_CUTOFF = 80
MAX_QUERY_TERMS = 8
COMPOUND_BASE = 0.85
MIN_MODIFIER = 3


@dataclass(frozen=True)
class Compound:
    """A query word read as modifier + head: both must be answered in the same document."""

    head: str
    score: float
    modifier: Mapping[str, float]


@dataclass(frozen=True)
class Answers:
    """What answers one query word: indexed terms alone, or compounds (head and modifier together)."""

    alone: Mapping[str, float] = field(default_factory=dict)
    compounds: tuple[Compound, ...] = ()

    @property
    def known(self) -> bool:
        """Whether any indexed term answers the word."""
        return bool(self.alone) or bool(self.compounds)

    def terms(self) -> set[str]:
        """Every indexed term that takes part in an answer."""
        return set(self.alone) | {t for c in self.compounds for t in (c.head, *c.modifier)}

    def score(self, held: Iterable[str]) -> float:
        """The best answer a document holding these terms gives the word (0: none)."""
        have = set(held)
        best = max((s for t, s in self.alone.items() if t in have), default=0.0)
        for c in self.compounds:
            modifier = max((s for t, s in c.modifier.items() if t in have), default=0.0)
            if c.head in have and modifier:
                best = max(best, min(c.score, modifier))
        return best


def _ends(word: str, length: int) -> tuple[str, str]:
    """The first and the last `length` letters of a word: where a compound's parts are."""
    return word[:length], word[-length:]


def term_score(query_term: str, term: str) -> float:
    """How well an indexed term answers a query word alone, 0-100 (see the module docstring)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    q = query_term
    score = 100.0 * (q == term)
    if Levenshtein.distance(q, term) <= text.typo_distance(q):
        score = fuzz.ratio(q, term)
    if len(q) >= text.MIN_COMPOUND_PART and len(term) > len(q) and q in _ends(term, len(q)):
        score = 100.0
    return score


def _alone(q: str, vocabulary: list[str], lengths: np.ndarray, cutoff: float) -> dict[str, float]:
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    if len(q) < text.MIN_STEM or not vocabulary:
        return {q: 100.0} if q in vocabulary else {}
    scores = process.cdist([q], vocabulary, scorer=fuzz.ratio, workers=-1)[0]
    # A typo is forgiven within the length thresholds of the concept analysis (text.typo_distance).
    edits = process.cdist([q], vocabulary, scorer=Levenshtein.distance, workers=-1)[0]
    scores[edits > text.typo_distance(q)] = 0.0
    if len(q) >= text.MIN_COMPOUND_PART:  # a part of a compound: exactly, never with a typo
        for i in np.nonzero(lengths > len(q))[0]:
            if q in _ends(vocabulary[i], len(q)):
                scores[i] = 100.0
    return {vocabulary[i]: float(scores[i]) for i in np.nonzero(scores >= cutoff)[0]}


def _compounds(q: str, vocabulary: list[str], known: frozenset[str], lengths: np.ndarray,
               cutoff: float) -> tuple[Compound, ...]:
    found = []
    for k in range(text.MIN_COMPOUND_PART, len(q) - MIN_MODIFIER + 1):
        head, modifier = q[-k:], q[:-k]
        if head not in known:
            continue
        answers = {t: 100.0 for t in vocabulary if text.modifier_answers(modifier, t)}
        for t, s in _alone(text.stem(modifier), vocabulary, lengths, cutoff).items():
            answers[t] = max(answers.get(t, 0.0), s)
        if answers:
            found.append(Compound(head, round(100.0 * (COMPOUND_BASE + (1 - COMPOUND_BASE) * k / len(q)), 2),
                                  answers))
    return tuple(found)


def readings(value: str, generic: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Query stem -> its other readings: the word as typed (folded), and a generic head's modifier.

    The stemmer may change a word's letters ("keittiö" -> "keitio"), so the word as typed is read too: it
    is exactly the first part of "keittioapulain". A word whose stem ends with a generic head is read as
    its modifier (``text.generic_modifier``); `generic` is ``text.generic_stems(heads, ...)["fi"]``, the
    heads as the concept analysis gets them.
    """
    heads = tuple(generic)
    found: dict[str, tuple[str, ...]] = {}
    for word in text.raw_words(value):
        stem = text.stem(word)
        forms = [text.fold(word)]
        cut = text.generic_cut(stem, heads)
        if cut:  # the concept analysis's rule (text.generic_modifier), with the modifier as typed too
            forms += [*text.generic_modifier(word, stem, heads, "fi"), text.fold(word[:cut])]
        found[stem] = tuple(dict.fromkeys(f for f in (*found.get(stem, ()), *forms) if f != stem))
    return found


def lookup(query_terms: list[str], vocabulary: list[str], cutoff: float = SCORE_CUTOFF,
           readings: Mapping[str, tuple[str, ...]] | None = None, generic: Iterable[str] = ()) -> dict[str, Answers]:
    """For each query word (the first ``MAX_QUERY_TERMS``), what answers it in the vocabulary.

    A word's `readings` (``readings()``) answer alone as the word does. A word whose head is generic is never
    read as a compound: the generic head says nothing of the work.
    """
    lengths = np.fromiter((len(t) for t in vocabulary), dtype=np.int32, count=len(vocabulary))
    known = frozenset(vocabulary)
    heads = tuple(generic)
    found = {}
    for q in query_terms[:MAX_QUERY_TERMS]:
        alone = _alone(q, vocabulary, lengths, cutoff)
        for form in (readings or {}).get(q, ()):
            for t, s in _alone(form, vocabulary, lengths, cutoff).items():
                alone[t] = max(alone.get(t, 0.0), s)
        if text.generic_cut(q, heads):
            found[q] = Answers(alone)
        else:
            found[q] = Answers(alone, _compounds(q, vocabulary, known, lengths, cutoff))
    return found


def rank(matches: Mapping[str, Answers], doc_terms: Mapping[int, set[str]]) -> dict[int, float]:
    """Score documents 0-100 on the known query words: the sum of each one's best answer over their number.

    0 means the document answers no known word (not found); see the module docstring.
    """
    known = [a for a in matches.values() if a.known]
    n = len(known) or 1
    return {doc: sum(a.score(held) for a in known) / n for doc, held in doc_terms.items()}

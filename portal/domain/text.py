"""Text folding for matching typed text: search of roles, and later the matching engine.

Three steps, each usable on its own:

``fold(text)``
    Case-fold, strip accents (ä -> a, ö -> o, å -> a, é -> e), and turn every
    run of characters that is not a letter or a digit into one space. rapidfuzz
    compares characters as they are, so "Jyväskylä" and "jyvaskyla" only meet
    once both are folded; typed text often lacks the dots.

``stem(word)``
    A crude Finnish suffix stripper for one folded word. Finnish inflects
    nouns with case endings ("siivoojaksi", "siivoojana", "siivoojan" all mean
    "cleaner"), possessive suffixes and clitics. Stripping the common ones
    makes an inflected query meet the base form; what the stripper misses
    (consonant gradation such as "kokki" -> "kokin") is left to the fuzzy
    scorer. It is deliberately conservative: it never strips the single
    vowel endings -a/-ä (partitive), because too many base forms end in a
    vowel, and it keeps at least ``MIN_STEM`` letters.

``terms(text)``
    The distinct stems of a text, in order of first appearance: what an index
    stores and what a query is split into.

The functions are pure and language-agnostic apart from the Finnish suffix
list; Swedish and English words pass through ``stem`` almost unchanged and
rely on the fuzzy scorer for plurals.
"""
from __future__ import annotations

import re
import unicodedata

MIN_STEM = 4
MIN_TERM = 2

# Clitics and possessive suffixes come off first, then one case ending.
# Longer endings are tried before shorter ones; all are in folded form
# (ä already became a), so "-ssä" is listed as "ssa".
_CLITICS = ("kaan", "kaan", "kin", "han", "pa")
_POSSESSIVES = ("nsa", "mme", "nne")
_CASE_ENDINGS = (
    "iksi", "ksi",          # translative: siivoojaksi
    "issa", "ssa",          # inessive: toimistossa
    "ista", "sta",          # elative: varastosta
    "illa", "lla",          # adessive: kassalla
    "ilta", "lta",          # ablative
    "ille", "lle",          # allative: asiakkaille
    "tta",                  # abessive
    "ina", "na",            # essive: siivoojana
    "iin", "hin",           # illative plural / illative: toimistoihin
    "ien", "den", "jen",    # genitive plural: siivoojien
    "n",                    # genitive and instructive: siivoojan
    "t",                    # nominative plural: siivoojat
)
_VOWELS = frozenset("aeiouy")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_STOPWORDS = frozenset({
    "ja", "tai", "seka", "on", "ei", "se", "ne", "oy", "ab", "ry", "oyj",
    "och", "eller", "att", "som", "en", "ett", "med", "for",
    "and", "or", "the", "of", "to", "in", "with", "a", "an",
})


def fold(text: str | None) -> str:
    """Case-folded, accent-free text with single spaces between words ("Ä-Ö  å" -> "a o a")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # casefold turns ß into ss already; other letters outside a-z (e.g. ø, æ) become spaces.
    return _NOT_WORD.sub(" ", stripped.replace("ø", "o").replace("æ", "ae")).strip()


def _strip_one(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def stem(word: str) -> str:
    """The crude stem of one folded word: "siivoojaksi" -> "siivooja", "toimistossa" -> "toimisto"."""
    if not word.isalpha():
        return word  # numbers and codes stay as they are
    word = _strip_one(word, _CLITICS)
    word = _strip_one(word, _POSSESSIVES)
    stripped = _strip_one(word, _CASE_ENDINGS)
    # A case ending often lengthens the vowel before it ("Tampereella", "toimistoon"):
    # drop the doubled vowel so that the stem meets the base form.
    if stripped != word and len(stripped) > MIN_STEM and stripped[-1] in _VOWELS and stripped[-1] == stripped[-2]:
        stripped = stripped[:-1]
    return stripped


def words(text: str | None) -> list[str]:
    """The folded words of a text, stopwords and one-letter words left out."""
    return [w for w in fold(text).split() if len(w) >= MIN_TERM and w not in _STOPWORDS]


def terms(text: str | None) -> list[str]:
    """The distinct stems of a text in order of first appearance (an index's or a query's terms)."""
    seen: dict[str, None] = {}
    for word in words(text):
        seen.setdefault(stem(word), None)
    return list(seen)


def clean_line(text: str | None, max_length: int | None = None) -> str:
    """One line of user text: control characters removed, whitespace collapsed, trimmed."""
    if not text:
        return ""
    printable = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    line = " ".join(printable.split())
    return line[:max_length] if max_length else line


def clean_block(text: str | None) -> str:
    """Multi-line user text: line breaks kept (at most one empty line in a row), other control characters removed."""
    if not text:
        return ""
    lines = [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


SCORE_CUTOFF = 80
MAX_QUERY_TERMS = 8
MIN_COMPOUND_PART = 6
COMPOUND_BASE = 0.85


def term_score(query_term: str, term: str) -> float:
    """How well an indexed term answers a query term, 0-100 (see ``fuzzy_lookup``)."""
    from rapidfuzz import fuzz

    score = fuzz.ratio(query_term, term)
    if len(query_term) >= MIN_STEM and len(term) > len(query_term):
        score = max(score, fuzz.partial_ratio(query_term, term))
    if max(MIN_COMPOUND_PART, -(-len(query_term) // 2)) <= len(term) < len(query_term):
        covered = len(term) / len(query_term)
        score = max(score, fuzz.partial_ratio(term, query_term) * (COMPOUND_BASE + (1 - COMPOUND_BASE) * covered))
    return score


def fuzzy_lookup(query_terms: list[str], vocabulary: list[str],
                 cutoff: float = SCORE_CUTOFF) -> dict[str, dict[str, float]]:
    """For each query term, the vocabulary terms that answer it with their scores (>= cutoff).

    A term answers a query term when they are alike as wholes (rapidfuzz's
    ratio forgives a typo or two: "siivojaa" meets "siivooja") or when the
    query term lies inside a longer term (partial ratio: "siivooja" meets the
    compound "toimistosiivooja", and "varas" the beginning of "varastotyo").
    The partial comparison is only made against longer terms, never the other
    way round for short words, so that a short indexed word ("oja") does not
    answer every long query word that happens to contain it. A long query
    word typed as one compound ("varastotyokokeilu") is answered by an
    indexed term of at least half its length that lies inside it
    ("varastotyo"), at a score scaled down by how much of the query it covers
    (``COMPOUND_BASE`` + the rest in proportion), so whole matches rank first.
    Query terms shorter than ``MIN_STEM`` letters must match almost exactly.
    All comparisons go through ``rapidfuzz.process.cdist`` on every core.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    result: dict[str, dict[str, float]] = {}
    if not vocabulary:
        return {q: {} for q in query_terms[:MAX_QUERY_TERMS]}
    vocab = np.array(vocabulary, dtype=object)
    lengths = np.fromiter((len(t) for t in vocabulary), dtype=np.int32, count=len(vocabulary))
    for q in query_terms[:MAX_QUERY_TERMS]:
        scores = process.cdist([q], vocabulary, scorer=fuzz.ratio, workers=-1)[0]
        if len(q) >= MIN_STEM:
            longer = np.nonzero(lengths > len(q))[0]
            if len(longer):
                partial = process.cdist([q], vocab[longer].tolist(), scorer=fuzz.partial_ratio,
                                        workers=-1)[0]
                scores[longer] = np.maximum(scores[longer], partial)
        low = max(MIN_COMPOUND_PART, -(-len(q) // 2))
        parts = np.nonzero((lengths >= low) & (lengths < len(q)))[0]
        if len(parts):
            inside = process.cdist([q], vocab[parts].tolist(), scorer=fuzz.partial_ratio, workers=-1)[0]
            covered = lengths[parts] / len(q)
            scores[parts] = np.maximum(scores[parts], inside * (COMPOUND_BASE + (1 - COMPOUND_BASE) * covered))
        need = cutoff if len(q) >= MIN_STEM else 100
        hits = np.nonzero(scores >= need)[0]
        result[q] = {vocabulary[i]: float(scores[i]) for i in hits}
    return result


def rank(matches: dict[str, dict[str, float]], doc_terms: dict[int, set[str]]) -> dict[int, float]:
    """Score documents 0-100: the mean over query terms of the best answer each document holds.

    A query term that a document does not answer adds 0, so a document must
    answer most of the query to rank high; callers keep those at or above
    their threshold.
    """
    n = len(matches) or 1
    out: dict[int, float] = {}
    for doc, held in doc_terms.items():
        total = 0.0
        for answers in matches.values():
            total += max((answers[t] for t in held if t in answers), default=0.0)
        out[doc] = total / n
    return out

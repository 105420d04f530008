"""Typed text as words: folding, stemming, and the typo-tolerant word lookup of role search and matching.

``fold(text)``
    Case-fold, strip accents (ä -> a, ö -> o, å -> a, é -> e), and turn every
    run of characters that is not a letter or a digit into one space. rapidfuzz
    compares characters as they are, so "Jyväskylä" and "jyvaskyla" only meet
    once both are folded; typed text often lacks the dots.

``stem(word, lang)``
    Snowball's stemmer for the language (PyStemmer: Finnish, Swedish, English),
    applied before folding so that the stemmer sees ä and ö: "siivoojaksi",
    "siivoojana" and "siivooja" all become "siivoo". Snowball was chosen over
    simplemma's dictionary lemmas (compared on bench/matching_judged.yaml, see
    ``portal/domain/concept_text.py``): the same word always gives the same stem
    whatever else is typed, it needs no word list, and it is a C extension fast
    enough for 20,000 roles; what it leaves apart (consonant gradation such as
    "helsinki"/"helsing") is left to the typo tolerance on whole words.

``terms(text)``
    The distinct Finnish stems of a text, in order of first appearance: what the
    role search index stores and what a query is split into.

Words are compared whole (``portal.domain.word_search`` for role search,
``portal.domain.concept_text`` for concepts): a typo or two is forgiven
(``typo_distance``), a compound's head answers only with its modifier
(``modifier_answers``), and never a piece inside a longer unrelated word
("kokki" does not answer "työkokeilu").
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type hints

MIN_STEM = 4
MIN_TERM = 2
STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_STOPWORDS = frozenset({
    "ja", "tai", "seka", "on", "ei", "se", "ne", "oy", "ab", "ry", "oyj",
    "och", "eller", "att", "som", "en", "ett", "med", "for", "till", "pa", "av", "i",
    "and", "or", "the", "of", "to", "in", "with", "a", "an", "at",
})
STOPWORDS = _STOPWORDS  # the words analysis leaves out (concept matching reads them too)
# Invisible characters that may sit inside a typed word (zero-width space/joiners, word joiner, BOM, soft
# hyphen): removed, so "sii\u200bvooja" is one word.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def normal(value: str | None) -> str:
    """Typed text as the stemmer and the folding see it: NFKC ("ｋｏｋｋｉ", "ᵏᵒᵏᵏⁱ" -> "kokki"), case-folded,
    invisible characters removed; the one normalisation of role search and concept analysis alike."""
    if not value:
        return ""
    return unicodedata.normalize("NFKC", value.translate(_INVISIBLE)).casefold().translate(_INVISIBLE)


def fold(text: str | None) -> str:
    """Case-folded, accent-free text with single spaces between words ("Ä-Ö  å" -> "a o a")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", normal(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # casefold turns ß into ss already; other letters outside a-z (e.g. ø, æ) become spaces.
    return _NOT_WORD.sub(" ", stripped.replace("ø", "o").replace("æ", "ae")).strip()


@lru_cache(maxsize=3)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMERS.get(lang, "finnish"))


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "fi") -> str:
    """The folded Snowball stem of one word in a language: "siivoojaksi" -> "siivoo", "Städaren" (sv) -> "stad"."""
    if not word.isalpha():
        return fold(word)  # numbers and codes stay as they are
    stemmed = fold(_stemmer(lang).stemWord(normal(word)))
    return stemmed if len(stemmed) >= MIN_TERM else fold(word)


def words(text: str | None) -> list[str]:
    """The folded words of a text, stopwords and one-letter words left out."""
    return [w for w in fold(text).split() if len(w) >= MIN_TERM and w not in _STOPWORDS]


def raw_words(text: str | None) -> list[str]:
    """The case-folded words of a text with their accents (for the stemmer), stopwords and one-letter words left out."""
    return [w for w in re.findall(r"[^\W_]+", normal(text)) if len(w) >= MIN_TERM and fold(w) not in _STOPWORDS]


def terms(text: str | None, lang: str = "fi") -> list[str]:
    """The distinct stems of a text in order of first appearance (an index's or a query's terms)."""
    return list(dict.fromkeys(stem(word, lang) for word in raw_words(text)))


def has_control_characters(text: str | None) -> bool:
    """Whether text holds a line break, tab or other control character (none belongs in a name or a line)."""
    # Line and paragraph separators (Zl, Zp) break a line as surely as a control character does.
    return any(unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp") for c in text or "")


def clean_line(text: str | None, max_length: int | None = None) -> str:
    """One line of user text: control characters removed, whitespace collapsed, trimmed."""
    if not text:
        return ""
    # Invisible characters inside a word (soft hyphen, zero-width space) are dropped, not made spaces.
    printable = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text.translate(_INVISIBLE))
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


MIN_COMPOUND_PART = 6
LONG_WORD = 10  # words this long or longer may have two typos, shorter ones one
MODIFIER_ENDING = 3  # letters an inflected modifier ("kiinteistön") may have beyond the stem ("kiinteisto")


def typo_distance(word: str) -> int:
    """How many edits a whole word may differ by and still be the same word: 0, 1, or 2 for a long one."""
    if len(word) < MIN_STEM:
        return 0
    return 2 if len(word) >= LONG_WORD else 1


def modifier_answers(modifier: str, term: str) -> bool:
    """Whether a compound's modifier ("kassa" of "kassatyontekij") is the word `term` names ("kas", "kassan").

    The modifier is cut from a stem, so it may keep an ending the stemmer takes off a separate word: one is
    the start of the other, at most ``MODIFIER_ENDING`` letters apart, or they differ by a typo.
    """
    from rapidfuzz.distance import Levenshtein

    short, long = sorted((modifier, term), key=len)
    if len(short) < 3:
        return False
    if long.startswith(short) and len(long) - len(short) <= MODIFIER_ENDING:
        return True
    return Levenshtein.distance(modifier, term) <= min(typo_distance(modifier), typo_distance(term), 1)


def generic_stems(heads: Mapping[str, Iterable[str]], langs: Iterable[str]) -> dict[str, list[str]]:
    """Per language, the stems of the generic heads (seeds/concepts/generic_heads.yaml), longest first."""
    return {lang: sorted({stem(w, lang) for w in heads.get(lang, ())}, key=len, reverse=True) for lang in langs}


def generic_cut(stemmed: str, heads: Iterable[str]) -> int:
    """Where a stem's generic head begins (`heads` longest first), when at least MIN_STEM letters precede it; else 0."""
    for head in heads:
        cut = len(stemmed) - len(head)
        if cut >= MIN_STEM and stemmed.endswith(head):
            return cut
    return 0


def generic_modifier(word: str, stemmed: str, heads: Iterable[str], lang: str) -> tuple[str, ...]:
    """(the modifier's stem,) when a word's stem ends with a generic head after at least MIN_STEM letters, else ().

    "siivoustehtävät" -> ("siivous",): a compound with a generic head also names what its modifier names
    (concept analysis and role search alike; `heads` from ``generic_stems``, longest first).
    """
    cut = generic_cut(stemmed, heads)
    return (stem(word[:cut], lang),) if cut else ()

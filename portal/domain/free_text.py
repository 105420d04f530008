"""Free text a coach sends to an employer, checked before it goes: health words and the candidate's name.

An employer must never learn a candidate's health (diagnoses, conditions,
medicines, therapies, rehabilitation) nor, before the candidate consents to
an introduction, their name. A coach writing a friendly message can let
either slip; this check finds the words so that the coach can rewrite them.
It is a safety net, not a proof: it finds the listed words and their usual
forms, and the coach still decides.

How a listed term is matched against a word of the message (both case-folded):

- Finnish and Swedish words are inflected and compounded, so a term is cut
  to its stem (``stem``) and a word matches when it begins with the stem
  ("masennus" -> "masennu" finds "masennuksen" and "masennusdiagnoosi";
  "selkävaiva" -> "selkävaiv" finds "selkävaivoja"), or, for stems of at
  least ``MIN_COMPOUND`` letters, holds it anywhere as a compound part
  ("diagnoosi" finds "masennusdiagnoosi", "selkävaiva" finds
  "alaselkävaivat"). Short stems only match at the start of a word.
- English words match as they are, or with a plural or verb ending.
- A term of several words matches those words in a row, the last one by the
  rule of its language.
- A term with ä, ö or å also matches when typed without the dots.

A name matches a word that is the name, or its stem followed by at most
``MAX_NAME_ENDING`` letters of a case ending ("Matti" finds "Mattia" and
"Mattille", "Virtanen" finds "Virtaselle"; "Matin" is missed: consonant
gradation). A longer word that merely begins like the name is not one:
"asiakaspalvelu" does not name Ms Asiakas. Only names of two letters or more count.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LANGUAGES = ("fi", "sv", "en")
MIN_STEM = 4
MIN_COMPOUND = 5
MAX_NAME_ENDING = 5
_VOWELS = "aeiouyäöå"
_EN_ENDINGS = ("", "s", "es", "ed", "ing", "'s")
_WORD = re.compile(r"[^\W\d_]+(?:'s)?")


@dataclass(frozen=True)
class Term:
    """A listed word, ready to match: its language and the stems it is looked for by."""

    text: str
    language: str
    stems: tuple[tuple[str, ...], ...]  # per spelling: the folded words, the last one a stem


@dataclass(frozen=True)
class Findings:
    """What the check found in a message: the health words and the name words, as written."""

    health: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return self.health + self.names

    def __bool__(self) -> bool:
        return bool(self.health or self.names)


def casefold(text: str) -> str:
    """Case-folded text with composed letters (ä stays ä)."""
    return unicodedata.normalize("NFC", text.casefold())


def undotted(text: str) -> str:
    """ä -> a, ö -> o, å -> a: how the word looks typed without the dots."""
    return text.translate(str.maketrans("äöå", "aoa"))


def stem(word: str, language: str) -> str:
    """The part of a folded word its inflected forms begin with (Finnish and Swedish; English as is)."""
    if language == "en":
        return word
    if language == "fi" and word.endswith("nen") and len(word) - 3 >= MIN_STEM:
        return word[:-3]  # psyykkinen -> psyykki(sen)
    if language == "fi" and word[-2:] in ("us", "ys", "os", "ös", "es") and len(word) - 1 >= MIN_STEM:
        return word[:-1]  # masennus -> masennu(ksen), sairaus -> sairau(den)
    if word[-1:] in _VOWELS and len(word) - 1 >= MIN_STEM:
        return word[:-1]  # selkävaiva -> selkävaiv(oja), diagnoosi -> diagnoos(eja)
    return word


def make_term(text: str, language: str) -> Term:
    """A term of the list in one language, with its stems (and the dotless spelling when it differs)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    words = tuple(casefold(text).replace("-", " ").split())
    if not words:
        raise ValueError("an empty term")
    spelled = words[:-1] + (stem(words[-1], language),)
    spellings = [spelled]
    plain = tuple(undotted(w) for w in spelled)
    if plain != spelled and len(plain[-1]) >= MIN_COMPOUND:
        spellings.append(plain)
    return Term(text, language, tuple(spellings))


def make_terms(lists: dict[str, list[str]]) -> tuple[Term, ...]:
    """Terms of a word list given as {language: [words]}; repeats are kept once."""
    seen: dict[tuple, Term] = {}
    for language, words in lists.items():
        for text in words:
            term = make_term(str(text), language)
            seen.setdefault((language, term.stems), term)
    return tuple(seen.values())


def _word_matches(word: str, last: str, language: str) -> bool:
    if language == "en":
        return any(word == last + ending for ending in _EN_ENDINGS)
    return word.startswith(last) or (len(last) >= MIN_COMPOUND and last in word)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(as written, folded) for each word of the text; hyphens split words."""
    return [(m.group(), casefold(m.group())) for m in _WORD.finditer(text or "")]


def health_words(text: str, terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The words of the text (as written, each once, in order) that are listed health terms."""
    tokens = _tokens(text)
    spans: dict[int, int] = {}  # first word -> last word of a match
    for term in terms:
        for words in term.stems:
            *lead, last = words
            for i in range(len(lead), len(tokens)):
                start = i - len(lead)
                if all(tokens[start + k][1] == w for k, w in enumerate(lead)) and \
                        _word_matches(tokens[i][1], last, term.language):
                    spans[start] = max(spans.get(start, start), i)
    return _unique(" ".join(t[0] for t in tokens[start:end + 1]) for start, end in sorted(spans.items()))


def name_words(text: str, name: str | None) -> tuple[str, ...]:
    """The words of the text (as written, each once) that are the person's first or last name, or its forms."""
    parts = {casefold(p) for p in re.split(r"[\s\-]+", name or "") if len(p) >= 2}
    stems = {(p, stem(p, "fi")) for p in parts | {undotted(p) for p in parts}}
    return _unique(word for word, folded in _tokens(text)
                   if any(folded == p or _inflected(folded, s) for p, s in stems))


def _inflected(word: str, name_stem: str) -> bool:
    # The stem and a case ending, never a longer word that merely begins like the name
    # ("Asiakas" is a surname, "asiakaspalvelu" is customer service).
    return len(name_stem) >= 3 and word.startswith(name_stem) and len(word) - len(name_stem) <= MAX_NAME_ENDING


def check(text: str, terms: tuple[Term, ...], name: str | None = None) -> Findings:
    """Health words always; name words only when a name is given (the consent does not include it)."""
    return Findings(health_words(text, terms), name_words(text, name) if name else ())


def _unique(words) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))

"""Free text a coach sends to an employer, checked before it goes: health words, the candidate's name and contact.

An employer must never learn a candidate's health (diagnoses, conditions,
medicines, therapies, rehabilitation, pregnancy) nor, unless the candidate
consents to an introduction, their name, phone number or e-mail address. A
coach writing a friendly message can let any of it slip; this check finds the
words so that the coach can rewrite them. It is a safety net, not a proof: it
finds the listed words and their usual forms, and the coach still decides.

The text is first made plain (``portal.domain.normalise``: NFKC, invisible
format characters removed, Cyrillic and Greek look-alikes made Latin), and
read a second time with runs of spaced-out single letters joined
("m a s e n n u s").

How a listed term is matched against a word of the message (both case-folded):

- Finnish and Swedish words are inflected and compounded, so a term is cut
  to its stem (``stem``) and a word matches when it begins with the stem
  ("masennus" -> "masennu" finds "masennuksen" and "masennusdiagnoosi";
  "selkävaiva" -> "selkävaiv" finds "selkävaivoja"), or, for stems of at
  least ``MIN_COMPOUND`` letters, holds it anywhere as a compound part
  ("diagnoosi" finds "masennusdiagnoosi", "selkävaiva" finds
  "alaselkävaivat"). Short stems only match at the start of a word.
- English words match as they are, or with a plural or verb ending.
- ``exact`` terms (abbreviations, and words whose stem would begin ordinary
  words: "hiv" begins "hivenen") match only a whole word, in any case.
- ``acronym`` terms are also ordinary words in lower case ("TULE" and "tule",
  come): they match written in capitals, or as the first part of a
  hyphenated compound ("tule-vaiva").
- A term of several words matches those words in a row, the last one by the
  rule of its kind.
- An ``ordinary`` word is a word that begins like a term but is none
  ("Vammala", a town, begins like "vamma"): a word beginning with it is
  never a health word.
- A term with ä, ö or å also matches when typed without the dots.

A code of the ICD-10 classification (a capital letter and two digits, perhaps
a dot and a digit: "F32", "F32.1", also spaced out as "F 32 . 1") counts as a health word.

A name matches a word that is the name, or its stem followed by at most
``MAX_NAME_ENDING`` letters of a case ending ("Matti" finds "Mattia" and
"Mattille", "Virtanen" finds "Virtaselle"; "Matin" is missed: consonant
gradation). A longer word that merely begins like the name is not one:
"asiakaspalvelu" does not name Ms Asiakas. Only names of two letters or more count.
Phone numbers and e-mail addresses (``portal.domain.contact_details``) count
when the contact is not shared: the candidate's own, and any other one, which
may be theirs too.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from portal.domain.contact_details import contact_words
from portal.domain.normalise import joined_letters, normalise

LANGUAGES = ("fi", "sv", "en")
KINDS = LANGUAGES + ("exact", "acronym", "ordinary")
MIN_STEM = 4
MIN_COMPOUND = 5
MAX_NAME_ENDING = 5
_VOWELS = "aeiouyäöå"
_EN_ENDINGS = ("", "s", "es", "ed", "ing", "'s")
_WORD = re.compile(r"[^\W\d_]+(?:'s)?")
# An ICD-10 code: capital letter, two digits, perhaps a dot and one or two digits ("F32", "F32.1"), or "F.32";
# spaced out ("F 32 . 1") only with its decimals: a letter, a space and two digits alone is as often a
# staircase and flat of a Finnish address ("Mannerheimintie 5 B 12"), which must not be refused.
_CODE = re.compile(r"(?<![\w.])[A-Z](?:\.?\d\d(?:\.\d{1,2})?|[ ]\d[ ]?\d[ ]*\.[ ]*\d{1,2})(?!\w)")


@dataclass(frozen=True)
class Term:
    """A listed word, ready to match: its kind (a language, exact or acronym) and the stems it is looked for by."""

    text: str
    language: str
    stems: tuple[tuple[str, ...], ...]  # per spelling: the folded words, the last one a stem


@dataclass(frozen=True)
class Private:
    """What of the candidate the employer must not learn: the name, phone number and e-mail address."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Findings:
    """What the check found, as written: health words, name words, the candidate's contact, other contact."""

    health: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    contact: tuple[str, ...] = ()
    other_contact: tuple[str, ...] = ()  # a phone number or address that may be the candidate's

    @property
    def words(self) -> tuple[str, ...]:
        """Everything found, health first."""
        return self.health + self.names + self.contact + self.other_contact

    def counts(self) -> dict[str, int]:
        """How many of each kind were found (what the audit trail keeps: never the words themselves)."""
        return {kind: len(getattr(self, kind)) for kind in ("health", "names", "contact", "other_contact")}

    def __bool__(self) -> bool:
        return bool(self.words)


class _Token(NamedTuple):
    start: int
    end: int
    written: str
    folded: str
    hyphened: bool  # the first part of a hyphenated compound ("TULE-vaiva")


def casefold(text: str) -> str:
    """Case-folded text with composed letters (ä stays ä)."""
    return unicodedata.normalize("NFC", text.casefold())


def undotted(text: str) -> str:
    """ä -> a, ö -> o, å -> a: how the word looks typed without the dots."""
    return text.translate(str.maketrans("äöå", "aoa"))


def stem(word: str, language: str) -> str:
    """The part of a folded word its inflected forms begin with (Finnish and Swedish; English as is)."""
    if language not in ("fi", "sv"):
        return word
    if language == "fi" and word.endswith("nen") and len(word) - 3 >= MIN_STEM:
        return word[:-3]  # psyykkinen -> psyykki(sen)
    if language == "fi" and word[-2:] in ("us", "ys", "os", "ös", "es", "as", "äs") and len(word) - 1 >= MIN_STEM:
        return word[:-1]  # masennus -> masennu(ksen), sairaus -> sairau(den), potilas -> potila(ana)
    if word[-1:] in _VOWELS and len(word) - 1 >= MIN_STEM:
        return word[:-1]  # selkävaiva -> selkävaiv(oja), diagnoosi -> diagnoos(eja)
    return word


def make_term(text: str, language: str) -> Term:
    """A term of the list of one kind, with its stems (and the dotless spelling when it differs)."""
    if language not in KINDS:
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
    """Terms of a word list given as {kind: [words]}; repeats are kept once."""
    seen: dict[tuple[str, tuple[tuple[str, ...], ...]], Term] = {}
    for language, words in lists.items():
        for text in words:
            term = make_term(str(text), language)
            seen.setdefault((language, term.stems), term)
    return tuple(seen.values())


def _word_matches(token: _Token, last: str, language: str) -> bool:
    word = token.folded
    if language == "en":
        return any(word == last + ending for ending in _EN_ENDINGS)
    if language == "exact":
        return word == last
    if language == "acronym":
        return word == last and (token.hyphened or token.written.isupper())
    if language == "ordinary" or not word:  # an ordinary word (blanked in _health) is never a term
        return False
    return word.startswith(last) or (len(last) >= MIN_COMPOUND and last in word)


def _tokens(text: str) -> list[_Token]:
    """Each word of the text with its place; hyphens split words."""
    return [_Token(m.start(), m.end(), m.group(), casefold(m.group()), text[m.end():m.end() + 1] == "-")
            for m in _WORD.finditer(text or "")]


def _health(text: str, terms: tuple[Term, ...]) -> list[tuple[int, str]]:
    ordinary = tuple(t.stems[0][-1] for t in terms if t.language == "ordinary")
    tokens = [t._replace(folded="") if t.folded.startswith(ordinary) else t for t in _tokens(text)]
    spans: dict[int, int] = {}  # first word -> last word of a match
    for term in terms:
        for words in term.stems:
            *lead, last = words
            for i in range(len(lead), len(tokens)):
                start = i - len(lead)
                if all(tokens[start + k].folded == w for k, w in enumerate(lead)) and \
                        _word_matches(tokens[i], last, term.language):
                    spans[start] = max(spans.get(start, start), i)
    found = [(tokens[s].start, " ".join(text[tokens[s].start:tokens[e].end].split())) for s, e in spans.items()]
    return found + [(m.start(), m.group()) for m in _CODE.finditer(text)]


def health_words(text: str, terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The words of the text (each once, in order) that are listed health terms or diagnosis codes."""
    text = normalise(text)
    words = [word for _, word in sorted(_health(text, terms))]
    joined = joined_letters(text)
    if joined != text:  # a second reading, with "m a s e n n u s" as one word
        words += [word for _, word in sorted(_health(joined, terms))]
    return _unique(words)


def name_words(text: str, name: str | None) -> tuple[str, ...]:
    """The words of the text (as written, each once) that are the person's first or last name, or its forms."""
    parts = {casefold(p) for p in re.split(r"[\s\-]+", name or "") if len(p) >= 2}
    stems = {(p, stem(p, "fi")) for p in parts | {undotted(p) for p in parts}}
    return _unique(t.written for t in _tokens(normalise(text))
                   if any(t.folded == p or _inflected(t.folded, s) for p, s in stems))


def _inflected(word: str, name_stem: str) -> bool:
    # The stem and a case ending, never a longer word that merely begins like the name
    # ("Asiakas" is a surname, "asiakaspalvelu" is customer service).
    return len(name_stem) >= 3 and word.startswith(name_stem) and len(word) - len(name_stem) <= MAX_NAME_ENDING


def check(text: str, terms: tuple[Term, ...], private: Private | None = None) -> Findings:
    """Health words always; the name and contact details only when given (the consent does not include them)."""
    if private is None:
        return Findings(health_words(text, terms))
    own, other = contact_words(normalise(text), private.phone, private.email)
    return Findings(health_words(text, terms), name_words(text, private.name), _unique(own), _unique(other))


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))

"""Which of the portal's languages a free text is written in.

Roles, events and services record the language of their text (chosen in their forms); the
page marks the text with it for screen readers (WCAG 3.1.2) and tells a reader of another
language. The guess here only proposes that choice, and reads texts that record nothing.
It counts the most common short words of Finnish, Swedish and English; a text with too
little evidence is unclear.
"""
from __future__ import annotations

import re

DEFAULT = "fi"
LANGUAGES = ("fi", "sv", "en")
# Frequent words that are spelt as words of one language only (not "on", Swedish and English too).
COMMON = {
    "fi": frozenset({
        "ja", "ei", "tai", "kun", "jos", "joka", "jotka", "myös", "sekä", "ovat", "olla", "oli", "voi",
        "työ", "työssä", "työhön", "tehtävä", "tehtävät", "tehtäviin", "meillä", "meidän", "sinä", "sinun",
        "hyvä", "kanssa", "mukaan", "asiakkaiden", "asiakas", "työaika", "päivässä", "viikossa"
    }),
    "sv": frozenset({
        "och", "att", "är", "för", "med", "som", "det", "av", "till", "den", "har", "inte", "vi", "du",
        "på", "ett", "en", "om", "kan", "eller", "hos", "oss", "arbete", "arbetet", "uppgifter", "kunder"
    }),
    "en": frozenset({
        "and", "the", "is", "for", "with", "that", "of", "to", "you", "we", "our", "your", "are", "be",
        "as", "can", "this", "work", "will", "or", "at", "customers", "tasks"
    }),
}
WORD = re.compile(r"[a-zåäö]+")
MIN_HITS = 2  # fewer common words than this is no evidence


def detected_language(*texts: str) -> str | None:
    """fi, sv or en: the language whose common words the texts use most; None when unclear."""
    words = WORD.findall(" ".join(t for t in texts if t).lower())
    hits = {lang: sum(1 for w in words if w in common) for lang, common in COMMON.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] < MIN_HITS or list(hits.values()).count(hits[best]) > 1:
        return None
    return best


def guess_language(*texts: str) -> str:
    """fi, sv or en: the language the texts seem written in; Finnish when unclear."""
    return detected_language(*texts) or DEFAULT


def content_language(chosen: str | None, texts: tuple[str, ...], author_language: str) -> str:
    """The language a text is stored as: the author's choice, else the guess, else their interface language."""
    if chosen in LANGUAGES:
        return chosen
    return detected_language(*texts) or (author_language if author_language in LANGUAGES else DEFAULT)

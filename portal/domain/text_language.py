"""Which of the portal's languages a free text is written in, for texts that do not record it.

Roles are written by employers in one language with no field saying which (a column would
need a migration). The page must still mark the text's language for screen readers
(WCAG 3.1.2) and tell a reader of another language. The guess counts the most common
short words of Finnish, Swedish and English; a text with too little evidence is taken as
Finnish, the language most roles are written in.
"""
from __future__ import annotations

import re

DEFAULT = "fi"
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


def guess_language(*texts: str) -> str:
    """fi, sv or en: the language whose common words the texts use most; Finnish when unclear."""
    words = WORD.findall(" ".join(t for t in texts if t).lower())
    hits = {lang: sum(1 for w in words if w in common) for lang, common in COMMON.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == DEFAULT))
    if hits[best] < MIN_HITS or list(hits.values()).count(hits[best]) > 1:
        return DEFAULT
    return best

"""Sorting labels as a reader of Finnish, Swedish or English expects.

Python sorts by code point: "Öljy" before "Åbo" (ö is U+00F6, å U+00E5) and an English reader's
"Éclair" after "Zebra". Finnish and Swedish (as written in Finland) sort å, ä, ö as letters of their
own after z, in that order; other accented letters sort as their base letter (é as e; ü as y in
Finnish and Swedish). Case and punctuation only break ties.
"""
from __future__ import annotations

import unicodedata

# The Nordic vowels become the three characters after "z" in ASCII; the rest keeps its own order.
_NORDIC = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"}


def _base(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def sort_key(text: str, lang: str) -> tuple[str, str]:
    """A key that sorts `text` in the reader's language; the original text breaks ties."""
    folded = text.casefold().strip()
    nordic = lang in ("fi", "sv")
    primary = "".join(_NORDIC.get(ch) or _base(ch) for ch in folded) if nordic else _base(folded)
    return "".join(c for c in primary if c.isalnum() or c in " {|}"), text

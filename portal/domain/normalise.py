"""Text made plain before it is checked: the disguises a word list would miss, undone.

A message can hide a listed word without meaning to (text pasted from another
program brings soft hyphens and zero-width spaces) or on purpose (a Cyrillic
"а" in "mаsennus", "m a s e n n u s"). The check reads the text as a reader
sees it:

- NFKC folds compatibility forms (fullwidth letters and digits, ligatures);
- format characters (Unicode category Cf: soft hyphen, zero-width space and
  joiners, word joiner, byte order mark) are removed, as a reader does not
  see them;
- letters that look like Latin ones (Cyrillic and Greek) become the Latin
  letter; ``CONFUSABLES`` is a small hand-made table of the usual look-alikes,
  not the full Unicode confusables list;
- ``joined_letters`` writes runs of single letters separated by spaces, dots,
  hyphens or underscores as one word, for a second reading.
"""
from __future__ import annotations

import re
import unicodedata

# Cyrillic and Greek letters that look like a Latin letter (lower and upper case).
CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӧ": "ö", "ӓ": "ä",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ӧ": "Ö", "Ӓ": "Ä",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "γ": "y", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})

# A run of at least three single letters with the same separator between them ("m a s e n n u s",
# "m.a.s.e.n.n.u.s", "m - a - s"); the same one, so that a run does not reach into the next sentence.
_LETTER = r"[^\W\d_]"
_RUN = re.compile(rf"(?<!{_LETTER}){_LETTER}([\s.\-_]+){_LETTER}(?!{_LETTER})(?:\1{_LETTER}(?!{_LETTER}))+")
_SEPARATORS = re.compile(r"[\s.\-_]+")


def normalise(text: str | None) -> str:
    """The text as a reader sees it: NFKC, no invisible format characters, look-alike letters made Latin."""
    text = unicodedata.normalize("NFKC", text or "")
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    # NFC again: removing a joiner can bring a letter and a combining mark together.
    return unicodedata.normalize("NFC", visible.translate(CONFUSABLES))


def joined_letters(text: str) -> str:
    """The text with each run of spaced-out single letters written as one word ("m a s" -> "mas")."""
    return _RUN.sub(lambda m: _SEPARATORS.sub("", m.group()), text)

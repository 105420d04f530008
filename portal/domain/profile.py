"""Normalising what is typed into a candidate's profile, so that matching compares like with like."""
from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable

# No 0/O or 1/I/L: a code read aloud or copied by hand stays unambiguous.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PREFIX = "OTE"


def fold(text: str | None) -> str:
    """Case-folded, accent-free, single-spaced text: "Jyväskylä " -> "jyvaskyla"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip()


def clean_text(text: str | None) -> str:
    """Trimmed text with Windows line ends made plain."""
    return (text or "").replace("\r\n", "\n").strip()


def split_lines(text: str | None, limit: int = 20) -> tuple[str, ...]:
    """One entry per line or comma, trimmed, without empties or repeats (first spelling kept)."""
    seen, out = set(), []
    for part in re.split(r"[\n,;]", text or ""):
        part = re.sub(r"\s+", " ", part).strip()
        if part and fold(part) not in seen:
            seen.add(fold(part))
            out.append(part[:200])
    return tuple(out[:limit])


def checksum(body: str) -> str:
    """A check character over the code body, so that a mistyped code is caught."""
    total = sum((i + 1) * CODE_ALPHABET.index(c) for i, c in enumerate(body))
    return CODE_ALPHABET[total % len(CODE_ALPHABET)]


def new_code(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh pseudonymous code such as OTE-7KQ4-M2X9: random, with a check character."""
    body = "".join(CODE_ALPHABET[randbelow(len(CODE_ALPHABET))] for _ in range(7))
    full = body + checksum(body)
    return f"{CODE_PREFIX}-{full[:4]}-{full[4:]}"


def valid_code(code: str) -> bool:
    """Whether a code has the right form and check character."""
    m = re.fullmatch(rf"{CODE_PREFIX}-([{CODE_ALPHABET}]{{4}})-([{CODE_ALPHABET}]{{4}})", code or "")
    if not m:
        return False
    full = m.group(1) + m.group(2)
    return checksum(full[:7]) == full[7]

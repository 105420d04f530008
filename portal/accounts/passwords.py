"""Password hashing with argon2 and the common-password list."""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from portal.domain.passwords import password_problems

COMMON_FILE = Path(__file__).with_name("common-passwords.txt.gz")
EXTRA_COMMON = Path(__file__).with_name("common-passwords-fi.txt")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """Passwords too common to allow, case-folded (Django's list plus Finnish ones)."""
    with gzip.open(COMMON_FILE, "rt", encoding="utf-8") as fh:
        words = {line.strip().casefold() for line in fh if line.strip()}
    words |= {line.strip().casefold() for line in EXTRA_COMMON.read_text("utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    return frozenset(words)


def _hasher() -> PasswordHasher:
    cfg = current_app.config
    return PasswordHasher(
        time_cost=cfg["ARGON2_TIME_COST"],
        memory_cost=cfg["ARGON2_MEMORY_COST"],
        parallelism=cfg["ARGON2_PARALLELISM"],
    )


def hash_password(password: str) -> str:
    """An argon2id hash of the password with the configured cost."""
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether the password matches; a missing hash never matches."""
    if not password_hash:
        _hasher().hash(password)  # spend the same time as a real check
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other cost parameters than the current ones."""
    return _hasher().check_needs_rehash(password_hash)


def problems(password: str, email: str = "") -> list[str]:
    """Policy problem codes for a new password (see portal.domain.passwords)."""
    return password_problems(password, common_passwords(), email)

"""The password policy, as rules that return problem codes."""
from __future__ import annotations

from collections.abc import Container

MIN_LENGTH = 12
MAX_LENGTH = 256


def password_problems(password: str, common: Container[str], email: str = "") -> list[str]:
    """Codes for what is wrong with a new password; empty when it is acceptable.

    Codes: too_short, too_long, common, contains_email.
    """
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append("too_short")
    if len(password) > MAX_LENGTH:
        problems.append("too_long")
    if password.casefold() in common:
        problems.append("common")
    local = email.split("@", 1)[0].casefold()
    if len(local) >= 4 and local in password.casefold():
        problems.append("contains_email")
    return problems

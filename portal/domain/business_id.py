"""Finnish business ID (Y-tunnus) checks, via python-stdnum."""
from __future__ import annotations

from stdnum.exceptions import ValidationError
from stdnum.fi import ytunnus


def normalise_business_id(value: str) -> str:
    """The ID in its canonical form 1234567-8; ValueError if the check digit fails."""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc


def with_check_digit(first_seven: str) -> str:
    """Complete seven digits into a valid business ID (for demo and test data).

    Some prefixes have no valid check digit (the weighted sum leaves 1); those
    raise ValueError.
    """
    for digit in "0123456789":
        if ytunnus.is_valid(first_seven + digit):
            return f"{first_seven}-{digit}"
    raise ValueError(f"no business ID starts with {first_seven}")

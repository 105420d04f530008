"""Employer identity: how an organisation comes to be vouched for, and who may join one.

A self-registered employer is unverified until a portal administrator checks
it. Organisations that people with the portal's trust create (an
administrator, the operator's command line, demo data, a public buyer naming
its supplier) are verified as they are made, and the method says so.
"""
from __future__ import annotations

from portal.domain.normalise import normalise
from portal.domain.text import fold

# What an administrator did to verify an organisation; "other" needs a note saying what.
ADMIN_METHODS = ("trade_register", "called_contact", "other")
# Recorded when an organisation is made by someone the portal already trusts.
AUTOMATIC_METHODS = ("created_by_admin", "command_line", "demo_data", "invited_by_buyer", "migration")
METHODS = ADMIN_METHODS + AUTOMATIC_METHODS
NOTE_MAX = 1000

JOIN_STATES = ("pending", "accepted", "declined")


def verification_problem(method: str | None, note: str | None) -> str | None:
    """Why an administrator's verification cannot be recorded (a code), or None."""
    if method not in ADMIN_METHODS:
        return "unknown_method"
    if method == "other" and not (note or "").strip():
        return "note_needed"
    if len(note or "") > NOTE_MAX:
        return "note_too_long"
    return None


def name_key(name: str | None) -> str:
    """A name as compared for look-alikes: case, accents, punctuation, spacing, invisible characters and
    Cyrillic or Greek letters that look Latin ignored."""
    return fold(normalise(name))


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two organisation names would look the same in a list ("Esimerkki Oy" and "ESIMERKKI OY.")."""
    key = name_key(a)
    return bool(key) and key == name_key(b)


def can_decide_join(state: str) -> bool:
    """Whether a request to join can still be accepted or declined."""
    return state == "pending"

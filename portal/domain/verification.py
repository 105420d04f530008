"""Employer identity: how an organisation comes to be vouched for, and who may join one.

A self-registered employer is unverified until a portal administrator checks
it. Organisations that people with the portal's trust create (an
administrator, the operator's command line, demo data, a public buyer naming
its supplier) are verified as they are made, and the method says so.
"""
from __future__ import annotations

import unicodedata

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


# Legal forms a name may end in ("Esimerkki Oy", "Esimerkki Oyj", "Esimerkki Ab"): a namesake with another
# form still looks like the same company in a list. Longest first, as they are cut from the end.
LEGAL_FORMS = ("osakeyhtio", "aktiebolag", "oyabp", "oyab", "oyj", "abp", "ltd", "oy", "ab", "ky", "ay", "tmi", "ry",
               "rf", "inc", "llc", "gmbh")
# Digits and letters that pass for one another at a glance ("Esimerkki 0y", "Esimerkkl Oy").
LOOK_ALIKE_CHARS = str.maketrans({"0": "o", "1": "i", "l": "i", "|": "i"})
MIN_KEY = 3


def name_key(name: str | None) -> str:
    """A name as compared for look-alikes: what is left when case, accents, spacing, punctuation, symbols,
    invisible characters, Cyrillic or Greek letters that look Latin, look-alike digits and a legal form
    at the end are ignored ("E.s.i.m.e.r.k.k.i 0yj" -> "esimerkki")."""
    # Symbols go before NFKC, which would spell "™" as "TM".
    plain = "".join(ch for ch in name or "" if unicodedata.category(ch) != "So")
    key = "".join(fold(normalise(plain)).split()).translate(LOOK_ALIKE_CHARS)
    for form in LEGAL_FORMS:
        if key.endswith(form) and len(key) - len(form) >= MIN_KEY:
            return key[: -len(form)]
    return key


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two organisation names would look the same in a list ("Esimerkki Oy" and "ESIMERKKI OY.")."""
    key = name_key(a)
    return bool(key) and key == name_key(b)


def can_decide_join(state: str) -> bool:
    """Whether a request to join can still be accepted or declined."""
    return state == "pending"

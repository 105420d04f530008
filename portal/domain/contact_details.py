"""Phone numbers and e-mail addresses in free text, and whether they are a given person's.

A number is looked for as a phone number when it begins with "+", "00" or "0"
(Finnish numbers are written 040 222 2222, 040-2222222, +358 40 222 2222) and
has at least ``MIN_PHONE_DIGITS`` digits; spaces, hyphens, slashes and brackets
may stand between the digits, dots may not (01.02.2024 is a date). Two numbers
are the same when their digits are, with the country code +358 (or 00358)
written as the leading 0 of the national form.
"""
from __future__ import annotations

import re

MIN_PHONE_DIGITS = 7
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(?0)[\d \t\-()/]*\d")
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")


def phone_digits(phone: str | None) -> str:
    """The digits of a phone number in the national form (+358 40 ... and 00358 40 ... -> 040 ...)."""
    digits = re.sub(r"\D", "", phone or "")
    for prefix in ("00358", "358"):
        # "358" only after a "+": a number written 358... without it is not read as international.
        if digits.startswith(prefix) and (prefix == "00358" or (phone or "").lstrip().startswith("+")):
            return "0" + digits[len(prefix):]
    return digits


def phone_numbers(text: str) -> list[tuple[int, str]]:
    """(offset, as written) of what looks like a phone number in the text."""
    return [(m.start(), m.group()) for m in _PHONE.finditer(text)
            if len(re.sub(r"\D", "", m.group())) >= MIN_PHONE_DIGITS]


def email_addresses(text: str) -> list[tuple[int, str]]:
    """(offset, as written) of each e-mail address in the text."""
    return [(m.start(), m.group().rstrip(".")) for m in _EMAIL.finditer(text)]


def contact_words(text: str, phone: str | None, email: str | None) -> tuple[list[str], list[str]]:
    """The phone numbers and e-mail addresses of the text, in order: (the person's own, any other)."""
    digits = phone_digits(phone)
    own_phone = digits if len(digits) >= MIN_PHONE_DIGITS else None
    own_email = (email or "").strip().casefold() or None
    own: list[str] = []
    other: list[str] = []

    for _, written in sorted(phone_numbers(text) + email_addresses(text)):
        if "@" in written:
            mine = written.casefold() == own_email
        else:
            # Contained, not equal: two numbers written one after the other run together.
            mine = own_phone is not None and own_phone in phone_digits(written)
        (own if mine else other).append(written.strip())
    return own, other

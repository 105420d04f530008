"""The check of a coach's message to an employer: the health words of seeds/guard, the candidate's name and contact."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from flask_babel import gettext as _

from portal.domain.free_text import Findings, Private, Term, check, make_terms
from portal.domain.privacy import SCOPE_PARTS
from portal.errors import ServiceError

TERMS_FILE = Path(__file__).resolve().parents[2] / "seeds" / "guard" / "health_terms.yaml"


@lru_cache(maxsize=1)
def health_terms() -> tuple[Term, ...]:
    """The health words of every language, read once (the file ships with the code)."""
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return make_terms(data["terms"])


def check_message(text: str, candidate, scope: str | None) -> Findings:
    """What the message must not tell the employer; the name and contact count unless the consent shares them."""
    shares_contact = scope is not None and "contact" in SCOPE_PARTS.get(scope, ())
    private = None if shares_contact else Private(candidate.name, candidate.phone, candidate.email)
    return check(text, health_terms(), private)


def findings_message(found: Findings) -> str:
    """The coach's explanation of what was found, in their language."""
    parts = []
    named = found.health + found.names + found.contact
    if named:
        parts.append(_("The message may tell the employer about the candidate's health, name or contact details: "
                       "%(words)s.", words=", ".join(named)))
    if found.other_contact:
        # Not the candidate's as recorded, but it may be theirs (a new number, a private address).
        parts.append(_("It gives a phone number or e-mail address that may be the candidate's: %(words)s.",
                       words=", ".join(found.other_contact)))
    parts.append(_("Rewrite it, or tick that the candidate asked for exactly this to be shared."))
    return " ".join(parts)


def health_found(text: str) -> tuple[str, ...]:
    """The health words and diagnosis codes of a text that people without a health scope would read."""
    return check(text or "", health_terms(), None).health


def refuse_health(text: str, field: str | None = None) -> None:
    """Refuse a text read by people without a health scope when it names a diagnosis or a condition."""
    found = health_found(text)
    if found:
        raise ServiceError(_("Write it in work terms, never a diagnosis or a condition: %(words)s.",
                             words=", ".join(found)), field)

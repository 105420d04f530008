"""What the kinds share: catalogue names in every language, and the template's instruction lines."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.extensions import db
from portal.reference.models import ReferenceItem
from portal.reference.services import labels


def catalogue_names(catalogue: str) -> dict[str, str]:
    """Code and label in each language (case-folded) -> code, for the active items of a catalogue.

    Concepts (occupations, skills) answer to their alternative labels too, after every code and
    preferred label: an alternative shared by two concepts never hides a preferred label.
    """
    found: dict[str, str] = {}
    alternatives: list[tuple[str, str]] = []
    for code, fi, sv, en, data in db.session.execute(select(
            ReferenceItem.code, ReferenceItem.label_fi, ReferenceItem.label_sv, ReferenceItem.label_en,
            ReferenceItem.data).where(ReferenceItem.catalogue == catalogue, ReferenceItem.active.is_(True))):
        found[code.casefold()] = code
        for label in (fi, sv, en):
            if label:
                found.setdefault(label.casefold(), code)
        alternatives += [(alt, code) for alts in ((data or {}).get("alt") or {}).values() for alt in alts]
    for alt, code in alternatives:
        found.setdefault(alt.casefold(), code)
    return found


def catalogue_line(catalogue: str, limit: int = 40) -> str:
    """The catalogue's labels in the user's language, for the instruction sheet."""
    names = list(labels(catalogue).values())
    shown = "; ".join(names[:limit])
    return shown + ("; …" if len(names) > limit else "")


def list_hint() -> str:
    """How to write several values in one cell."""
    return _("Separate several values with a semicolon (;).")

"""What the kinds share: catalogue names in every language, and the template's instruction lines."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.extensions import db
from portal.reference.models import ReferenceItem
from portal.reference.services import labels


def catalogue_names(catalogue: str) -> dict[str, str]:
    """Code and label in each language (case-folded) -> code, for the active items of a catalogue."""
    found: dict[str, str] = {}
    for code, fi, sv, en in db.session.execute(select(
            ReferenceItem.code, ReferenceItem.label_fi, ReferenceItem.label_sv, ReferenceItem.label_en)
            .where(ReferenceItem.catalogue == catalogue, ReferenceItem.active.is_(True))):
        found[code.casefold()] = code
        for label in (fi, sv, en):
            if label:
                found.setdefault(label.casefold(), code)
    return found


def catalogue_line(catalogue: str, limit: int = 40) -> str:
    """The catalogue's labels in the user's language, for the instruction sheet."""
    names = list(labels(catalogue).values())
    shown = "; ".join(names[:limit])
    return shown + ("; …" if len(names) > limit else "")


def list_hint() -> str:
    """How to write several values in one cell."""
    return _("Separate several values with a semicolon (;).")

"""How an organisation is named wherever one is chosen: with its business ID and municipality.

Two organisations may share a name ("Esimerkki Oy"); their business IDs never
match, so every select of organisations shows the ID and the home
municipality, and marks an organisation that is not verified yet.
"""
from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _

from portal.accounts.models import Organisation
from portal.reference.services import labels


def organisation_label(name: str, business_id: str | None, municipality_code: str | None,
                       verified: bool = True, municipalities: dict[str, str] | None = None) -> str:
    """'Esimerkki Oy (1234567-8, Tampere)'; what is missing is left out."""
    if municipalities is None:
        municipalities = labels("municipalities")
    parts = [business_id, municipalities.get(municipality_code) if municipality_code else None]
    if not verified:
        parts.append(_("not verified"))
    shown = ", ".join(p for p in parts if p)
    return f"{name} ({shown})" if shown else name


def label_of(org: Organisation, municipalities: dict[str, str] | None = None) -> str:
    """The label of one organisation."""
    return organisation_label(org.name, org.business_id, org.municipality_code, org.verified_at is not None,
                              municipalities)


def organisation_choices(orgs: Iterable[Organisation]) -> list[tuple[int, str]]:
    """(id, label) pairs for a select, in the given order (the municipality names read once)."""
    municipalities = labels("municipalities")
    return [(o.id, label_of(o, municipalities)) for o in orgs]

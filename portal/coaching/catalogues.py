"""Catalogue labels for the record pages, fetched in one query as plain tuples."""
from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import current_language
from portal.reference.models import ReferenceItem


def labels_for(*catalogues: str) -> dict[str, dict[str, str]]:
    """catalogue -> {code: label in the user's language} for several catalogues at once."""
    lang = current_language()
    column = getattr(ReferenceItem, f"label_{lang}", ReferenceItem.label_fi)
    rows = db.session.execute(select(ReferenceItem.catalogue, ReferenceItem.code, column, ReferenceItem.label_fi)
                              .where(ReferenceItem.catalogue.in_(catalogues))
                              .order_by(ReferenceItem.catalogue, ReferenceItem.sort_order))
    result: dict[str, dict[str, str]] = {name: {} for name in catalogues}
    for catalogue, code, label, fallback in rows:
        result[catalogue][code] = label or fallback
    return result

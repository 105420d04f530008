"""Catalogue labels for the record pages, fetched in one query as plain tuples."""
from __future__ import annotations

from sqlalchemy import select

from portal.cache import cached
from portal.domain.collation import sorted_by_name
from portal.extensions import db
from portal.i18n import current_language
from portal.reference.models import ReferenceItem
from portal.reference.places import BY_NAME


def labels_for(*catalogues: str) -> dict[str, dict[str, str]]:
    """catalogue -> {code: label in the user's language} for several catalogues at once (read only: shared).

    Cached while the catalogues stand still: the matching and record pages ask for some 600 labels a
    request, and sorting the places by name cost several milliseconds of each.
    """
    lang = current_language()
    return cached("labels", (catalogues, lang), ("reference",), lambda: _labels(catalogues, lang))


def _labels(catalogues: tuple[str, ...], lang: str) -> dict[str, dict[str, str]]:
    column = getattr(ReferenceItem, f"label_{lang}", ReferenceItem.label_fi)
    rows = db.session.execute(select(ReferenceItem.catalogue, ReferenceItem.code, column, ReferenceItem.label_fi)
                              .where(ReferenceItem.catalogue.in_(catalogues))
                              .order_by(ReferenceItem.catalogue, ReferenceItem.sort_order))
    result: dict[str, dict[str, str]] = {name: {} for name in catalogues}
    for catalogue, code, label, fallback in rows:
        result[catalogue][code] = label or fallback
    # Places are offered (filters iterate these dicts) in alphabetical order of the reader's language.
    return {name: dict(sorted_by_name(list(found.items()))) if name in BY_NAME else found
            for name, found in result.items()}

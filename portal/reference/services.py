"""Loading catalogues from seeds/reference and offering them to forms."""
from __future__ import annotations

from pathlib import Path

import yaml
from flask_babel import gettext as _
from sqlalchemy import select

from portal.cache import cached
from portal.domain.collation import sorted_by_name
from portal.extensions import db
from portal.i18n import current_language
from portal.reference import places
from portal.reference.concepts import catalogue_rows
from portal.reference.models import ReferenceItem

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds" / "reference"
LANGS = ("fi", "sv", "en")


class SeedError(ValueError):
    """A reference file that does not follow the format."""


def read_catalogue_file(path: Path) -> tuple[str, list[dict]]:
    """Parse and check one YAML catalogue file: its name and its items."""
    doc = yaml.safe_load(path.read_text("utf-8"))
    name, items = doc.get("catalogue"), doc.get("items") or []
    if not name or not doc.get("source"):
        raise SeedError(f"{path.name}: needs 'catalogue' and 'source'")
    seen: set[str] = set()
    for item in items:
        code = str(item.get("code", ""))
        if not code or code in seen:
            raise SeedError(f"{path.name}: missing or repeated code {code!r}")
        seen.add(code)
        missing = [lang for lang in LANGS if not item.get(lang)]
        if missing:
            raise SeedError(f"{path.name}: {code} lacks labels {missing}")
    return name, items


def load_reference(seed_dir: Path = SEED_DIR, places_dir: Path = places.PLACES_DIR) -> dict[str, int]:
    """Insert or update every catalogue item (seeds/reference and seeds/places); returns items written per catalogue.

    Idempotent: a second run changes nothing and reports zero writes. An item
    no longer in its file (a merged municipality) is kept, inactive, so old
    records still show its name.
    """
    found = [read_catalogue_file(path) for path in sorted(seed_dir.glob("*.yaml"))]
    found += list(catalogue_rows().items())  # occupations and skills: the concepts (seeds/concepts)
    written = {name: _write(name, items) for name, items in found + places.catalogues(places_dir)}
    db.session.flush()
    return written


def _write(name: str, items: list[dict]) -> int:
    existing = {i.code: i for i in db.session.scalars(
        select(ReferenceItem).where(ReferenceItem.catalogue == name))}
    count = 0
    for order, item in enumerate(items):
        code = str(item["code"])
        values = {"label_fi": item["fi"], "label_sv": item["sv"], "label_en": item["en"],
                  "sort_order": order, "data": item.get("data"), "active": True}
        row = existing.pop(code, None)
        if row is None:
            db.session.add(ReferenceItem(catalogue=name, code=code, **values))
            count += 1
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            count += 1
    for row in existing.values():
        if row.active:
            row.active = False
            count += 1
    return count


def items(catalogue: str) -> list[ReferenceItem]:
    """Active items of a catalogue in their seed order."""
    return list(db.session.scalars(
        select(ReferenceItem)
        .where(ReferenceItem.catalogue == catalogue, ReferenceItem.active.is_(True))
        .order_by(ReferenceItem.sort_order)
    ))


def choices(catalogue: str, by_label: bool = False) -> list[tuple[str, str]]:
    """(code, label) pairs in the current language for a form's select: places and `by_label` by name, else seed order.

    By label sorts as the reader's language does (Finnish and Swedish put å, ä, ö after z): long lists
    such as occupations and skills are read that way. Cached while the catalogues stand still: a page
    may ask for several (the dashboard's ~300 suppliers are labelled with their municipality), and the
    counters are read once a request anyway.
    """
    lang = current_language()

    def build() -> list[tuple[str, str]]:
        pairs = [(i.code, i.label(lang)) for i in items(catalogue)]
        return sorted_by_name(pairs) if by_label or catalogue in places.BY_NAME else pairs

    return cached("catalogue", (catalogue, lang, by_label), ("reference",), build)


def searchable() -> dict[str, str]:
    """Attributes that give a municipality list a search box (static/js/searchable.js), in the reader's language."""
    return {"data-searchable": _("Search municipalities by name"),
            "data-search-count": _("Municipalities shown: {n}")}


def labels(catalogue: str) -> dict[str, str]:
    """code -> label in the current language."""
    return dict(choices(catalogue))

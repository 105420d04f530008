"""Where the work is done: municipalities and their employment areas, for the rules of a place.

The one place the guidance feature learns a municipality's employment area.
It reads the portal's one table of municipalities (seeds/places/municipalities.csv,
Statistics Finland's classifications for 1.1.2026, with its ``verified`` flags),
which a yearly update replaces; the rules of a place then follow it.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from portal.domain.collation import sort_key
from portal.reference.places import PLACES_DIR

MUNICIPALITIES_CSV = PLACES_DIR / "municipalities.csv"


@dataclass(frozen=True)
class Municipality:
    """A municipality by its Statistics Finland code, with its names and its employment area."""

    code: str
    name_fi: str
    name_sv: str
    employment_area: str
    area_verified: bool

    def name(self, lang: str) -> str:
        """The name in the reader's language (Finnish unless Swedish is asked for)."""
        return self.name_sv if lang == "sv" else self.name_fi


@lru_cache(maxsize=1)
def municipalities() -> dict[str, Municipality]:
    """Every municipality by code (the file ships with the code, so it is read once)."""
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: Municipality(row["code"], row["name_fi"], row["name_sv"], row["employment_area"],
                                          row["verified"] == "yes")
                for row in csv.DictReader(fh)}


def municipality(code: str | None) -> Municipality | None:
    """The municipality with this code, or None."""
    return municipalities().get(code or "")


def employment_area_of(code: str | None) -> str | None:
    """The employment area a municipality belongs to, or None for an unknown code."""
    found = municipality(code)
    return found.employment_area if found else None


def choices(lang: str) -> list[tuple[str, str]]:
    """(code, name) for every municipality, sorted by name in the reader's language."""
    return sorted(((m.code, m.name(lang)) for m in municipalities().values()), key=lambda c: sort_key(c[1]))

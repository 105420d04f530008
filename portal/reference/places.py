"""Municipalities, regions, sub-regions and employment areas, read from seeds/places.

One data file (municipalities.csv, Statistics Finland's classifications for
one date) gives four catalogues, so a yearly update replaces that file and
runs ``flask seed reference``. The explicit neighbours come from their own
file. Nothing here touches the database: portal.reference.services writes
what these functions return, as it writes the YAML catalogues.
"""
from __future__ import annotations

import csv
from pathlib import Path

import yaml

PLACES_DIR = Path(__file__).resolve().parents[2] / "seeds" / "places"
COLUMNS = ("code", "name_fi", "name_sv", "language", "region_code", "region_fi", "region_sv", "subregion_code",
           "subregion_fi", "subregion_sv", "employment_area", "verified")
# Catalogues offered in alphabetical order of the reader's language (portal.domain.collation), not seed order.
BY_NAME = frozenset({"municipalities", "regions", "subregions", "employment_areas"})


class PlacesError(ValueError):
    """A places file that does not follow the format."""


def read_municipalities(path: Path) -> list[dict[str, str]]:
    """The rows of a municipalities file, checked: the columns, unique 3-digit codes, a yes/no flag."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise PlacesError(f"{path.name}: columns must be {', '.join(COLUMNS)}")
        rows = list(reader)
    codes = [row["code"] for row in rows]
    bad = [c for c in codes if len(c) != 3 or not c.isdigit()]
    if bad or len(set(codes)) != len(codes):
        raise PlacesError(f"{path.name}: codes must be unique and of three digits ({bad[:3]})")
    for row in rows:
        if row["verified"] not in ("yes", "no") or not all(row[k] for k in COLUMNS if k != "employment_area"):
            raise PlacesError(f"{path.name}: row {row['code']} has an empty cell or a flag other than yes/no")
    return rows


def read_neighbours(path: Path) -> dict[str, list[str]]:
    """Each municipality's explicit neighbours (codes as text)."""
    doc = yaml.safe_load(path.read_text("utf-8")) or {}
    return {str(code): [str(c) for c in near] for code, near in (doc.get("neighbours") or {}).items()}


def _item(code: str, fi: str, sv: str, data: dict | None = None) -> dict:
    return {"code": code, "fi": fi, "sv": sv, "en": fi, "data": data}


def catalogues(places_dir: Path = PLACES_DIR) -> list[tuple[str, list[dict]]]:
    """The four place catalogues as (name, items) in the YAML catalogues' item format."""
    rows = read_municipalities(places_dir / "municipalities.csv")
    neighbours = read_neighbours(places_dir / "neighbours.yaml")
    unknown = sorted({c for code, near in neighbours.items() for c in [code, *near]} - {r["code"] for r in rows})
    if unknown:
        raise PlacesError(f"neighbours.yaml: codes not in municipalities.csv: {unknown}")
    municipalities, regions, subregions, areas = [], {}, {}, {}
    for row in rows:
        data = {"region": row["region_code"], "subregion": row["subregion_code"],
                "employment_area": row["employment_area"] or None, "language": row["language"],
                "verified": row["verified"] == "yes"}
        if row["code"] in neighbours:
            data["neighbours"] = neighbours[row["code"]]
        municipalities.append(_item(row["code"], row["name_fi"], row["name_sv"], data))
        regions.setdefault(row["region_code"], _item(row["region_code"], row["region_fi"], row["region_sv"]))
        subregions.setdefault(row["subregion_code"], _item(
            row["subregion_code"], row["subregion_fi"], row["subregion_sv"], {"region": row["region_code"]}))
        if row["employment_area"]:
            name = row["employment_area"]
            area = areas.setdefault(name, _item(name, name, name, {"verified": True}))
            area["data"]["verified"] &= data["verified"]
    return [("municipalities", municipalities), ("regions", sorted(regions.values(), key=lambda i: i["code"])),
            ("subregions", sorted(subregions.values(), key=lambda i: i["code"])),
            ("employment_areas", sorted(areas.values(), key=lambda i: i["code"]))]

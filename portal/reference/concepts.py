"""Read the occupation and skill concepts from seeds/concepts into `portal.domain.concepts.Concept`s.

Files (each states its source; see seeds/concepts/README.md):
- occupations.csv: Statistics Finland's Classification of Occupations 2010, all 619 groups, copied
  unchanged from the compiled file (README-occupations.md gives its sources);
- occupation_labels.yaml: alternative labels written for the portal (`source: portal`) for unit groups;
- skills.yaml: the skill concepts, each with its source key;
- old_codes.yaml: every code of the portal's earlier short lists and the concept it now names;
- generic_heads.yaml: the generic heads of compounds (tasks, work, know-how, ...) per language, written for the
  portal, passed to the text analysis (portal.domain.concept_text.ConceptIndex).

The catalogue table (`reference_item`) holds them as three catalogues: `occupations` (the unit groups,
which forms offer), `occupation_groups` (levels 1-3, for the hierarchy) and `skills`; `data` carries
level, parent, alternative labels and sources. Matching and bench scripts may read the files directly
through `concepts()` without a database.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml

from portal.domain import text
from portal.domain.concept_text import ConceptIndex
from portal.domain.concepts import LANGS, UNIT_LEVEL, Concept, ConceptError, check
from portal.domain.match_concepts import Concepts

CONCEPT_DIR = Path(__file__).resolve().parents[2] / "seeds" / "concepts"
OCCUPATION_SOURCE = "statfi-aml2010"  # Statistics Finland, Classification of Occupations 2010 (CC BY 4.0)


def _alt(raw: dict | None) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(str(x) for x in (raw or {}).get(lang) or ()) for lang in LANGS}


def read_occupations(folder: Path = CONCEPT_DIR) -> dict[str, Concept]:
    """Every group of the classification with its Statistics Finland names and the portal's alternatives."""
    doc = yaml.safe_load((folder / "occupation_labels.yaml").read_text("utf-8"))
    extra = {str(k): v for k, v in (doc.get("labels") or {}).items()}
    out: dict[str, Concept] = {}
    with (folder / "occupations.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["code"]
            concept = Concept(scheme="occupations", code=code, source=OCCUPATION_SOURCE,
                              labels={lang: row[f"name_{lang}"] for lang in LANGS},
                              alt=_alt(extra.get(code)), alt_source=doc["source"] if code in extra else "",
                              level=int(row["level"]), parent=row["parent"] or None,
                              verified=row["verified"] == "yes")
            check(concept)
            out[code] = concept
    strays = [c for c in extra if c not in out or out[c].level != UNIT_LEVEL]
    if strays:
        raise ConceptError(f"occupation_labels.yaml: not unit groups of the classification: {strays}")
    return out


def read_skills(folder: Path = CONCEPT_DIR) -> dict[str, Concept]:
    """The skill concepts; each item's `source` must be one of the file's `sources`."""
    doc = yaml.safe_load((folder / "skills.yaml").read_text("utf-8"))
    sources = doc.get("sources") or {}
    out: dict[str, Concept] = {}
    for item in doc["items"]:
        code = str(item["code"])
        if code in out or item.get("source") not in sources:
            raise ConceptError(f"skills.yaml: {code} is repeated or has an unknown source")
        concept = Concept(scheme="skills", code=code, labels={lang: item.get(lang) or "" for lang in LANGS},
                          alt=_alt(item.get("alt")), source=item["source"], alt_source=item["source"],
                          group=item.get("group"), languages=frozenset(item.get("languages") or ()),
                          implies=tuple(item.get("implies") or ()))
        check(concept)
        out[code] = concept
    unknown = [(c.code, i) for c in out.values() for i in c.implies if i not in out]
    if unknown:
        raise ConceptError(f"skills.yaml: implies unknown skills {unknown}")
    return out


def read_old_codes(folder: Path = CONCEPT_DIR) -> dict[str, dict[str, str]]:
    """scheme -> old catalogue code -> concept code, for the codes stored before the concepts."""
    doc = yaml.safe_load((folder / "old_codes.yaml").read_text("utf-8"))
    return {scheme: {str(k): str(v) for k, v in mapping.items()} for scheme, mapping in doc["schemes"].items()}


def read_generic_heads(folder: Path = CONCEPT_DIR) -> dict[str, tuple[str, ...]]:
    """Language -> the generic heads of compounds ("tehtävät", "työ", "uppgifter"), as written in the file."""
    doc = yaml.safe_load((folder / "generic_heads.yaml").read_text("utf-8"))
    return {lang: tuple(str(w) for w in (doc["heads"].get(lang) or ())) for lang in LANGS}


@lru_cache(maxsize=1)
def concepts() -> dict[str, dict[str, Concept]]:
    """scheme ("occupations", "skills") -> code -> Concept, read once a process from the seed files."""
    return {"occupations": read_occupations(), "skills": read_skills()}


@lru_cache(maxsize=1)
def match_concepts() -> Concepts:
    """The concept indexes matching maps typed text with, built once a process (some 60 ms)."""
    found, heads = concepts(), read_generic_heads()
    return Concepts(ConceptIndex(found["occupations"], heads), ConceptIndex(found["skills"], heads))


@lru_cache(maxsize=1)
def generic_stems() -> dict[str, list[str]]:
    """Language -> the stems of the generic heads, as the concept analysis reads them (role search uses them)."""
    return text.generic_stems(read_generic_heads(), LANGS)


@lru_cache(maxsize=1)
def language_skills() -> dict[str, frozenset[str]]:
    """Skill code -> the languages that satisfy it (the language skills)."""
    return match_concepts().language_skills()


@lru_cache(maxsize=3)
def concept_labels(lang: str) -> dict[str, dict[str, str]]:
    """Labels in one language for explanations: skills, occupations (common job title) and occupation groups."""
    found = concepts()
    return {"skills": {code: c.label(lang) for code, c in found["skills"].items()},
            "occupations": {code: c.title(lang) for code, c in found["occupations"].items() if c.level == UNIT_LEVEL},
            "occupation_groups": {code: c.label(lang) for code, c in found["occupations"].items()
                                  if c.level != UNIT_LEVEL}}


def resolve(scheme: str, code: str) -> Concept | None:
    """The concept a stored code names: a concept code, or a code of the earlier short lists."""
    found = concepts()[scheme]
    return found.get(code) or found.get(read_old_codes().get(scheme, {}).get(code, ""))


def catalogue_rows() -> dict[str, list[dict]]:
    """The concepts as catalogue items (code, labels, data) in the shape `load_reference` writes."""
    rows: dict[str, list[dict]] = {"occupations": [], "occupation_groups": [], "skills": []}
    for scheme, found in concepts().items():
        for c in found.values():
            data: dict = {"alt": {lang: list(v) for lang, v in c.alt.items() if v}, "source": c.source}
            if c.alt_source and c.alt_source != c.source:
                data["alt_source"] = c.alt_source
            if scheme == "occupations":
                data.update(level=c.level, parent=c.parent, verified=c.verified)
                catalogue = "occupations" if c.level == UNIT_LEVEL else "occupation_groups"
            else:
                data.update({k: v for k, v in (("group", c.group), ("languages", sorted(c.languages)),
                                                ("implies", list(c.implies))) if v})
                catalogue = "skills"
            rows[catalogue].append({"code": c.code, **c.labels, "data": data})
    return rows

"""Hilma notice numbers (their form and link from seeds/procurements/hilma.yaml) and CPV codes' names."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import yaml

from portal.clock import today
from portal.domain.employment_forms import notice_year_problem, parse_notice_number
from portal.reference.services import labels

HILMA_FILE = Path(__file__).resolve().parents[2] / "seeds" / "procurements" / "hilma.yaml"


@lru_cache(maxsize=1)
def hilma() -> dict:
    """The Hilma settings: the number's pattern, the link and their source."""
    return yaml.safe_load(HILMA_FILE.read_text("utf-8"))


def notice_year_range() -> tuple[int, int]:
    """The years a notice number may have: from the seeds' first year to next year."""
    return int(hilma()["first_notice_year"]), today().year + 1


def notice_number(text: str | None) -> str | None:
    """The notice number in its published form, None when left empty; ValueError (its code: notice_format or
    notice_year) when malformed or of a year no notice can have."""
    if not (text or "").strip():
        return None
    number = parse_notice_number(text or "", hilma()["notice_number_pattern"])
    found = notice_year_problem(number, today(), notice_year_range()[0])
    if found:
        raise ValueError(found)
    return number


def notice_url(number: str | None) -> str:
    """The address of the notice on Hilma, or "" without a number."""
    return hilma()["notice_url"].format(number=quote(number)) if number else ""


def cpv_name(code: str | None) -> str:
    """The name of the most specific CPV entry the portal knows for a code: the code, its category, class or
    group (five, four or three significant digits), else its division."""
    digits = (code or "")[:8]
    names = labels("cpv_codes")
    for significant in (8, 5, 4, 3, 2):
        known = digits[:significant].ljust(8, "0")
        if known in names:
            return names[known]
    return labels("cpv_divisions").get(digits[:2], "")


def cpv_known(code: str | None) -> bool:
    """Whether the portal's CPV list names this exact code (not only its group or division)."""
    return (code or "")[:8] in labels("cpv_codes")

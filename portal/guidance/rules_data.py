"""The legal rules of seeds/rules, loaded once per process and validated, and today's date in Finland."""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from portal.domain.rules import RuleSet, load_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "seeds" / "rules"
HELSINKI = ZoneInfo("Europe/Helsinki")


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """Every rule of seeds/rules; the files ship with the code, so they are read once."""
    return load_rules(RULES_DIR)


def today() -> date:
    """The date in Finland now: rules change at midnight Finnish time."""
    return datetime.now(HELSINKI).date()

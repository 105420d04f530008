"""The legal rules of seeds/rules, loaded once per process and validated."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from portal.domain.rules import RuleSet, load_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "seeds" / "rules"


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """Every rule of seeds/rules; the files ship with the code, so they are read once."""
    return load_rules(RULES_DIR)

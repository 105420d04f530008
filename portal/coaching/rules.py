"""The coaching rules data (seeds/rules/coaching.yaml) read into domain dataclasses."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from portal.domain.caseload import FidelityRule, rule_on

RULES_FILE = Path(__file__).resolve().parents[2] / "seeds" / "rules" / "coaching.yaml"


@lru_cache(maxsize=1)
def fidelity_rules() -> tuple[FidelityRule, ...]:
    """Every period of the caseload fidelity limit (the file is read once per process)."""
    doc = yaml.safe_load(RULES_FILE.read_text("utf-8"))
    return tuple(FidelityRule(max_caseload=int(p["max_caseload"]), valid_from=p["valid_from"],
                              valid_to=p.get("valid_to"), source=doc["source"],
                              verified=bool(doc.get("verified")))
                 for p in doc["periods"])


def fidelity_rule(day: date) -> FidelityRule | None:
    """The fidelity limit in force on a day."""
    return rule_on(list(fidelity_rules()), day)

"""The coaching rules data (seeds/rules/coaching.yaml) read into domain dataclasses."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from portal.domain.caseload import FidelityRule, rule_on
from portal.domain.rules import parse_documents

RULES_FILE = Path(__file__).resolve().parents[2] / "seeds" / "rules" / "coaching.yaml"


@lru_cache(maxsize=1)
def fidelity_rules() -> tuple[FidelityRule, ...]:
    """Every period of the caseload fidelity limit (the file is read once per process, validated as rules are)."""
    found = parse_documents([(RULES_FILE.name, yaml.safe_load(RULES_FILE.read_text("utf-8")))])
    return tuple(FidelityRule(max_caseload=int(r["max_caseload"]), valid_from=r.effective_from,
                              valid_to=r.effective_to, source=r.source, verified=r.verified)
                 for r in found.of_kind("caseload_fidelity"))


def fidelity_rule(day: date) -> FidelityRule | None:
    """The fidelity limit in force on a day."""
    return rule_on(list(fidelity_rules()), day)

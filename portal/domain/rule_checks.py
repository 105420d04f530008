"""The checks a rule file must pass, field by field: dates, sources, places and the figures of each kind."""
from __future__ import annotations

from datetime import date
from typing import Any


class RulesError(ValueError):
    """A rules file that breaks the format; the message names the file and the rule."""


CONFIDENCE = ("A", "B", "open")
# Figures each kind must carry: name -> (type, lowest allowed, highest allowed).
_NUMBER = (int, float)
Figure = tuple[type | tuple[type, ...], float | None, float | None]
REQUIRED_FIGURES: dict[tuple[str, str | None], dict[str, Figure]] = {
    ("wage_subsidy", None): {"rate_percent": (_NUMBER, 1, 100), "monthly_cap_eur": (_NUMBER, 1, 100000),
                             "max_months": (int, 1, 120)},
    ("youth_employment_voucher", None): {"rate_percent": (_NUMBER, 1, 100), "monthly_cap_eur": (_NUMBER, 1, 100000),
                                         "max_months": (int, 1, 120)},
    ("caseload_fidelity", None): {"max_caseload": (int, 1, 1000)},
    ("kela_rehabilitation", None): {"min_months": (int, 1, 120), "max_months": (int, 1, 120)},
    ("wage_subsidy_employer_limit", None): {"allowed_situations": (list, None, None)},
    ("adjustment_support", "tools_and_modifications"): {"max_eur_per_person": (_NUMBER, 1, 1000000)},
    ("adjustment_support", "coworker_help"): {"eur_per_hour": (_NUMBER, 1, 1000),
                                              "max_hours_per_month": (_NUMBER, 1, 744),
                                              "max_months": (int, 1, 120)},
    ("reserved_contract", None): {"min_disadvantaged_share_percent": (_NUMBER, 1, 100),
                                  "legal_reference": (str, None, None)},
    ("work_trial", None): {"max_months_total": (int, 1, 120), "max_months_same_organiser": (int, 1, 120),
                           "min_hours_per_day": (_NUMBER, 0, 24), "max_hours_per_day": (_NUMBER, 1, 24),
                           "max_days_per_week": (int, 1, 7)},
}


def required_date(value: Any, where: str, name: str) -> date:
    """A date the rule must have (YYYY-MM-DD)."""
    found = optional_date(value, where, name)
    if found is None:
        raise RulesError(f"{where}: '{name}' is missing")
    return found


def optional_date(value: Any, where: str, name: str) -> date | None:
    """A date the rule may leave empty (None)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RulesError(f"{where}: '{name}' is not a date (YYYY-MM-DD): {value!r}") from None


def url(value: Any, where: str) -> str:
    """A source, which must be an https URL."""
    if not isinstance(value, str) or not value.startswith("https://") or " " in value.strip():
        raise RulesError(f"{where}: source must be an https URL, not {value!r}")
    return value.strip()


def check_figures(kind: str, situation: str | None, figures: dict[str, Any], where: str, open_: bool) -> None:
    """Refuse a figure of the kind that is missing (unless the rule is open), of the wrong type or out of range."""
    spec = REQUIRED_FIGURES.get((kind, situation)) or REQUIRED_FIGURES.get((kind, None)) or {}
    for name, (types, low, high) in spec.items():
        value = figures.get(name)
        if value is None and open_:
            continue  # a rule whose figures no source gives: named, never estimated
        if value is None:
            raise RulesError(f"{where}: figure '{name}' is missing")
        if isinstance(value, bool) or not isinstance(value, types):
            raise RulesError(f"{where}: figure '{name}' has the wrong type: {value!r}")
        if low is not None and high is not None and not (low <= figures[name] <= high):
            raise RulesError(f"{where}: figure '{name}' = {value} is outside {low}-{high}")


def optional_text(value: Any) -> str | None:
    """The value as text, or None when empty."""
    return None if value is None or value == "" else str(value)


def municipality_code(raw: dict[str, Any], where: str) -> str | None:
    """A municipality code: three digits, written as a string so YAML keeps its leading zeros."""
    code = raw.get("municipality")
    if code is None or code == "":
        return None
    if not isinstance(code, str) or len(code) != 3 or not code.isdigit():
        raise RulesError(f"{where}: 'municipality' must be a three-digit code in quotes, not {code!r}")
    if raw.get("employment_area"):
        raise RulesError(f"{where}: a rule applies to an employment area or a municipality, not both")
    return code

"""Light and intensive coaching paths: contact rhythm, caseload weight and the review that proposes a move.

The figures come from seeds/coaching/paths.yaml (the portal's defaults, no
legal source); the rules here only read them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

PATH_CODES = ("light", "intensive")
DECISIONS = ("accepted", "declined")
# A coach's own move in the candidate's details (no proposal): kept in the path history, and the review restarts.
MANUAL_REASON, MANUAL_DECISION = "coach_move", "moved"


@dataclass(frozen=True)
class PathRule:
    """One coaching path as data: how often to meet, how much it weighs, when it is reviewed."""

    code: str
    contact_every_days: int
    caseload_weight: float
    review_after_days: int
    propose: str
    review_min_contacts: int | None = None  # at least this many contacts: propose a move
    review_max_contacts: int | None = None  # at most this many contacts: propose a move
    portal_default: bool = True


@dataclass(frozen=True)
class Proposal:
    """A suggested move between paths and why: reason code, contacts counted, days on the path."""

    from_path: str
    to_path: str
    reason: str
    contacts: int
    days: int


def parse_paths(data: Mapping[str, Any]) -> dict[str, PathRule]:
    """The paths of the seed file by code; refuses a missing path, a bad figure or an unknown target."""
    found: dict[str, PathRule] = {}
    for raw in data.get("paths") or []:
        code = raw.get("code")
        if code not in PATH_CODES or code in found:
            raise ValueError(f"unknown or repeated path code: {code!r}")
        rule = PathRule(code=code, contact_every_days=int(raw["contact_every_days"]),
                        caseload_weight=float(raw["caseload_weight"]),
                        review_after_days=int(raw["review_after_days"]), propose=str(raw["propose"]),
                        review_min_contacts=raw.get("review_min_contacts"),
                        review_max_contacts=raw.get("review_max_contacts"),
                        portal_default=bool(raw.get("portal_default", True)))
        if rule.contact_every_days < 1 or rule.review_after_days < 1 or rule.caseload_weight <= 0:
            raise ValueError(f"path {code}: figures must be positive")
        if rule.propose not in PATH_CODES or rule.propose == code:
            raise ValueError(f"path {code}: propose must name the other path")
        found[code] = rule
    if set(found) != set(PATH_CODES):
        raise ValueError("both paths, light and intensive, must be given")
    return found


def next_follow_up(contact_on: date, rule: PathRule, current: date | None = None,
                   latest_contact: date | None = None) -> date:
    """The follow-up the path's rhythm proposes after a contact; an earlier one already set is kept.

    The rhythm runs from the latest contact: a contact recorded afterwards with an older date
    (back-dated) never moves the follow-up backwards.
    """
    contact_on = max(contact_on, latest_contact) if latest_contact else contact_on
    proposed = contact_on + timedelta(days=rule.contact_every_days)
    if current is not None and contact_on < current < proposed:
        return current
    return proposed


def weighted_load(intensities: Iterable[str], rules: Mapping[str, PathRule]) -> float:
    """The caseload counted with each person's path weight (an unknown path weighs as light)."""
    return sum(rules.get(code, rules["light"]).caseload_weight for code in intensities)


def review_proposal(current: str, rules: Mapping[str, PathRule], path_since: date, contacts: int,
                    today: date) -> Proposal | None:
    """A proposed move once the path has run its review period, or None (not due, or nothing to propose).

    contacts: the employer contacts recorded since the path began (or since the last review).
    """
    rule = rules.get(current)
    days = (today - path_since).days
    if rule is None or days < rule.review_after_days:
        return None
    if rule.review_min_contacts is not None and contacts >= rule.review_min_contacts:
        return Proposal(current, rule.propose, "many_contacts", contacts, days)
    if rule.review_max_contacts is not None and contacts <= rule.review_max_contacts:
        return Proposal(current, rule.propose, "few_contacts", contacts, days)
    return None


def over_weighted_limit(load: float, limit: int | None) -> bool:
    """Whether a weighted caseload is above the fidelity limit (at the limit is still fine)."""
    return limit is not None and load > limit

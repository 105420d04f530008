"""Rules of procurements, clause parameters and ledger entries: what is allowed, as codes.

Services turn each problem code into a message in the user's language. The
counting itself is in ``portal.domain.obligations``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from portal.domain.obligation_types import ACCEPTS, ENTRY_KINDS

STATUSES = ("planned", "tendering", "awarded", "in_force", "ended")
# Forward along the procurement's life; back one step only where a call for
# tenders is withdrawn (tendering -> planned) or an award is annulled
# (awarded -> tendering). An ended contract stays ended.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "planned": ("tendering",),
    "tendering": ("awarded", "planned"),
    "awarded": ("in_force", "tendering"),
    "in_force": ("ended",),
    "ended": (),
}
NEEDS_SUPPLIER = frozenset({"awarded", "in_force", "ended"})
REPORTING_INTERVALS = (1, 3, 6, 12)
PERSON_KINDS = frozenset({"persons", "apprenticeships", "work_trials"})
SOCIAL_ENTERPRISE_KINDS = frozenset(k for k, kinds in ACCEPTS.items() if "social_enterprise" in kinds)
CPV_PATTERN = re.compile(r"^(\d{2})(\d{6})(?:-(\d))?$")
PERSON_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,19}$")
# The shape of a Finnish personal identity code, check character right or wrong.
HETU_SHAPE = re.compile(r"^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$")


def transition_problem(current: str, target: str, has_supplier: bool) -> str | None:
    """None if the status may change; else not_allowed or needs_supplier."""
    if target not in TRANSITIONS.get(current, ()):
        return "not_allowed"
    if target in NEEDS_SUPPLIER and not has_supplier:
        return "needs_supplier"
    return None


def parse_cpv(code: str) -> tuple[str, str]:
    """(normalised code, two-digit division); ValueError when the format is wrong.

    A CPV code is eight digits, optionally followed by a hyphen and a check
    digit (45000000-7). The check digit is kept as typed but not verified: the
    method in the CPV's own guide does not reproduce the digits of the
    codes in Regulation (EC) 213/2008, as the EU Publications Office confirmed
    in 2024 (github.com/OP-TED/ePO discussion 589), and no other method has
    been published. Verifying it would need the regulation's full list of
    codes with their digits as data (seeds/reference/cpv_codes.yaml holds
    the eight digits only).
    """
    compact = re.sub(r"\s+", "", code or "")
    match = CPV_PATTERN.match(compact)
    if not match:
        raise ValueError("cpv_format")
    return compact, match.group(1)


def period_problem(start: date | None, end: date | None) -> str | None:
    """dates_reversed when the period ends before it starts."""
    if start and end and end < start:
        return "dates_reversed"
    return None


@dataclass(frozen=True)
class ClauseParams:
    """The parameters an officer fills in for a clause template."""

    kind: str
    quantity: float
    deadline: date
    reporting_interval: int
    min_months: float | None = None
    social_enterprise_share: float | None = None  # 0..1
    sanction_per_month: float | None = None


def clause_problems(p: ClauseParams, contract_start: date, contract_end: date) -> dict[str, str]:
    """field -> problem code for clause parameters that cannot stand."""
    problems: dict[str, str] = {}
    if p.quantity is None or p.quantity <= 0:
        problems["quantity"] = "not_positive"
    elif p.kind in PERSON_KINDS and p.quantity != int(p.quantity):
        problems["quantity"] = "whole_persons"
    if p.kind in PERSON_KINDS and (p.min_months is None or p.min_months <= 0):
        problems["min_months"] = "not_positive"
    if p.deadline and not contract_start <= p.deadline <= contract_end:
        problems["deadline"] = "outside_contract"
    if p.reporting_interval not in REPORTING_INTERVALS:
        problems["reporting_interval"] = "unknown_interval"
    if p.social_enterprise_share is not None and not 0 < p.social_enterprise_share <= 1:
        problems["social_enterprise_share"] = "share_range"
    if p.sanction_per_month is not None and p.sanction_per_month < 0:
        problems["sanction_per_month"] = "negative"
    return problems


def person_code_problem(code: str) -> str | None:
    """Codes must be pseudonymous: letters, digits and hyphens with at least one digit, never
    anything shaped like a personal identity code (even with a wrong check character). A name
    (no digits) is refused, which keeps names out of the ledger."""
    if HETU_SHAPE.match(code):
        return "person_code_hetu"
    if not PERSON_CODE.match(code) or not any(c.isdigit() for c in code):
        return "person_code_format"
    return None


def entry_problems(kind: str, start: date | None, end: date | None, share: float | None,
                   clause_kind: str, period_start: date, deadline: date,
                   social_enterprise_allowed: bool) -> dict[str, str]:
    """field -> problem code for a ledger entry of a clause (kind, start, end, share)."""
    problems: dict[str, str] = {}
    if kind not in ENTRY_KINDS:
        problems["kind"] = "unknown_kind"
    elif kind not in ACCEPTS[clause_kind] or (kind == "social_enterprise" and not social_enterprise_allowed):
        problems["kind"] = "kind_not_accepted"
    if start is not None:
        if start < period_start:
            problems["start_date"] = "before_period"
        elif start > deadline:
            problems["start_date"] = "after_deadline"
    if start is not None and end is not None and end < start:
        problems["end_date"] = "dates_reversed"
    if share is None or not 0 < share <= 1:
        problems["work_share"] = "share_range"
    return problems

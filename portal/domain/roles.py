"""Roles, organisation kinds and which role fits which kind of organisation."""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    EMPLOYER = "employer"
    COACH = "coach"
    CANDIDATE = "candidate"


class OrgKind(StrEnum):
    OPERATOR = "operator"
    BUYER = "buyer"
    EMPLOYER = "employer"
    PROVIDER = "provider"


# Who may hold a role in which kind of organisation: an employer's staff are
# employers, a buyer's staff are procurement officers, a provider's staff are
# coaches and its coached people candidates; administrators run the portal.
ROLES_BY_KIND: dict[OrgKind, frozenset[Role]] = {
    OrgKind.OPERATOR: frozenset({Role.ADMIN}),
    OrgKind.BUYER: frozenset({Role.OFFICER}),
    OrgKind.EMPLOYER: frozenset({Role.EMPLOYER}),
    OrgKind.PROVIDER: frozenset({Role.COACH, Role.CANDIDATE}),
}


def role_fits(role: str, kind: str) -> bool:
    """Whether a member of an organisation of this kind may hold this role."""
    try:
        return Role(role) in ROLES_BY_KIND[OrgKind(kind)]
    except ValueError:
        return False

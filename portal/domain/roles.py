"""Roles, organisation kinds and which role fits which kind of organisation."""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    EMPLOYER = "employer"
    COACH = "coach"
    CANDIDATE = "candidate"
    PROFESSIONAL = "professional"  # a member of a candidate's team from social work, health care, Kela ...
    PEER = "peer"  # a peer coach or an expert by experience


class OrgKind(StrEnum):
    OPERATOR = "operator"
    BUYER = "buyer"
    EMPLOYER = "employer"
    PROVIDER = "provider"
    SOCIAL_SERVICES = "social_services"
    HEALTH_CARE = "health_care"
    KELA = "kela"
    TYP = "typ"
    REHABILITATION = "rehabilitation"
    WORKSHOP = "workshop"
    ASSOCIATION = "association"  # an association of peers or experts by experience


# Who may hold a role in which kind of organisation: an employer's staff are
# employers, a buyer's staff are procurement officers, a provider's staff are
# coaches and its coached people candidates; administrators run the portal.
# The sectors around a candidate (social work, health care, Kela, TYP,
# rehabilitation, workshops) have professionals; peers work for a provider,
# a workshop or an association.
ROLES_BY_KIND: dict[OrgKind, frozenset[Role]] = {
    OrgKind.OPERATOR: frozenset({Role.ADMIN}),
    OrgKind.BUYER: frozenset({Role.OFFICER}),
    OrgKind.EMPLOYER: frozenset({Role.EMPLOYER}),
    OrgKind.PROVIDER: frozenset({Role.COACH, Role.CANDIDATE, Role.PEER}),
    OrgKind.SOCIAL_SERVICES: frozenset({Role.PROFESSIONAL}),
    OrgKind.HEALTH_CARE: frozenset({Role.PROFESSIONAL}),
    OrgKind.KELA: frozenset({Role.PROFESSIONAL}),
    OrgKind.TYP: frozenset({Role.PROFESSIONAL}),
    OrgKind.REHABILITATION: frozenset({Role.PROFESSIONAL}),
    OrgKind.WORKSHOP: frozenset({Role.PROFESSIONAL, Role.PEER}),
    OrgKind.ASSOCIATION: frozenset({Role.PEER}),
}


def role_fits(role: str, kind: str) -> bool:
    """Whether a member of an organisation of this kind may hold this role."""
    try:
        return Role(role) in ROLES_BY_KIND[OrgKind(kind)]
    except ValueError:
        return False

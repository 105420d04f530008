"""Test factories: organisations and users with sensible defaults."""
from __future__ import annotations

import itertools

from portal.accounts.models import Membership, Organisation, User
from portal.accounts.passwords import hash_password
from portal.db_types import utcnow
from portal.domain.business_id import with_check_digit
from portal.domain.roles import ROLES_BY_KIND, Role
from portal.extensions import db

PASSWORD = "Testi-salasana-2026"
_counter = itertools.count(1000000)
KIND_OF_ROLE = {role: kind for kind, roles in ROLES_BY_KIND.items() for role in roles}


def next_business_id() -> str:
    """A fresh valid business ID (skipping prefixes that have no check digit)."""
    while True:
        try:
            return with_check_digit(f"{next(_counter):07d}")
        except ValueError:
            continue


def make_org(kind: str, name: str | None = None, verified: bool = True, **fields) -> Organisation:
    """An organisation of a kind, flushed; verified (as an administrator's would be) unless told otherwise."""
    org = Organisation(kind=kind, name=name or f"Test {kind} {next(_counter)}",
                       business_id=fields.pop("business_id", None) or next_business_id(), **fields)
    if verified:
        org.mark_verified("created_by_admin")
    db.session.add(org)
    db.session.flush()
    return org


def make_user(role: str, org: Organisation | None = None, email: str | None = None,
              password: str | None = PASSWORD, **fields) -> User:
    """A user holding a role in an organisation (one of the right kind is made if none given)."""
    org = org or make_org(KIND_OF_ROLE[Role(role)])
    n = next(_counter)
    user = User(email=(email or f"{role}{n}@test.example").casefold(), name=fields.pop("name", f"{role.title()} {n}"),
                password_hash=hash_password(password) if password else None,
                password_changed_at=utcnow(), **fields)
    user.memberships.append(Membership(organisation=org, role=role))
    db.session.add(user)
    db.session.flush()
    return user

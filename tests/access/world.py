"""The world the access rules are checked in: home and other organisations, a user per role."""
from __future__ import annotations

from dataclasses import dataclass, field

from portal.accounts.models import Organisation, User
from portal.extensions import db
from tests.access import modules
from tests.factories import PASSWORD, make_org, make_user

ROLE_KIND = {"admin": "operator", "officer": "buyer", "employer": "employer",
             "coach": "provider", "candidate": "provider",
             # a social worker and an expert by experience: members of the candidate's team (tests/access/team.py)
             "professional": "social_services", "peer": "association"}


@dataclass
class World:
    orgs: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    password: str = PASSWORD

    def user(self, who: str) -> User:
        return self.users[who]


def build_world() -> World:
    """Create the organisations and users, then let every feature add its objects."""
    world = World()
    for kind in dict.fromkeys(ROLE_KIND.values()):
        world.orgs[kind] = make_org(kind, name=f"Home {kind}")
        world.orgs[f"other_{kind}"] = make_org(kind, name=f"Other {kind}")
    for role, kind in ROLE_KIND.items():
        world.users[role] = make_user(role, world.orgs[kind], email=f"{role}@home.example")
        if role != "admin":
            world.users[f"other_{role}"] = make_user(role, world.orgs[f"other_{kind}"],
                                                     email=f"{role}@other.example")
    for role in ("coach", "candidate"):
        world.users[f"second_{role}"] = make_user(role, world.orgs["provider"], email=f"{role}2@home.example")
    for module in modules():
        build = getattr(module, "build", None)
        if build is not None:
            build(world)
    db.session.commit()
    return world

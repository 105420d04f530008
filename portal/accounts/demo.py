"""Demo organisations and logins from seeds/demo/accounts.yaml (idempotent)."""
from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import select

from portal.accounts.models import Membership, Organisation, User
from portal.accounts.passwords import hash_password
from portal.db_types import utcnow
from portal.extensions import db

DEMO_FILE = Path(__file__).resolve().parents[2] / "seeds" / "demo" / "accounts.yaml"


def demo_accounts() -> dict:
    """The parsed demo file."""
    return yaml.safe_load(DEMO_FILE.read_text("utf-8"))


def demo_org(key: str) -> Organisation:
    """A demo organisation by its key in the file (for other features' demo data)."""
    spec = next(o for o in demo_accounts()["organisations"] if o["key"] == key)
    return db.session.scalars(select(Organisation).where(Organisation.business_id == spec["business_id"])).one()


def demo_user(role: str) -> User:
    """The demo login of a role."""
    spec = next(u for u in demo_accounts()["users"] if u["role"] == role)
    return db.session.scalars(select(User).where(User.email == spec["email"])).one()


def seed() -> str:
    """Create missing demo organisations and users; existing ones are left as they are."""
    doc = demo_accounts()
    orgs, created = {}, 0
    for spec in doc["organisations"]:
        org = db.session.scalars(select(Organisation).where(Organisation.business_id == spec["business_id"])).first()
        if org is None:
            org = Organisation(name=spec["name"], kind=spec["kind"], business_id=spec["business_id"],
                               municipality_code=spec.get("municipality_code"))
            org.mark_verified("demo_data")
            db.session.add(org)
            created += 1
        orgs[spec["key"]] = org
    for spec in doc["users"]:
        if db.session.scalars(select(User).where(User.email == spec["email"])).first() is None:
            user = User(email=spec["email"], name=spec["name"], password_hash=hash_password(spec["password"]),
                        password_changed_at=utcnow())
            user.memberships.append(Membership(organisation=orgs[spec["org"]], role=spec["role"]))
            db.session.add(user)
            created += 1
    db.session.flush()
    return f"{created} created"

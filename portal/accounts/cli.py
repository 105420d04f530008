"""`flask users create-admin`: the first administrator of a new installation.

Production has no demo accounts (`flask seed demo` refuses there), so the
operator's first admin is made from the command line. The password is read
from a hidden prompt (or standard input), never from an argument that would
stay in the shell history and the process list.
"""
from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from portal.accounts.models import Membership, Organisation, User
from portal.accounts.passwords import hash_password, problems
from portal.accounts.services import normalise_email
from portal.audit.services import record
from portal.db_types import utcnow
from portal.domain.business_id import normalise_business_id
from portal.extensions import db

users = AppGroup("users", help="Accounts from the command line.")

PROBLEM_TEXT = {
    "too_short": "the password must have at least 12 characters",
    "too_long": "the password is too long",
    "common": "the password is on the list of common passwords",
    "contains_email": "the password must not contain the email address",
}


def operator_organisation(name: str, business_id: str) -> Organisation:
    """The operator organisation with this business ID, created when missing."""
    org = db.session.scalars(select(Organisation).where(Organisation.business_id == business_id)).first()
    if org is None:
        org = Organisation(name=name, kind="operator", business_id=business_id)
        org.mark_verified("command_line")
        db.session.add(org)
    elif org.kind != "operator":
        raise click.ClickException(f"{business_id} belongs to an organisation of kind {org.kind}, not the operator")
    return org


@users.command("create-admin")
@click.option("--email", required=True, help="The administrator's sign-in address.")
@click.option("--name", required=True, help="The administrator's full name.")
@click.option("--organisation", "org_name", required=True, help="The operator organisation's name.")
@click.option("--business-id", required=True, help="The operator's Finnish business ID (Y-tunnus).")
@click.password_option("--password", prompt="Password", help="Asked for when not given (hidden, twice).")
def create_admin(email: str, name: str, org_name: str, business_id: str, password: str) -> None:
    """Create an administrator of the operator organisation (the organisation too, when missing)."""
    email = normalise_email(email)
    if "@" not in email:
        raise click.ClickException("the email address is not valid")
    try:
        business_id = normalise_business_id(business_id)
    except ValueError:
        raise click.ClickException("the business ID is not valid (check digit or form)") from None
    found = problems(password, email)
    if found:
        raise click.ClickException("; ".join(PROBLEM_TEXT.get(code, code) for code in found))
    if db.session.scalars(select(User).where(User.email == email)).first() is not None:
        raise click.ClickException(f"a user {email} exists already; nothing was changed")
    org = operator_organisation(org_name.strip(), business_id)
    user = User(email=email, name=name.strip(), password_hash=hash_password(password), password_changed_at=utcnow())
    user.memberships.append(Membership(organisation=org, role="admin"))
    db.session.add(user)
    db.session.flush()
    record("admin_created_from_command_line", "user", user.id, organisation_id=org.id,
           detail={"role": "admin"})
    db.session.commit()
    click.echo(f"administrator {email} created in {org.name} ({business_id})")

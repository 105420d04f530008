"""Business actions of administration; every change leaves an audit event."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from portal.accounts import services as accounts
from portal.accounts.models import Membership, Organisation, User
from portal.accounts.sessions import end_all_sessions
from portal.audit.services import record
from portal.domain.roles import role_fits
from portal.domain.verification import same_name
from portal.errors import ServiceError
from portal.extensions import db
from portal.identity.services import look_alikes

ORG_SORTS = {"name": Organisation.name, "kind": Organisation.kind, "created": Organisation.created_at}
USER_SORTS = {"name": User.name, "email": User.email, "created": User.created_at,
              "last_login": User.last_login_at}


def organisations_query(q: str = "", kind: str = ""):
    """Organisations matching a search word and kind (unsorted)."""
    stmt = select(Organisation)
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Organisation.name).like(like), Organisation.business_id.like(like)))
    if kind:
        stmt = stmt.where(Organisation.kind == kind)
    return stmt


def users_query(q: str = "", role: str = ""):
    """Users matching a search word and role (unsorted); memberships come eagerly."""
    stmt = select(User)
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(User.name).like(like), User.email.like(like)))
    if role:
        stmt = stmt.where(User.memberships.any(Membership.role == role))
    return stmt


def save_organisation(org: Organisation | None, data: dict, verified_as: str = "created_by_admin") -> Organisation:
    """Create or update an organisation; a business ID already in use is refused.

    A new organisation is verified as it is made (``verified_as`` says how):
    whoever creates one here is trusted by the portal already.
    """
    business_id = data.get("business_id") or None
    if business_id:
        holder = db.session.scalar(select(Organisation.id).where(Organisation.business_id == business_id))
        if holder is not None and (org is None or holder != org.id):
            raise ServiceError(_("Another organisation already has this business ID."), "business_id")
    if org is not None and data["kind"] != org.kind and any(
            not role_fits(m.role, data["kind"]) for m in org.memberships):
        raise ServiceError(_("Members of this organisation hold roles that do not fit the new kind. "
                             "Change their roles first."), "kind")
    creating = org is None
    if org is None:
        org = Organisation()
    if creating or not same_name(data["name"], org.name):
        _refuse_a_look_alike(org, data["name"])
    if creating:
        org.mark_verified(verified_as, current_user if current_user.is_authenticated else None)
    org.name = data["name"].strip()
    org.kind = data["kind"]
    org.business_id = business_id
    org.municipality_code = data.get("municipality_code") or None
    db.session.add(org)
    db.session.flush()
    record("organisation_created" if creating else "organisation_updated", "organisation", org.id,
           organisation_id=org.id, detail={"name": org.name, "kind": org.kind, "business_id": org.business_id,
                                           **({"verified": verified_as} if creating else {})})
    return org


def _refuse_a_look_alike(org: Organisation, name: str) -> None:
    """Two organisations of one name can be told apart only by their business IDs, which few pages show:
    a name is refused while an active organisation already has one that looks the same."""
    for other in look_alikes(org, name):
        if other.active:
            raise ServiceError(_("%(name)s (%(business_id)s) already has a name that looks the same. Give this "
                                 "organisation a name that tells them apart, for example with its place or line "
                                 "of business.", name=other.name, business_id=other.business_id or "–"), "name")


def invite_user(name: str, email: str, organisation: Organisation, role: str) -> tuple[User, str]:
    """Create a user without a password and mail them an invitation link."""
    if not role_fits(role, organisation.kind):
        raise ServiceError(_("This role does not fit the kind of the organisation."), "role")
    if accounts.find_user(email) is not None:
        raise ServiceError(_("A user with this email already exists."), "email")
    user = User(email=accounts.normalise_email(email), name=name.strip())
    user.memberships.append(Membership(organisation=organisation, role=role))
    db.session.add(user)
    db.session.flush()
    link = accounts.send_invitation(user)
    record("user_invited", "user", user.id, organisation_id=organisation.id,
           detail={"role": role, "email": user.email})
    return user, link


def change_role(user: User, role: str) -> None:
    """Give the user's membership another role that fits its organisation."""
    membership = user.membership
    if membership is None:
        raise ServiceError(_("The user belongs to no organisation."), "role")
    if not role_fits(role, membership.organisation.kind):
        raise ServiceError(_("This role does not fit the kind of the organisation."), "role")
    old = membership.role
    membership.role = role
    # A new role changes what the user may see: make them sign in again.
    end_all_sessions(user, reason="role_changed")
    record("role_changed", "user", user.id, organisation_id=membership.organisation_id,
           detail={"from": old, "to": role})


def set_active(user: User, active: bool, by: User) -> None:
    """Deactivate (ending all sessions) or reactivate a user; nobody deactivates themselves."""
    if user.id == by.id and not active:
        raise ServiceError(_("You cannot deactivate your own account."))
    user.active = active
    if not active:
        end_all_sessions(user, reason="deactivated")
    record("user_activated" if active else "user_deactivated", "user", user.id,
           organisation_id=user.organisation_id)

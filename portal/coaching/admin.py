"""Queries and actions behind the audit log of a provider and the administrator's pages."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import Membership, Organisation, User
from portal.audit.models import AuditEvent
from portal.audit.services import record
from portal.coaching.access import AUDIT_TYPE
from portal.coaching.models import Candidate, OrganisationAdmin
from portal.errors import ServiceError
from portal.extensions import db


def org_audit_query(organisation_id: int, code: str = ""):
    """Events on the organisation's candidates (and caseload views), newest first; by code if given."""
    stmt = (select(AuditEvent).where(AuditEvent.organisation_id == organisation_id,
                                     AuditEvent.object_type.in_((AUDIT_TYPE, "caseload")))
            # Newest first by id (assigned in insert order): the organisation index then yields rows in
            # order, so a page of a long log needs no sort of the whole log.
            .order_by(AuditEvent.id.desc()))
    if code:
        stmt = stmt.where(AuditEvent.object_type == AUDIT_TYPE, AuditEvent.object_id.in_(
            select(Candidate.id).where(Candidate.code == code, Candidate.organisation_id == organisation_id)))
    return stmt


def codes_for(events: list[AuditEvent]) -> dict[int, str]:
    """Candidate id -> code for the events on a page (one query)."""
    ids = {e.object_id for e in events if e.object_type == AUDIT_TYPE}
    if not ids:
        return {}
    return dict(db.session.execute(select(Candidate.id, Candidate.code).where(Candidate.id.in_(ids))).all())


def admin_candidates_query(code: str = ""):
    """Candidates by code with their provider, newest first."""
    stmt = select(Candidate).order_by(Candidate.created_at.desc(), Candidate.id.desc())
    if code:
        stmt = stmt.where(Candidate.code.contains(code))
    return stmt


def provider_staff() -> list[tuple[User, Organisation, bool]]:
    """Every coach of every provider, with whether they hold the admin grant (two queries)."""
    rows = db.session.execute(
        select(User, Organisation).join(Membership, Membership.user_id == User.id)
        .join(Organisation, Organisation.id == Membership.organisation_id)
        .where(Membership.role == "coach", Organisation.kind == "provider")
        .order_by(Organisation.name, User.name, User.id)).all()
    granted = set(db.session.execute(select(OrganisationAdmin.organisation_id, OrganisationAdmin.user_id)).all())
    return [(u, o, (o.id, u.id) in granted) for u, o in rows]


def set_org_admin(user_id: int | None, grant: bool, actor) -> None:
    """Grant or revoke the provider admin right of a coach."""
    user = db.session.get(User, user_id) if user_id else None
    if user is None or user.role != "coach" or user.organisation.kind != "provider":
        raise ServiceError(_("Choose a coach of a service provider."))
    existing = db.session.get(OrganisationAdmin, (user.organisation_id, user.id))
    if grant and existing is None:
        db.session.add(OrganisationAdmin(organisation_id=user.organisation_id, user_id=user.id,
                                         granted_by_id=actor.id))
    elif not grant and existing is not None:
        db.session.delete(existing)
    db.session.flush()
    record("org_admin_granted" if grant else "org_admin_revoked", "user", user.id,
           organisation_id=user.organisation_id)

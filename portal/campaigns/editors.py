"""Granting and revoking the permission to write campaigns (administrators only)."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.services import record
from portal.campaigns.models import CampaignEditor
from portal.errors import ServiceError
from portal.extensions import db


def editors_query():
    """Every editor with the user, by name."""
    return select(CampaignEditor).join(User, User.id == CampaignEditor.user_id).order_by(User.name, CampaignEditor.id)


def grant(email: str) -> CampaignEditor:
    """Give an active user the permission; administrators have it already."""
    user = db.session.scalar(select(User).where(User.email == email.strip().casefold()))
    if user is None or not user.active:
        raise ServiceError(_("No active user has this email address."), "email")
    if user.role == "admin":
        raise ServiceError(_("Administrators can edit campaigns already."), "email")
    if db.session.scalar(select(CampaignEditor.id).where(CampaignEditor.user_id == user.id)):
        raise ServiceError(_("This user can edit campaigns already."), "email")
    editor = CampaignEditor(user_id=user.id, granted_by_id=current_user.id)
    db.session.add(editor)
    db.session.flush()
    record("campaign_editor_granted", "user", user.id, organisation_id=user.organisation_id)
    return editor


def revoke(editor: CampaignEditor) -> None:
    """Take the permission away."""
    record("campaign_editor_revoked", "user", editor.user_id, organisation_id=editor.user.organisation_id)
    db.session.delete(editor)

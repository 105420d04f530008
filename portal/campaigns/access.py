"""Who may write campaigns, events and stories: administrators and granted editors.

The permission is a row in ``campaign_editor`` that an administrator grants
to a user of any organisation (communications staff are not a role of their
own). Editors work on their organisation's content; administrators on all.
"""
from __future__ import annotations

from functools import wraps

from flask import abort, g
from flask_login import current_user
from sqlalchemy import select, true

from portal.campaigns.models import CampaignEditor
from portal.extensions import db


def is_editor(user=None) -> bool:
    """Whether the user (default: the current one) may edit campaigns; cached per request."""
    user = user or current_user
    if not getattr(user, "is_authenticated", False):
        return False
    if user.role == "admin":
        return True
    cache = g.setdefault("_campaign_editor", {})
    if user.id not in cache:
        cache[user.id] = db.session.scalar(
            select(CampaignEditor.id).where(CampaignEditor.user_id == user.id)) is not None
    return cache[user.id]


def editor_required(view):
    """View decorator (under @signed_in): 403 for users without the permission."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not is_editor():
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def owned_by_user(column):
    """A where-clause limiting rows to the current editor's organisation (all for admins)."""
    if current_user.role == "admin":
        return true()
    return column == current_user.organisation_id

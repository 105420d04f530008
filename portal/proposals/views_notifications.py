"""The notification list with its unread count, and marking all as read.

A notification also counts as read once its reader opens the proposal or placement it is about.
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from portal import nav
from portal.extensions import db
from portal.listing import paginate
from portal.proposals import bp, notify
from portal.proposals.forms import ConfirmForm
from portal.proposals.texts import notification_text
from portal.security import roles

USERS = ("coach", "employer")
nav.add("proposals.notifications", _l("Notifications"), USERS, order=70)


@bp.get("/notifications")
@roles(*USERS)
def notifications():
    """The user's notifications, unread first, with how many are unread."""
    unread_only = request.args.get("unread") == "1"
    page = paginate(notify.notifications_query(current_user, unread_only))
    return render_template("proposals/notifications.html", page=page, unread=notify.unread_count(current_user),
                           unread_only=unread_only, text=notification_text, form=ConfirmForm(),
                           target=lambda n: notify.target_url(n, current_user.role))


@bp.post("/notifications/read")
@roles(*USERS)
def mark_all_read():
    """Mark every notification of the user as read."""
    form = ConfirmForm()
    if form.validate_on_submit():
        count = notify.mark_read(current_user)
        db.session.commit()
        flash(ngettext("%(num)s notification marked as read.", "%(num)s notifications marked as read.", count),
              "success")
    return redirect(url_for("proposals.notifications"))

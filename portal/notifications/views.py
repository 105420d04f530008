"""The notification list (unread first, paginated), opening and marking read, the settings, and the daily run.

A notification opens through its own address: the owner's only (anybody
else's is a 404), marked read, then on to the page it concerns, which checks
access again.
"""
from __future__ import annotations

from datetime import date

import click
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal import clock
from portal.extensions import db
from portal.listing import paginate
from portal.notifications import bp, daily, services
from portal.notifications.forms import DELIVERY_LABELS, ConfirmForm, DeliveryForm
from portal.notifications.kinds import parts_of, target_of
from portal.security import roles

# The users notifications are made for (an officer hears of submitted reports); the admin has nothing to hear of.
USERS = ("coach", "employer", "candidate", "officer")


@bp.app_template_global("unread_notifications")
def unread_notifications() -> int | None:
    """The signed-in user's unread count for the navigation, or None for those who get no notifications."""
    if not current_user.is_authenticated or current_user.role not in USERS:
        return None
    return services.unread_count(current_user)


@bp.app_template_global("notification_delivery")
def notification_delivery() -> str | None:
    """The signed-in user's choice of how to hear, in words (their account page shows it), or None."""
    if not current_user.is_authenticated or current_user.role not in USERS:
        return None
    return str(DELIVERY_LABELS[services.delivery_of(current_user)])


@bp.get("/")
@roles(*USERS)
def index():
    """The user's notifications, unread first, with how many are unread."""
    unread_only = request.args.get("unread") == "1"
    page = paginate(services.notifications_query(current_user, unread_only))
    return render_template("notifications/index.html", page=page, unread=services.unread_count(current_user),
                           unread_only=unread_only, parts=parts_of, form=ConfirmForm(),
                           delivery=DELIVERY_LABELS[services.delivery_of(current_user)])


@bp.get("/<int:notification_id>")
@roles(*USERS)
def follow(notification_id: int):
    """Mark one's own notification read and go to what it concerns."""
    note = services.own_notification(current_user, notification_id) or abort(404)
    services.mark_read(current_user, notification_id=note.id)
    db.session.commit()
    return redirect(target_of(note, current_user.role))


@bp.post("/<int:notification_id>/read")
@roles(*USERS)
def mark_one_read(notification_id: int):
    """Mark one of one's own notifications as read, staying on the list."""
    if services.own_notification(current_user, notification_id) is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        services.mark_read(current_user, notification_id=notification_id)
        db.session.commit()
        flash(_("Marked as read."), "success")
    return redirect(url_for("notifications.index"))


@bp.post("/read")
@roles(*USERS)
def mark_all_read():
    """Mark every notification of the user as read."""
    if ConfirmForm().validate_on_submit():
        count = services.mark_read(current_user)
        db.session.commit()
        flash(ngettext("%(num)d notification marked as read.", "%(num)d notifications marked as read.", count),
              "success")
    return redirect(url_for("notifications.index"))


@bp.route("/settings", methods=["GET", "POST"])
@roles(*USERS)
def settings():
    """How the user wants to hear of notifications: at once, in a daily summary, or only in the portal."""
    form = DeliveryForm()
    if not form.is_submitted():
        form.delivery.data = services.delivery_of(current_user)
    if form.validate_on_submit():
        if services.set_delivery(current_user, form.delivery.data):
            db.session.commit()
        flash(_("Your notification settings have been saved."), "success")
        return redirect(url_for("notifications.settings"))
    return render_template("notifications/settings.html", form=form)


@bp.cli.command("daily")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to run for (default: today in Finland).")
def daily_command(day) -> None:
    """Make the day's dated notices and mail the daily summaries (safe to run from cron, twice sends nothing)."""
    today: date = day.date() if day else clock.today()
    for name, count in daily.run(today).items():
        click.echo(f"{name}: {count}")

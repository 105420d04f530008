"""The organiser's pages: write and publish events, see and export the sign-ups."""
from __future__ import annotations

import io

from flask import flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _

from portal.campaigns.access import editor_required
from portal.campaigns.services import campaign_choices
from portal.db_types import utcnow
from portal.events import bp, export, services
from portal.events.forms import ConfirmForm, EventForm
from portal.excel import XLSX_MIMETYPE
from portal.extensions import db
from portal.forms_flow import submit
from portal.listing import apply_sort, paginate, sort_choice
from portal.security import get_or_404, signed_in


def _form(event=None) -> EventForm:
    form = EventForm(obj=event)
    if event is not None and not form.is_submitted():
        start, end = services.in_helsinki(event.starts_at), services.in_helsinki(event.ends_at)
        form.start_date.data, form.start_time.data = start.date(), start.time()
        form.end_date.data = end.date() if end.date() != start.date() else None
        form.end_time.data = end.time()
    form.campaign_id.choices = campaign_choices()
    return form


@bp.get("/manage/events")
@signed_in
@editor_required
def manage():
    """The organiser's events, sortable and paginated."""
    sort = sort_choice(services.SORTS, "-starts")
    stmt = apply_sort(services.manage_query(), services.SORTS, sort, services.Event.id)
    return render_template("events/manage.html", page=paginate(stmt), sort=sort, now=utcnow())


@bp.route("/manage/events/new", methods=["GET", "POST"])
@signed_in
@editor_required
def new():
    """Create an event (unpublished until the organiser publishes it)."""
    form = _form()
    saved = submit(form, lambda: services.save_event(None, form.data),
                   _("The event has been saved. Publish it to open the sign-up."),
                   lambda item: url_for("events.edit", event_id=item.id))
    return saved or render_template("events/form.html", form=form, event=None)


@bp.route("/manage/events/<int:event_id>", methods=["GET", "POST"])
@signed_in
@editor_required
def edit(event_id: int):
    """Edit an event."""
    item = get_or_404(services.managed(event_id))
    form = _form(item)
    saved = submit(form, lambda: services.save_event(item, form.data), _("The event has been saved."),
                   url_for("events.edit", event_id=item.id))
    return saved or render_template("events/form.html", form=form, event=item)


@bp.route("/manage/events/<int:event_id>/publish", methods=["GET", "POST"])
@signed_in
@editor_required
def publish(event_id: int):
    """Confirm, then publish the event or take it off the site."""
    item = get_or_404(services.managed(event_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        services.set_published(item, not item.published)
        db.session.commit()
        flash(_("The event is now published.") if item.published else _("The event is no longer published."),
              "success")
        return redirect(url_for("events.edit", event_id=item.id))
    return render_template("events/confirm_publish.html", form=form, event=item)


@bp.get("/manage/events/<int:event_id>/registrations")
@signed_in
@editor_required
def registrations(event_id: int):
    """Who has a seat: the confirmed sign-ups (the organising organisation only); the pending ones counted."""
    item = get_or_404(services.managed_by_organiser(event_id))
    page = paginate(services.registrations_query(item), per_page=50)
    return render_template("events/registrations.html", event=item, page=page, pending=services.pending_count(item))


@bp.get("/manage/events/<int:event_id>/registrations.xlsx")
@signed_in
@editor_required
def export_registrations(event_id: int):
    """The confirmed sign-ups as an Excel workbook."""
    item = get_or_404(services.managed_by_organiser(event_id))
    buffer = io.BytesIO()
    export.write_registrations(item, buffer)
    db.session.commit()  # the audit event of the export
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=f"registrations-event-{item.id}.xlsx")

"""Public event pages: sign-up and its confirmation, calendar file, cancellation (thin views)."""
from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address

from portal import nav
from portal.campaigns.presenters import localise
from portal.campaigns.services import add_page_section
from portal.db_types import utcnow
from portal.errors import ServiceError, show_refusal
from portal.events import bp, ics, notices, services
from portal.events.forms import ConfirmForm, SignUpForm
from portal.extensions import db, limiter
from portal.i18n import current_language
from portal.links import public_host
from portal.listing import paginate
from portal.security import get_or_404, public

nav.add("events.index", _l("Events"), ("anonymous", "admin", "officer", "employer", "coach", "candidate"),
        order=21)
# A campaign's page lists its next events; campaigns own that page, events fill this section of it.
add_page_section("events", lambda campaign: services.upcoming_for_campaign(campaign.id, utcnow()))


@bp.get("/events")
@public
def index():
    """Upcoming published events, soonest first."""
    page = paginate(services.upcoming_query(utcnow()), per_page=20)
    return render_template("events/index.html", page=page)


def _render_event(event, form, status=200):
    return render_template("events/event.html", event=event, text=localise(event), form=form,
                           now=utcnow(), local=services.in_helsinki), status


@bp.get("/events/<int:event_id>")
@public
def event(event_id: int):
    """An event with its sign-up form."""
    return _render_event(get_or_404(services.published_event(event_id)), SignUpForm())


def _signup_limit() -> str:
    return current_app.config["EVENT_SIGNUP_LIMIT"]


def _signup_event_limit() -> str:
    return current_app.config["EVENT_SIGNUP_EVENT_LIMIT"]


def _address_and_event() -> str:
    return f"{get_remote_address()}|{request.view_args.get('event_id')}"


@bp.post("/events/<int:event_id>")
@public
@limiter.limit(_signup_limit, scope="event-signup")
@limiter.limit(_signup_event_limit, key_func=_address_and_event, scope="event-signup-event")
def register(event_id: int):
    """Sign up (pending until the mailed link is followed); beyond capacity or after the start the form says why."""
    item = get_or_404(services.published_event(event_id))
    form = SignUpForm()
    if not form.validate_on_submit():
        return _render_event(item, form, 400)
    try:
        registration, mail = services.register(item.id, form.name.data, form.email.data, current_language())
    except ServiceError as exc:
        show_refusal(form, exc)
        return _render_event(db.session.get(type(item), event_id), form, 409)
    db.session.commit()
    if mail:
        notices.send_request(registration, services.confirm_token(registration))
        flash(_("Almost done: confirm your sign-up with the link we sent to your email. "
                "Your seat is held only once you confirm."), "success")
    else:
        flash(_("A confirmation link was sent to this address a moment ago. Please use that link; "
                "a new one can be sent in a few minutes."), "info")
    return redirect(url_for("events.event", event_id=item.id))


@bp.route("/events/confirm/<token>", methods=["GET", "POST"])
@public
def confirm(token: str):
    """Confirm a sign-up through the mailed link (a button, so that mail scanners do not confirm); takes the seat."""
    registration = services.by_confirm_token(token)
    if registration is None or not services.is_pending(registration):
        return render_template("events/confirm_invalid.html"), 404
    form = ConfirmForm()
    if form.validate_on_submit():
        event_id = registration.event_id
        try:
            cancel_token = services.confirm(registration)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("events.event", event_id=event_id))
        db.session.commit()
        notices.send_confirmation(registration, cancel_token)
        flash(_("Your seat is confirmed. A mail with a cancellation link is on its way."), "success")
        return redirect(url_for("events.event", event_id=event_id))
    return render_template("events/confirm.html", form=form, registration=registration,
                           text=localise(registration.event), local=services.in_helsinki)


@bp.get("/events/<int:event_id>/calendar.ics")
@public
def calendar(event_id: int):
    """The event as an iCalendar file."""
    item = get_or_404(services.published_event(event_id))
    text = localise(item)
    body = ics.calendar(
        uid=f"event-{item.id}@{public_host()}", title=text.title, description=text.description,
        starts_at=item.starts_at, ends_at=item.ends_at, location=item.place or item.online_url,
        url=url_for("events.event", event_id=item.id, _external=True), stamp=item.updated_at)
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="event-{item.id}.ics"'})


@bp.route("/events/cancel/<token>", methods=["GET", "POST"])
@public
def cancel(token: str):
    """Confirm, then cancel a sign-up through the link in the confirmation mail."""
    registration = db.session.scalar(services.by_token(token))
    if registration is None:
        return render_template("events/cancel_invalid.html"), 404
    form = ConfirmForm()
    if form.validate_on_submit():
        event_id = registration.event_id
        services.cancel(registration)
        db.session.commit()
        flash(_("Your sign-up has been cancelled."), "success")
        return redirect(url_for("events.event", event_id=event_id))
    return render_template("events/cancel.html", form=form, registration=registration,
                           text=localise(registration.event), local=services.in_helsinki)

"""Pages of employer identity: administrators verify or reject organisations; employers decide requests to join."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.accounts.forms import KIND_LABELS
from portal.accounts.models import Organisation
from portal.accounts.services import members
from portal.domain.verification import name_key
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.identity import bp, services
from portal.identity.forms import METHOD_LABELS, STATE_LABELS, ConfirmForm, RejectForm, VerifyForm
from portal.listing import apply_sort, paginate, sort_choice
from portal.reference.services import labels
from portal.security import get_or_404, roles


@bp.get("/admin/verification")
@roles("admin")
def unverified():
    """Organisations that wait for verification, oldest first; look-alike names are marked."""
    sort = sort_choice(services.UNVERIFIED_SORTS, "created")
    stmt = apply_sort(services.unverified_query(), services.UNVERIFIED_SORTS, sort, Organisation.id)
    page, shared = paginate(stmt), services.shared_names()
    alike = {o.id for o in page.items if name_key(o.name) in shared}
    return render_template("identity/unverified.html", page=page, sort=sort, kinds=KIND_LABELS,
                           municipalities=labels("municipalities"), alike=alike)


def _organisation(org_id: int) -> Organisation:
    return get_or_404(select(Organisation).where(Organisation.id == org_id))


@bp.route("/admin/verification/<int:org_id>", methods=["GET", "POST"])
@roles("admin")
def verify(org_id: int):
    """An organisation's details and, while it is unverified, the form that verifies it."""
    org = _organisation(org_id)
    form = VerifyForm()
    if form.validate_on_submit():  # the service refuses an organisation verified or rejected meanwhile
        try:
            services.verify(org, form.method.data, form.note.data, current_user, form.seen_name.data,
                            form.seen_business_id.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("%(name)s has been verified.", name=org.name), "success")
            return redirect(url_for("identity.unverified"))
    # The page shows the details as they are now: that is what a new submission vouches for.
    form.seen_name.data, form.seen_business_id.data = org.name, org.business_id or ""
    details = services.ORGANISATION_DETAILS.get(org.kind)
    profile = details(org) if details else None
    return render_template("identity/verify.html", org=org, form=form, kinds=KIND_LABELS, methods=METHOD_LABELS,
                           municipalities=labels("municipalities"), alikes=services.look_alikes(org),
                           members=members(org), profile=profile, pending=services.pending_count(org.id))


@bp.route("/admin/verification/<int:org_id>/reject", methods=["GET", "POST"])
@roles("admin")
def reject(org_id: int):
    """Confirm, then reject an unverified organisation (it and its users are deactivated)."""
    org = _organisation(org_id)
    form = RejectForm()
    if form.validate_on_submit():
        try:
            services.reject(org, form.note.data, current_user)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("%(name)s has been rejected and its users deactivated.", name=org.name), "success")
            return redirect(url_for("identity.unverified"))
    return render_template("identity/reject.html", org=org, form=form, members=members(org))


@bp.get("/employer/join-requests")
@roles("employer")
def join_requests():
    """Requests to join one's own organisation: those waiting first."""
    page = paginate(services.requests_of(current_user.organisation_id))
    return render_template("identity/join_requests.html", page=page, states=STATE_LABELS)


@bp.route("/employer/join-requests/<int:request_id>", methods=["GET", "POST"])
@roles("employer")
def join_request(request_id: int):
    """One request to join one's own organisation: accept or decline it (another organisation's is not found)."""
    join = get_or_404(services.request_for(current_user, request_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        accept = request.form.get("decision") == "accept"
        if request.form.get("decision") not in ("accept", "decline"):
            form.form_errors.append(_("Choose whether to accept or decline the request."))
        else:
            try:
                services.decide(join, accept, current_user)
            except ServiceError as exc:
                show_refusal(form, exc)
            else:
                db.session.commit()
                flash(_("%(person)s is now a user of your organisation and has been sent a link to choose a "
                        "password.", person=join.name) if accept else
                      _("The request has been declined and %(person)s has been told.", person=join.name), "success")
                return redirect(url_for("identity.join_requests"))
    return render_template("identity/join_request.html", join=join, form=form, states=STATE_LABELS)

"""The provider admin's audit log, and the portal administrator's erasure and admin grants."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.audit.labels import ACTION_LABELS, PART_LABELS
from portal.coaching import admin as svc
from portal.coaching import bp
from portal.coaching.access import is_org_admin
from portal.coaching.erasure import erase_candidate, erasure_blockers
from portal.coaching.forms import ConfirmForm
from portal.coaching.labels import STATUS_LABELS
from portal.coaching.models import Candidate
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.inputs import db_int
from portal.listing import paginate
from portal.security import get_or_404, roles


@bp.get("/audit")
@roles("coach")
def audit_log():
    """Who read or changed which candidate's data, for the provider organisation's admin."""
    if not is_org_admin(current_user):
        abort(403)
    code = request.args.get("code", "").strip().upper()
    page = paginate(svc.org_audit_query(current_user.organisation_id, code), per_page=50)
    return render_template("coaching/audit.html", page=page, code=code, codes=svc.codes_for(page.items),
                           actions=ACTION_LABELS, parts=PART_LABELS)


@bp.get("/admin/candidates")
@roles("admin")
def admin_candidates():
    """Every candidate by code and provider (no names), for erasure by the portal administrator."""
    q = request.args.get("q", "").strip().upper()
    page = paginate(svc.admin_candidates_query(q))
    return render_template("coaching/admin_candidates.html", page=page, q=q, statuses=STATUS_LABELS)


@bp.route("/admin/candidates/<int:candidate_id>/erase", methods=["GET", "POST"])
@roles("admin")
def admin_erase(candidate_id: int):
    """Confirm, then erase a candidate's personal data as the portal administrator."""
    candidate = get_or_404(select(Candidate).where(Candidate.id == candidate_id, Candidate.erased_at.is_(None)))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            erase_candidate(candidate, current_user, agreed=True, by_admin=True)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The candidate's personal data has been erased. The code %(code)s remains in the figures.",
                    code=candidate.code), "success")
            return redirect(url_for("coaching.admin_candidates"))
    return render_template("coaching/erase.html", c=candidate, form=form, blockers=erasure_blockers(candidate),
                           cancel=url_for("coaching.admin_candidates"), by_admin=True)


@bp.route("/admin/organisation-admins", methods=["GET", "POST"])
@roles("admin")
def organisation_admins():
    """Grant or revoke a provider's admin right to read its candidates' audit log."""
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            svc.set_org_admin(request.form.get("user_id", type=db_int), request.form.get("action") == "grant",
                              current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The change has been saved."), "success")
        return redirect(url_for("coaching.organisation_admins"))
    return render_template("coaching/organisation_admins.html", rows=svc.provider_staff(), form=form)

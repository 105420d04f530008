"""The service directory: public search by goal and form; providers maintain their own entries."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from portal import nav
from portal.directory import bp, services
from portal.directory.forms import FORM_LABELS, ConfirmForm, entry_form
from portal.directory.models import Service
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.listing import apply_sort, paginate, sort_choice
from portal.reference.services import choices, labels
from portal.security import get_or_404, public, roles

nav.add("directory.search", _l("Service directory"), ("anonymous", "coach", "candidate"), order=30)


def _names() -> dict:
    return {"goals": labels("service_goals"), "forms": FORM_LABELS, "groups": labels("target_groups"),
            "municipalities": labels("municipalities")}


@bp.get("/")
@public
def search():
    """Search services by goal, form, target group, municipality and words."""
    args = {k: request.args.get(k, "") for k in ("q", "goal", "form", "target_group", "municipality")}
    sort = sort_choice(services.SORTS, "name")
    stmt = apply_sort(services.search_query(**args), services.SORTS, sort, Service.id)
    return render_template("directory/search.html", page=paginate(stmt), sort=sort, args=args, names=_names(),
                           goal_choices=choices("service_goals"), group_choices=choices("target_groups"),
                           municipality_choices=choices("municipalities"))


@bp.get("/<int:service_id>")
@public
def detail(service_id: int):
    """One service: what it is for, its form and length, and how to refer a person."""
    service = get_or_404(select(Service).where(Service.id == service_id, Service.active.is_(True)))
    return render_template("directory/detail.html", s=service, names=_names())


@bp.get("/manage")
@roles("coach")
def manage():
    """The entries of the coach's own organisation."""
    sort = sort_choice(services.SORTS, "name")
    stmt = apply_sort(services.own_query(current_user), services.SORTS, sort, Service.id)
    return render_template("directory/manage.html", page=paginate(stmt), sort=sort, names=_names())


def _form_page(service: Service | None):
    form = entry_form(service)
    if form.validate_on_submit():
        try:
            saved = services.save_service(current_user, service, form.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The service has been saved."), "success")
            return redirect(url_for("directory.edit", service_id=saved.id))
    return render_template("directory/form.html", form=form, service=service)


@bp.route("/manage/new", methods=["GET", "POST"])
@roles("coach")
def new():
    """Add a service of the coach's organisation."""
    return _form_page(None)


@bp.route("/manage/<int:service_id>", methods=["GET", "POST"])
@roles("coach")
def edit(service_id: int):
    """Edit an entry of the coach's own organisation."""
    return _form_page(get_or_404(services.own_query(current_user).where(Service.id == service_id)))


@bp.route("/manage/<int:service_id>/archive", methods=["GET", "POST"])
@roles("coach")
def archive(service_id: int):
    """Confirm, then archive (or bring back) an entry."""
    service = get_or_404(services.own_query(current_user).where(Service.id == service_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        services.set_active(current_user, service, not service.active)
        db.session.commit()
        flash(_("The service is shown in the directory again.") if service.active
              else _("The service has been archived."), "success")
        return redirect(url_for("directory.manage"))
    return render_template("directory/archive.html", s=service, form=form)

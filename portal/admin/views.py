"""Administrator pages: organisations, users, roles (thin: forms in, services out)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from portal import nav
from portal.accounts.models import Organisation, User
from portal.admin import bp, services
from portal.admin.forms import KIND_LABELS, ROLE_LABELS, ConfirmForm, InviteForm, OrganisationForm, RoleForm
from portal.errors import ServiceError
from portal.extensions import db
from portal.forms_flow import submit
from portal.identity.choices import organisation_choices
from portal.identity.forms import METHOD_LABELS
from portal.identity.services import unverified_count
from portal.inputs import db_int
from portal.listing import apply_sort, paginate, sort_choice
from portal.reference.services import choices, labels, searchable
from portal.security import get_or_404, roles

nav.add("admin.index", _l("Administration"), ("admin",), order=90)


@bp.get("/")
@roles("admin")
def index():
    """Overview with counts."""
    counts = dict(db.session.execute(select(Organisation.kind, func.count()).group_by(Organisation.kind)).all())
    users = db.session.scalar(select(func.count()).select_from(User))
    return render_template("admin/index.html", counts=counts, users=users, kinds=KIND_LABELS,
                           unverified=unverified_count())


@bp.get("/organisations")
@roles("admin")
def organisations():
    """All organisations: search, filter by kind, sort, paginate."""
    q, kind = request.args.get("q", ""), request.args.get("kind", "")
    sort = sort_choice(services.ORG_SORTS, "name")
    stmt = apply_sort(services.organisations_query(q, kind), services.ORG_SORTS, sort, Organisation.id)
    return render_template("admin/organisations.html", page=paginate(stmt), q=q, kind=kind,
                           sort=sort, kinds=KIND_LABELS, municipalities=labels("municipalities"))


def _org_form(org=None) -> OrganisationForm:
    form = OrganisationForm(obj=org)
    form.municipality_code.choices = [("", _("Not given"))] + choices("municipalities")
    form.municipality_code.render_kw = searchable()
    return form


@bp.route("/organisations/new", methods=["GET", "POST"])
@roles("admin")
def organisation_new():
    """Create an organisation."""
    form = _org_form()
    saved = submit(form, lambda: services.save_organisation(None, form.data), _("The organisation has been created."),
                   lambda org: url_for("admin.organisation", org_id=org.id))
    return saved or render_template("admin/organisation_form.html", form=form, org=None)


@bp.route("/organisations/<int:org_id>", methods=["GET", "POST"])
@roles("admin")
def organisation(org_id: int):
    """Edit an organisation and see its members."""
    org = get_or_404(select(Organisation).where(Organisation.id == org_id))
    form = _org_form(org)
    saved = submit(form, lambda: services.save_organisation(org, form.data), _("The organisation has been saved."),
                   url_for("admin.organisation", org_id=org.id))
    return saved or render_template("admin/organisation_form.html", form=form, org=org, roles=ROLE_LABELS,
                                    methods=METHOD_LABELS)


@bp.get("/users")
@roles("admin")
def users():
    """All users: search, filter by role, sort, paginate."""
    q, role = request.args.get("q", ""), request.args.get("role", "")
    sort = sort_choice(services.USER_SORTS, "name")
    stmt = apply_sort(services.users_query(q, role), services.USER_SORTS, sort, User.id)
    return render_template("admin/users.html", page=paginate(stmt), q=q, role=role, sort=sort,
                           roles=ROLE_LABELS)


@bp.route("/users/invite", methods=["GET", "POST"])
@roles("admin")
def invite():
    """Invite a user into an organisation with a role."""
    form = InviteForm(organisation_id=request.args.get("org", type=db_int))
    orgs = db.session.scalars(select(Organisation).where(Organisation.active).order_by(Organisation.name)).all()
    kinds = {o.id: KIND_LABELS[o.kind] for o in orgs}
    form.organisation_id.choices = [(i, f"{label} – {kinds[i]}") for i, label in organisation_choices(orgs)]

    def send():
        org = db.session.get(Organisation, form.organisation_id.data)
        user, _link = services.invite_user(form.name.data, form.email.data, org, form.role.data)
        return user

    saved = submit(form, send, lambda user: _("The invitation has been sent to %(email)s.", email=user.email),
                   lambda user: url_for("admin.user", user_id=user.id))
    return saved or render_template("admin/invite.html", form=form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@roles("admin")
def user(user_id: int):
    """A user's details; change the role."""
    target = get_or_404(select(User).where(User.id == user_id))
    form = RoleForm(role=target.role)
    saved = submit(form, lambda: services.change_role(target, form.role.data), _("The role has been changed."),
                   url_for("admin.user", user_id=target.id))
    return saved or render_template("admin/user.html", target=target, form=form, roles=ROLE_LABELS,
                                    kinds=KIND_LABELS, confirm=ConfirmForm())


@bp.route("/users/<int:user_id>/active", methods=["GET", "POST"])
@roles("admin")
def user_active(user_id: int):
    """Confirm, then deactivate or reactivate a user."""
    target = get_or_404(select(User).where(User.id == user_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.set_active(target, not target.active, current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The user has been reactivated.") if target.active
                  else _("The user has been deactivated."), "success")
        return redirect(url_for("admin.user", user_id=target.id))
    return render_template("admin/confirm_active.html", target=target, form=form)

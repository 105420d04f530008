"""Officer pages: the clause dashboard, its Excel export, and the buyer's procurements (thin views)."""
from __future__ import annotations

from io import BytesIO

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import nav
from portal.cache import rendered
from portal.clock import today
from portal.domain.procurement_rules import TRANSITIONS
from portal.errors import ServiceError, show_refusal
from portal.excel import XLSX_MIMETYPE
from portal.extensions import db
from portal.listing import apply_sort, paginate, sort_choice
from portal.procurements import bp, export, presenters, services
from portal.procurements import dashboard as dash
from portal.procurements.checks import procurement_problems
from portal.procurements.figures import Filters, procurement_figures
from portal.procurements.forms import InviteSupplierForm, ProcurementForm, StatusForm
from portal.procurements.labels import STATE_LABELS, STATUS_LABELS
from portal.procurements.models import Procurement
from portal.security import get_or_404, roles
from portal.start.views import START_ENDPOINTS

nav.add("procurements.index", _l("Employment clauses"), ("officer",), order=20)
START_ENDPOINTS["officer"] = "procurements.index"
presenters.register(bp)


@bp.get("/")
@roles("officer")
def index():
    """Every clause of the buyer: progress, state, a chart with its table, filters, sorting, pages."""
    filters = Filters.from_args(request.args)
    sort = sort_choice(dash.SORTS, "deadline")
    buyer_id = current_user.organisation_id

    def board() -> str:
        return render_template("procurements/_board.html", board=dash.dashboard(buyer_id, filters, sort),
                               filters=filters, sort=sort, states=STATE_LABELS,
                               suppliers=services.suppliers_of_buyer(buyer_id),
                               sections=[section(buyer_id) for section in dash.SECTIONS])

    return render_template("procurements/index.html", board=rendered("board", buyer_id, board))


@bp.get("/report.xlsx")
@roles("officer")
def export_report():
    """The clause report as Excel: the dashboard's clauses (same filters), a summary and the ledger."""
    data = export.clause_report(current_user.organisation_id, Filters.from_args(request.args))
    db.session.commit()  # the export is audited
    return send_file(BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=f"clause-report-{today().isoformat()}.xlsx")


@bp.get("/all")
@roles("officer")
def procurements():
    """The buyer's procurements: search, filter by status, sort, paginate."""
    q, status = request.args.get("q", ""), request.args.get("status", "")
    sort = sort_choice(services.PROCUREMENT_SORTS, "reference")
    stmt = apply_sort(services.procurements_of_buyer(current_user.organisation_id, q, status),
                      services.PROCUREMENT_SORTS, sort, Procurement.id)
    return render_template("procurements/procurements.html", page=paginate(stmt), q=q, status=status,
                           sort=sort, statuses=STATUS_LABELS)


def _form(procurement=None) -> ProcurementForm:
    form = ProcurementForm(obj=procurement)
    if procurement is not None and request.method == "GET":  # stored 0..1, typed in per cent
        share = procurement.labour_share
        form.labour_share.data = int(share * 100) if share is not None else None
    form.supplier_id.choices = [("", _("No supplier yet"))] + services.employer_choices()
    return form


def _valid(form: ProcurementForm, procurement=None) -> bool:
    """The form's own checks and the procurement's rules together, so every problem is named at once."""
    if not form.is_submitted():
        return False
    valid = form.validate_on_submit()
    for name, message in procurement_problems(procurement, form.data, current_user.organisation_id).items():
        field = getattr(form, name, None) if name else None
        if field is None:
            form.form_errors.append(message)
        elif not field.errors:
            field.errors = [*field.errors, message]
        valid = False
    return valid


@bp.route("/new", methods=["GET", "POST"])
@roles("officer")
def procurement_new():
    """Create a procurement (it starts as planned)."""
    form = _form()
    if _valid(form):
        try:
            procurement = services.save_procurement(None, form.data, current_user.organisation_id)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The procurement has been created."), "success")
            return redirect(url_for("procurements.procurement", procurement_id=procurement.id))
    return render_template("procurements/procurement_form.html", form=form, procurement=None)


@bp.get("/<int:procurement_id>")
@roles("officer")
def procurement(procurement_id: int):
    """A procurement: its facts, status steps and clauses with their figures."""
    item = get_or_404(services.procurement_for_officer(current_user, procurement_id))
    return render_template("procurements/procurement.html", procurement=item,
                           rows=procurement_figures(item), steps=TRANSITIONS[item.status],
                           status_form=StatusForm())


@bp.route("/<int:procurement_id>/edit", methods=["GET", "POST"])
@roles("officer")
def procurement_edit(procurement_id: int):
    """Edit a procurement's details."""
    item = get_or_404(services.procurement_for_officer(current_user, procurement_id))
    form = _form(item)
    if _valid(form, item):
        try:
            services.save_procurement(item, form.data, current_user.organisation_id)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The procurement has been saved."), "success")
            return redirect(url_for("procurements.procurement", procurement_id=item.id))
    return render_template("procurements/procurement_form.html", form=form, procurement=item)


@bp.post("/<int:procurement_id>/status")
@roles("officer")
def procurement_status(procurement_id: int):
    """Move the procurement one allowed step."""
    item = get_or_404(services.procurement_for_officer(current_user, procurement_id))
    form = StatusForm()
    if form.validate_on_submit():
        try:
            services.change_status(item, form.status.data)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The status is now: %(status)s.", status=STATUS_LABELS[item.status]), "success")
    return redirect(url_for("procurements.procurement", procurement_id=item.id))


@bp.route("/<int:procurement_id>/invite", methods=["GET", "POST"])
@roles("officer")
def invite_supplier(procurement_id: int):
    """Invite a supplier that is not on the portal yet and make it this procurement's supplier."""
    item = get_or_404(services.procurement_for_officer(current_user, procurement_id))
    form = InviteSupplierForm()
    if form.validate_on_submit():
        try:
            org, user = services.invite_supplier(item, form.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("%(org)s is now the supplier; an invitation has been sent to %(email)s.",
                    org=org.name, email=user.email), "success")
            return redirect(url_for("procurements.procurement", procurement_id=item.id))
    return render_template("procurements/invite.html", form=form, procurement=item)

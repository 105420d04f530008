"""Officer pages of employment clauses: pick a template, fill it in, preview it in three languages, follow it."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.procurements import bp, services
from portal.procurements import clauses as clause_service
from portal.procurements.charts import clause_timeline, geometry
from portal.procurements.clause_text import get_template, templates
from portal.procurements.decided import decisions_of
from portal.procurements.figures import clause_figures
from portal.procurements.forms import ClauseForm, ConfirmForm
from portal.procurements.ledger_view import ledger_page, linked_roles
from portal.procurements.sizing import suggestion
from portal.procurements.terms import initial_data
from portal.reference.services import choices
from portal.security import get_or_404, roles


def _template_or_404(code: str):
    template = get_template(code)
    if template is None:
        abort(404)
    return template


def _clause_form(template, data=None) -> ClauseForm:
    form = ClauseForm(data=data) if data is not None else ClauseForm()
    form.target_groups.choices = choices("target_groups")
    if not template.uses_min_months:
        del form.min_months
    if not template.allows_social_enterprise:
        del form.social_enterprise_share
    if template.form != "award":
        del form.award_points, form.award_scale
    if template.form != "reserved":
        del form.required_share
    return form


def _new_data(template, suggested) -> dict:
    """A new clause's form starts from its template's terms and the size the buyer's rule suggests."""
    data = initial_data(template)
    if suggested is not None:
        data["quantity"] = suggested.size.quantity
    return data


def _fill(procurement, template, form, clause=None):
    """Preview or save from a posted form; returns a redirect after a save, else the preview texts."""
    try:
        if request.form.get("action") == "preview":
            return None, clause_service.preview(procurement, template, form.data)
        saved = clause_service.save_clause(procurement, template, form.data, clause)
    except ServiceError as exc:
        show_refusal(form, exc)
        return None, None
    db.session.commit()
    flash(_("The clause has been saved."), "success")
    return redirect(url_for("procurements.clause", clause_id=saved.id)), None


@bp.get("/<int:procurement_id>/clauses/new")
@roles("officer")
def clause_templates(procurement_id: int):
    """Choose the form of the clause from the library."""
    procurement = get_or_404(services.procurement_for_officer(current_user, procurement_id))
    return render_template("procurements/clause_templates.html", procurement=procurement, templates=templates())


@bp.route("/<int:procurement_id>/clauses/new/<template_code>", methods=["GET", "POST"])
@roles("officer")
def clause_new(procurement_id: int, template_code: str):
    """Fill in the template's parameters; preview the wording in fi, sv and en; save."""
    procurement = get_or_404(services.procurement_for_officer(current_user, procurement_id))
    template = _template_or_404(template_code)
    suggested = suggestion(procurement, template)
    form = _clause_form(template, None if request.method == "POST" else _new_data(template, suggested))
    texts = None
    if form.validate_on_submit():
        done, texts = _fill(procurement, template, form)
        if done:
            return done
    return render_template("procurements/clause_form.html", procurement=procurement, template=template,
                           form=form, texts=texts, clause=None, suggested=suggested)


@bp.get("/clauses/<int:clause_id>")
@roles("officer")
def clause(clause_id: int):
    """A clause: required, delivered, forecast, state, reports due, the chart and the ledger that fulfils it."""
    item = get_or_404(services.clause_for_officer(current_user, clause_id))  # the access check, every time

    figures, rows = clause_figures(item)
    points = clause_timeline(figures, [r.as_entry() for r in rows])
    return render_template("procurements/clause.html", clause=item, figures=figures, points=points,
                           geo=geometry(points) if points else None, ledger=ledger_page(figures, rows),
                           roles=linked_roles(item.id), decided=decisions_of({item.id}).get(item.id))


@bp.route("/clauses/<int:clause_id>/edit", methods=["GET", "POST"])
@roles("officer")
def clause_edit(clause_id: int):
    """Change a clause's parameters; its wording is written again."""
    item = get_or_404(services.clause_for_officer(current_user, clause_id))
    template = _template_or_404(item.template_code)
    form = _clause_form(template, None if request.method == "POST" else clause_service.form_data(item))
    texts = None
    if form.validate_on_submit():
        done, texts = _fill(item.procurement, template, form, item)
        if done:
            return done
    return render_template("procurements/clause_form.html", procurement=item.procurement, template=template,
                           form=form, texts=texts, clause=item, suggested=suggestion(item.procurement, template),
                           locked=clause_service.locked(item))


@bp.route("/clauses/<int:clause_id>/delete", methods=["GET", "POST"])
@roles("officer")
def clause_delete(clause_id: int):
    """Confirm, then delete a clause that has no ledger entries."""
    item = get_or_404(services.clause_for_officer(current_user, clause_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        procurement_id = item.procurement_id
        try:
            clause_service.delete_clause(item)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("procurements.clause", clause_id=clause_id))
        db.session.commit()
        flash(_("The clause has been deleted."), "success")
        return redirect(url_for("procurements.procurement", procurement_id=procurement_id))
    return render_template("procurements/clause_delete.html", clause=item, form=form)

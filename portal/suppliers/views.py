"""Supplier pages: the employer's own clauses, what is still owed and by when, and the ledger it keeps."""
from __future__ import annotations

from io import BytesIO

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from portal import nav
from portal.clause_reports.schedule import oldest_overdue
from portal.clock import today
from portal.errors import ServiceError, show_refusal
from portal.excel import XLSX_MIMETYPE
from portal.extensions import db
from portal.imports.runner import rejection, run
from portal.procurements import ledger
from portal.procurements.charts import clause_timeline, geometry
from portal.procurements.decided import decisions_of
from portal.procurements.figures import clause_figures, supplier_figures
from portal.procurements.forms import ConfirmForm, ImportForm, LedgerEntryForm
from portal.procurements.labels import ENTRY_KIND_LABELS
from portal.procurements.ledger_import import clause_accepts, template_workbook
from portal.procurements.ledger_view import ledger_page, linked_roles
from portal.procurements.services import clause_for_supplier
from portal.security import get_or_404, roles
from portal.suppliers import bp

nav.add("suppliers.index", _l("Employment clauses"), ("employer",), order=30)


def _clause(clause_id: int):
    return get_or_404(clause_for_supplier(current_user, clause_id))


@bp.get("/clauses")
@roles("employer")
def index():
    """The clauses that bind the employer as a supplier: what is still owed, and by when."""
    rows = supplier_figures(current_user.organisation_id)
    # A report date already passed without its report comes before the next one: it is what is owed first.
    overdue = oldest_overdue([r.clause for r in rows], today())
    return render_template("suppliers/index.html", rows=rows, overdue=overdue)


@bp.get("/clauses/<int:clause_id>")
@roles("employer")
def clause(clause_id: int):
    """One clause from the supplier's side: its wording, figures, reports due and the ledger."""
    item = _clause(clause_id)
    figures, rows = clause_figures(item)
    points = clause_timeline(figures, [r.as_entry() for r in rows])
    shut = ledger.closed(item)
    return render_template("suppliers/clause.html", clause=item, figures=figures, points=points,
                           geo=geometry(points) if points else None, ledger=ledger_page(figures, rows),
                           roles=linked_roles(item.id), decided=decisions_of({item.id}).get(item.id),
                           shut=shut, locks=ledger.entry_locks(shut, rows))


def _entry_form(clause, row=None) -> LedgerEntryForm:
    form = LedgerEntryForm(obj=row)
    if row is not None and request.method == "GET":
        form.work_share.data = int(row.work_share * 100)
    form.kind.choices = [(k, label) for k, label in ENTRY_KIND_LABELS.items() if clause_accepts(clause, k)]
    return form


def _entry_data(form) -> ledger.EntryData:
    share = form.work_share.data
    return ledger.EntryData(form.person_code.data, form.kind.data, form.start_date.data, form.end_date.data,
                            share / 100 if share is not None else None)


@bp.route("/clauses/<int:clause_id>/entries/new", methods=["GET", "POST"])
@roles("employer")
def entry_new(clause_id: int):
    """Record a person's period by hand: a pseudonymous code, kind, dates and working-time share."""
    item = _clause(clause_id)
    form = _entry_form(item)
    if form.validate_on_submit():
        try:
            ledger.save_entry(item, _entry_data(form), current_user)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The entry has been added to the ledger."), "success")
            return redirect(url_for("suppliers.clause", clause_id=item.id))
    return render_template("suppliers/entry_form.html", clause=item, form=form, entry=None)


@bp.route("/clauses/<int:clause_id>/entries/<int:entry_id>/edit", methods=["GET", "POST"])
@roles("employer")
def entry_edit(clause_id: int, entry_id: int):
    """Correct an entry, for example to give its end date."""
    item = _clause(clause_id)
    row = get_or_404(ledger.entry_for_supplier(current_user, clause_id, entry_id))
    form = _entry_form(item, row)
    if form.validate_on_submit():
        try:
            ledger.save_entry(item, _entry_data(form), current_user, row)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The entry has been saved."), "success")
            return redirect(url_for("suppliers.clause", clause_id=item.id))
    return render_template("suppliers/entry_form.html", clause=item, form=form, entry=row)


@bp.route("/clauses/<int:clause_id>/entries/<int:entry_id>/delete", methods=["GET", "POST"])
@roles("employer")
def entry_delete(clause_id: int, entry_id: int):
    """Confirm, then remove an entry typed in or imported by mistake."""
    item = _clause(clause_id)
    row = get_or_404(ledger.entry_for_supplier(current_user, clause_id, entry_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            ledger.delete_entry(row)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The entry has been removed from the ledger."), "success")
        return redirect(url_for("suppliers.clause", clause_id=item.id))
    return render_template("suppliers/entry_delete.html", clause=item, entry=row, form=form)


@bp.get("/clauses/<int:clause_id>/template.xlsx")
@roles("employer")
def ledger_template(clause_id: int):
    """The Excel template for importing this clause's ledger entries."""
    item = _clause(clause_id)
    return send_file(BytesIO(template_workbook(item)), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=f"ledger-template-{item.id}.xlsx")


@bp.route("/clauses/<int:clause_id>/import", methods=["GET", "POST"])
@roles("employer")
def ledger_import(clause_id: int):
    """Import ledger entries from the template: every row checked, all written or none."""
    item = _clause(clause_id)
    form = ImportForm()
    rejected = None
    if form.validate_on_submit():
        # The portal's one import mechanism: it writes all rows or none, and keeps the job (portal.imports).
        job = run("ledger", form.file.data.read(), current_user, target=item, filename=form.file.data.filename)
        if job.state == "done":
            flash(ngettext("%(num)s entry was imported.", "%(num)s entries were imported.", job.imported), "success")
            return redirect(url_for("suppliers.clause", clause_id=item.id))
        rejected = rejection(job)
    return render_template("suppliers/import.html", clause=item, form=form, rejected=rejected)

"""Supplier pages of the reporting cycle: the clause's report dates, and submitting a report (thin views)."""
from __future__ import annotations

from datetime import date

from flask import abort, flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.clause_reports import bp, services
from portal.clause_reports.forms import SubmitReportForm
from portal.clause_reports.labels import WORDS
from portal.clause_reports.schedule import due_of, schedule
from portal.clock import today
from portal.forms_flow import submit
from portal.procurements.presenters import percent
from portal.procurements.services import clause_for_supplier
from portal.procurements.terms_records import declarations
from portal.security import get_or_404, roles


def iso_date(value: str | None) -> date | None:
    """A date kept as ISO text in a report's copy of the ledger, as a date for the |date filter."""
    return date.fromisoformat(value) if value else None


bp.add_app_template_filter(iso_date, "iso_date")


def _submitted_message(clause, day: date) -> str:
    """Submitted; for a reserved contract, also whether the declared share meets the requirement."""
    declared = next((d for d in declarations(clause) if d.row.report_date == day), None)
    if declared is None:
        return _("The report has been submitted to the buyer.")
    if declared.check.below:  # allowed, but the supplier is warned apart from the success
        flash(_("Warning: the declared share (%(share)s) is below the share the contract requires (%(required)s). "
                "The buyer sees it flagged.", share=percent(declared.check.share * 100),
                required=percent(declared.check.required * 100)), "warning")
        return _("The report has been submitted to the buyer.")
    return _("The report has been submitted. The declared share meets the contract's requirement.")


@bp.get("/supplier/<int:clause_id>")
@roles("employer")
def supplier_clause(clause_id: int):
    """The clause's report dates as the supplier sees them: open, late, returned, accepted."""
    clause = get_or_404(clause_for_supplier(current_user, clause_id))
    rows = schedule(clause, today())
    return render_template("clause_reports/supplier_clause.html", clause=clause, rows=rows, words=WORDS,
                           history=services.history([r.report.id for r in rows if r.report]))


@bp.route("/supplier/<int:clause_id>/<due>", methods=["GET", "POST"])
@roles("employer")
def submit_report(clause_id: int, due: str):
    """Submit the report of one report date: the period's ledger lines, a comment and, for a reserved
    contract, the declared share of disadvantaged staff."""
    clause = get_or_404(clause_for_supplier(current_user, clause_id))
    try:
        day = date.fromisoformat(due)
    except ValueError:
        abort(404)
    slot = due_of(clause, day, today())
    if slot is None:
        abort(404)
    form = SubmitReportForm()
    address = url_for("clause_reports.supplier_clause", clause_id=clause.id)
    share = form.share() if clause.form == "reserved" else None
    return submit(form, lambda: services.submit(clause, day, form.comment.data, current_user, share),
                  lambda report: _submitted_message(clause, day), address) or render_template(
        "clause_reports/submit.html", clause=clause, slot=slot, form=form, words=WORDS,
        entries=services.period_entries(clause, slot.first, slot.last),
        decided=services.decision_of(clause.id) is not None,
        history=services.history([slot.report.id]).get(slot.report.id, []) if slot.report else [])

"""Officer pages of the reporting cycle: a clause's reports, reviewing one, the sanction decision (thin views)."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.clause_reports import bp, services
from portal.clause_reports.forms import AcceptForm, DecisionForm, ReopenForm, ReturnForm
from portal.clause_reports.labels import DECISION_LABELS, WORDS
from portal.clause_reports.schedule import schedule
from portal.clock import today
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.forms_flow import submit
from portal.procurements.figures import clause_figures
from portal.procurements.services import clause_for_officer
from portal.procurements.terms_records import declarations
from portal.security import get_or_404, roles


@bp.get("/clause/<int:clause_id>")
@roles("officer")
def officer_clause(clause_id: int):
    """The clause's reports, their states, and the sanction decision."""
    clause = get_or_404(clause_for_officer(current_user, clause_id))
    rows = schedule(clause, today())
    return render_template("clause_reports/officer_clause.html", clause=clause, rows=rows,
                           words=WORDS, decision=services.decision_of(clause.id), decisions=DECISION_LABELS,
                           earlier=services.decisions_before(clause.id),
                           figures=clause_figures(clause)[0],
                           history=services.history([r.report.id for r in rows if r.report]))


def _declared(report):
    """The reserved contract's share declared with this report, checked against the requirement, or None."""
    if report.clause.form != "reserved":
        return None
    return next((d for d in declarations(report.clause) if d.row.report_date == report.due_date), None)


def _review_page(report, accept_form=None, return_form=None, reopen_form=None):
    return render_template("clause_reports/review.html", report=report, clause=report.clause, words=WORDS,
                           declared=_declared(report),
                           accept_form=accept_form or AcceptForm(), return_form=return_form or ReturnForm(),
                           reopen_form=reopen_form or ReopenForm(),
                           decided=services.decision_of(report.clause_id) is not None,
                           history=services.history([report.id]).get(report.id, []))


@bp.get("/report/<int:report_id>")
@roles("officer")
def review(report_id: int):
    """One report as the supplier sent it, with the forms to accept or return it."""
    return _review_page(get_or_404(services.report_for_officer(current_user, report_id)))


@bp.post("/report/<int:report_id>/accept")
@roles("officer")
def accept(report_id: int):
    """Accept a submitted report."""
    report = get_or_404(services.report_for_officer(current_user, report_id))
    form = AcceptForm()
    if form.validate_on_submit():
        try:
            services.accept(report, current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The report has been accepted."), "success")
    return redirect(url_for("clause_reports.officer_clause", clause_id=report.clause_id))


@bp.route("/report/<int:report_id>/return", methods=["GET", "POST"])
@roles("officer")
def return_report(report_id: int):
    """Return a submitted report to the supplier with reasons."""
    report = get_or_404(services.report_for_officer(current_user, report_id))
    form = ReturnForm()
    return submit(form, lambda: services.return_report(report, form.reasons.data or "", current_user),
                  _("The report has been returned to the supplier."),
                  url_for("clause_reports.officer_clause", clause_id=report.clause_id)) or _review_page(
        report, return_form=form)


@bp.route("/report/<int:report_id>/reopen", methods=["GET", "POST"])
@roles("officer")
def reopen(report_id: int):
    """Reopen an accepted report with reasons: the supplier may correct its period and submit again."""
    report = get_or_404(services.report_for_officer(current_user, report_id))
    form = ReopenForm()
    return submit(form, lambda: services.reopen(report, form.reasons.data or "", current_user),
                  _("The report has been reopened; the supplier may correct it and submit it again."),
                  url_for("clause_reports.officer_clause", clause_id=report.clause_id)) or _review_page(
        report, reopen_form=form)


@bp.route("/clause/<int:clause_id>/sanction", methods=["GET", "POST"])
@roles("officer")
def decide(clause_id: int):
    """Record the sanction decision: applied, reduced or waived, with reasons; a final step, so it is
    shown for confirmation first, and a change keeps the earlier decision in the history."""
    clause = get_or_404(clause_for_officer(current_user, clause_id))
    decision = services.decision_of(clause.id)
    form = DecisionForm(obj=decision)
    if not form.amount.raw_data and (form.is_submitted() or (decision and decision.decision != "reduced")):
        # Only a reduced sanction has an amount of its own (one is refused with the others): an applied or
        # waived decision's computed amount does not fill the field, and a stored one never stands in for
        # an amount the officer did not send.
        form.amount.data = None
    args = (form.decision.data or "", form.amount.data, form.reasons.data or "")
    if form.is_submitted() and form.confirmed.data != "1" and form.validate():
        try:
            amount = services.check_decision(clause, *args)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            form.confirmed.data = "1"
            return render_template("clause_reports/decide_confirm.html", clause=clause, form=form,
                                   decision=decision, amount=amount, decisions=DECISION_LABELS)
    elif form.is_submitted():
        form.confirmed.data = ""  # a refused confirmation shows the form again, to be confirmed anew
        done = submit(form, lambda: services.decide(clause, *args, current_user),
                      _("The sanction decision has been recorded."),
                      url_for("clause_reports.officer_clause", clause_id=clause.id))
        if done:
            return done
    return render_template("clause_reports/decide.html", clause=clause, form=form, decision=decision,
                           figures=clause_figures(clause)[0])

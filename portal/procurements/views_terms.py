"""Officer pages of the award criterion (tenders scored, the winner chosen) and the buyer's size rule."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.procurements import bp, services, sizing, terms_records
from portal.procurements.forms import ConfirmForm
from portal.procurements.forms_terms import SizeRuleForm, TenderPlanForm
from portal.procurements.models import TenderPlan
from portal.security import get_or_404, roles


def _award_clause(clause_id: int):
    item = get_or_404(services.clause_for_officer(current_user, clause_id))  # the access check, every time
    if item.form != "award":
        abort(404)
    return item


@bp.route("/clauses/<int:clause_id>/tenders", methods=["GET", "POST"])
@roles("officer")
def tenders(clause_id: int):
    """An award criterion: its scale, the tenders' plans with their points, and a form to score one more."""
    item = _award_clause(clause_id)
    form = TenderPlanForm()
    if form.validate_on_submit():
        try:
            plan = terms_records.add_tender_plan(item, form.data)
        except ServiceError as exc:
            db.session.rollback()
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("%(tenderer)s's plan earns %(points)s points.", tenderer=plan.tenderer,
                    points=format_decimal(plan.points)), "success")
            return redirect(url_for("procurements.tenders", clause_id=item.id))
    return render_template("procurements/tenders.html", clause=item, form=form,
                           plans=terms_records.tender_plans(item))


@bp.route("/clauses/<int:clause_id>/tenders/<int:plan_id>/winner", methods=["GET", "POST"])
@roles("officer")
def tender_winner(clause_id: int, plan_id: int):
    """Confirm, then make this tender's plan the clause's target."""
    item = _award_clause(clause_id)
    plan = get_or_404(select(TenderPlan).where(TenderPlan.id == plan_id, TenderPlan.clause_id == item.id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            terms_records.choose_winner(item, plan)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("procurements.tenders", clause_id=item.id))
        db.session.commit()
        flash(_("%(tenderer)s won; its plan is now the clause's target.", tenderer=plan.tenderer), "success")
        return redirect(url_for("procurements.clause", clause_id=item.id))
    return render_template("procurements/tender_winner.html", clause=item, plan=plan, form=form)


@bp.route("/size-rule", methods=["GET", "POST"])
@roles("officer")
def size_rule():
    """The buyer's rule for suggested clause sizes, with its source and justification."""
    rule = sizing.size_rule(current_user.organisation_id)
    form = SizeRuleForm(obj=rule)
    if form.validate_on_submit():
        if not form.euros_per_person_month.data and not form.euros_per_person.data:
            form.euros_per_person_month.errors = [_("Give euros per person-month, per person, or both.")]
        else:
            sizing.save_size_rule(current_user.organisation_id, form.data, current_user.id)
            db.session.commit()
            flash(_("Your rule for suggested clause sizes has been saved."), "success")
            return redirect(url_for("procurements.size_rule"))
    return render_template("procurements/size_rule.html", form=form, rule=rule)

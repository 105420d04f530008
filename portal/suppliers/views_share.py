"""A reserved contract's supplier declares, at each report date, its staff and the disadvantaged among them."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from portal.clock import today
from portal.domain.obligation_details import report_dates
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.procurements.figures import to_domain
from portal.procurements.forms_terms import ShareDeclarationForm
from portal.procurements.services import clause_for_supplier
from portal.procurements.terms_records import declarations, declare_share
from portal.security import get_or_404, roles
from portal.suppliers import bp


def _open_dates(clause) -> list:
    """The report dates already passed and the next one: what a declaration can be for."""
    dates = report_dates(to_domain(clause))
    past = [d for d in dates if d <= today()]
    upcoming = [d for d in dates if d > today()][:1]
    return past + upcoming


@bp.route("/clauses/<int:clause_id>/share", methods=["GET", "POST"])
@roles("employer")
def share(clause_id: int):
    """Declare the share of disadvantaged staff for a report date; see earlier declarations and their check."""
    item = get_or_404(clause_for_supplier(current_user, clause_id))  # the access check, every time
    if item.form != "reserved":
        flash(_("Only a reserved contract asks for a share declaration."), "error")
        return redirect(url_for("suppliers.clause", clause_id=item.id))
    dates = _open_dates(item)
    form = ShareDeclarationForm()
    form.report_date.choices = [(d.isoformat(), format_date(d)) for d in reversed(dates)]
    if form.validate_on_submit():
        try:
            done = declare_share(item, form.data, dates, current_user.id)
        except ServiceError as exc:
            db.session.rollback()
            show_refusal(form, exc)
        else:
            db.session.commit()
            if done.check.below:
                flash(_("Saved. The declared share is below the share the contract requires; the buyer sees "
                        "it flagged."), "warning")
            else:
                flash(_("Saved. The declared share meets the contract's requirement."), "success")
            return redirect(url_for("suppliers.share", clause_id=item.id))
    return render_template("suppliers/share.html", clause=item, form=form, declarations=declarations(item))

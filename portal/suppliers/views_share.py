"""A reserved contract's share declarations: declared with each report (one form, in portal.clause_reports),
listed here with their check against the required share."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.procurements.services import clause_for_supplier
from portal.procurements.terms_records import declarations
from portal.security import get_or_404, roles
from portal.suppliers import bp


@bp.get("/clauses/<int:clause_id>/share")
@roles("employer")
def share(clause_id: int):
    """The declarations made with the reports, each checked; declaring is part of submitting a report."""
    item = get_or_404(clause_for_supplier(current_user, clause_id))  # the access check, every time
    if item.form != "reserved":
        flash(_("Only a reserved contract asks for a share declaration."), "error")
        return redirect(url_for("suppliers.clause", clause_id=item.id))
    return render_template("suppliers/share.html", clause=item, declarations=declarations(item))

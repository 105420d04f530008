"""The coach's view of a candidate's consents: record one given in a meeting, withdraw at the candidate's request."""
from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.coaching import bp, consents
from portal.coaching.access import candidate_for, log_read, render_and_commit
from portal.coaching.forms import ConfirmForm, ConsentForm
from portal.coaching.labels import SCOPE_LABELS
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.identity.choices import organisation_choices
from portal.security import roles


@bp.route("/candidates/<int:candidate_id>/consents", methods=["GET", "POST"])
@roles("coach")
def consent_list(candidate_id: int):
    """The candidate's consents; a consent given in a meeting can be recorded here."""
    candidate = candidate_for(current_user, candidate_id)
    form = ConsentForm()
    form.employer_id.choices = [("", "–")] + organisation_choices(consents.employer_choices())
    if form.validate_on_submit():
        try:
            consents.give_consent(candidate, form.employer_id.data, form.scope.data, current_user,
                                  recorded_by_coach=True)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The consent has been recorded."), "success")
            return redirect(url_for("coaching.consent_list", candidate_id=candidate.id))
    else:
        log_read(candidate, "consents")
    return render_and_commit("coaching/consents.html", c=candidate, form=form, consents=consents.consents_of(candidate),
                               scopes=SCOPE_LABELS, withdraw_url=lambda x: url_for(
                               "coaching.consent_withdraw", candidate_id=candidate.id, consent_id=x.id))


@bp.route("/candidates/<int:candidate_id>/consents/<int:consent_id>/withdraw", methods=["GET", "POST"])
@roles("coach")
def consent_withdraw(candidate_id: int, consent_id: int):
    """Confirm, then withdraw a consent at the candidate's request."""
    candidate = candidate_for(current_user, candidate_id)
    consent = consents.consent_of(candidate, consent_id) or abort(404)
    form = ConfirmForm()
    back = url_for("coaching.consent_list", candidate_id=candidate.id)
    if form.validate_on_submit():
        try:
            consents.withdraw_consent(candidate, consent, current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The consent has been withdrawn."), "success")
        return redirect(back)
    log_read(candidate, "consents")
    return render_and_commit("coaching/consent_withdraw.html", c=candidate, consent=consent, form=form, cancel=back,
                               scopes=SCOPE_LABELS)

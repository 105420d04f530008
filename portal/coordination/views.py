"""The coach's coordination pages: the coordinator and hand-overs, referrals and the receiving party's answers."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.coaching.access import candidate_for, log_read, render_and_commit
from portal.coaching.forms import ConfirmForm
from portal.coordination import bp, referrals, services
from portal.coordination.forms import AnswerForm, HandOverForm, ReferralForm
from portal.coordination.labels import ANSWER_LABELS, LABELS
from portal.coordination.team_port import may_coordinate, team_users
from portal.domain.coordination import may_move, phase_for_status
from portal.errors import ServiceError
from portal.extensions import db
from portal.forms_flow import submit
from portal.security import roles


def _candidate(candidate_id: int):
    # The record in the user's scope (404 outside it), and only for someone of the candidate's team.
    candidate = candidate_for(current_user, candidate_id)
    if not may_coordinate(candidate, current_user):
        abort(404)
    return candidate


@bp.get("/candidates/<int:candidate_id>")
@roles("coach")
def overview(candidate_id: int):
    """The coordination of one candidate: the coordinator now and before, and every referral with its answer."""
    candidate = _candidate(candidate_id)
    log_read(candidate, "coordination")
    return render_and_commit("coordination/overview.html", c=candidate, current=services.current_of(candidate),
                             history=services.history_of(candidate), referrals=referrals.referrals_of(candidate),
                             **LABELS)


@bp.route("/candidates/<int:candidate_id>/coordinator", methods=["GET", "POST"])
@roles("coach")
def handover(candidate_id: int):
    """Name the coordinator of a phase, or hand over to the next one; a hand-over always names the next."""
    candidate = _candidate(candidate_id)
    current = services.current_of(candidate)
    form = HandOverForm()
    form.user_id.choices = [("", "–")] + [(str(u.id), u.name) for u in team_users(candidate)]
    if request.method == "GET":
        form.phase.data = current.phase if current else phase_for_status(candidate.status)
        form.start_on.data = clock.today()
    saved = submit(form, lambda: services.hand_over(candidate, form.data, current_user, clock.today()),
                   _("The hand-over has been saved: the next coordinator is responsible from now on.") if current
                   else _("The coordinator has been named."),
                   url_for("coordination.overview", candidate_id=candidate.id))
    if saved:
        return saved
    if request.method == "GET":
        log_read(candidate, "coordination")
    return render_and_commit("coordination/handover.html", c=candidate, form=form, current=current, **LABELS)


@bp.route("/candidates/<int:candidate_id>/referrals/new", methods=["GET", "POST"])
@roles("coach")
def referral_new(candidate_id: int):
    """Make a referral: to whom, of what kind, and why in work terms."""
    candidate = _candidate(candidate_id)
    form = ReferralForm()
    form.organisation_id.choices = [("", "–")] + [(str(o.id), o.name) for o in referrals.receiving_organisations()]
    if request.method == "GET":
        form.sent_on.data = clock.today()
    saved = submit(form, lambda: referrals.make_referral(candidate, form.data, current_user, clock.today()),
                   _("The referral has been recorded."),
                   lambda r: url_for("coordination.referral", candidate_id=candidate.id, referral_id=r.id))
    if saved:
        return saved
    return render_and_commit("coordination/referral_form.html", c=candidate, form=form, **LABELS)


@bp.route("/candidates/<int:candidate_id>/referrals/<int:referral_id>", methods=["GET", "POST"])
@roles("coach")
def referral(candidate_id: int, referral_id: int):
    """A referral and the receiving party's answer, recorded by the coach on the party's behalf."""
    candidate = _candidate(candidate_id)
    current = referrals.referral_of(candidate, referral_id) or abort(404)
    form = AnswerForm()
    # Only the answers the referral's state allows are offered (the service refuses any other).
    form.answer.choices = [(k, v) for k, v in ANSWER_LABELS.items() if may_move(current.state, k)]
    saved = submit(form, lambda: referrals.record_answer(candidate, current, form.data, current_user, clock.today()),
                   _("The answer has been recorded."),
                   url_for("coordination.referral", candidate_id=candidate.id, referral_id=current.id))
    if saved:
        return saved
    if request.method == "GET":
        log_read(candidate, "referrals")
    return render_and_commit("coordination/referral.html", c=candidate, r=current, form=form, **LABELS)


@bp.route("/candidates/<int:candidate_id>/referrals/<int:referral_id>/cancel", methods=["GET", "POST"])
@roles("coach")
def referral_cancel(candidate_id: int, referral_id: int):
    """Confirm, then cancel a referral that is still open."""
    candidate = _candidate(candidate_id)
    current = referrals.referral_of(candidate, referral_id) or abort(404)
    form = ConfirmForm()
    back = url_for("coordination.referral", candidate_id=candidate.id, referral_id=current.id)
    if form.validate_on_submit():
        try:
            referrals.cancel(candidate, current, current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The referral has been cancelled."), "success")
        return redirect(back)
    log_read(candidate, "referrals")
    return render_and_commit("coordination/referral_cancel.html", c=candidate, r=current, form=form, cancel=back,
                             **LABELS)


@bp.app_template_global("coordinator_contact")
def coordinator_contact(candidate):
    """The candidate's coordinator as a contact for the plan pages (None when nobody is named)."""
    return services.contact_of(candidate)


@bp.app_template_global("coordination_referrals")
def coordination_referrals(candidate):
    """The candidate's referrals for the plan pages."""
    return referrals.referrals_of(candidate)


@bp.app_template_global("without_coordinator")
def without_coordinator(candidates):
    """The ids of a caseload page's candidates left without a coordinator (one query for the page)."""
    return services.left_without(list(candidates))


@bp.app_template_global("coordination_labels")
def coordination_labels():
    """The coordination labels for templates of other features."""
    return LABELS

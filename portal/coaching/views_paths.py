"""The coach's pages of the path (rhythm, weight, review, history), review signatures and steps before work."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.coaching import bp, modules, paths, signatures
from portal.coaching import steps as plan_steps
from portal.coaching.access import candidate_for, log_read, render_and_commit
from portal.coaching.forms import ConfirmForm, SignatureForm, StepForm
from portal.coaching.labels import (
    INTENSITY_LABELS,
    PATH_DECISION_LABELS,
    PATH_REASON_LABELS,
    SIGNATURE_STATE_LABELS,
    SIGNER_LABELS,
    STEP_KIND_LABELS,
    STEP_OUTCOME_LABELS,
)
from portal.errors import ServiceError
from portal.extensions import db
from portal.forms_flow import submit
from portal.security import roles


@bp.route("/candidates/<int:candidate_id>/path", methods=["GET", "POST"])
@roles("coach")
def path(candidate_id: int):
    """The path (light or intensive): its rhythm and weight, a proposed move to accept or decline, the history."""
    candidate = candidate_for(current_user, candidate_id)
    today, form = clock.today(), ConfirmForm()
    if form.validate_on_submit():
        try:
            decision = paths.decide(candidate, request.form.get("decision", ""), current_user, today)
        except ServiceError as exc:
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The move has been made and recorded.") if decision.decision == "accepted"
                  else _("The proposal has been declined and recorded."), "success")
        return redirect(url_for("coaching.path", candidate_id=candidate.id))
    history = paths.decisions_of(candidate)
    log_read(candidate, "path")
    return render_and_commit("coaching/path.html", c=candidate, form=form, rule=paths.rule_of(candidate),
                             rules=paths.path_rules(), proposal=paths.proposal_for(candidate, today, history),
                             history=history, since=paths.review_start(candidate, history),
                             intensities=INTENSITY_LABELS, reasons=PATH_REASON_LABELS,
                             decisions=PATH_DECISION_LABELS)


@bp.route("/candidates/<int:candidate_id>/modules/<int:module_id>/signatures", methods=["GET", "POST"])
@roles("coach")
def review_signatures(candidate_id: int, module_id: int):
    """The signatures of a module review: the buyer's sign-off, or that a party did not sign and why."""
    candidate = candidate_for(current_user, candidate_id)
    current = next((m for m in modules.modules_of(candidate) if m.id == module_id and m.review), None) or abort(404)
    form = SignatureForm()
    saved = submit(form, lambda: signatures.record_by_coach(candidate, current, form.data, current_user, clock.today()),
                   _("The signature has been recorded."), url_for("coaching.module_list", candidate_id=candidate.id))
    if saved:
        return saved
    if request.method == "GET":
        log_read(candidate, "modules")
    return render_and_commit("coaching/signature_form.html", c=candidate, form=form, module=current,
                             signed=signatures.signatures_of([current]), signers=SIGNER_LABELS,
                             states=SIGNATURE_STATE_LABELS)


@bp.route("/candidates/<int:candidate_id>/steps", methods=["GET", "POST"])
@roles("coach")
def steps(candidate_id: int):
    """Steps before work: social rehabilitation, work activity, day activity, and where each led."""
    return _step_page(candidate_id, None)


@bp.route("/candidates/<int:candidate_id>/steps/<int:step_id>", methods=["GET", "POST"])
@roles("coach")
def step(candidate_id: int, step_id: int):
    """Change a step before work: its dates, and where it led when it ended."""
    return _step_page(candidate_id, step_id)


def _step_page(candidate_id: int, step_id: int | None):
    candidate = candidate_for(current_user, candidate_id)
    current = None
    if step_id is not None:
        current = plan_steps.step_of(candidate, step_id) or abort(404)
    form = StepForm(obj=current)
    saved = submit(form, lambda: plan_steps.save_step(candidate, current, form.data, current_user, clock.today()),
                   _("The step has been saved."), url_for("coaching.steps", candidate_id=candidate.id))
    if saved:
        return saved
    if request.method == "GET":
        log_read(candidate, "steps")
    return render_and_commit("coaching/steps.html", c=candidate, form=form, step=current,
                             steps=plan_steps.steps_of(candidate) if current is None else [],
                             kinds=STEP_KIND_LABELS, outcomes=STEP_OUTCOME_LABELS, today=clock.today())

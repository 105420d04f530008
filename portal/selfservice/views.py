"""The candidate's own pages. Everything is fetched through the candidate's own record only."""
from __future__ import annotations

import json

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import nav
from portal.coaching import consents, plans
from portal.coaching.access import log_read, own_candidate, render_and_commit
from portal.coaching.export import export_data
from portal.coaching.forms import ConfirmForm, ConsentForm
from portal.coaching.labels import GOAL_STATUS_LABELS, PLAN_ACTION_LABELS, SCOPE_LABELS
from portal.coaching.views import profile_labels
from portal.coordination import referrals
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.identity.choices import organisation_choices
from portal.security import roles
from portal.selfservice import bp
from portal.selfservice.forms import OwnGoalForm
from portal.start.views import START_ENDPOINTS

nav.add("selfservice.profile", _l("My profile"), ("candidate",), order=10)
nav.add("selfservice.plan", _l("My plan"), ("candidate",), order=11)
nav.add("selfservice.consent_list", _l("My consents"), ("candidate",), order=12)
START_ENDPOINTS["candidate"] = "selfservice.profile"


def _mine(profile: bool = False):
    """The signed-in candidate's own record, or 404 when their coach has not made one."""
    return own_candidate(current_user, profile=profile) or abort(404)


@bp.get("/")
@roles("candidate")
def profile():  # not "index": the menu would then mark every page of /my as current
    """The candidate's own profile, in their language."""
    candidate = own_candidate(current_user, profile=True)
    if candidate is not None:
        log_read(candidate, "profile")
    return render_and_commit("selfservice/index.html", c=candidate, names=profile_labels() if candidate else {})


@bp.get("/plan")
@roles("candidate")
def plan():
    """The candidate's own plan and its history."""
    candidate = _mine()
    current = plans.plan_of(candidate)
    log_read(candidate, "plan")
    return render_and_commit("selfservice/plan.html", c=candidate, plan=current, history=plans.history(current),
                               goal_statuses=GOAL_STATUS_LABELS, actions=PLAN_ACTION_LABELS,
                               goal_endpoint="selfservice.goal")


@bp.route("/plan/goals/new", methods=["GET", "POST"])
@roles("candidate")
def goal_new():
    """Write a new goal in one's own words."""
    candidate = _mine()
    form = OwnGoalForm()
    if form.validate_on_submit():
        try:
            plans.add_goal(candidate, form.data, current_user, by_candidate=True)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("Your goal has been added to the plan."), "success")
            return redirect(url_for("selfservice.plan"))
    return render_template("selfservice/goal_form.html", form=form, goal=None)


@bp.route("/plan/goals/<int:goal_id>", methods=["GET", "POST"])
@roles("candidate")
def goal(goal_id: int):
    """Edit one's own wording, measure and date of a goal."""
    candidate = _mine()
    current = plans.goal_of(candidate, goal_id) or abort(404)
    form = OwnGoalForm(obj=current)
    if form.validate_on_submit():
        try:
            changes = plans.edit_goal(candidate, current, form.data, current_user, by_candidate=True)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("Your goal has been saved."), "success")
            warning = plans.past_target_warning(changes)
            if warning:
                flash(warning, "warning")
            return redirect(url_for("selfservice.plan"))
    return render_template("selfservice/goal_form.html", form=form, goal=current)


@bp.route("/consents", methods=["GET", "POST"])
@roles("candidate")
def consent_list():
    """One's consents; give a new one to share the profile with an employer."""
    candidate = _mine()
    form = ConsentForm()
    form.employer_id.choices = [("", "–")] + organisation_choices(consents.employer_choices())
    if form.validate_on_submit():
        try:
            consents.give_consent(candidate, form.employer_id.data, form.scope.data, current_user)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("Your consent has been saved."), "success")
            return redirect(url_for("selfservice.consent_list"))
    else:
        log_read(candidate, "consents")
    return render_and_commit("selfservice/consents.html", form=form, consents=consents.consents_of(candidate),
                               scopes=SCOPE_LABELS,
                               withdraw_url=lambda x: url_for("selfservice.consent_withdraw", consent_id=x.id))


@bp.route("/consents/<int:consent_id>/withdraw", methods=["GET", "POST"])
@roles("candidate")
def consent_withdraw(consent_id: int):
    """Confirm, then withdraw one's consent."""
    candidate = _mine()
    consent = consents.consent_of(candidate, consent_id) or abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            consents.withdraw_consent(candidate, consent, current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("Your consent has been withdrawn."), "success")
        return redirect(url_for("selfservice.consent_list"))
    return render_template("coaching/consent_withdraw.html", consent=consent, form=form, scopes=SCOPE_LABELS,
                           cancel=url_for("selfservice.consent_list"))


@bp.get("/data.json")
@roles("candidate")
def download():
    """All of one's data as a JSON file."""
    candidate = _mine(profile=True)
    data = export_data(candidate, current_user)
    data.update(referrals.export_part(candidate))  # the coordination of one's services is one's data too
    db.session.commit()
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="my-data-{candidate.code}.json"'})

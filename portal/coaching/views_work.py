"""The coach's pages for the work with a candidate: assessment, plan and goals, modules and reviews."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, TextAreaField
from wtforms.validators import Length, Optional

from portal import clock
from portal.coaching import assessments, bp, modules, plans, signatures
from portal.coaching.access import candidate_for, log_read, render_and_commit
from portal.coaching.forms import FollowUpForm, GoalForm, ModuleForm, PlanForm, ReviewForm
from portal.coaching.labels import (
    DECISION_LABELS,
    DESTINATION_LABELS,
    GOAL_STATUS_LABELS,
    MODULE_STATUS_LABELS,
    PLAN_ACTION_LABELS,
    SIGNATURE_STATE_LABELS,
    SIGNER_LABELS,
)
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.fields import MultiCheckboxField
from portal.i18n import current_language
from portal.reference.services import choices, items, labels
from portal.security import roles


def _assessment_form(assessment):
    """A checkbox and note per situation, a note per focus area, the services needed."""
    class Form(FlaskForm):
        services = MultiCheckboxField(_("Services needed at the same time"), choices=[])
        participants = TextAreaField(_("Who takes part in the multi-sector assessment"),
                                     validators=[Optional(), Length(max=4000)])

    situations = {s.code: s.note for s in assessment.situations} if assessment else {}
    focus = {f.code: f.note for f in assessment.focus_notes} if assessment else {}
    data = {"services": [s.code for s in assessment.services] if assessment else [],
            "participants": assessment.participants if assessment else ""}
    for item in items("need_situations"):
        setattr(Form, f"sit_{item.code}", BooleanField(item.label(current_language())))
        setattr(Form, f"note_{item.code}", TextAreaField(_("Note"), validators=[Optional(), Length(max=4000)]))
        data[f"sit_{item.code}"] = item.code in situations
        data[f"note_{item.code}"] = situations.get(item.code, "")
    for item in items("assessment_focus"):
        setattr(Form, f"focus_{item.code}", TextAreaField(item.label(current_language()),
                                                          validators=[Optional(), Length(max=4000)]))
        data[f"focus_{item.code}"] = focus.get(item.code, "")
    form = Form(data=data)
    form.services.choices = choices("support_services")
    return form


@bp.route("/candidates/<int:candidate_id>/assessment", methods=["GET", "POST"])
@roles("coach")
def assessment(candidate_id: int):
    """The service-need assessment: the fifteen situations, four focus areas and the services needed."""
    candidate = candidate_for(current_user, candidate_id)
    current = assessments.assessment_of(candidate)
    form = _assessment_form(current)
    if form.validate_on_submit():
        data = {"situations": {f.name[4:]: (form[f"note_{f.name[4:]}"].data if f.data else None)
                               for f in form if f.name.startswith("sit_")},
                "focus": {f.name[6:]: f.data for f in form if f.name.startswith("focus_")},
                "services": form.services.data, "participants": form.participants.data,
                "complete": request.form.get("action") == "complete"}
        try:
            assessments.save_assessment(candidate, data, current_user, clock.today())
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The assessment has been completed.") if data["complete"]
                  else _("The assessment has been saved."), "success")
            return redirect(url_for("coaching.assessment", candidate_id=candidate.id))
    else:
        log_read(candidate, "assessment")
    return render_and_commit("coaching/assessment.html", c=candidate, form=form, assessment=current,
                               situations=items("need_situations"), focus=items("assessment_focus"))


def _plan_context(candidate):
    plan = plans.plan_of(candidate)
    return {"c": candidate, "plan": plan, "history": plans.history(plan), "goal_statuses": GOAL_STATUS_LABELS,
            "actions": PLAN_ACTION_LABELS}


@bp.route("/candidates/<int:candidate_id>/plan", methods=["GET", "POST"])
@roles("coach")
def plan(candidate_id: int):
    """The client plan: summary, goals with follow-ups, and the history of changes."""
    candidate = candidate_for(current_user, candidate_id)
    current = plans.plan_of(candidate)
    form = PlanForm(obj=current)
    if form.validate_on_submit():
        plans.save_plan(candidate, form.data, current_user)
        db.session.commit()
        flash(_("The plan has been saved."), "success")
        return redirect(url_for("coaching.plan", candidate_id=candidate.id))
    log_read(candidate, "plan")
    return render_and_commit("coaching/plan.html", form=form, **_plan_context(candidate))


@bp.get("/candidates/<int:candidate_id>/plan/print")
@roles("coach")
def plan_print(candidate_id: int):
    """The plan on one printable page."""
    candidate = candidate_for(current_user, candidate_id)
    log_read(candidate, "plan_print")
    return render_and_commit("coaching/plan_print.html", **_plan_context(candidate))


@bp.route("/candidates/<int:candidate_id>/plan/goals/new", methods=["GET", "POST"])
@roles("coach")
def goal_new(candidate_id: int):
    """Add a goal to the plan."""
    candidate = candidate_for(current_user, candidate_id)
    form = GoalForm()
    if form.validate_on_submit():
        try:
            plans.add_goal(candidate, form.data, current_user)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The goal has been added."), "success")
            return redirect(url_for("coaching.plan", candidate_id=candidate.id))
    return render_template("coaching/goal_form.html", c=candidate, form=form, goal=None)


@bp.route("/candidates/<int:candidate_id>/plan/goals/<int:goal_id>", methods=["GET", "POST"])
@roles("coach")
def goal(candidate_id: int, goal_id: int):
    """Edit a goal, and write follow-ups on it."""
    candidate = candidate_for(current_user, candidate_id)
    current = plans.goal_of(candidate, goal_id) or abort(404)
    form, follow = GoalForm(obj=current, prefix="goal"), FollowUpForm(prefix="fu")
    target = follow if request.form.get("action") == "follow_up" else form
    if request.method == "POST" and target.validate():
        warning = None
        try:
            if target is follow:
                plans.add_follow_up(candidate, current, follow.data, current_user, clock.today())
            else:
                warning = plans.past_target_warning(plans.edit_goal(candidate, current, form.data, current_user))
        except ServiceError as exc:
            show_refusal(target, exc)
        else:
            db.session.commit()
            flash(_("The follow-up has been saved.") if target is follow else _("The goal has been saved."),
                  "success")
            if target is form and warning:
                flash(warning, "warning")
            return redirect(url_for("coaching.goal", candidate_id=candidate.id, goal_id=goal_id))
    if request.method == "GET":
        log_read(candidate, "plan")
    return render_and_commit("coaching/goal_form.html", c=candidate, form=form, follow=follow, goal=current)


@bp.get("/candidates/<int:candidate_id>/modules")
@roles("coach")
def module_list(candidate_id: int):
    """The candidate's coaching modules and their reviews."""
    candidate = candidate_for(current_user, candidate_id)
    log_read(candidate, "modules")
    found = modules.modules_of(candidate)
    return render_and_commit("coaching/modules.html", c=candidate, modules=found,
                               goals=labels("service_goals"), statuses=MODULE_STATUS_LABELS,
                               decisions=DECISION_LABELS, destinations=DESTINATION_LABELS,
                               signed=signatures.signatures_of(found), signers=SIGNER_LABELS,
                               states=SIGNATURE_STATE_LABELS)


def _module_form(module=None) -> ModuleForm:
    form = ModuleForm(obj=module)
    form.service_id.choices = [("", _("Custom module (not from the directory)"))] + [
        (s.id, f"{s.name} – {s.organisation.name}") for s in modules.service_choices()]
    form.goal_code.choices = [("", "–")] + choices("service_goals")
    return form


@bp.route("/candidates/<int:candidate_id>/modules/new", methods=["GET", "POST"])
@roles("coach")
def module_new(candidate_id: int):
    """Add a module, from the service directory or custom."""
    return _module_page(candidate_id, None)


@bp.route("/candidates/<int:candidate_id>/modules/<int:module_id>", methods=["GET", "POST"])
@roles("coach")
def module(candidate_id: int, module_id: int):
    """Edit a module."""
    return _module_page(candidate_id, module_id)


def _module_page(candidate_id: int, module_id: int | None):
    candidate = candidate_for(current_user, candidate_id)
    current = None
    if module_id is not None:
        current = next((m for m in modules.modules_of(candidate) if m.id == module_id), None) or abort(404)
    form = _module_form(current)
    if form.validate_on_submit():
        try:
            modules.save_module(candidate, current, form.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The module has been saved."), "success")
            return redirect(url_for("coaching.module_list", candidate_id=candidate.id))
    if request.method == "GET" and current is not None:
        log_read(candidate, "modules")
    return render_and_commit("coaching/module_form.html", c=candidate, form=form, module=current)


@bp.route("/candidates/<int:candidate_id>/modules/<int:module_id>/review", methods=["GET", "POST"])
@roles("coach")
def review(candidate_id: int, module_id: int):
    """Review a module: results, and the decision on the next module or the exit."""
    candidate = candidate_for(current_user, candidate_id)
    current = next((m for m in modules.modules_of(candidate) if m.id == module_id), None) or abort(404)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            modules.review_module(candidate, current, form.data, current_user)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The review has been saved."), "success")
            return redirect(url_for("coaching.module_list", candidate_id=candidate.id))
    if request.method == "GET":
        log_read(candidate, "modules")
    return render_and_commit("coaching/review_form.html", c=candidate, form=form, module=current)

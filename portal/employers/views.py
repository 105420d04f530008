"""Employer pages: the organisation's profile and its roles; employers' self-registration."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from portal import nav
from portal.accounts.services import members
from portal.campaigns.forms import PLEDGE_LABELS
from portal.campaigns.pledges import organisation_summary
from portal.clock import today
from portal.domain import job_roles as jr
from portal.employers import bp, clauses, services
from portal.employers.forms import (
    ACTION_DONE,
    ACTION_LABELS,
    ACTION_QUESTIONS,
    STATE_LABELS,
    ConfirmForm,
    ProfileForm,
    SignupForm,
    hours_text,
    problem_text,
    role_form,
    role_labels,
)
from portal.employers.signup import sign_up
from portal.errors import ServiceError, show_refusal
from portal.extensions import db, limiter
from portal.guidance.rules_data import rules
from portal.identity.services import pending_count
from portal.listing import apply_sort, paginate, sort_choice
from portal.reference.services import choices, searchable
from portal.security import get_or_404, public, roles
from portal.start.views import START_ENDPOINTS

nav.add("employers.index", _l("Our organisation"), ("employer",), order=10)
nav.add("employers.roles_list", _l("Our roles"), ("employer",), order=11, section=("employers.role",))
nav.add("employers.signup", _l("Register as an employer"), ("anonymous",), order=40)
START_ENDPOINTS["employer"] = "employers.index"
# Problems of the rules name the domain's fields; these are the form's.
FIELD_OF_PROBLEM = {"skills": "essential_skills"}


def _org():
    return current_user.organisation


@bp.get("/")
@roles("employer")
def index():
    """The organisation at a glance: profile, users, roles by state, pledges made through campaigns."""
    org = _org()
    total, kept, newest = organisation_summary(org.id)
    return render_template("employers/index.html", org=org, profile=services.profile_for(org),
                           members=members(org), counts=services.role_counts(org), states=STATE_LABELS,
                           labels=role_labels(), pledges=newest, pledges_total=total, pledges_kept=kept,
                           pledge_kinds=PLEDGE_LABELS, join_pending=pending_count(org.id))


@bp.route("/profile", methods=["GET", "POST"])
@roles("employer")
def profile_edit():
    """Edit the organisation's details and profile."""
    org = _org()
    profile = services.profile_for(org)
    form = ProfileForm(data={"name": org.name, "business_id": org.business_id, "industry_code": profile.industry_code,
                             "locations": profile.location_codes, "contact_name": profile.contact_name,
                             "contact_email": profile.contact_email, "contact_phone": profile.contact_phone,
                             "website": profile.website, "description": profile.description,
                             "inclusion_statement": profile.inclusion_statement})
    form.industry_code.choices = [("", _("Not given"))] + choices("industries")
    form.locations.choices = choices("municipalities")
    if form.validate_on_submit():
        try:
            services.save_profile(org, form.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The profile has been saved."), "success")
            return redirect(url_for("employers.index"))
    return render_template("employers/profile_form.html", form=form, searchable=searchable())


@bp.get("/roles")
@roles("employer")
def roles_list():
    """The organisation's roles in every state: filter, sort, paginate."""
    status = request.args.get("status", "")
    sort = sort_choice(services.ROLE_SORTS, "-updated")
    stmt = apply_sort(services.roles_query(_org(), status), services.ROLE_SORTS, sort, services.JobRole.id)
    stmt = stmt.options(selectinload(services.JobRole.adjustments))
    return render_template("employers/roles.html", page=paginate(stmt), status=status, sort=sort,
                           states=STATE_LABELS, labels=role_labels())


def _role_form(role=None):
    form = role_form(choices("physical_demands"), choices("demand_levels"),
                     data=services.form_data(role) if role is not None else None)
    form.occupation_code.choices = [("", _("Not given"))] + choices("occupations", by_label=True)
    form.municipality_code.choices = [("", _("Choose a municipality"))] + choices("municipalities")
    form.municipality_code.render_kw = searchable()
    form.adjustments.choices = choices("adjustments")
    form.languages.choices = choices("languages")
    form.clause_id.choices = [("", _("No clause"))] + clauses.choices(_org().id)
    form.clause_id.validate_choice = False  # checked by the service, with its own message
    return form


def _save(form, role):
    """Validate and save; on refusal put each problem on its field and return None."""
    if not form.validate_on_submit():
        return None
    publish = request.form.get("action") == "publish"
    data = {**form.data, "demands": form.demands_data()}
    try:
        saved = services.save_role(_org(), role, data, publish=publish)
    except services.RoleRejected as exc:
        db.session.rollback()
        for problem in exc.problems:
            target = getattr(form, FIELD_OF_PROBLEM.get(problem.field, problem.field), None)
            (target.errors if target is not None else form.form_errors).append(problem_text(problem))
        return None
    db.session.commit()
    flash(_("The role has been published.") if saved.status == "published" and publish
          else _("The role has been saved."), "success")
    return saved


def _render_form(form, role):
    rule = rules().in_force("work_trial", today())
    hint = _("Only for a work trial: at most %(weeks)s weeks (%(months)s months) with the same organiser, "
             "%(low)s to %(high)s hours a day, at most %(days)s days a week.",
             weeks=jr.max_trial_weeks(rule), months=rule["max_months_same_organiser"],
             low=rule["min_hours_per_day"], high=rule["max_hours_per_day"],
             days=rule["max_days_per_week"]) if rule else None
    return render_template("employers/role_form.html", form=form, role=role, trial_hint=hint,
                           needed=jr.REQUIRED_TO_PUBLISH)


@bp.route("/roles/new", methods=["GET", "POST"])
@roles("employer")
def role_new():
    """Post a role: save it as a draft or publish it at once."""
    form = _role_form()
    saved = _save(form, None)
    if saved is not None:
        return redirect(url_for("employers.role", role_id=saved.id))
    return _render_form(form, None)


@bp.get("/roles/<int:role_id>")
@roles("employer")
def role(role_id: int):
    """One of the organisation's roles as it looks, with the changes of state open to it."""
    role = get_or_404(services.own_role(_org(), role_id))
    return render_template("employers/role.html", role=role, org=_org(), actions=jr.actions_for(role.status),
                           clause_label=clauses.label_for(_org().id, role.clause_id), today=today(),
                           action_labels=ACTION_LABELS, states=STATE_LABELS, labels=role_labels(),
                           hours_text=hours_text)


@bp.route("/roles/<int:role_id>/edit", methods=["GET", "POST"])
@roles("employer")
def role_edit(role_id: int):
    """Edit a role; a published role stays published only if it still meets the rules."""
    role = get_or_404(services.own_role(_org(), role_id))
    form = _role_form(role)
    saved = _save(form, role)
    if saved is not None:
        return redirect(url_for("employers.role", role_id=saved.id))
    return _render_form(form, role)


@bp.route("/roles/<int:role_id>/<action>", methods=["GET", "POST"])
@roles("employer")
def role_action(role_id: int, action: str):
    """Confirm, then publish, fill, close or return a role to draft."""
    if action not in jr.TRANSITIONS:
        abort(404)
    role = get_or_404(services.own_role(_org(), role_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.change_state(_org(), role, action)
        except services.RoleRejected as exc:
            db.session.rollback()
            flash(_("The role cannot be published yet: %(problems)s",
                    problems=" ".join(problem_text(p) for p in exc.problems)), "error")
            return redirect(url_for("employers.role_edit", role_id=role.id))
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(str(ACTION_DONE[action]), "success")
        return redirect(url_for("employers.role", role_id=role.id))
    return render_template("employers/confirm.html", role=role, action=action, form=form,
                           question=ACTION_QUESTIONS[action], label=ACTION_LABELS[action],
                           possible=jr.can(action, role.status))


@bp.route("/signup", methods=["GET", "POST"])
@public
@limiter.limit("5 per hour", methods=["POST"])
def signup():
    """An employer registers its organisation and itself; a mail brings the set-password link."""
    if current_user.is_authenticated:
        return redirect(url_for("start.index"))
    form = SignupForm()
    form.municipality_code.choices = [("", _("Not given"))] + choices("municipalities")
    form.municipality_code.render_kw = searchable()
    if form.validate_on_submit():
        try:
            outcome = sign_up(form.organisation_name.data, form.business_id.data, form.contact_name.data,
                              form.email.data, form.municipality_code.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            session["signup_email"] = form.email.data.strip()
            session["signup_outcome"] = outcome
            return redirect(url_for("employers.signup_sent"))
    return render_template("employers/signup.html", form=form)


@bp.get("/signup/sent")
@public
def signup_sent():
    """What happens next after registering."""
    return render_template("employers/signup_sent.html", email=session.get("signup_email", ""),
                           joining=session.get("signup_outcome") == "join_requested")

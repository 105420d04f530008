"""The coach's pages: caseload, candidate record, status, employer contacts, team and erasure."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock, nav
from portal.coaching import bp, caseload, team
from portal.coaching import candidates as svc
from portal.coaching.access import candidate_for, is_org_admin, log_read, render_and_commit
from portal.coaching.catalogues import labels_for
from portal.coaching.erasure import erase_candidate, erasure_blockers
from portal.coaching.forms import (
    AccountForm,
    AddCoachForm,
    ConfirmForm,
    ContactForm,
    EraseForm,
    StatusForm,
    candidate_form,
    profile_data,
)
from portal.coaching.labels import INTENSITY_LABELS, LANGUAGE_LEVELS, STATUS_LABELS, TRAVEL_LABELS
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.i18n import date_filter
from portal.inputs import db_int
from portal.listing import apply_sort, paginate, sort_choice
from portal.security import roles
from portal.start.views import START_ENDPOINTS

nav.add("coaching.index", _l("My caseload"), ("coach",), order=10)
nav.add("coaching.admin_candidates", _l("Candidates"), ("admin",), order=80)
START_ENDPOINTS["coach"] = "coaching.index"


def profile_labels() -> dict:
    """Labels of every catalogue the record shows, in the user's language."""
    names = labels_for("municipalities", "skills", "adjustments", "target_groups", "physical_demands",
                       "demand_levels", "languages")
    return names | {"status": STATUS_LABELS, "intensity": INTENSITY_LABELS, "language_levels": LANGUAGE_LEVELS,
                    "travel": TRAVEL_LABELS}


@bp.get("/")
@roles("coach")
def index():
    """The caseload: the coach's candidates, with status, next follow-up and days since employer contact."""
    status, q = request.args.get("status", ""), request.args.get("q", "")
    sort = sort_choice(caseload.SORTS, "name")
    stmt = apply_sort(caseload.caseload_query(current_user, status, q), caseload.SORTS, sort, svc.Candidate.id)
    page = paginate(stmt)
    today = clock.today()
    caseload.log_caseload_read(current_user, page.items)
    return render_and_commit("coaching/index.html", page=page, sort=sort, status=status, q=q, today=today,
                               summary=caseload.summary(current_user, today), statuses=STATUS_LABELS,
                               days=lambda c: caseload.days_since_contact(c, today), org_admin=is_org_admin())


@bp.route("/candidates/new", methods=["GET", "POST"])
@roles("coach")
def new():
    """Take in a new candidate."""
    form = candidate_form()
    if form.validate_on_submit():
        try:
            candidate = svc.create_candidate(current_user, profile_data(form), clock.today())
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The candidate has been added to your caseload with the code %(code)s.", code=candidate.code),
                  "success")
            return redirect(url_for("coaching.record", candidate_id=candidate.id))
    return render_template("coaching/candidate_form.html", form=form, candidate=None)


@bp.get("/candidates/<int:candidate_id>")
@roles("coach")
def record(candidate_id: int):
    """The candidate record (a logged read of sensitive data)."""
    candidate = candidate_for(current_user, candidate_id, profile=True)
    log_read(candidate, "record")
    return render_and_commit("coaching/record.html", c=candidate, names=profile_labels(),
                               contacts=svc.employer_contacts(candidate)[:3])


@bp.route("/candidates/<int:candidate_id>/edit", methods=["GET", "POST"])
@roles("coach")
def edit(candidate_id: int):
    """Edit the candidate record."""
    candidate = candidate_for(current_user, candidate_id, profile=True)
    form = candidate_form(candidate)
    if form.validate_on_submit():
        try:
            svc.update_profile(candidate, profile_data(form), current_user)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The record has been saved."), "success")
            return redirect(url_for("coaching.record", candidate_id=candidate.id))
    else:
        log_read(candidate, "profile")
    return render_and_commit("coaching/candidate_form.html", form=form, candidate=candidate)


@bp.route("/candidates/<int:candidate_id>/status", methods=["GET", "POST"])
@roles("coach")
def status(candidate_id: int):
    """The status history, and a change of status."""
    candidate = candidate_for(current_user, candidate_id)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            svc.change_status(candidate, form.status.data, form.since.data, form.note.data, current_user,
                              clock.today())
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The status has been changed."), "success")
            return redirect(url_for("coaching.status", candidate_id=candidate.id))
    log_read(candidate, "status")
    return render_and_commit("coaching/status.html", c=candidate, form=form, history=svc.status_history(candidate),
                               statuses=STATUS_LABELS)


@bp.route("/candidates/<int:candidate_id>/contacts", methods=["GET", "POST"])
@roles("coach")
def contacts(candidate_id: int):
    """Employer contacts made for the candidate."""
    candidate = candidate_for(current_user, candidate_id)
    form = ContactForm()
    if form.validate_on_submit():
        try:
            svc.record_employer_contact(candidate, form.contact_on.data, form.note.data, current_user, clock.today())
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The employer contact has been recorded. Next follow-up: %(day)s.",
                    day=date_filter(candidate.next_follow_up)), "success")
            return redirect(url_for("coaching.contacts", candidate_id=candidate.id))
    log_read(candidate, "employer_contacts")
    return render_and_commit("coaching/contacts.html", c=candidate, form=form,
                             contacts=svc.employer_contacts(candidate))


@bp.route("/candidates/<int:candidate_id>/team", methods=["GET", "POST"])
@roles("coach")
def team_page(candidate_id: int):
    """The coaches who share the candidate, and the candidate's own login."""
    candidate = candidate_for(current_user, candidate_id)
    add_form, account_form = AddCoachForm(prefix="add"), AccountForm(prefix="account")
    action = request.form.get("action")
    if request.method == "POST":
        try:
            if action == "add" and add_form.validate():
                team.add_coach(candidate, add_form.coach_id.data)
            elif action == "remove":
                team.remove_coach(candidate, request.form.get("user_id", type=db_int))
            elif action == "account" and account_form.validate():
                team.link_account(candidate, account_form.user_id.data)
            else:
                raise ServiceError(_("Choose what to do."))
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The changes have been saved."), "success")
        return redirect(url_for("coaching.team_page", candidate_id=candidate_id))
    log_read(candidate, "team")
    add_form.coach_id.choices = [("", "–")] + [(u.id, u.name) for u in team.coach_choices(candidate)]
    account_form.user_id.choices = [("", _("No login"))] + [(u.id, f"{u.name} ({u.email})")
                                                           for u in team.account_choices(candidate)]
    account_form.user_id.data = candidate.user_id
    return render_and_commit("coaching/team.html", c=candidate, add_form=add_form, account_form=account_form,
                               confirm=ConfirmForm())


@bp.route("/candidates/<int:candidate_id>/erase", methods=["GET", "POST"])
@roles("coach")
def erase(candidate_id: int):
    """Confirm, then erase the candidate's personal data (with the candidate's agreement)."""
    candidate = candidate_for(current_user, candidate_id)
    form = EraseForm()
    if form.validate_on_submit():
        try:
            erase_candidate(candidate, current_user, agreed=form.agreed.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The candidate's personal data has been erased. The code %(code)s remains in the figures.",
                    code=candidate.code), "success")
            return redirect(url_for("coaching.index"))
    return render_template("coaching/erase.html", c=candidate, form=form, blockers=erasure_blockers(candidate),
                           cancel=url_for("coaching.record", candidate_id=candidate.id))

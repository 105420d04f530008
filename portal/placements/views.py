"""Placement pages: the list, recording one from an accepted proposal, its page, ending and converting it."""
from __future__ import annotations

from datetime import timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal import clock, nav
from portal.audit.services import record
from portal.coaching.access import render_and_commit
from portal.domain.proposals import can_place
from portal.errors import show_refusal
from portal.extensions import db
from portal.listing import apply_sort, paginate, sort_choice
from portal.notifications.services import mark_read
from portal.placements import actions, bp, services
from portal.placements.bookkeeping import occupied
from portal.placements.forms import NO_CLAUSE, ConvertForm, EndForm, TermsForm
from portal.placements.models import Placement
from portal.placements.services import Refused
from portal.placements.texts import CHANGE_LABELS, END_REASON_LABELS, STATE_LABELS, message
from portal.procurements.models import EmploymentClause
from portal.procurements.services import clause_label, clauses_for_supplier
from portal.proposals import services as proposals
from portal.proposals.services import codes_of
from portal.proposals.texts import KIND_LABELS
from portal.security import get_or_404, roles

SIDES = ("coach", "employer")
nav.add("placements.index", _l("Placements"), SIDES, order=14)
nav.add("placements.officer_list", _l("Placements on our clauses"), ("officer",), order=21)
LABELS = {"kinds": KIND_LABELS, "states": STATE_LABELS, "changes": CHANGE_LABELS, "reasons": END_REASON_LABELS}


def _list_context(stmt):
    sort = sort_choice(services.SORTS, "-start")
    page = paginate(apply_sort(stmt.options(selectinload(Placement.role)), services.SORTS, sort, Placement.id.desc()))
    codes = codes_of({p.candidate_id for p in page.items})
    return page, dict(page=page, sort=sort, codes=codes, labels=LABELS, state=request.args.get("state", ""),
                      kind=request.args.get("kind", ""))


@bp.get("/")
@roles(*SIDES)
def index():
    """The placements of the coach's candidates, or in the employer's roles."""
    state, kind = request.args.get("state", ""), request.args.get("kind", "")
    query = (services.coach_placements if current_user.role == "coach" else services.employer_placements)
    page, context = _list_context(query(current_user, state, kind))
    return render_template("placements/index.html", **context)


@bp.get("/clauses")
@roles("officer")
def officer_list():
    """The placements counted on the officer's clauses, by pseudonymous code only."""
    state, kind = request.args.get("state", ""), request.args.get("kind", "")
    stmt = services.officer_placements(current_user, state, kind).options(
        selectinload(Placement.organisation), selectinload(Placement.clause).selectinload(EmploymentClause.procurement))
    page, context = _list_context(stmt)
    clause_names = {p.clause_id: clause_label(p.clause, p.clause.procurement.reference) for p in page.items if p.clause}
    return render_template("placements/officer_list.html", clause_names=clause_names, **context)


def _proposal(proposal_id: int):
    scoped = proposals.for_coach if current_user.role == "coach" else proposals.for_employer
    return get_or_404(scoped(current_user, proposal_id))


@bp.route("/new/<int:proposal_id>", methods=["GET", "POST"])
@roles(*SIDES)
def new(proposal_id: int):
    """Record the placement agreed in an accepted proposal."""
    proposal = _proposal(proposal_id)
    if not can_place(proposal.state):
        # Only an accepted proposal leads here; an ended one must not name its person to the employer.
        flash(message("not_accepted"), "error")
        detail = "proposals.coach_detail" if current_user.role == "coach" else "proposals.employer_detail"
        return redirect(url_for(detail, proposal_id=proposal.id))
    role, today = proposal.role, clock.today()
    end = today + timedelta(weeks=role.trial_weeks) - timedelta(days=1) if role.trial_weeks else None
    form = TermsForm(data=None if request.method == "POST" else {
        "kind": role.kind, "start_on": today, "end_on": end, "work_share": 100,
        "clause_id": role.clause_id or NO_CLAUSE})
    form.set_clauses(clauses_for_supplier(proposal.organisation_id), _("No clause"))
    if form.validate_on_submit():
        try:
            placement = actions.start(current_user, proposal, form.terms())
        except Refused as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The placement has been recorded."), "success")
            return redirect(url_for("placements.detail", placement_id=placement.id))
    code = codes_of([proposal.candidate_id])[proposal.candidate_id]
    return render_template("placements/new.html", proposal=proposal, form=form, code=code,
                           occupied=occupied(role.id))


@bp.get("/<int:placement_id>")
@roles(*SIDES)
def detail(placement_id: int):
    """A placement: its terms, its steps, its clause, and what can be done next."""
    placement = get_or_404(services.for_user(current_user, placement_id))
    chain = db.session.scalars(select(Placement).where(
        (Placement.previous_id == placement.id) | (Placement.id == (placement.previous_id or 0)))).all()
    clause = dict(clauses_for_supplier(placement.organisation_id)).get(placement.clause_id)
    name = placement.candidate.name if current_user.role == "coach" else None
    mark_read(current_user, placement_id=placement.id)
    if name:
        record("caseload_read", "caseload", current_user.id, organisation_id=current_user.organisation_id,
               detail={"candidates": [placement.candidate_id], "page": "placement"})
    return render_and_commit("placements/detail.html", placement=placement, chain=chain, clause=clause,
                             code=codes_of([placement.candidate_id])[placement.candidate_id], name=name,
                             labels=LABELS)


@bp.route("/<int:placement_id>/end", methods=["GET", "POST"])
@roles(*SIDES)
def end(placement_id: int):
    """Confirm and record the end of a placement."""
    placement = get_or_404(services.for_user(current_user, placement_id))
    form = EndForm(data=None if request.method == "POST" else {"end_on": clock.today()})
    if form.validate_on_submit():
        try:
            actions.end(current_user, placement, form.end_on.data, form.reason.data or None)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The end of the placement has been recorded."), "success")
            return redirect(url_for("placements.detail", placement_id=placement_id))
    return render_template("placements/end.html", placement=placement, form=form, labels=LABELS,
                           code=codes_of([placement.candidate_id])[placement.candidate_id])


@bp.route("/<int:placement_id>/convert", methods=["GET", "POST"])
@roles(*SIDES)
def convert(placement_id: int):
    """A work trial becomes a job or an apprenticeship."""
    placement = get_or_404(services.for_user(current_user, placement_id))
    form = ConvertForm(data=None if request.method == "POST" else {
        "kind": "job", "start_on": clock.today(), "work_share": placement.share_percent,
        "clause_id": placement.clause_id or NO_CLAUSE})
    form.set_clauses(clauses_for_supplier(placement.organisation_id), _("No clause"))
    if form.validate_on_submit():
        terms = form.terms()
        try:
            job = actions.convert(current_user, placement, terms.start_on, terms)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("The work trial has become employment."), "success")
            return redirect(url_for("placements.detail", placement_id=job.id))
    return render_template("placements/convert.html", placement=placement, form=form, labels=LABELS,
                           code=codes_of([placement.candidate_id])[placement.candidate_id])

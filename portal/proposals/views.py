"""Proposal pages: the coach's proposals and withdrawals, the employer's inbox and answers."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from portal import nav
from portal.audit.services import record
from portal.coaching.access import render_and_commit
from portal.coaching.catalogues import labels_for
from portal.coaching.labels import LANGUAGE_LEVELS
from portal.domain import proposals as rules
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.listing import apply_sort, paginate, sort_choice
from portal.notifications.services import mark_read, unread_count
from portal.proposals import bp, services, snapshots
from portal.proposals.forms import AnswerForm, ConfirmForm, open_answers
from portal.proposals.models import Proposal
from portal.proposals.texts import DECLINE_LABELS, KIND_LABELS, STATE_LABELS, WITHDRAW_LABELS
from portal.security import get_or_404, roles

nav.add("proposals.coach_list", _l("Proposals"), ("coach",), order=13)
nav.add("proposals.employer_list", _l("Proposed candidates"), ("employer",), order=12)
LABELS = {"states": STATE_LABELS, "decline": DECLINE_LABELS, "withdraw": WITHDRAW_LABELS, "kinds": KIND_LABELS}


def _listing(stmt, **extra):
    state = request.args.get("state", "")
    sort = sort_choice(services.SORTS, "-updated")
    stmt = stmt.options(selectinload(Proposal.role), selectinload(Proposal.organisation))
    page = paginate(apply_sort(stmt, services.SORTS, sort, Proposal.id.desc()))
    return page, dict(page=page, sort=sort, state=state, labels=LABELS, unread=unread_count(current_user), **extra)


@bp.get("/")
@roles("coach")
def coach_list():
    """The proposals of the coach's candidates, newest change first."""
    page, context = _listing(services.coach_proposals(current_user, request.args.get("state", ""))
                             .options(selectinload(Proposal.candidate)))
    record("caseload_read", "caseload", current_user.id, organisation_id=current_user.organisation_id,
           detail={"candidates": sorted({p.candidate_id for p in page.items}), "page": "proposals"})
    return render_and_commit("proposals/coach_list.html", **context)


@bp.get("/<int:proposal_id>")
@roles("coach")
def coach_detail(proposal_id: int):
    """One proposal of the coach's candidate: what the employer sees, and its answer."""
    proposal = get_or_404(services.for_coach(current_user, proposal_id))
    mark_read(current_user, proposal_id=proposal.id)
    return render_and_commit("proposals/coach_detail.html", proposal=proposal, labels=LABELS,
                             names=labels_for("adjustments")["adjustments"])


@bp.route("/<int:proposal_id>/withdraw", methods=["GET", "POST"])
@roles("coach")
def withdraw(proposal_id: int):
    """Confirm, then withdraw the proposal; the employer is told."""
    proposal = get_or_404(services.for_coach(current_user, proposal_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.withdraw(current_user, proposal)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The proposal has been withdrawn and the employer told."), "success")
        return redirect(url_for("proposals.coach_detail", proposal_id=proposal_id))
    return render_template("proposals/withdraw.html", proposal=proposal, form=form)


@bp.get("/received")
@roles("employer")
def employer_list():
    """The proposals to the organisation's roles, newest change first."""
    page, context = _listing(services.employer_proposals(current_user, request.args.get("state", "")))
    shown = [p for p in page.items if rules.code_shown_to_employer(p.state, p.snapshot is not None)]
    codes = services.codes_of({p.candidate_id for p in shown})
    # By proposal: the same person's ended proposal must not borrow the code of a standing one.
    return render_template("proposals/employer_list.html", codes={p.id: codes[p.candidate_id] for p in shown},
                           **context)


@bp.route("/received/<int:proposal_id>", methods=["GET", "POST"])
@roles("employer")
def employer_detail(proposal_id: int):
    """A proposed candidate as the consent let the employer see them when proposed (the snapshot), and the answer.

    Never a live read of the candidate: without a snapshot (withdrawn proposal or
    consent) the page shows only that the proposal ended. Each read is audited.
    """
    proposal = get_or_404(services.for_employer(current_user, proposal_id))
    form = AnswerForm()
    if form.validate_on_submit():
        try:
            services.answer(current_user, proposal, form.answer.data, form.decline_reason.data, form.note.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("Your answer has been sent to the job coach."), "success")
            return redirect(url_for("proposals.employer_detail", proposal_id=proposal_id))
    shown = snapshots.shown_to_employer(proposal)
    if shown["view"] is not None:
        snapshots.log_employer_read(proposal, shown, current_user)
    if request.method == "GET":
        mark_read(current_user, proposal_id=proposal.id)
    names = labels_for("skills", "adjustments", "languages", "municipalities")
    code = (services.codes_of([proposal.candidate_id]).get(proposal.candidate_id)
            if rules.code_shown_to_employer(proposal.state, proposal.snapshot is not None) else None)
    return render_and_commit("proposals/employer_detail.html", proposal=proposal, form=form, code=code,
                             answers=open_answers(proposal.state), labels=LABELS, names=names,
                             levels=LANGUAGE_LEVELS, **shown)

"""The candidate's own proposals, placements and module reviews to sign, and who read what of their data."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock, nav
from portal.audit.labels import PART_LABELS
from portal.coaching import modules as coaching_modules
from portal.coaching import signatures
from portal.coaching.access import log_read, own_candidate, render_and_commit
from portal.coaching.forms import OwnSignatureForm
from portal.coaching.labels import DECISION_LABELS, SIGNATURE_STATE_LABELS, SIGNER_LABELS
from portal.errors import ServiceError
from portal.extensions import db
from portal.inputs import optional_id
from portal.listing import Page, paginate
from portal.placements.texts import STATE_LABELS as PLACEMENT_STATES
from portal.proposals.texts import KIND_LABELS
from portal.proposals.texts import STATE_LABELS as PROPOSAL_STATES
from portal.security import roles
from portal.selfservice import bp, services

nav.add("selfservice.proposals", _l("My proposals"), ("candidate",), order=13)
nav.add("selfservice.placements", _l("My placements"), ("candidate",), order=14)
nav.add("selfservice.modules", _l("My coaching modules"), ("candidate",), order=14)
nav.add("selfservice.seen", _l("Who saw what"), ("candidate",), order=15)
# The parts of a snapshot an employer's read showed (portal.proposals.snapshots.log_employer_read).
SHOWN_LABELS = {
    "profile": _l("Profile: skills, desired work, hours, adjustments, languages, municipality"),
    "contact": _l("Name and contact details"),
    "message": _l("The job coach's message"),
}
# What a read of the candidate's data was, in words: the parts coaches read, and the candidate's own pages.
READ_LABELS = {**PART_LABELS, "employer_reads": _l("Who saw what")}
ACTION_LABELS = {"candidate_exported": _l("All your data, as a download")}
READER_ROLES = {
    "coach": _l("Job coach"),
    "employer": _l("Employer"),
    "admin": _l("Portal administrator"),
    "officer": _l("Procurement officer"),
    "candidate": _l("Candidate"),
    "professional": _l("Team member of another organisation"),
    "peer": _l("Peer coach or expert by experience"),
}


def _mine():
    """The signed-in candidate's own record, or 404 when their coach has not made one."""
    return own_candidate(current_user) or abort(404)


@bp.get("/proposals")
@roles("candidate")
def proposals():
    """The candidate's proposals to employers: employer, job, state and dates, newest first."""
    candidate = _mine()
    page = paginate(services.proposals_of(candidate))
    log_read(candidate, "proposals")
    return render_and_commit("selfservice/proposals.html", page=page, states=PROPOSAL_STATES)


@bp.get("/placements")
@roles("candidate")
def placements():
    """The candidate's work trials, jobs and apprenticeships: planned, running or ended."""
    candidate = _mine()
    page = paginate(services.placements_of(candidate))
    log_read(candidate, "placements")
    return render_and_commit("selfservice/placements.html", page=page, states=PLACEMENT_STATES, kinds=KIND_LABELS)


@bp.get("/seen")
@roles("candidate")
def seen():
    """Who read what of one's data and when, from the audit trail: organisation and role, a name where allowed."""
    candidate = _mine()
    organisations = services.reader_organisations(candidate, current_user)
    chosen = optional_id(request.args.get("organisation"))
    chosen = chosen if chosen in {oid for oid, _name in organisations} else None  # anything else: all of them
    events = paginate(services.reads_of(candidate, current_user, chosen))
    reads = services.grouped(services.read_list(candidate, events.items))
    page = Page(reads, events.total, events.page, events.per_page)
    log_read(candidate, "employer_reads")
    return render_and_commit("selfservice/seen.html", page=page, organisations=organisations, chosen=chosen,
                             organisation_options=[(str(oid), name) for oid, name in organisations],
                             shown=SHOWN_LABELS, parts=READ_LABELS, actions=ACTION_LABELS, roles=READER_ROLES)


@bp.get("/modules")
@roles("candidate")
def modules():
    """One's coaching modules and their reviews, with a signature to give or decline on each review."""
    candidate = _mine()
    found = coaching_modules.modules_of(candidate)
    log_read(candidate, "modules")
    return render_and_commit("selfservice/modules.html", modules=found, signed=signatures.signatures_of(found),
                             signers=SIGNER_LABELS, states=SIGNATURE_STATE_LABELS, decisions=DECISION_LABELS,
                             forms={m.id: OwnSignatureForm(prefix=f"m{m.id}") for m in found})


@bp.post("/modules/<int:module_id>/sign")
@roles("candidate")
def module_sign(module_id: int):
    """Sign one's own module review today, or mark it not signed with a reason."""
    candidate = _mine()
    module = next((m for m in coaching_modules.modules_of(candidate) if m.id == module_id and m.review), None)
    if module is None:
        abort(404)
    # One form per module on the page, each with its own ids.
    form = OwnSignatureForm(prefix=f"m{module.id}")
    if form.validate_on_submit():
        signing = request.form.get("action") == "sign"
        try:
            signatures.sign_own(candidate, module, signing, form.reason.data or "", current_user, clock.today())
        except ServiceError as exc:
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("You have signed the review.") if signing else _("Your answer has been recorded."), "success")
    return redirect(url_for("selfservice.modules"))

"""The candidate's own proposals and placements, and who read what of their data and when."""
from __future__ import annotations

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import nav
from portal.audit.labels import PART_LABELS
from portal.coaching.access import log_read, own_candidate, render_and_commit
from portal.listing import Page, paginate
from portal.placements.texts import STATE_LABELS as PLACEMENT_STATES
from portal.proposals.texts import KIND_LABELS
from portal.proposals.texts import STATE_LABELS as PROPOSAL_STATES
from portal.security import roles
from portal.selfservice import bp, services

nav.add("selfservice.proposals", _l("My proposals"), ("candidate",), order=13)
nav.add("selfservice.placements", _l("My placements"), ("candidate",), order=14)
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
    events = paginate(services.reads_of(candidate, current_user))
    page = Page(services.read_list(candidate, events.items), events.total, events.page, events.per_page)
    log_read(candidate, "employer_reads")
    return render_and_commit("selfservice/seen.html", page=page,
                             shown=SHOWN_LABELS, parts=READ_LABELS, actions=ACTION_LABELS, roles=READER_ROLES)

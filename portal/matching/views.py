"""The coach's matching pages: candidates and open roles, ranked both ways, one pair explained and proposed."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from portal import nav
from portal.audit.services import record
from portal.coaching.access import candidate_for, log_read, render_and_commit
from portal.coaching.caseload import SORTS as CASELOAD_SORTS
from portal.coaching.caseload import caseload_query, log_caseload_read
from portal.coaching.catalogues import labels_for
from portal.coaching.labels import STATUS_LABELS, TRAVEL_LABELS
from portal.coaching.models import Candidate
from portal.coaching.services import has_valid_consent
from portal.domain import word_search
from portal.domain.matching import MISSING_ADJUSTMENT_PENALTY
from portal.employers.models import JobRole
from portal.errors import ServiceError, show_refusal
from portal.extensions import db
from portal.i18n import current_language
from portal.jobs import search as role_search
from portal.listing import apply_sort, paginate, sort_choice
from portal.matching import bp, services
from portal.matching.forms import ProposeForm
from portal.proposals.models import Proposal
from portal.proposals.services import propose
from portal.proposals.texts import KIND_LABELS
from portal.reference.concepts import concept_labels
from portal.security import get_or_404, roles

nav.add("matching.index", _l("Matching"), ("coach",), order=12)
ROLE_SORTS = {"title": JobRole.title, "published": JobRole.published_at, "kind": JobRole.kind}
CATALOGUES = ("municipalities", "subregions", "regions", "physical_demands", "adjustments", "target_groups",
              "languages")


@bp.app_template_filter("match_label")
def match_label(code, names: dict) -> str:
    """A catalogue code in words (the code itself when the catalogue lacks it)."""
    return names.get(code, code)


@bp.app_template_filter("skill_row")
def skill_row(match, display: dict | None = None) -> tuple:
    """A SkillMatch as (role's skill, candidate's text, matched, how, concept) in shown words, for the skill table."""
    role, person = (display or {}).get("role", {}), (display or {}).get("candidate", {})
    said = person.get(match.candidate_skill, match.candidate_skill) if match.candidate_skill else None
    return role.get(match.role_skill, match.role_skill), said, match.matched, match.how, match.concept


def _labels() -> dict:
    return labels_for(*CATALOGUES) | concept_labels(current_language()) | {
        "kinds": KIND_LABELS, "status": STATUS_LABELS, "travel": TRAVEL_LABELS, "penalty": MISSING_ADJUSTMENT_PENALTY}


@bp.get("/")
@roles("coach")
def index():
    """The coach's candidates, each with a link to the roles that fit them."""
    sort = sort_choice(CASELOAD_SORTS, "name")
    page = paginate(apply_sort(caseload_query(current_user), CASELOAD_SORTS, sort, Candidate.id))
    log_caseload_read(current_user, page.items)
    return render_and_commit("matching/index.html", page=page, sort=sort, statuses=STATUS_LABELS)


@bp.get("/roles")
@roles("coach")
def roles_list():
    """Open roles of every employer, to rank the coach's candidates for one of them."""
    words, kind = role_search.words_filter(request.args.get("q")), request.args.get("kind", "")
    q = words.q
    stmt, relevance = services.open_roles_query(words, kind)
    # With words typed, the best match comes first unless the coach picks another order.
    sorts = ROLE_SORTS if relevance is None else {**ROLE_SORTS, "relevance": relevance}
    sort = sort_choice(sorts, "-published" if relevance is None else "-relevance")
    # Ties in score are ordered as in the public search (role_search.relevance_ties).
    ties = role_search.relevance_ties() if sort.key == "relevance" else (JobRole.id,)
    page = paginate(apply_sort(stmt, sorts, sort, ties[0]).order_by(*ties[1:]))
    return render_template("matching/roles.html", page=page, sort=sort, q=q, kind=kind, kinds=KIND_LABELS,
                           by_relevance=relevance is not None, f=words, max_query=role_search.MAX_QUERY,
                           max_words=word_search.MAX_QUERY_TERMS,
                           municipalities=labels_for("municipalities")["municipalities"])


@bp.get("/candidates/<int:candidate_id>")
@roles("coach")
def candidate_roles(candidate_id: int):
    """The open roles that fit one of the coach's candidates, best first, each explained."""
    candidate = candidate_for(current_user, candidate_id)
    filters = services.Filters.from_args(request.args)
    page = services.ranked_roles(candidate, filters)
    labels = _labels()  # before the read is logged: a request holding a write of its own reads no cached labels
    log_read(candidate, "profile")
    return render_and_commit("matching/candidate_roles.html", candidate=candidate, page=page, filters=filters,
                             labels=labels)


@bp.get("/roles/<int:role_id>")
@roles("coach")
def role_candidates(role_id: int):
    """The coach's own candidates who fit an open role, best first, each explained."""
    filters = services.Filters.from_args(request.args)
    role, page = services.ranked_candidates(current_user, role_id, filters)
    labels = _labels()  # before the read is recorded (see candidate_roles)
    record("caseload_read", "caseload", current_user.id, organisation_id=current_user.organisation_id,
           detail={"candidates": [info.id for _m, info in page.items], "role": role_id})
    return render_and_commit("matching/role_candidates.html", role=role, page=page, filters=filters,
                             labels=labels)


@bp.route("/candidates/<int:candidate_id>/roles/<int:role_id>", methods=["GET", "POST"])
@roles("coach")
def pair(candidate_id: int, role_id: int):
    """One candidate against one role, explained, with the proposal form."""
    candidate = candidate_for(current_user, candidate_id)
    role = get_or_404(select(JobRole).where(JobRole.id == role_id, JobRole.status != "draft"))
    form = ProposeForm(allow_missing=request.args.get("allow_missing", ""))
    allow_missing = (form.allow_missing.data or "") == "1"
    if form.validate_on_submit():
        try:
            proposal = propose(current_user, candidate, role, form.message.data,
                               services.explain_pair(candidate.id, role.id, allow_missing),
                               shared_as_asked=form.shared_as_asked.data)
        except ServiceError as exc:
            show_refusal(form, exc)
        else:
            db.session.commit()
            flash(_("%(code)s has been proposed for %(role)s. The employer has been notified.",
                    code=candidate.code, role=role.title), "success")
            return redirect(url_for("proposals.coach_detail", proposal_id=proposal.id))
    match = services.explain_pair(candidate.id, role.id, allow_missing)
    standing = db.session.scalar(select(Proposal).where(Proposal.candidate_id == candidate.id,
                                                        Proposal.role_id == role.id, Proposal.state != "withdrawn"))
    log_read(candidate, "profile")
    return render_and_commit("matching/pair.html", candidate=candidate, role=role, match=match, form=form,
                             labels=_labels(), standing=standing, allow_missing=allow_missing,
                             consent=has_valid_consent(candidate.id, role.organisation_id))

"""The coordinator's pages for a professional of another organisation: the whole plan and the hand-over."""
from __future__ import annotations

from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.coaching.access import log_read, render_and_commit
from portal.coaching.labels import GOAL_STATUS_LABELS, STEP_KIND_LABELS, STEP_OUTCOME_LABELS
from portal.coordination import bp, member, services
from portal.coordination.forms import HandOverForm
from portal.coordination.labels import LABELS
from portal.coordination.team_port import team_users
from portal.forms_flow import submit
from portal.security import roles

# A coordinator from another organisation is a professional; a peer never coordinates.
COORDINATOR_ROLES = ("professional",)


@bp.get("/team/candidates/<int:candidate_id>")
@roles(*COORDINATOR_ROLES)
def member_overview(candidate_id: int):
    """The whole plan for its coordinator: every party's measures and follow-ups, steps, referrals, coordinators."""
    candidate = member.coordinated_candidate(current_user, candidate_id)
    return render_and_commit("coordination/member.html", c=candidate, v=member.whole_plan(candidate, current_user),
                             goal_status=GOAL_STATUS_LABELS, step_outcomes=STEP_OUTCOME_LABELS,
                             step_kinds=STEP_KIND_LABELS, **{k: v for k, v in LABELS.items() if k != "step_kinds"})


@bp.route("/team/candidates/<int:candidate_id>/coordinator", methods=["GET", "POST"])
@roles(*COORDINATOR_ROLES)
def member_handover(candidate_id: int):
    """The coordinator hands over to the next one (a hand-over always names the next)."""
    candidate = member.coordinated_candidate(current_user, candidate_id)
    current = services.current_of(candidate)
    form = HandOverForm()
    form.user_id.choices = [("", "–")] + [(str(u.id), u.name) for u in team_users(candidate)]
    if request.method == "GET":
        form.phase.data = current.phase if current else ""
        form.start_on.data = clock.today()
    saved = submit(form, lambda: services.hand_over(candidate, form.data, current_user, clock.today()),
                   _("The hand-over has been saved: the next coordinator is responsible from now on."),
                   url_for("team.shared_view", candidate_id=candidate.id))
    if saved:
        return saved
    if request.method == "GET":
        log_read(candidate, "coordination")
    return render_and_commit("coordination/handover.html", c=candidate, form=form, current=current,
                             back=url_for("coordination.member_overview", candidate_id=candidate.id), **LABELS)


@bp.app_template_global("coordinates_from_team")
def coordinates_from_team(candidate) -> bool:
    """Whether the signed-in member is the candidate's named coordinator now (for the team page's section)."""
    return member.is_named_coordinator(candidate, current_user)

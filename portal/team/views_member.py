"""A team member's pages: the candidates they are on the team of, the parts shared, their own entries."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock, nav
from portal.coaching.access import render_and_commit
from portal.coaching.labels import GOAL_STATUS_LABELS, STEP_KIND_LABELS, STEP_OUTCOME_LABELS
from portal.domain.team import may_record
from portal.forms_flow import submit
from portal.reference.services import labels
from portal.security import roles
from portal.start.views import START_ENDPOINTS
from portal.team import bp, services, shared
from portal.team.forms import MEMBER_KIND_LABELS, PEER_TASK_LABELS, TEAM_SCOPE_LABELS, MeasureForm, MemberFollowUpForm

TEAM_ROLES = services.TEAM_ROLES
nav.add("team.index", _l("My team candidates"), TEAM_ROLES, order=10)
nav.add("team.my_team", _l("My team"), ("candidate",), order=12)
for _role in TEAM_ROLES:
    START_ENDPOINTS[_role] = "team.index"


@bp.get("/team/")
@roles(*TEAM_ROLES)
def index():
    """The candidates the member is on the team of, each with the parts the candidate agreed to share."""
    return render_and_commit("team/index.html", found=services.my_candidates(current_user),
                             scopes=TEAM_SCOPE_LABELS, kinds=MEMBER_KIND_LABELS, tasks=PEER_TASK_LABELS)


def _page(access, measure_form=None, follow_form=None):
    parts = shared.shared_parts(access)
    measure_form = measure_form or MeasureForm(prefix="measure")
    follow_form = follow_form or MemberFollowUpForm(prefix="follow")
    follow_form.goal_id.choices = [("", "–")] + [(g.id, g.title) for g in parts.goals]
    names = {n: labels(n) for n in ("physical_demands", "demand_levels", "adjustments", "need_situations",
                                    "assessment_focus", "support_services")}
    return render_and_commit(
        "team/shared.html", a=access, parts=parts, measure_form=measure_form, follow_form=follow_form,
        can_measure=may_record(access.scopes, "goal"), can_follow=may_record(access.scopes, "follow_up"),
        scopes=TEAM_SCOPE_LABELS, kinds=MEMBER_KIND_LABELS, tasks=PEER_TASK_LABELS, names=names,
        goal_status=GOAL_STATUS_LABELS, step_kinds=STEP_KIND_LABELS, step_outcomes=STEP_OUTCOME_LABELS)


@bp.get("/team/candidates/<int:candidate_id>")
@roles(*TEAM_ROLES)
def shared_view(candidate_id: int):
    """The parts of one candidate's plan shared with this member (404 outside the team or the consent)."""
    return _page(services.member_access(current_user, candidate_id))


@bp.post("/team/candidates/<int:candidate_id>/measures")
@roles(*TEAM_ROLES)
def measure_new(candidate_id: int):
    """A member adds a measure of their own to the plan (only with the plan shared)."""
    access = services.member_access(current_user, candidate_id, needs="plan")
    form = MeasureForm(prefix="measure")
    back = url_for("team.shared_view", candidate_id=candidate_id)
    saved = submit(form, lambda: shared.add_measure(access, form.data, current_user),
                   _("Your measure has been added to the plan."), back)
    return saved or _page(access, measure_form=form)


@bp.post("/team/candidates/<int:candidate_id>/follow-ups")
@roles(*TEAM_ROLES)
def follow_up_new(candidate_id: int):
    """A member writes a follow-up on a goal (only with follow-ups shared)."""
    access = services.member_access(current_user, candidate_id, needs="follow_ups")
    form = MemberFollowUpForm(prefix="follow")
    back = url_for("team.shared_view", candidate_id=candidate_id)
    saved = submit(form, lambda: shared.add_follow_up(access, form.goal_id.data, form.data, current_user,
                                                      clock.today()),
                   _("Your follow-up has been saved."), back)
    return saved or _page(access, follow_form=form)


@bp.app_template_global("measure_author")
def measure_author(goal) -> str | None:
    """Who of the team recorded this goal as their measure ("Name, Organisation"), or None for the coach's."""
    return shared.measure_author(goal.id) if goal is not None else None

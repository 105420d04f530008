"""The coach's team page of a candidate, and the candidate's own view of team consents."""
from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.coaching.access import candidate_for, log_read, own_candidate, render_and_commit
from portal.errors import ServiceError
from portal.extensions import db
from portal.forms_flow import submit
from portal.security import roles
from portal.team import bp, consents, services
from portal.team.forms import (
    MEMBER_KIND_LABELS,
    PEER_TASK_LABELS,
    TEAM_SCOPE_LABELS,
    AddMemberForm,
    ConfirmForm,
)

LABELS = {"scopes": TEAM_SCOPE_LABELS, "kinds": MEMBER_KIND_LABELS, "tasks": PEER_TASK_LABELS}


def _person_label(m) -> str:
    return f"{m.user.name} – {m.organisation.name}"


@bp.route("/team/candidates/<int:candidate_id>/members", methods=["GET", "POST"])
@roles("coach")
def members(candidate_id: int):
    """The candidate's team across organisations; a member is added with the consent the candidate gave."""
    candidate = candidate_for(current_user, candidate_id)
    form = AddMemberForm()
    form.user_id.choices = [("", "–")] + [(m.id, _person_label(m)) for m in services.person_choices(candidate)]
    back = url_for("team.members", candidate_id=candidate.id)
    saved = submit(form, lambda: services.add_member(
        candidate, form.user_id.data, form.kind.data, set(form.scopes.data or ()), set(form.tasks.data or ()),
        current_user), _("The team member has been added and the consent recorded."), back)
    if saved:
        return saved
    log_read(candidate, "team_members")
    return render_and_commit(
        "team/members.html", c=candidate, form=form, members=services.active_members(candidate),
        consents=consents.team_consents_of(candidate), confirm=ConfirmForm(), **LABELS,
        end_url=lambda m: url_for("team.member_end", candidate_id=candidate.id, member_id=m.id),
        withdraw_url=lambda x: url_for("team.consent_withdraw", candidate_id=candidate.id, consent_id=x.id))


def _post_action(action, back: str, done: str):
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        action()
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(done, "success")
    return redirect(back)


@bp.post("/team/candidates/<int:candidate_id>/members/<int:member_id>/end")
@roles("coach")
def member_end(candidate_id: int, member_id: int):
    """Take a member off the candidate's team."""
    candidate = candidate_for(current_user, candidate_id)
    member = services.member_of(candidate, member_id) or abort(404)
    return _post_action(lambda: services.end_member(candidate, member, current_user),
                        url_for("team.members", candidate_id=candidate.id), _("The member has left the team."))


@bp.post("/team/candidates/<int:candidate_id>/consents/<int:consent_id>/withdraw")
@roles("coach")
def consent_withdraw(candidate_id: int, consent_id: int):
    """Withdraw a team consent at the candidate's request: the organisation's members lose access at once."""
    candidate = candidate_for(current_user, candidate_id)
    consent = consents.team_consent_of(candidate, consent_id) or abort(404)
    return _post_action(lambda: consents.withdraw_team_consent(candidate, consent, current_user),
                        url_for("team.members", candidate_id=candidate.id), _("The team consent has been withdrawn."))


@bp.get("/my/team")
@roles("candidate")
def my_team():
    """The candidate's own team: who is on it, what each organisation may see, and withdrawal."""
    candidate = own_candidate(current_user) or abort(404)
    log_read(candidate, "team_members")
    return render_and_commit("team/my_team.html", c=candidate, members=services.active_members(candidate),
                             consents=consents.team_consents_of(candidate), confirm=ConfirmForm(), **LABELS,
                             end_url=None, withdraw_url=lambda x: url_for("team.my_consent_withdraw", consent_id=x.id))


@bp.post("/my/team/consents/<int:consent_id>/withdraw")
@roles("candidate")
def my_consent_withdraw(consent_id: int):
    """The candidate withdraws a team consent: it takes effect at once."""
    candidate = own_candidate(current_user) or abort(404)
    consent = consents.team_consent_of(candidate, consent_id) or abort(404)
    return _post_action(lambda: consents.withdraw_team_consent(candidate, consent, current_user),
                        url_for("team.my_team"), _("The team consent has been withdrawn."))

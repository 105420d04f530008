"""Forms and words of the team pages: adding a member, a member's measures and follow-ups."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import Length, Optional

from portal.fields import DateField, MultiCheckboxField
from portal.inputs import optional_id

TEXT = [Optional(), Length(max=4000)]

TEAM_SCOPE_LABELS = {  # the keys are portal.domain.team.TEAM_SCOPES
    "plan": _l("Plan goals and steps before work"),
    "follow_ups": _l("Follow-ups of the goals"),
    "work_ability": _l("Work ability: functional limits and work arrangements (health information)"),
    "assessment": _l("Service-need assessment (health information)"),
}
MEMBER_KIND_LABELS = {  # MEMBER_KINDS
    "professional": _l("Professional of another organisation"),
    "peer_coach": _l("Peer coach"),
    "expert_by_experience": _l("Expert by experience"),
}
PEER_TASK_LABELS = {  # PEER_TASKS
    "getting_to_work": _l("Getting to work"),
    "learning_work": _l("Learning the work"),
    "paperwork": _l("Paperwork"),
    "network_meetings": _l("Network meetings"),
}


class AddMemberForm(FlaskForm):
    user_id = SelectField(_l("Person and organisation"), coerce=optional_id, choices=[], validate_choice=False)
    kind = RadioField(_l("Kind of member"), choices=list(MEMBER_KIND_LABELS.items()), default="professional",
                      validate_choice=False)
    scopes = MultiCheckboxField(_l("What the member may see, as the candidate agreed"),
                                choices=list(TEAM_SCOPE_LABELS.items()), validate_choice=False)
    tasks = MultiCheckboxField(_l("Tasks a peer takes on"), choices=list(PEER_TASK_LABELS.items()),
                               validate_choice=False)


class MeasureForm(FlaskForm):
    title = TextAreaField(_l("Your measure"), validators=TEXT)
    measure = TextAreaField(_l("How its result is seen"), validators=TEXT)
    target_date = DateField(_l("Target date of the measure"), validators=[Optional()])


class MemberFollowUpForm(FlaskForm):
    goal_id = SelectField(_l("Goal followed up"), coerce=optional_id, choices=[], validate_choice=False)
    follow_up_on = DateField(_l("Date of the follow-up"), validators=[Optional()])
    note = TextAreaField(_l("What you followed up"), validators=TEXT)


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""

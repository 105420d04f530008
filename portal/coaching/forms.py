"""Forms of the coach's pages. Rules live in the services; the forms parse and keep what was typed."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from portal.coaching.labels import (
    DECISION_LABELS,
    DESTINATION_LABELS,
    GOAL_STATUS_LABELS,
    INTENSITY_LABELS,
    LANGUAGE_LEVELS,
    MODULE_STATUS_LABELS,
    SCOPE_LABELS,
    SIGNER_LABELS,
    STATUS_LABELS,
    STEP_KIND_LABELS,
    STEP_OUTCOME_LABELS,
    TRAVEL_LABELS,
)
from portal.fields import DateField, IntegerField, MultiCheckboxField, one_line
from portal.inputs import id_choice, optional_id
from portal.reference.services import choices, searchable

TEXT = [Optional(), Length(max=4000)]


class CandidateForm(FlaskForm):
    """The candidate record; per-demand limits and per-language levels are added by `candidate_form`."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200), one_line])
    email = EmailField(_l("Email"), validators=[Optional(), Email(), Length(max=254)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    municipality_code = SelectField(_l("Municipality"), validators=[Optional()], choices=[])
    travel_range = RadioField(_l("How far the person can travel to work"), choices=list(TRAVEL_LABELS.items()),
                              default="subregion",
                              description=_l("Matching offers roles within this range; fully remote roles always."))
    education = TextAreaField(_l("Education in brief"), validators=TEXT)
    work_history = TextAreaField(_l("Work history in brief"), validators=TEXT)
    skills = MultiCheckboxField(_l("Skills from the catalogue"), choices=[])
    skills_text = TextAreaField(_l("Other skills in your own words"), validators=TEXT)
    occupations_text = TextAreaField(_l("Desired occupations"), validators=TEXT,
                                     description=_l("One occupation per line, for example: cleaner, "
                                                    "warehouse worker."))
    desired_work_text = TextAreaField(_l("Desired work in free text"), validators=TEXT)
    hours_min = IntegerField(_l("Hours a week, at least"), validators=[Optional()])
    hours_max = IntegerField(_l("Hours a week, at most"), validators=[Optional()])
    limits_note = TextAreaField(_l("Notes on functional limits"), validators=TEXT,
                                description=_l("Describe what the work must take into account, never a "
                                               "diagnosis."))
    adjustments = MultiCheckboxField(_l("Adjustments needed at work"), choices=[])
    target_groups = MultiCheckboxField(_l("Target groups of employment clauses the person belongs to"),
                                       choices=[])
    support_intensity = RadioField(_l("Support intensity"), choices=list(INTENSITY_LABELS.items()),
                                   default="light")
    peer_coach = StringField(_l("Peer coach"), validators=[Optional(), Length(max=200)],
                             description=_l("Name of the peer coach, if one accompanies the person."))
    next_follow_up = DateField(_l("Next follow-up"), validators=[Optional()])


def candidate_form(candidate=None) -> CandidateForm:
    """The record form with a level select for each physical demand and each language."""
    none = [("", "–")]

    class Form(CandidateForm):
        pass

    levels = choices("demand_levels")
    for code, label in choices("physical_demands"):
        setattr(Form, f"limit_{code}", SelectField(label, choices=none + levels, validators=[Optional()]))
    for code, label in choices("languages"):
        setattr(Form, f"lang_{code}", SelectField(
            label, choices=none + [(k, str(v)) for k, v in LANGUAGE_LEVELS.items()], validators=[Optional()]))
    data = {}
    if candidate is not None:
        plain = ("name", "email", "phone", "municipality_code", "travel_range", "education", "work_history",
                 "skills_text", "desired_work_text", "hours_min", "hours_max", "limits_note", "support_intensity",
                 "peer_coach", "next_follow_up")
        data = {k: getattr(candidate, k) for k in plain}
        data.update({"occupations_text": "\n".join(o.name for o in candidate.occupations),
                "skills": [s.code for s in candidate.skills], "adjustments": [a.code for a in candidate.adjustments],
                "target_groups": [t.code for t in candidate.target_groups]})
        data.update({f"limit_{x.demand_code}": x.max_level for x in candidate.limits})
        data.update({f"lang_{x.code}": x.level for x in candidate.languages})
    form = Form(data=data)  # on POST the request's values win; obj= would hand over the ORM lists
    form.municipality_code.choices = [("", "–")] + choices("municipalities")
    form.municipality_code.render_kw = searchable()
    form.skills.choices = choices("skills", by_label=True)
    form.adjustments.choices = choices("adjustments")
    form.target_groups.choices = choices("target_groups")
    return form


def profile_data(form: CandidateForm) -> dict:
    """The form's values in the shape the candidate service takes."""
    data = {k: form[k].data for k in ("name", "email", "phone", "municipality_code", "travel_range", "education",
                                      "work_history",
                                      "skills", "skills_text", "occupations_text", "desired_work_text", "hours_min",
                                      "hours_max", "limits_note", "adjustments", "target_groups",
                                      "support_intensity", "peer_coach", "next_follow_up")}
    data["limits"] = {f.name.removeprefix("limit_"): f.data for f in form if f.name.startswith("limit_")}
    data["languages"] = {f.name.removeprefix("lang_"): f.data for f in form if f.name.startswith("lang_")}
    return data


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), choices=list(STATUS_LABELS.items()))
    since = DateField(_l("Since"), validators=[DataRequired()])
    note = TextAreaField(_l("Note"), validators=TEXT)


class ContactForm(FlaskForm):
    contact_on = DateField(_l("Date of the contact"), validators=[DataRequired()])
    note = TextAreaField(_l("Note"), validators=TEXT)


class PlanForm(FlaskForm):
    summary = TextAreaField(_l("Summary of the plan"), validators=TEXT)
    agreed_on = DateField(_l("Agreed with the candidate on"), validators=[Optional()])


class GoalForm(FlaskForm):
    title = TextAreaField(_l("Goal"), validators=TEXT)
    own_words = TextAreaField(_l("The goal in the candidate's own words"), validators=TEXT)
    measure = TextAreaField(_l("Measure"), validators=TEXT,
                            description=_l("How will you both know that the goal has been reached?"))
    target_date = DateField(_l("Target date"), validators=[Optional()])
    responsible = StringField(_l("Who is responsible"), validators=[Optional(), Length(max=200)])
    status = SelectField(_l("Status"), choices=list(GOAL_STATUS_LABELS.items()), default="open")


class FollowUpForm(FlaskForm):
    follow_up_on = DateField(_l("Date"), validators=[Optional()])
    note = TextAreaField(_l("What was followed up"), validators=TEXT)


class ModuleForm(FlaskForm):
    service_id = SelectField(_l("Service from the directory"), coerce=id_choice,
                             choices=[], validate_choice=False)
    title = StringField(_l("Name of the module"), validators=[Optional(), Length(max=200)],
                        description=_l("Leave empty to use the name of the chosen service."))
    goal_code = SelectField(_l("Goal of the module"), validators=[Optional()], choices=[])
    start_on = DateField(_l("Starts"), validators=[Optional()])
    end_on = DateField(_l("Ends"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=list(MODULE_STATUS_LABELS.items()), default="planned")
    notes = TextAreaField(_l("Notes"), validators=TEXT)


class ReviewForm(FlaskForm):
    reviewed_on = DateField(_l("Date of the review"), validators=[Optional()])
    results = TextAreaField(_l("Results of the module"), validators=TEXT)
    participants = StringField(_l("Who took part in the review"), validators=[Optional(), Length(max=300)],
                               description=_l("For example the candidate, the coach and the buyer's representative."))
    decision = RadioField(_l("Decision"), choices=list(DECISION_LABELS.items()), validators=[Optional()],
                          validate_choice=False)
    exit_destination = SelectField(_l("Where the person goes on exit"),
                                   choices=[("", "–")] + list(DESTINATION_LABELS.items()), validate_choice=False)


class ConsentForm(FlaskForm):
    employer_id = SelectField(_l("Employer"), coerce=optional_id,
                              choices=[], validate_choice=False)
    scope = RadioField(_l("What is shared"), choices=list(SCOPE_LABELS.items()), default="profile",
                       validate_choice=False)


class AddCoachForm(FlaskForm):
    coach_id = SelectField(_l("Coach"), coerce=optional_id, choices=[],
                           validate_choice=False)


class AccountForm(FlaskForm):
    user_id = SelectField(_l("The candidate's own login"), coerce=optional_id,
                          choices=[], validate_choice=False)


class EraseForm(FlaskForm):
    agreed = BooleanField(_l("The candidate has agreed to the erasure, or asked for it"))


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""


class SignatureForm(FlaskForm):
    """The coach records the buyer's sign-off of a module review, or that a party did not sign and why."""

    signer = RadioField(_l("Whose signature"), choices=list(SIGNER_LABELS.items()), default="buyer",
                        validate_choice=False)
    state = RadioField(_l("Signature"), choices=[("signed", _l("Signed")), ("not_signed", _l("Not signed"))],
                       default="signed", validate_choice=False,
                       description=_l("Only the candidate signs their own part, in their own pages; here you can "
                                      "record that they did not sign."))
    signed_on = DateField(_l("Date of signing"), validators=[Optional()])
    name = StringField(_l("Name of the buyer's representative"), validators=[Optional(), Length(max=200)])
    reason = TextAreaField(_l("Why it was not signed"), validators=[Optional(), Length(max=2000)])


class OwnSignatureForm(FlaskForm):
    """The candidate signs their module review, or says why not."""

    reason = TextAreaField(_l("If you do not sign, tell why"), validators=[Optional(), Length(max=2000)])


class StepForm(FlaskForm):
    """A step before work: social rehabilitation, work activity or day activity, with dates and outcome."""

    kind = SelectField(_l("Step"), choices=list(STEP_KIND_LABELS.items()), validate_choice=False)
    start_on = DateField(_l("Start date"), validators=[Optional()])
    end_on = DateField(_l("End date"), validators=[Optional()])
    outcome = SelectField(_l("Where the step led"), choices=[("", "–")] + list(STEP_OUTCOME_LABELS.items()),
                          validate_choice=False)
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])

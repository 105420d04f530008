"""Forms of the employer pages: profile, role, sign-up, confirmations; and the words for the rules' codes."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Email, Length, Optional, ValidationError

from portal.accounts.forms import business_id_check
from portal.employers.models import JobRole
from portal.fields import DateField, IntegerField, MultiCheckboxField, content_language_field, one_line
from portal.reference.services import labels

KIND_LABELS = {"job": _l("Job"), "apprenticeship": _l("Apprenticeship"), "work_trial": _l("Work trial")}
REMOTE_LABELS = {"none": _l("No, the work is done on site"), "partly": _l("Partly remote"),
                 "fully": _l("Fully remote")}
SCHEDULE_LABELS = {"fixed": _l("Fixed hours"), "agreed": _l("Hours agreed with the person"),
                   "flexible": _l("Flexible hours")}
STATE_LABELS = {"draft": _l("Draft"), "published": _l("Published"), "filled": _l("Filled"), "closed": _l("Closed")}
ACTION_LABELS = {"publish": _l("Publish"), "fill": _l("Mark as filled"), "close": _l("Close"),
                 "unpublish": _l("Return to draft")}
ACTION_QUESTIONS = {
    "publish": _l("Publish this role? It will be shown to everybody in the public listing."),
    "fill": _l("Mark this role as filled? It will no longer be shown in the public listing."),
    "close": _l("Close this role? It will no longer be shown in the public listing."),
    "unpublish": _l("Return this role to draft? It will no longer be shown in the public listing."),
}
ACTION_DONE = {
    "publish": _l("The role has been published."), "fill": _l("The role has been marked as filled."),
    "close": _l("The role has been closed."), "unpublish": _l("The role is a draft again."),
}

PROBLEM_TEXT = {
    "required": _l("Give the role a title."),
    "required_to_publish": _l("This is needed before the role can be published."),
    "hours_out_of_range": _l("Give the weekly hours as whole numbers from 1 to %(max)s."),
    "hours_reversed": _l("The lower end of the hours range is above the upper end."),
    "positions_out_of_range": _l("Give the number of positions from 1 to %(max)s."),
    "too_many_skills": _l("You listed %(count)s skills; at most %(max)s are accepted. Keep the ones that matter."),
    "skill_too_long": _l("Each skill can be at most %(max)s characters long. Put one skill on each line."),
    "trial_too_long": _l("A work trial with the same organiser can last at most %(months)s months "
                         "(%(max_weeks)s weeks)."),
    "trial_too_short": _l("Give the length of the trial in weeks, at least 1."),
    "trial_hours_too_many": _l("A work trial can have at most %(per_day)s hours a day on %(days)s days a week, "
                               "that is %(max)s hours a week."),
    "trial_hours_too_few": _l("A work trial day is at least %(min)s hours."),
    "no_trial_rule": _l("No work-trial rules are in force today, so a trial cannot be checked. "
                        "Please contact the portal's administrators."),
    "open_until_past": _l("The open-until date has already passed."),
    "clause_not_yours": _l("Choose one of your own organisation's employment clauses."),
    "unknown_kind": _l("Choose the kind of role."),
    "unknown_remote": _l("Choose whether remote work is possible."),
    "organisation_unverified": _l("Your organisation has not been verified yet, so its roles cannot be published. "
                                  "Save the role as a draft; you can publish it once the portal's administrators "
                                  "have verified the organisation."),
}


def problem_text(problem) -> str:
    """The message for a rules problem, in the user's language."""
    params = {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in problem.params.items()}
    return str(PROBLEM_TEXT[problem.code]) % params if params else str(PROBLEM_TEXT[problem.code])


def _optional_int(label, **kw):
    return IntegerField(label, validators=[Optional()], **kw)


class RoleForm(FlaskForm):
    """The role form; demand fields (``demand_<code>``) are added per catalogue by ``role_form``."""

    title = StringField(_l("Title"), validators=[Length(max=200)],
                        description=_l("Name the work, for example 'Office cleaner, mornings'."))
    kind = RadioField(_l("Kind"), choices=list(KIND_LABELS.items()), default="job")
    tasks = TextAreaField(_l("What the person will do"), validators=[Length(max=4000)],
                          description=_l("Describe the tasks, not the kind of person: 'sort incoming mail and "
                                         "scan it' tells more than 'a precise self-starter'."))
    description = TextAreaField(_l("About the role and the workplace"), validators=[Length(max=6000)],
                                description=_l("The team, the place, how the first weeks go, whom to ask."))
    language = content_language_field()
    occupation_code = SelectField(_l("Occupation"), validators=[Optional()], choices=[],
                                  description=_l("Optional. Helps people find the role."),
                                  # 436 occupations: a search box before the list (static/js/searchable.js)
                                  render_kw={"data-searchable": _l("Search occupations"),
                                             "data-search-count": _l("%(count)s shown", count="{n}")})
    essential_skills = TextAreaField(_l("Essential skills, one per line"), validators=[Length(max=20000)],
                                     description=_l("Only what is truly needed from the first day. "
                                                    "Each essential skill narrows the people who can apply."))
    negotiable_skills = TextAreaField(_l("Skills that help but can be learned at work, one per line"),
                                      validators=[Length(max=20000)])
    municipality_code = SelectField(_l("Municipality"), validators=[Optional()], choices=[])
    address_area = StringField(_l("Area or district"), validators=[Length(max=200)],
                               description=_l("For example 'Hervanta' or 'near the railway station'. "
                                              "Not needed for fully remote work."))
    remote = RadioField(_l("Remote work"), choices=list(REMOTE_LABELS.items()), default="none")
    hours_min = _optional_int(_l("Hours a week, at least"))
    hours_max = _optional_int(_l("Hours a week, at most"),
                              description=_l("A range lets you agree the hours with the person; "
                                             "many people start with fewer hours and add more later."))
    schedule = RadioField(_l("Working hours"), choices=list(SCHEDULE_LABELS.items()), default="agreed")
    adjustments = MultiCheckboxField(_l("Adjustments the workplace can offer"), choices=[],
                                     description=_l("Tick what you could arrange. Nobody has to explain "
                                                    "why they need an adjustment."))
    languages = MultiCheckboxField(_l("Languages needed at work"), choices=[])
    trial_weeks = _optional_int(_l("Length of the work trial in weeks"),
                                description=_l("Only for a work trial."))
    positions = IntegerField(_l("Number of positions"), default=1, validators=[Optional()])
    wage_subsidy_interest = BooleanField(_l("We are interested in wage subsidy for this role"))
    clause_id = SelectField(_l("Employment clause"), coerce=lambda v: int(v) if v not in (None, "") else None,
                            validators=[Optional()], choices=[],
                            description=_l("If the role helps to meet an employment clause of a public contract."))
    open_until = DateField(_l("Open until"), validators=[Optional()],
                           description=_l("Optional. After this date the role is no longer shown."))

    def demand_fields(self):
        """The demand-level selects, in catalogue order."""
        return [getattr(self, name) for name in self._demand_names]

    def demands_data(self) -> dict[str, str]:
        """demand code -> chosen level code."""
        return {name.removeprefix("demand_"): getattr(self, name).data for name in self._demand_names}


def role_form(demands: list[tuple[str, str]], levels: list[tuple[str, str]], **kwargs) -> RoleForm:
    """A role form with one level select for each physical demand of the catalogue."""
    attrs = {f"demand_{code}": SelectField(label, choices=levels, default="none") for code, label in demands}
    cls = type("RoleFormWithDemands", (RoleForm,), attrs)
    cls._demand_names = list(attrs)
    return cls(**kwargs)


def _website(form, field):
    if field.data and not field.data.startswith(("https://", "http://")):
        raise ValidationError(_l("Give the address with https://, for example https://example.fi."))


class ProfileForm(FlaskForm):
    name = StringField(_l("Organisation name"), validators=[DataRequired(), Length(max=200)])
    business_id = StringField(_l("Business ID"), validators=[Optional(), business_id_check],
                              description=_l("The Finnish business ID (Y-tunnus), for example 1234567-8."))
    industry_code = SelectField(_l("Industry"), validators=[Optional()], choices=[])
    locations = MultiCheckboxField(_l("Municipalities where you have workplaces"), choices=[])
    contact_name = StringField(_l("Contact person"), validators=[Length(max=200)])
    contact_email = EmailField(_l("Contact email"), validators=[Optional(), Email(), Length(max=254)])
    contact_phone = StringField(_l("Contact phone"), validators=[Length(max=40)])
    website = StringField(_l("Website"), validators=[Optional(), Length(max=300), URL(require_tld=True), _website])
    description = TextAreaField(_l("About the organisation"), validators=[Length(max=6000)])
    inclusion_statement = TextAreaField(
        _l("How your workplace supports inclusion"), validators=[Length(max=6000)],
        description=_l("For example: how you shape tasks and hours, who supports a newcomer, "
                       "what you have learned from earlier hires."))


class SignupForm(FlaskForm):
    organisation_name = StringField(_l("Organisation name"), validators=[DataRequired(), Length(max=200)],
                                    render_kw={"autocomplete": "organization"})
    business_id = StringField(_l("Business ID"), validators=[DataRequired(), business_id_check],
                              description=_l("The Finnish business ID (Y-tunnus), for example 1234567-8."))
    municipality_code = SelectField(_l("Municipality"), validators=[Optional()], choices=[],
                                    description=_l("Where the organisation is registered. Shown with its name, so "
                                                   "that organisations with the same name can be told apart."))
    contact_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200), one_line],
                               render_kw={"autocomplete": "name"})
    email = EmailField(_l("Your work email"), validators=[DataRequired(), Email(), Length(max=254)],
                       render_kw={"autocomplete": "email"})
    confirm = BooleanField(_l("I may act for this organisation in recruiting"), validators=[DataRequired()])


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""


# The catalogues a role's page names its codes from (its own pages and the public ones).
CATALOGUES = ("municipalities", "adjustments", "physical_demands", "demand_levels", "occupations", "languages",
              "industries")


def role_labels(*catalogues: str) -> dict[str, dict]:
    """The labels a role page needs, in the current language (one query per catalogue; default all)."""
    out = {name: labels(name) for name in catalogues or CATALOGUES}
    out.update(kinds=KIND_LABELS, remote=REMOTE_LABELS, schedule=SCHEDULE_LABELS, states=STATE_LABELS)
    return out


def hours_text(role: JobRole) -> str:
    """"20-30" or "20" or "" for the weekly hours range."""
    if role.hours_min is None and role.hours_max is None:
        return ""
    if role.hours_min == role.hours_max or role.hours_max is None:
        return str(role.hours_min)
    if role.hours_min is None:
        return str(role.hours_max)
    return f"{role.hours_min}–{role.hours_max}"

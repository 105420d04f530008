"""The calculator's form, and the words for situations, figures and refusals of the rules."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField
from wtforms.validators import InputRequired, Optional

from portal.fields import DateField, DecimalField, IntegerField, number_range

SITUATION_LABELS = {
    "reduced_work_ability": _l("Reduced work ability because of a disability or illness"),
    "lack_of_skills": _l("Lack of professional skills"),
    "association_long_term_unemployed": _l("An association, foundation or religious community employs a "
                                           "long-term unemployed person"),
    "older_long_term_unemployed": _l("A long-term unemployed person aged 55 or over"),
    "municipal_older_long_term_unemployed": _l("A municipality employs a long-term unemployed person aged 60 or over"),
    "young_unemployed": _l("A company employs an unemployed young person aged 18 to 29 (youth employment voucher)"),
    "work_trial": _l("Work trial"),
    "job_coaching": _l("Job coaching"),
    "tools_and_modifications": _l("Tools, furniture or modification of the workplace"),
    "coworker_help": _l("Help from a co-worker"),
}
KIND_LABELS = {
    "wage_subsidy": _l("Wage subsidy"),
    "wage_subsidy_employer_limit": _l("Limit on who may receive wage subsidy"),
    "adjustment_support": _l("Workplace adjustment support"),
    "work_trial": _l("Work trial"),
    "youth_employment_voucher": _l("Youth employment voucher"),
    "municipal_top_up": _l("Municipal top-up"),
    "kela_rehabilitation": _l("Kela's vocational rehabilitation"),
}
CONFIDENCE_LABELS = {
    "A": _l("An authority's own page"),
    "B": _l("A secondary page (a municipality, an organisation or the press)"),
    "open": _l("No source found for the figures"),
}
EMPLOYER_KIND_LABELS = {
    "company": _l("A company or other business"),
    "association": _l("An association"),
    "foundation": _l("A foundation"),
    "religious_community": _l("A registered religious community"),
    "municipality": _l("A municipality or joint municipal authority"),
    "state": _l("The state (central government)"),
    "other_public": _l("Another public employer"),
}
FIGURE_LABELS = {
    "rate_percent": (_l("Share of pay costs"), "%"),
    "monthly_cap_eur": (_l("At most a month"), "€"),
    "max_months": (_l("Longest period, months"), ""),
    "max_months_long_term_unemployed": (_l("Longest period after long unemployment, months"), ""),
    "pay_multiplier": (_l("Pay multiplied by (to cover employer charges)"), ""),
    "max_working_time_share": (_l("Working time at most, share of the sector's full time"), ""),
    "min_working_time_share": (_l("Working time at least, share of the sector's full time"), ""),
    "min_weekly_hours": (_l("Hours a week, at least"), ""),
    "min_age": (_l("Age at least"), ""),
    "max_eur_per_person": (_l("At most per person"), "€"),
    "eur_per_hour": (_l("Per hour of help"), "€"),
    "max_hours_per_month": (_l("Hours a month, at most"), ""),
    "max_months_total": (_l("Longest in all for one person, months"), ""),
    "max_months_same_organiser": (_l("Longest with the same organiser, months"), ""),
    "min_hours_per_day": (_l("Hours a day, at least"), ""),
    "max_hours_per_day": (_l("Hours a day, at most"), ""),
    "max_days_per_week": (_l("Days a week, at most"), ""),
    "max_age": (_l("Age at most"), ""),
    "min_planned_months": (_l("Employment at least, months"), ""),
    "min_unemployed_months_of_7": (_l("Months unemployed of the last 7, at least"), ""),
    "min_unemployed_months_of_7_basic_education": (_l("The same with basic education only, at least"), ""),
    "working_time_share_below_full_time_hours": (_l("The share applies where the sector's full time is under, "
                                                    "hours"), ""),
    "max_monthly_eur": (_l("At most a month"), "€"),
    "apply_within_months_of_purchase": (_l("Apply within, months of the purchase"), ""),
    "max_months_same_organiser_municipality": (_l("Longest with a municipality as organiser, months"), ""),
    "max_months_same_tasks_municipality": (_l("Longest in the same tasks with a municipality, months"), ""),
    "min_months": (_l("Shortest, months"), ""),
}
REFUSALS = {
    "pay_not_positive": _l("Give the monthly pay as a sum above zero."),
    "hours_out_of_range": _l("Give the weekly hours as a number above 0 and at most %(max_hours)s."),
    "months_not_positive": _l("Give the planned length as at least one month."),
    "unknown_employer_kind": _l("Choose the kind of employer."),
    "full_time_out_of_range": _l("Give the sector's full-time hours as a number above 0 and at most %(max_hours)s."),
    "no_rule_in_force": _l("The rules data has no rule for this situation on the start date, so the portal "
                           "cannot estimate it. Ask the employment services."),
    "employer_kind_limited": _l("Since this rule came into force, this kind of employer can get wage subsidy "
                                "only in these situations: %(allowed)s."),
    "employer_kind_not_allowed": _l("This subsidy is only for these employers: %(allowed)s."),
    "employer_kind_excluded": _l("This kind of employer cannot get this subsidy."),
    "age_above_maximum": _l("This support needs a person aged at most %(max_age)s. Give the person's age."),
    "unemployment_too_short": _l("This support needs a person unemployed for at least %(months)s of the last "
                                 "7 months."),
    "employment_too_short": _l("This support needs an employment of at least %(months)s months."),
    "figures_not_sourced": _l("The conditions fit, but the portal has found no public source for this "
                              "subsidy's amount. Ask the employment area."),
    "long_term_unemployment_required": _l("This subsidy needs a person who has been unemployed for at least "
                                          "24 of the last 28 months."),
    "age_below_minimum": _l("This subsidy needs a person aged at least %(min_age)s. Give the person's age."),
    "hours_below_minimum": _l("This subsidy needs at least %(min_hours)s working hours a week."),
    "hours_above_maximum": _l("With this subsidy the working time can be at most %(share)s %% of the sector's "
                              "full time: %(max_hours)s hours a week at %(full_time)s hours."),
    "negative_adjustment": _l("Costs and hours cannot be negative."),
    "not_combinable": _l("The rules do not allow this support together with wage subsidy."),
}


class CalculatorForm(FlaskForm):
    """Sent with GET: the calculator changes nothing, so its answer can be linked and bookmarked."""

    class Meta:
        csrf = False

    situation = RadioField(_l("The person's situation"), choices=[], validators=[InputRequired()])
    employer_kind = SelectField(_l("Employer"), choices=list(EMPLOYER_KIND_LABELS.items()), default="company")
    monthly_pay = DecimalField(_l("Gross pay a month, euros"), places=2,
                               validators=[InputRequired(), number_range(min=Decimal("0.01"), max=Decimal(100000))],
                               description=_l("The pay without the employer's social charges and holiday bonus, "
                                              "which the subsidy does not cover."))
    weekly_hours = DecimalField(_l("Working hours a week"), places=1,
                                validators=[InputRequired(), number_range(min=Decimal("0.5"), max=60)])
    full_time_hours = DecimalField(_l("Full-time hours a week in your sector"), places=1, default=Decimal("37.5"),
                                   validators=[Optional(), number_range(min=1, max=60)],
                                   description=_l("From your collective agreement; 37.5 is common."))
    start = DateField(_l("Start date"), validators=[InputRequired()])
    months = IntegerField(_l("Planned length of the employment, months"),
                          validators=[InputRequired(), number_range(min=1, max=120)])
    long_term_unemployed = BooleanField(_l("The person has been unemployed for at least 24 of the last 28 months"))
    age = IntegerField(_l("The person's age"), validators=[Optional(), number_range(min=15, max=100)],
                       description=_l("Only needed where the rules depend on age."))
    tools_cost = DecimalField(_l("Cost of tools or changes to the workplace, euros"), places=2,
                              validators=[Optional(), number_range(min=0, max=1000000)])
    coworker_hours = DecimalField(_l("Hours a month a co-worker helps"), places=1,
                                  validators=[Optional(), number_range(min=0, max=744)])
    municipality = SelectField(_l("Municipality where the work is done"), choices=[], default="",
                               description=_l("Shows the top-ups of that municipality and its employment area."))
    # Some cities' top-ups follow where the person lives, not where the work is (Helsinki's).
    home_municipality = SelectField(_l("Municipality where the person lives"), choices=[], default="",
                                    description=_l("Shows the top-ups a city grants for hiring its own residents."))
    unemployed_months = IntegerField(_l("Months the person has been unemployed of the last 7"),
                                     validators=[Optional(), number_range(min=0, max=7)],
                                     description=_l("Only needed for the youth employment voucher."))
    basic_education_only = BooleanField(_l("The person has basic education only"))
    coworker_months = IntegerField(_l("For how many months"), validators=[Optional(), number_range(min=0, max=120)])

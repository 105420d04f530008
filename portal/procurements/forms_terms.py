"""Forms of the award criterion's tenders and the buyer's size rule (a reserved contract's share is declared
with its report: portal.clause_reports.forms)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from portal.fields import DecimalField, number_range


class TenderPlanForm(FlaskForm):
    """One tender's employment plan, to be scored."""

    tenderer = StringField(_l("Tenderer"), validators=[DataRequired(), Length(max=200)],
                           description=_l("The tenderer's name or the tender's number."))
    planned = DecimalField(_l("Employment plan"), validators=[InputRequired(), number_range(min=0, max=100_000)],
                           description=_l("What the tender commits to, in the clause's unit."))


class SizeRuleForm(FlaskForm):
    """The buyer's rule for the suggested size of an obligation."""

    euros_per_person_month = DecimalField(_l("Euros of labour cost per person-month"), places=2,
                                          validators=[Optional(), number_range(min=1, max=99_999_999)],
                                          description=_l("For example 20000: one person-month of obligation "
                                                         "for every 20,000 euros of labour cost."))
    euros_per_person = DecimalField(_l("Euros of labour cost per person"), places=2,
                                    validators=[Optional(), number_range(min=1, max=99_999_999)],
                                    description=_l("For clauses counted in people."))
    justification = TextAreaField(_l("Source and justification"), validators=[DataRequired(), Length(max=4000)],
                                  description=_l("Where the rule comes from (a council decision, a guide) and why; "
                                                 "shown with every suggestion."))
